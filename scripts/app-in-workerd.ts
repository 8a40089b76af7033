// Runs the app's built Worker in workerd through Miniflare's API directly (no dev proxy in
// front, see BENCHMARKS.md), with in-memory D1/KV/R2, the migrations applied and the given
// vars: the benchmarks' app, and the e2e tests' for a configuration the dev server does not
// have (e2e/voice-realtime.e2e.ts, with the SPA's built assets).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

const BUILD_DIR = "bench/.build";
const ASSETS_DIR = "dist/client";

/**
 * `assets` serves the SPA from dist/client (build it first: `vite build`); without it the
 * Worker alone answers. `entry` swaps the entry module for one that imports the built bundle (bench/app-entry.js).
 * The Worker also gets a socket of its own in workerd (`url`): plain HTTP clients reach it
 * without Miniflare's entry worker or any Node proxy in between; `pid` is that workerd.
 */
export async function startApp(
  vars: Record<string, string> = {},
  opts: { entry?: string; assets?: boolean; onLog?: (log: { level: string; message: string }) => void; miniflare?: Record<string, unknown>; unlimited?: boolean } = {},
) {
  // wrangler refuses to bundle while the static assets' folder is missing (a fresh clone has
  // no SPA build); the benchmarks serve no assets, so an empty folder is enough.
  mkdirSync(ASSETS_DIR, { recursive: true });
  const built = spawnSync("wrangler", ["deploy", "--dry-run", "--outdir", BUILD_DIR, "-c", "wrangler.toml"], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (built.status !== 0) throw new Error(`bundling failed:\n${built.stderr}`);
  const { workerOptions } = unstable_getMiniflareWorkerOptions("wrangler.toml");
  const { assets, modulesRules: _rules, ...options } = workerOptions as typeof workerOptions & { assets?: unknown; modulesRules?: unknown };
  const before = workerdPids();
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      ...options,
      // An entry of our own lists its modules: Miniflare does not follow its import of the bundle.
      ...(opts.entry
        ? { modulesRoot: "bench", modules: [opts.entry, `${BUILD_DIR}/index.js`].map((path) => ({ type: "ESModule", path })) }
        : { modules: true, scriptPath: `${BUILD_DIR}/index.js` }),
      ...(opts.assets ? { assets } : {}),
      unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
      ...(opts.onLog ? { handleStructuredLogs: opts.onLog } : {}),
      // `unlimited`: every [[ratelimits]] binding with an allowance no bench reaches (what is measured is not the abuse limits).
      ...(opts.unlimited ? { ratelimits: unlimited((options as { ratelimits?: Record<string, unknown> }).ratelimits) } : {}),
      ...opts.miniflare,
      bindings: { ...(options.bindings ?? {}), APP_ENV: "test", DEV_LOGIN: "true", JWT_SECRET: "bench-secret-that-is-at-least-32-bytes!!", ...vars },
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  await mf.ready;
  const env = await mf.getBindings<{ DB: D1Database; PRODUCTS: KVNamespace }>();
  const db = env.DB;
  for (const file of readdirSync("migrations").filter((f) => f.endsWith(".sql")).sort()) {
    for (const statement of readFileSync(`migrations/${file}`, "utf8").split("--> statement-breakpoint")) {
      const sql = statement.replace(/^\s*--.*$/gm, "").trim();
      if (sql) await db.prepare(sql).run();
    }
  }
  const url = (await mf.unsafeGetDirectURL(options.name as string | undefined)).href.replace(/\/$/, "");
  return { mf, db, kv: env.PRODUCTS, url, pid: newWorkerd(before) };
}

function unlimited(limits: Record<string, unknown> = {}) {
  return Object.fromEntries(Object.keys(limits).map((name, i) => [name, { namespace_id: String(9900 + i), simple: { limit: 1_000_000_000, period: 60 } }]));
}

/** Pids of the workerd processes this Node process spawned (Miniflare runs one per instance). */
export function workerdPids(): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("workerd")) pids.add(Number(entry));
    } catch {
      // The process went away while we looked.
    }
  }
  return pids;
}

/** The one workerd started since `before` was taken. */
export function newWorkerd(before: Set<number>): number {
  const fresh = [...workerdPids()].filter((p) => !before.has(p));
  if (fresh.length !== 1) throw new Error(`expected one new workerd process, found ${fresh.length}`);
  return fresh[0]!;
}

/** Resident memory of a process, in KiB (VmRSS). */
export function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
}

