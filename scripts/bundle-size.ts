// What a deploy ships, measured: the production build (vite, the same as `npm run deploy`),
// the Worker's modules gzip-compressed as Cloudflare counts them, and the JavaScript each SPA
// route downloads on a first visit (its chunks and everything they import statically).
// `npm run size` checks the budgets (issue 9) and fails past them; bench/bundle.ts reports the
// same figures with what each dependency costs. Sizes are deterministic, so this runs in CI.
import path from "node:path";
import { gzipSync } from "node:zlib";
import { transform } from "esbuild";
import { createBuilder, type Plugin } from "vite";

export const KiB = 1024;
export const BUDGETS = { workerGzip: 600 * KiB, firstLoadGzip: 40 * KiB };

/**
 * The pages whose first visit is measured: the route's lazy component, whether it sits in the
 * signed-in frame, the lazy chunks it fetches before it is complete (`needs`: every page one
 * dictionary, the larger one counted) and those it fetches after its first render (`later`:
 * an open room's log and stream parser, the charts' uPlot), reported but outside the budget.
 */
const DICTIONARY = ["web/src/i18n/ko.ts", "web/src/i18n/en.ts"];
const STREAM_PARSER = ["node_modules/eventsource-parser/dist/stream.js"];
const CONVERSATION = ["web/src/pages/style/ConversationLog.tsx"];
const CHART = ["web/src/pages/practice/report/uplot.ts"];
export const PAGES = [
  { page: "login", module: "web/src/pages/login/Login.tsx", framed: false, needs: [], later: [] },
  { page: "occasions (home)", module: "web/src/pages/occasions/Occasions.tsx", framed: true, needs: [], later: [] },
  { page: "chat (style)", module: "web/src/pages/style/Style.tsx", framed: true, needs: [], later: [CONVERSATION, STREAM_PARSER] },
  { page: "catalog", module: "web/src/pages/catalog/Catalog.tsx", framed: true, needs: [], later: [] },
  { page: "try-on", module: "web/src/pages/try-on/TryOn.tsx", framed: true, needs: [], later: [] },
  { page: "live rehearsal", module: "web/src/pages/practice/Live.tsx", framed: true, needs: [], later: [] },
  { page: "report", module: "web/src/pages/practice/Report.tsx", framed: true, needs: [], later: [CHART] },
  { page: "progress", module: "web/src/pages/Progress.tsx", framed: true, needs: [], later: [CHART] },
] satisfies { page: string; module: string; framed: boolean; needs: string[][]; later: string[][] }[];
const FRAME = "web/src/frame/AppFrame.tsx";

type Chunk = { file: string; facade: string | null; imports: string[]; gzip: number; bytes: number; isEntry: boolean };
type Module = { id: string; code: string };

/** A page's first load: `gzip` and `files` before it is complete (budgeted), `laterGzip` what it fetches after its first render. */
export type PageLoad = { page: string; gzip: number; files: string[]; laterGzip: number };
export type DependencyCost = { name: string; minified: number; gzip: number };
export type Sizes = {
  worker: { gzip: number; bytes: number; modules: { file: string; gzip: number; bytes: number }[]; entryGzip: number };
  pages: PageLoad[];
  css: number;
  dependencies: DependencyCost[];
};

/** The package a module belongs to (`openai`, `@scope/name`), or the app's folder (`worker/chat`). */
export function ownerOf(id: string): string {
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(id)?.[1];
  if (dep) return dep;
  const rel = path.relative(process.cwd(), id.replace(/^\0/, "").split("?")[0]!);
  return rel.startsWith("..") || rel === "" ? "(runtime helpers)" : rel.split(path.sep).slice(0, 2).join("/");
}

const gzipBytes = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;

/**
 * Builds the app for production into `dist/` and measures it. `withDependencies` adds each
 * package's cost (slower); `minifyWorker: false` builds the Worker as it was before issue 9 (a baseline).
 */
export async function measure({ withDependencies = false, minifyWorker = true } = {}): Promise<Sizes> {
  const chunks: Record<string, Chunk[]> = {};
  const modules: Module[] = [];
  let css = 0;
  const capture: Plugin = {
    name: "debut:measure",
    generateBundle(_options, bundle) {
      const env = this.environment.name;
      for (const out of Object.values(bundle)) {
        if (out.type === "asset") {
          if (env === "client" && out.fileName.endsWith(".css")) css += gzipBytes(out.source);
          continue;
        }
        (chunks[env] ??= []).push({
          file: out.fileName,
          facade: out.facadeModuleId ? path.relative(process.cwd(), out.facadeModuleId) : null,
          imports: out.imports,
          gzip: gzipBytes(out.code),
          bytes: Buffer.byteLength(out.code),
          isEntry: out.isEntry,
        });
        if (env !== "client" && withDependencies) {
          // A module's rendered code in this chunk; none when tree-shaking left nothing of it.
          for (const [id, m] of Object.entries(out.modules)) modules.push({ id, code: m.code ?? "" });
        }
      }
    },
  };
  const builder = await createBuilder({
    plugins: [capture],
    logLevel: "warn",
    mode: "production",
    ...(minifyWorker ? {} : { environments: { worker: { build: { minify: false } } } }),
  });
  await builder.buildApp();

  const client = chunks.client ?? [];
  const worker = Object.entries(chunks).find(([env]) => env !== "client")?.[1] ?? [];
  if (client.length === 0 || worker.length === 0) throw new Error("the build produced no client or no Worker chunks");
  const byFile = new Map(client.map((c) => [c.file, c]));
  const closure = (start: Chunk, seen = new Set<string>()) => {
    if (seen.has(start.file)) return seen;
    seen.add(start.file);
    for (const f of start.imports) closure(byFile.get(f)!, seen);
    return seen;
  };
  const facade = (module: string) => {
    const chunk = client.find((c) => c.facade !== null && c.facade.endsWith(module));
    if (!chunk) throw new Error(`no chunk for ${module}: is it still a lazy route?`);
    return chunk;
  };
  const entry = client.find((c) => c.isEntry)!;
  const gzipOf = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + byFile.get(f)!.gzip, 0);
  /** The chunks of one of `alternatives` (the largest closure) not already in `have`. */
  const heaviest = (alternatives: string[], have: Set<string>) =>
    alternatives
      .map((module) => [...closure(facade(module))].filter((f) => !have.has(f)))
      .sort((a, b) => gzipOf(b) - gzipOf(a))[0]!;
  const pages = PAGES.map(({ page, module, framed, needs, later }) => {
    const files = new Set<string>();
    for (const start of [entry, ...(framed ? [facade(FRAME)] : []), facade(module)]) closure(start, files);
    for (const alternatives of [DICTIONARY, ...needs]) for (const f of heaviest(alternatives, files)) files.add(f);
    const after = new Set<string>();
    for (const alternatives of later) for (const f of heaviest(alternatives, files)) after.add(f);
    return { page, files: [...files], gzip: gzipOf(files), laterGzip: gzipOf(after) };
  });

  const workerEntry = worker.find((c) => c.isEntry)!;
  return {
    worker: {
      gzip: worker.reduce((s, c) => s + c.gzip, 0),
      bytes: worker.reduce((s, c) => s + c.bytes, 0),
      modules: worker.map(({ file, gzip, bytes }) => ({ file, gzip, bytes })).sort((a, b) => b.gzip - a.gzip),
      entryGzip: workerEntry.gzip,
    },
    pages,
    css,
    dependencies: withDependencies ? await dependencyCosts(modules) : [],
  };
}

/** Each owner's modules minified on their own and gzip-compressed: what removing it would roughly save. */
async function dependencyCosts(modules: Module[]): Promise<DependencyCost[]> {
  const grouped = new Map<string, string[]>();
  for (const { id, code } of modules) if (code.trim()) grouped.set(ownerOf(id), [...(grouped.get(ownerOf(id)) ?? []), code]);
  const costs: DependencyCost[] = [];
  for (const [name, codes] of grouped) {
    // Each module minified as the module it is in the bundle, nothing dropped (treeShaking off: rolldown already shook it).
    const minified = await Promise.all(
      codes.map((code) =>
        transform(code, { minify: true, treeShaking: false, loader: "js", format: "esm", target: "es2022", logLevel: "silent" }).then(
          (out) => out.code,
          () => code,
        ),
      ),
    );
    const code = minified.join("\n");
    costs.push({ name, minified: Buffer.byteLength(code), gzip: gzipBytes(code) });
  }
  return costs.sort((a, b) => b.gzip - a.gzip);
}

export const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;

/** The budgets' verdicts: an empty list when every size is within its budget. */
export function overBudget(sizes: Sizes): string[] {
  const problems: string[] = [];
  if (sizes.worker.gzip > BUDGETS.workerGzip) problems.push(`Worker bundle ${kib(sizes.worker.gzip)} gzip > ${kib(BUDGETS.workerGzip)}`);
  for (const p of sizes.pages) if (p.gzip > BUDGETS.firstLoadGzip) problems.push(`first load of ${p.page}: ${kib(p.gzip)} gzip > ${kib(BUDGETS.firstLoadGzip)}`);
  return problems;
}

// `npm run size`: the guard in `npm test`.
if (import.meta.main) {
  const sizes = await measure();
  console.log(`Worker bundle: ${kib(sizes.worker.gzip)} gzip (${kib(sizes.worker.bytes)} minified, ${sizes.worker.modules.length} modules; entry ${kib(sizes.worker.entryGzip)}), budget ${kib(BUDGETS.workerGzip)}`);
  for (const p of sizes.pages) {
    const later = p.laterGzip ? ` (then ${kib(p.laterGzip)} after its first render)` : "";
    console.log(`first load, ${p.page}: ${kib(p.gzip)} gzip JS in ${p.files.length} files${later}, budget ${kib(BUDGETS.firstLoadGzip)}`);
  }
  const problems = overBudget(sizes);
  for (const p of problems) console.error(`over budget: ${p}`);
  process.exit(problems.length ? 1 : 0);
}
