// `npm run bench:lighthouse` (quick: 3 runs a page) or `-- --full` (5 runs): Lighthouse's
// performance, accessibility and best-practices scores of the login, chat and report pages on
// its default mobile profile (a mid-range phone, simulated slow 4G and 4× CPU slowdown), in
// Debian's Chromium. The app is served as deployed: the production build (`vite build`, as
// `npm run deploy`) in the app's workerd (Miniflare's API, dist/client as static assets with
// public/_headers), behind a small proxy that compresses text as Cloudflare's edge does
// (Miniflare's asset server answers uncompressed). The signed-in pages are seeded first: a
// dev-login user, a chat room with one finished turn of the offline stylists (products with
// their garment images), and a typed rehearsal ended into its scored report. Each page's
// figures are the median of its runs, column by column; every run's JSON and HTML report and
// its final screenshot go to bench/results/lighthouse/. Target (issue 9): performance ≥ 95 and
// accessibility ≥ 95 on each page.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import { pipeline } from "node:stream";
import zlib from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import { encode as encodePng } from "fast-png";
import { decode as decodeJpeg } from "jpeg-js";
import lighthouse from "lighthouse";
import { createBuilder } from "vite";
import WebSocket from "ws";
import { generateCatalog } from "../scripts/catalog/generate.ts";
import { garmentSource, renderSvgPng } from "../scripts/catalog/render.ts";
import { sha256, writeProducts } from "../scripts/catalog/write.ts";
import type { ProductRow } from "../worker/catalog/product-row.ts";
import { startApp } from "./harness.ts";
import { writeSection } from "./report.ts";
import { reportTargets } from "./targets.ts";
import { seed } from "./seed.ts";

const FULL = process.argv.includes("--full");
const RUNS = Number(process.env.BENCH_RUNS ?? (FULL ? 5 : 3));
/** `--raw`: no edge proxy (plain HTTP/1.1, uncompressed: what Miniflare's asset server alone answers), for comparison. */
const RAW = process.argv.includes("--raw");
/** `--serve`: seed and serve the pages, print their addresses and the cookie, and wait (for looking into a page). */
const SERVE = process.argv.includes("--serve");
/** `--trace`: also keep each run's trace (bench/results/lighthouse/NAME.trace.json, for DevTools' Performance panel). */
const TRACE = process.argv.includes("--trace");
/** BENCH_PAGES=login,chat,report: only those pages. */
const ONLY = process.env.BENCH_PAGES?.split(",");
const PRODUCTS = 400;
const TARGET = 95;
const RESULTS = "bench/results/lighthouse";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The flags the brief asks for, and the one that lets Chromium take the proxy's self-signed certificate. */
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--ignore-certificate-errors"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Envelope<T = Record<string, unknown>> = { status: string; message: string; data: T };

// ------------------------------------------------------------------ the app, as deployed

export type Page = { id: "login" | "chat" | "report"; page: string; path: string; signedIn: boolean };
export type Served = { base: string; cookie: string; pages: Page[]; close: () => Promise<void> };

/** Builds the SPA, serves the app as deployed and seeds what the three pages show. */
export async function serve({ raw = false, build = true } = {}): Promise<Served> {
  if (build) {
    console.log("building the production SPA (vite build)…");
    await (await createBuilder({ logLevel: "warn", mode: "production" })).buildApp();
  }
  let shownLogs = 0;
  const app = await startApp(
    { LLM_ENGINE: "local", VOICE_ENGINE: "local", FITTING_ENGINE: "local", LOCAL_STREAM_PACE_MS: "0" },
    {
      assets: true,
      unlimited: true,
      onLog: (log) => {
        if (["warn", "error"].includes(log.level) && shownLogs++ < 20) console.error(`  [workerd ${log.level}] ${log.message.slice(0, 300)}`);
      },
    },
  );
  const proxy = raw ? null : await edgeProxy(app.url);
  try {
    const { cookie, roomId, sessionId } = await seedPages(app);
    return {
      base: proxy?.url ?? app.url,
      cookie,
      pages: [
        { id: "login", page: "login", path: "/login", signedIn: false },
        { id: "chat", page: "chat (style room)", path: `/style/${roomId}`, signedIn: true },
        { id: "report", page: "rehearsal report", path: `/practice/${sessionId}/report`, signedIn: true },
      ],
      close: async () => {
        await proxy?.close();
        await app.mf.dispose();
      },
    };
  } catch (err) {
    await proxy?.close();
    await app.mf.dispose();
    throw err;
  }
}

/**
 * What Cloudflare's edge does in front of a Worker and its static assets: HTTPS with HTTP/2
 * (one multiplexed connection; Lighthouse's simulation models HTTP/1.1 as up to six
 * connections, each with its own handshake, so the protocol changes the figures), and text
 * compressed, brotli for a browser that accepts it (else gzip), streamed; event streams pass
 * untouched. Everything else (status, headers, cookies, the host the browser asked for) goes
 * through as it is. The certificate is a throwaway self-signed one for 127.0.0.1 (Chromium
 * runs with --ignore-certificate-errors); WebSocket upgrades are not relayed (the audited
 * pages open none).
 */
async function edgeProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const compressible = /^(text\/(?!event-stream)|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/;
  const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "http2-settings"]);
  const server = http2.createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, (req, res) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!name.startsWith(":") && !hopByHop.has(name)) headers[name] = value;
    headers.host = req.headers[":authority"] ?? req.headers.host;
    const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, (up) => {
      const accepts = String(req.headers["accept-encoding"] ?? "");
      const compress =
        req.method !== "HEAD" && up.statusCode !== 204 && up.statusCode !== 304 && !up.headers["content-encoding"] && compressible.test(String(up.headers["content-type"] ?? ""));
      const encoding = !compress ? null : /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      const answer: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(up.headers)) if (!hopByHop.has(name) && value !== undefined) answer[name] = value;
      if (encoding) {
        delete answer["content-length"];
        answer["content-encoding"] = encoding;
        answer.vary = answer.vary ? `${answer.vary}, Accept-Encoding` : "Accept-Encoding";
      }
      res.writeHead(up.statusCode ?? 502, answer);
      if (!encoding) return void pipeline(up, res, () => {});
      const zip =
        encoding === "br"
          ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 }, flush: zlib.constants.BROTLI_OPERATION_FLUSH })
          : zlib.createGzip({ level: 6, flush: zlib.constants.Z_SYNC_FLUSH });
      pipeline(up, zip, res, () => {});
    });
    out.on("error", (err) => {
      if (!res.headersSent) res.writeHead(502).end(String(err));
      else res.destroy();
    });
    pipeline(req, out, () => {});
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

/** A key and certificate for 127.0.0.1, valid for two days, made by openssl for this run. */
function selfSignedCertificate(): { key: string; cert: string } {
  mkdirSync(RESULTS, { recursive: true });
  const [key, cert] = [`${RESULTS}/127.0.0.1-key.pem`, `${RESULTS}/127.0.0.1-cert.pem`];
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
}

// ------------------------------------------------------------------ what the pages show

type App = Awaited<ReturnType<typeof startApp>>;

/** Seeding talks to the app's workerd directly (the proxy is for the browser). */
async function seedPages(app: App): Promise<{ cookie: string; roomId: number; sessionId: string }> {
  async function call<T = Record<string, unknown>>(method: string, path: string, opts: { cookie?: string; body?: unknown } = {}) {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...(opts.body === undefined ? {} : { "content-type": "application/json", origin: app.url }), ...(opts.cookie ? { cookie: opts.cookie } : {}) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: Envelope<T>;
    try {
      body = JSON.parse(text) as Envelope<T>;
    } catch {
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    }
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return { res, body };
  }

  console.log(`seeding ${PRODUCTS} products with their garment images, the knowledge base, a user, a chat turn and a rehearsal…`);
  await seed(app.db, 0); // the knowledge passages
  const bindings = await app.mf.getBindings<{ DB: D1Database; IMAGES: R2Bucket; PRODUCTS: KVNamespace }>();
  await writeProducts(
    bindings,
    generateCatalog(PRODUCTS).map(({ image, ...row }) => {
      const svg = garmentSource(image);
      return { row: row as ProductRow, image: { version: sha256(svg), contentType: "image/png", bytes: () => renderSvgPng(svg) } };
    }),
    "demo",
  );

  const login = await call("POST", "/api/auth/dev-login", { body: { nickname: "lighthouse" } });
  const cookie = login.res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!cookie) throw new Error("the dev login set no cookie");

  /** A chat room with one finished turn: the stream ends after the coordinator's answer. */
  async function chatRoom(question: string): Promise<number> {
    const res = await fetch(`${app.url}/api/chat/rooms/messages/stream?user_input=${encodeURIComponent(question)}`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: AbortSignal.timeout(60_000),
    });
    if (!res.ok) throw new Error(`chat stream: ${res.status} ${await res.text()}`);
    const text = await res.text();
    const roomId = Number(/"room_id":\s*(\d+)/.exec(text)?.[1]);
    if (!Number.isFinite(roomId)) throw new Error(`chat stream: no room event in ${text.slice(0, 300)}`);
    if (/^event: error$/m.test(text)) throw new Error(`chat stream: an error event: ${text.slice(text.indexOf("event: error"), 400)}`);
    // The answers are saved in one batch when the turn ends: wait until the room's history has them.
    for (let i = 0; i < 100; i++) {
      const { body } = await call<{ messages: unknown[] }>("GET", `/api/chat/rooms/${roomId}/messages`, { cookie });
      if (body.data.messages.length >= 5) return roomId;
      await sleep(100);
    }
    throw new Error(`room ${roomId}: the turn's answers were not saved`);
  }

  /** A rehearsal with typed turns (the local partner answers each), ended into its report. */
  async function rehearsal(turns: string[]): Promise<string> {
    const { body } = await call<{ id: string }>("POST", "/api/voice/sessions", { cookie, body: { scenarioId: "interview-general", language: "en", difficulty: "normal" } });
    const id = body.data.id;
    const ws = new WebSocket(`${app.url.replace(/^http/, "ws")}/api/voice/sessions/${id}/ws`, { headers: { cookie, origin: app.url }, perMessageDeflate: false });
    let done = 0;
    let waiting: (() => void) | null = null;
    const responses = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`rehearsal ${id}: no partner answer within 20 s`)), 20_000);
        waiting = () => {
          if (done < count) return;
          clearTimeout(timer);
          waiting = null;
          resolve();
        };
        waiting();
      });
    ws.on("message", (data: Buffer) => {
      const event = JSON.parse(data.toString()) as { type: string; error?: unknown };
      if (event.type === "error") console.error(`  rehearsal ${id}: ${JSON.stringify(event.error)}`);
      if (event.type === "response.done") {
        done++;
        waiting?.();
      }
    });
    await responses(1); // the partner's opening line
    for (const [i, text] of turns.entries()) {
      ws.send(JSON.stringify({ type: "conversation.item.create", item: { type: "message", role: "user", content: [{ type: "input_text", text }] }, input: "text" }));
      ws.send(JSON.stringify({ type: "response.create" }));
      await responses(i + 2);
    }
    await call("POST", `/api/voice/sessions/${id}/end`, { cookie });
    ws.close();
    return id;
  }

  const roomId = await chatRoom("What should I wear to a job interview at an IT company next week? My budget is 300,000 won.");
  const sessionId = await rehearsal([
    "Um, hello. I'm a backend developer and I have, like, five years of building payment systems. Thank you for your time.",
    "I read that your payment platform doubled its volume last year, so, uh, I applied because I want to work on that scale.",
    "My strength is that I write things down before I build them; my weakness is that I sometimes take too long to ask for help.",
  ]);
  return { cookie, roomId, sessionId };
}

// ------------------------------------------------------------------ Lighthouse

export type Run = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  jsBytes: number;
  totalBytes: number;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster; its 4× CPU slowdown assumes ≥ 1300). */
  benchmarkIndex: number;
  /** The CPU's idle share just before the run (waitForQuiet). */
  idleBefore?: number;
  /** What the report marks red or orange: a metric or an insight under 0.9, a pass/fail audit failed. */
  failing: string[];
};

/** One Lighthouse run of `page` (mobile, simulated throttling) in the Chromium at `port`; its reports saved as `name`. */
export async function audit(port: number, served: Served, page: Page, name: string, attempt = 1): Promise<Run> {
  const result = await lighthouse(
    `${served.base}${page.path}`,
    {
      port,
      output: ["json", "html"],
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      ...(page.signedIn ? { extraHeaders: { Cookie: served.cookie } } : {}),
    },
    undefined,
  );
  if (!result) throw new Error(`lighthouse gave no result for ${page.path}`);
  const { lhr } = result;
  if (lhr.runtimeError) {
    // Now and then the trace misses the navigation's start (NO_NAVSTART): Lighthouse asks to run again.
    if (attempt < 3) return audit(port, served, page, name, attempt + 1);
    throw new Error(`lighthouse on ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  mkdirSync(RESULTS, { recursive: true });
  const [json, html] = result.report as string[];
  writeFileSync(`${RESULTS}/${name}.report.json`, json!);
  writeFileSync(`${RESULTS}/${name}.report.html`, html!);
  if (TRACE) writeFileSync(`${RESULTS}/${name}.trace.json`, JSON.stringify(result.artifacts.Trace));
  const shot = (lhr.audits["final-screenshot"]?.details as { data?: string } | undefined)?.data;
  if (shot) writeFileSync(`${RESULTS}/${name}.final.png`, jpegToPng(Buffer.from(shot.split(",")[1]!, "base64")));
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const summary = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const failing = Object.values(lhr.categories).flatMap((c) =>
    c.auditRefs
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && ["numeric", "binary", "metricSavings"].includes(a.scoreDisplayMode) && a.score < (a.scoreDisplayMode === "binary" ? 1 : 0.9))
      .map((a) => `${c.id}: ${a.id}`),
  );
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    speedIndex: value("speed-index"),
    jsBytes: summary.find((s) => s.resourceType === "script")?.transferSize ?? NaN,
    totalBytes: summary.find((s) => s.resourceType === "total")?.transferSize ?? NaN,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failing: [...new Set(failing)],
  };
}

/** The share of the machine's CPU time that was idle over `ms` (from /proc/stat). */
async function idleShare(ms: number): Promise<number> {
  const read = () => {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
  };
  const a = read();
  await sleep(ms);
  const b = read();
  return (b.idle - a.idle) / Math.max(1, b.total - a.total);
}

/**
 * Lighthouse times the page's main thread as it ran here and multiplies it by four: on a
 * shared two-core machine another process's burst shows up as blocking time. Each run waits
 * (up to QUIET_WAIT_S, 180 s) until the CPU has been at least 85 % idle for two seconds.
 */
export async function waitForQuiet(): Promise<number> {
  const until = performance.now() + Number(process.env.QUIET_WAIT_S ?? 180) * 1000;
  let idle = 0;
  while (performance.now() < until) {
    idle = Math.min(await idleShare(1000), await idleShare(1000));
    if (idle >= 0.85) break;
  }
  return idle;
}

export const launchChrome = () => chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });

/** Lighthouse's screenshots are JPEG; PNG is what every viewer here opens. */
function jpegToPng(jpeg: Buffer): Uint8Array {
  const { width, height, data } = decodeJpeg(jpeg, { useTArray: true });
  return encodePng({ width, height, data, channels: 4 });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// ------------------------------------------------------------------ the bench

if (import.meta.main) await main();

async function main() {
  const served = await serve({ raw: RAW });
  if (SERVE) {
    console.log(`serving ${served.base} (cookie: ${served.cookie})\n${served.pages.map((p) => `  ${p.page}: ${served.base}${p.path}`).join("\n")}\nCtrl-C ends it.`);
    await new Promise<void>((resolve) => process.once("SIGINT", resolve));
    return served.close();
  }
  const pages = served.pages.filter((p) => !ONLY || ONLY.includes(p.id));
  const chrome = await launchChrome();
  const results: { page: Page; runs: Run[] }[] = [];
  try {
    for (const page of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const idle = await waitForQuiet();
        const run = await audit(chrome.port, served, page, `${page.id}-${i + 1}`);
        run.idleBefore = idle;
        runs.push(run);
        console.log(
          `${page.page} run ${i + 1}/${RUNS}: performance ${run.performance}, accessibility ${run.accessibility}, best practices ${run.bestPractices}; FCP ${sec(run.fcp)}, LCP ${sec(run.lcp)}, TBT ${Math.round(run.tbt)} ms, CLS ${run.cls.toFixed(3)}, SI ${sec(run.speedIndex)}, JS ${kib(run.jsBytes)}; benchmark index ${Math.round(run.benchmarkIndex)}, ${Math.round((idle) * 100)} % idle before${run.failing.length ? `; marked: ${run.failing.join(", ")}` : ""}`,
        );
      }
      results.push({ page, runs });
    }
  } finally {
    chrome.kill();
    await served.close();
  }
  report(results);
}

// ------------------------------------------------------------------ the table

function report(results: { page: Page; runs: Run[] }[]) {
  const mark = (score: number) => (score >= TARGET ? `**${score}**` : `**${score}** ✗`);
  const rows = results.map(({ page, runs }) => {
    const m = (key: "performance" | "accessibility" | "bestPractices" | "fcp" | "lcp" | "tbt" | "cls" | "speedIndex" | "jsBytes" | "totalBytes" | "benchmarkIndex") => median(runs.map((r) => r[key]));
    const path = page.path.replace(/\/[0-9a-f-]{36}\//, "/{id}/").replace(/\/\d+$/, "/{roomId}");
    return `| ${page.page} (\`${path}\`) | ${mark(Math.round(m("performance")))} | ${mark(Math.round(m("accessibility")))} | ${Math.round(m("bestPractices"))} | ${sec(m("fcp"))} | ${sec(m("lcp"))} | ${Math.round(m("tbt"))} ms | ${m("cls").toFixed(3)} | ${sec(m("speedIndex"))} | ${kib(m("jsBytes"))} | ${kib(m("totalBytes"))} | ${Math.round(m("benchmarkIndex"))} |`;
  });
  const marked = results.flatMap(({ page, runs }) => {
    const counts = new Map<string, number>();
    for (const id of runs.flatMap((r) => r.failing)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts.size ? [`- ${page.page}: ${[...counts].map(([id, n]) => `${id} (${n}/${runs.length})`).join(", ")}`] : [];
  });
  const chromium = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  const version = (JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")) as { version: string }).version;
  const lines = [
    `${FULL ? "Full" : "Quick"} run (\`npm run bench:lighthouse\`; \`-- --full\` for ${FULL ? "this" : "5 runs a page"}). Lighthouse ${version} (npm, node API) in Debian's ${chromium}, headless, on Lighthouse's default mobile profile: a 412 × 823 screen at DPR 1.75, simulated throttling (150 ms RTT, 1.6 Mbit/s down, 4× CPU slowdown). The production build in the app's workerd (Miniflare's API; static assets from dist/client with public/_headers)${RAW ? ", answered uncompressed as Miniflare's asset server does (\`--raw\`)" : ", behind a proxy that compresses text with brotli as Cloudflare's edge does (Miniflare's asset server answers uncompressed)"}. Seeded: ${PRODUCTS} products with their garment images, a dev-login user (its session cookie sent by Lighthouse), a chat room with one finished turn of the offline stylists, a typed interview rehearsal ended into its report. Each figure is the median of ${RUNS} runs, column by column; the runs' JSON and HTML reports and final screenshots are in \`bench/results/lighthouse/\`. Target: performance ≥ ${TARGET} and accessibility ≥ ${TARGET} on each page.`,
    "",
    "| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS | Speed Index | JS transferred | all transferred | benchmark index |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    ...(marked.length ? ["What the reports marked (red or orange; in how many runs):", "", ...marked] : ["No audit was marked in any run."]),
  ];
  writeSection("lighthouse", "Lighthouse (mobile)", lines.join("\n"));
  reportTargets(
    "lighthouse",
    results.flatMap(({ page, runs }) =>
      (["performance", "accessibility"] as const).map((key) => {
        const score = Math.round(median(runs.map((r) => r[key])));
        return { what: `${page.page} page, ${key} (mobile, median of ${runs.length})`, measured: String(score), target: `≥ ${TARGET}`, met: score >= TARGET };
      }),
    ),
  );
  console.log(`\n${lines.join("\n")}`);
  const short = results.filter(({ runs }) => median(runs.map((r) => r.performance)) < TARGET || median(runs.map((r) => r.accessibility)) < TARGET);
  if (short.length) console.error(`\nunder ${TARGET}: ${short.map((r) => r.page.page).join(", ")}`);
}
