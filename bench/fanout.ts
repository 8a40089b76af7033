// `npm run bench:fanout` (quick) or `npm run bench:fanout -- --full`: the SSE fan-out, each
// variant in a workerd of its own (Miniflare's API, the Worker on its own socket: no dev proxy,
// no Miniflare entry worker), in the same run, so that ratios hold on a noisy machine.
//  1. Memory per idle subscriber: (server RSS with N idle subscribers − RSS before) / N, each
//     reading after a full garbage collection (V8's --expose-gc, GET /__gc); the server's file
//     descriptors per subscriber; then RSS after the clients left, and with N new ones (is the
//     memory the first N held given back to be reused?).
//  2. Broadcast to N subscribers of one object: per subscriber, the trigger request's start →
//     the event read by the client (POST /api/chat/send → `turn` for the app).
//  3. A subscriber that never reads, during broadcasts: is it dropped, how much does the server
//     hold for it meanwhile, do the others keep receiving.
//  4. (--full) 10,000 subscribers: straight to the app's workerd, and through "edge" workerds
//     that hold the sockets and call the app over Cap'n Proto RPC.
//  5. The app under `wrangler dev` (its dev proxy's workerd in front of the app's): one row of
//     memory and one of broadcast, against the app's workerd alone in the same run.
// Variants: the machine (a plain Node HTTP server), the runtime's floor (bench/fanout/floor.js:
// a bare Worker stream, and the same through a Durable Object), the naive design
// (bench/fanout/naive.js), the design space (bench/fanout/hub.js: shared vs per-subscriber
// encoding, controller.enqueue vs a writer vs pull, fetch vs RPC for the Worker → object hop,
// coalesced bursts), hibernatable WebSockets (bench/fanout/ws.js), and the app's room (through
// its route; and its stream without the route, bench/fanout/app-entry.js).
// Clients are lean sockets (bench/sse.ts; WebSockets in bench/fanout/clients.ts) held by child
// processes (bench/fanout/clients.ts), so that neither their fds nor their reading count
// against this process. BENCH_SUBSCRIBERS (default 1,000), BENCH_ONLY (variants by name prefix,
// comma-separated) and BENCH_BIG (the --full part's size, default 10,000) override; BENCH_DRY=1
// prints the tables without writing BENCHMARKS.md or the targets' verdicts.
// Targets (issue 9): memory ≤ 1.10 × the floor, all of it returned on close; 10,000
// subscribers without an error; 1,000-subscriber broadcast p99 ≤ 25 ms (the app's workerd alone).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { newWorkerd, rssKiB, startApp, stats, workerdPids, type Stats } from "./harness.ts";
import { json as httpJson, login as devLogin, type RequestOptions } from "./http.ts";
import { writeSection } from "./report.ts";
import { reportTargets, type Verdict } from "./targets.ts";
import { QUESTIONS, seed } from "./seed.ts";
import { isCoordinatorComplete, openLeanStream, type Event } from "./sse.ts";

const FULL = process.argv.includes("--full");
const N = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
const BIG = Number(process.env.BENCH_BIG ?? 10_000);
const ROUNDS = FULL ? 20 : 10;
/** Subscribers opened before the baseline and kept open, so that first-use costs are not counted. */
const WARM = 10;
/** Subscribers per client process. */
const PER_CLIENT_PROCESS = 2_500;
const FD_LIMIT = Number(/Max open files\s+(\d+)/.exec(readFileSync("/proc/self/limits", "utf8"))?.[1] ?? 1024);
const ONLY = process.env.BENCH_ONLY?.split(",");
const wanted = (variant: string) => !ONLY || ONLY.some((prefix) => variant.startsWith(prefix));

// Every workerd started from here on gets V8's gc() (Miniflare passes these flags on).
process.env.MINIFLARE_WORKERD_V8_FLAGS = "--expose-gc";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hr = () => Number(process.hrtime.bigint()) / 1e6;
const kib = (x: number) => `${Math.round(x).toLocaleString("en")} KiB`;
const mib = (kibs: number) => `${(kibs / 1024).toFixed(1)} MiB`;
const signed = (kibs: number) => `${kibs >= 0 ? "+" : "−"}${mib(Math.abs(kibs))}`;
const msec = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? `${x.toFixed(1)} ms` : "–");
const count = (x: number) => x.toLocaleString("en");
let shownLogs = 0;
const onLog = (log: { level: string; message: string }) => {
  if (!["warn", "error"].includes(log.level) || shownLogs++ >= 20) return;
  console.error(`  [workerd ${log.level}] ${log.message.slice(0, 300)}`);
};

// ------------------------------------------------------------------ HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
/**
 * One connection opened before a workerd is filled up to its fd limit, and kept: at the limit
 * it accepts no new connection, not even the bench's own requests.
 */
const control = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** JSON through this bench's pool (bench/http.ts) unless another agent is named. */
const json = <T>(base: string, method: string, path: string, opts: RequestOptions = {}) => httpJson<T>(base, method, path, { agent, ...opts });

const login = (base: string, nickname: string) => devLogin(base, nickname, agent);

/** The room's first turn, streamed (it makes the room and warms the path up); its room id. */
async function firstTurn(base: string, cookie: string, question: string): Promise<number> {
  let roomId = NaN;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const stream = await openLeanStream(base, `/api/chat/rooms/messages/stream?user_input=${encodeURIComponent(question)}`, { cookie }, (e) => {
    if (e.event === "room") roomId = (JSON.parse(e.data) as { data: { room_id: number } }).data.room_id;
    if (isCoordinatorComplete(e)) done();
  });
  await Promise.race([finished, sleep(30_000)]);
  stream.close();
  if (!Number.isFinite(roomId)) throw new Error("the first turn made no room");
  return roomId;
}

const inWorker = (res: http.IncomingMessage) => Number(/app;dur=([\d.]+)/.exec(String(res.headers["server-timing"] ?? ""))?.[1]);

// ------------------------------------------------------------------ client processes

type RoundResult = { arrivals: number[]; ends: number[]; stamps: number[]; walls: number[] };

/** Child processes (bench/fanout/clients.ts) holding the subscribers, each a contiguous share. */
class Clients {
  private readonly waiters = new Map<ChildProcess, { op: string; resolve: (m: never) => void }[]>();
  private readonly procs: ChildProcess[];

  private constructor(procs: ChildProcess[]) {
    this.procs = procs;
    for (const p of procs) {
      this.waiters.set(p, []);
      p.on("message", (m: { op: string }) => {
        const list = this.waiters.get(p)!;
        const i = list.findIndex((w) => w.op === m.op);
        if (i >= 0) list.splice(i, 1)[0]!.resolve(m as never);
      });
    }
  }

  static start(processes: number): Clients {
    const procs = Array.from({ length: processes }, () => spawn(process.execPath, ["bench/fanout/clients.ts"], { stdio: ["ignore", "inherit", "inherit", "ipc"] }));
    return new Clients(procs);
  }

  private ask<T>(p: ChildProcess, message: object, reply: string): Promise<T> {
    const answer = new Promise<T>((resolve) => this.waiters.get(p)!.push({ op: reply, resolve: resolve as (m: never) => void }));
    p.send(message);
    return answer;
  }

  private next<T>(p: ChildProcess, reply: string): Promise<T> {
    return new Promise<T>((resolve) => this.waiters.get(p)!.push({ op: reply, resolve: resolve as (m: never) => void }));
  }

  /** Opens one subscriber per path, the paths shared out among the processes; resolves when each has its first bytes. */
  async open(url: string | string[], paths: string[], headers: Record<string, string>, kind: "sse" | "ws") {
    const share = Math.ceil(paths.length / this.procs.length);
    const answers = await Promise.all(
      this.procs.map((p, k) => {
        const mine = paths.slice(k * share, (k + 1) * share);
        const target = Array.isArray(url) ? url[k % url.length]! : url;
        return mine.length ? this.ask<{ opened: number; failed: number; errors: string[] }>(p, { op: "open", url: target, paths: mine, headers, kind }, "opened") : { opened: 0, failed: 0, errors: [] };
      }),
    );
    return { opened: answers.reduce((s, a) => s + a.opened, 0), failed: answers.reduce((s, a) => s + a.failed, 0), errors: answers.flatMap((a) => a.errors) };
  }

  /** Arms every process for one round, runs `trigger`, and gathers what each subscriber saw. */
  async round(marker: string, end: string, trigger: () => Promise<void>, timeoutMs = 60_000): Promise<RoundResult> {
    const results = this.procs.map((p) => this.next<RoundResult>(p, "round"));
    await Promise.all(this.procs.map((p) => this.ask(p, { op: "arm", marker, end, timeoutMs }, "armed")));
    await trigger();
    const all = await Promise.all(results);
    return { arrivals: all.flatMap((r) => r.arrivals), ends: all.flatMap((r) => r.ends), stamps: all.flatMap((r) => r.stamps), walls: all.flatMap((r) => r.walls) };
  }

  async open_count(): Promise<number> {
    return (await Promise.all(this.procs.map((p) => this.ask<{ open: number }>(p, { op: "count" }, "count")))).reduce((s, a) => s + a.open, 0);
  }

  async close() {
    await Promise.all(this.procs.map((p) => this.ask(p, { op: "close" }, "closed")));
  }

  stop() {
    for (const p of this.procs) p.kill();
  }
}

/**
 * One process up to PER_CLIENT_PROCESS subscribers: on 2 cores, workerd and one reading process
 * each get a core (a second reader would compete with workerd for it); more for 10,000.
 */
const clientProcesses = (n: number) => Math.ceil(n / PER_CLIENT_PROCESS);

// ------------------------------------------------------------------ targets

type Target = {
  /** Where the clients connect (several: shared out among the client processes). */
  url: string | string[];
  /** The server's processes: their RSS together is its memory; the first one's fds are counted. */
  pids: number[];
  gc: () => Promise<void>;
  kind: "sse" | "ws";
  path: (i: number) => string;
  headers: Record<string, string>;
  /** Starts a broadcast (returns the Worker's own time for it when it says); subscribers then see `marker`, and the round ends at `end`. */
  broadcast?: { trigger: () => Promise<number>; marker: string; end: string };
  /** Subscribers the server holds now. */
  held?: () => Promise<number>;
  /** Where the trigger and counters go, when not `url`. */
  dispose: () => Promise<void>;
};

const DIRECT = [{ host: "127.0.0.1", port: 0 }];

async function gcAt(url: string, path = "/__gc") {
  for (let i = 0; i < 2; i++) {
    const { body } = await json<{ collected: boolean }>(url, "GET", path);
    if (!body.collected) throw new Error(`${url}: no gc() (is --expose-gc set?)`);
  }
  await sleep(500);
}

async function bareWorker(scriptPath: string, extra: object = {}): Promise<{ mf: Miniflare; url: string; pid: number }> {
  const before = workerdPids();
  const mf = new Miniflare(
    convertV4MiniflareOptions({ compatibilityDate: "2026-10-01", modules: true, unsafeDirectSockets: DIRECT, handleStructuredLogs: onLog, scriptPath, ...extra } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  await mf.ready;
  return { mf, url: (await mf.unsafeGetDirectURL()).href.replace(/\/$/, ""), pid: newWorkerd(before) };
}

const broadcastAt = (url: string, path: string) => async () => {
  const { res } = await json(url, "POST", path);
  return inWorker(res);
};

/** bench/fanout/node-floor.js in a process of its own: what the machine's loopback TCP costs. */
async function machineTarget(): Promise<Target> {
  const child = spawn(process.execPath, ["--expose-gc", "bench/fanout/node-floor.js"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (line: Buffer) => resolve(Number(String(line).trim())));
    child.once("exit", (code) => reject(new Error(`node-floor.js exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pids: [child.pid!],
    gc: () => gcAt(url),
    kind: "sse",
    path: () => "/sub",
    headers: {},
    broadcast: { trigger: broadcastAt(url, "/broadcast"), marker: "message", end: "message" },
    dispose: async () => void child.kill(),
  };
}

/** The bare Worker's stream, or with `viaObject`, the same stream answered by a Durable Object behind it. */
async function floorTarget(viaObject: boolean): Promise<Target> {
  const { mf, url, pid } = await bareWorker("bench/fanout/floor.js", { durableObjects: { STREAMS: "Streams" } });
  const prefix = viaObject ? "/via-object" : "";
  return {
    url,
    pids: [pid],
    gc: () => gcAt(url),
    kind: "sse",
    path: () => `${prefix}/sub`,
    headers: {},
    broadcast: { trigger: broadcastAt(url, `${prefix}/broadcast`), marker: "message", end: "message" },
    dispose: () => mf.dispose(),
  };
}

async function naiveTarget(): Promise<Target> {
  const { mf, url, pid } = await bareWorker("bench/fanout/naive.js", { durableObjects: { HUB: "Hub" } });
  const held = async () => (await json<{ writers: number }>(url, "GET", "/count")).body.writers;
  await held(); // the object exists before the baseline is read
  return {
    url,
    pids: [pid],
    gc: () => gcAt(url),
    kind: "sse",
    path: () => "/sub",
    headers: {},
    broadcast: { trigger: broadcastAt(url, "/broadcast"), marker: "message", end: "message" },
    held,
    dispose: () => mf.dispose(),
  };
}

/** bench/fanout/hub.js in one mode; `rpc`: the Worker takes the object's stream over RPC instead of fetch. */
async function hubTarget(mode: string, via: "object" | "rpc" = "object"): Promise<Target & { stats: () => Promise<{ held: number; dropped: number; waiting: number }> }> {
  const { mf, url, pid } = await bareWorker("bench/fanout/hub.js", { durableObjects: { HUB: "Hub" } });
  const statsOf = async () => (await json<{ held: number; dropped: number; waiting: number }>(url, "GET", "/count")).body;
  await statsOf();
  return {
    url,
    pids: [pid],
    gc: () => gcAt(url),
    kind: "sse",
    path: () => `${via === "rpc" ? "/rpc" : ""}/sub?mode=${mode}`,
    headers: {},
    broadcast: { trigger: broadcastAt(url, "/broadcast"), marker: "message", end: "message" },
    held: async () => (await statsOf()).held,
    stats: statsOf,
    dispose: () => mf.dispose(),
  };
}

async function wsTarget(): Promise<Target> {
  const { mf, url, pid } = await bareWorker("bench/fanout/ws.js", { durableObjects: { SOCKETS: "Sockets" } });
  const held = async () => (await json<{ held: number }>(url, "GET", "/count")).body.held;
  await held();
  return {
    url,
    pids: [pid],
    gc: () => gcAt(url),
    kind: "ws",
    path: () => "/ws",
    headers: {},
    broadcast: { trigger: broadcastAt(url, "/broadcast"), marker: "message", end: "message" },
    held,
    dispose: () => mf.dispose(),
  };
}

type App = Awaited<ReturnType<typeof startApp>>;

/**
 * The app with the fan-out bench's entry (bench/fanout/app-entry.js); one room, made by its
 * first turn. With the static assets served, every request goes through Miniflare's entry
 * worker and the assets' router (the Worker's own socket answers only the assets then), and the
 * bench's own endpoints are reached under /api/__bench/.
 */
async function startRoomApp(extra: Parameters<typeof startApp>[1] = {}) {
  const app = await startApp({ LLM_ENGINE: "local", LOCAL_STREAM_PACE_MS: "0" }, { entry: "bench/fanout/app-entry.js", onLog, unlimited: true, ...extra });
  const base = extra.assets ? (await app.mf.ready).href.replace(/\/$/, "") : app.url;
  const bench = extra.assets ? "/api/__bench" : "/__bench";
  await seed(app.db, 600);
  const cookie = await login(base, "fanout");
  const roomId = await firstTurn(base, cookie, QUESTIONS[0]!);
  const ns = await app.mf.getDurableObjectNamespace("CHAT_ROOM");
  const room = ns.get(ns.idFromName(`room:${roomId}`)) as unknown as { subscriberCount(): Promise<number>; notify(event: "fitting", data: Record<string, unknown>): Promise<void> };
  let q = 0;
  const trigger = async () => {
    const { res } = await json(base, "POST", "/api/chat/send", { headers: { cookie }, body: { room_id: roomId, content: QUESTIONS[q++ % QUESTIONS.length] } });
    return inWorker(res);
  };
  return { app, base, bench, cookie, roomId, room, trigger, gc: () => gcAt(base, extra.assets ? "/api/__bench/gc" : "/__gc") };
}

/**
 * The app's room watchers through the real route, or with `bare`, the room's stream without
 * the route; with `entry`, the clients reach the app through Miniflare's entry worker (its
 * usual URL, what `wrangler dev`'s proxy talks to) instead of the Worker's own socket.
 */
async function appTarget(bare = false, entry = false, assets = false): Promise<Target & { room: Awaited<ReturnType<typeof startRoomApp>>["room"]; app: App }> {
  const { app, base, bench, cookie, roomId, room, trigger, gc } = await startRoomApp(assets ? { assets: true } : {});
  return {
    url: entry ? (await app.mf.ready).href.replace(/\/$/, "") : base,
    pids: [app.pid],
    gc,
    kind: "sse",
    path: () => (bare ? `${bench}/watch/${roomId}` : `/api/chat/rooms/${roomId}/events`),
    headers: { cookie },
    broadcast: { trigger, marker: "turn", end: "coordinator" },
    held: () => room.subscriberCount(),
    room,
    app,
    dispose: () => app.mf.dispose(),
  };
}

/** Descendant processes of `root` (wrangler runs its CLI in a child node, which runs the workerds). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) out.push(c), walk(c);
  };
  walk(root);
  return out;
}

const isWorkerd = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("workerd");
  } catch {
    return false;
  }
};

/** The pid listening on 127.0.0.1:port (ss). */
function listener(port: number): number | null {
  const out = spawnSync("ss", ["-tlnpH", `sport = :${port}`], { encoding: "utf8" }).stdout;
  return Number(/pid=(\d+)/.exec(out)?.[1]) || null;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * The app under plain `wrangler dev --local` (the repo's wrangler.toml, its bench entry
 * bench/fanout/dev-entry.js for the GC endpoint, fresh local state with the migrations and
 * the catalog): two workerd processes, the dev proxy (which holds the port) and the app.
 */
async function wranglerDevTarget(): Promise<Target & { split: () => { app: number; proxy: number } }> {
  const state = mkdtempSync(join(tmpdir(), "fanout-wrangler-"));
  const port = await freePort();
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "1" };
  mkdirSync("dist/client", { recursive: true });
  const migrated = spawnSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "d1", "migrations", "apply", "DB", "--local", "--persist-to", state, "-c", "wrangler.toml"], { encoding: "utf8", env });
  if (migrated.status !== 0) throw new Error(`migrations: ${migrated.stderr.slice(-500)}`);
  const vars = { JWT_SECRET: "bench-secret-that-is-at-least-32-bytes!!", LLM_ENGINE: "local", LOCAL_STREAM_PACE_MS: "0", DEV_LOGIN: "true", OPENAI_API_KEY: "", ANTHROPIC_API_KEY: "" };
  const child = spawn(
    process.execPath,
    [
      "node_modules/wrangler/bin/wrangler.js",
      "dev",
      "bench/fanout/dev-entry.js",
      "-c",
      "wrangler.toml",
      "--local",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(await freePort()),
      "--persist-to",
      state,
      "--env-file",
      ".dev.vars.example",
      "--show-interactive-dev-session=false",
      ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
    ],
    { stdio: ["ignore", "pipe", "pipe"], env, detached: true },
  );
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log = (log + String(d)).slice(-4000)));
  child.stderr!.on("data", (d: Buffer) => (log = (log + String(d)).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGINT");
    } catch {
      // Gone already.
    }
    await sleep(2_000);
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Gone.
    }
    rmSync(state, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error(`wrangler dev did not start:\n${log}`);
      try {
        if ((await json(url, "GET", "/api/health")).res.statusCode === 200) break;
      } catch {
        await sleep(500);
      }
    }
    const workerds = descendants(child.pid!).filter(isWorkerd);
    const proxy = listener(port);
    const app = workerds.find((p) => p !== proxy);
    if (workerds.length !== 2 || !proxy || !app) throw new Error(`expected two workerds (proxy on :${port}), found ${workerds.join(", ")}`);
    // The catalog, written with wrangler's own D1 command into the same local state.
    const sql = join(state, "seed.sql");
    spawnSync(process.execPath, ["--input-type=module", "-e", seedSqlScript(sql)], { encoding: "utf8" });
    const seeded = spawnSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "d1", "execute", "DB", "--local", "--persist-to", state, "-c", "wrangler.toml", "--file", sql], { encoding: "utf8", env });
    if (seeded.status !== 0) throw new Error(`seed: ${seeded.stderr.slice(-500)}`);
    const cookie = await login(url, "fanout-dev");
    const roomId = await firstTurn(url, cookie, QUESTIONS[0]!);
    let q = 0;
    return {
      url,
      pids: [app, proxy],
      gc: () => gcAt(url, "/api/__bench/gc"),
      kind: "sse",
      path: () => `/api/chat/rooms/${roomId}/events`,
      headers: { cookie },
      broadcast: {
        trigger: async () => inWorker((await json(url, "POST", "/api/chat/send", { headers: { cookie }, body: { room_id: roomId, content: QUESTIONS[q++ % QUESTIONS.length] } })).res),
        marker: "turn",
        end: "coordinator",
      },
      split: () => ({ app: rssKiB(app), proxy: rssKiB(proxy) }),
      dispose: stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A Node script that writes the bench's catalog (bench/seed.ts's rows) as SQL for `wrangler d1 execute`. */
function seedSqlScript(path: string): string {
  return `
    import { writeFileSync } from "node:fs";
    const { generateCatalog } = await import(${JSON.stringify(new URL("../scripts/catalog/generate.ts", import.meta.url).href)});
    const { imageKeyFor, productStatements } = await import(${JSON.stringify(new URL("../worker/catalog/store.ts", import.meta.url).href)});
    const out = [];
    const quote = (v) => v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : "'" + String(v).replaceAll("'", "''") + "'";
    const db = { prepare: (sql) => ({ bind: (...args) => { let i = 0; out.push(sql.replace(/\\?(\\d*)/g, (_, n) => quote(n ? args[Number(n) - 1] : args[i++])) + ";"); return {}; } }) };
    for (const { image, ...row } of generateCatalog(600)) productStatements(db, row, imageKeyFor(row.product_id), "demo");
    writeFileSync(${JSON.stringify(path)}, out.join("\\n"));
  `;
}

// ------------------------------------------------------------------ measurements

type MemoryRow = {
  variant: string;
  n: number;
  before: number;
  open: number;
  perSubscriber: number;
  fdsPerSubscriber: number;
  heldOpen: number | null;
  after: number;
  heldAfter: number | null;
  freedAfterMs: number | null;
  reopened: number;
  /** wrangler dev: each workerd's part of the per-subscriber figure. */
  parts?: string;
};

type BroadcastRow = { variant: string; n: number; rounds: number; trigger: Stats; inWorker: Stats | null; delivery: Stats; stamped: Stats; received: Stats; missed: number; end: Stats | null };

const memoryRows: MemoryRow[] = [];
const broadcastRows: BroadcastRow[] = [];
const notes: string[] = [];

const rss = (t: Target) => t.pids.reduce((s, p) => s + rssKiB(p), 0);
const fds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

/** Broadcast rounds (one uncounted first) to the subscribers open now. */
async function rounds(variant: string, n: number, clients: Clients, b: NonNullable<Target["broadcast"]>, count = ROUNDS): Promise<BroadcastRow> {
  const delivery: number[] = [];
  const ends: number[] = [];
  const stamped: number[] = [];
  const received: number[] = [];
  const triggers: number[] = [];
  const inWorkers: number[] = [];
  let missed = 0;
  for (let r = -1; r < count; r++) {
    let t0 = 0;
    let wall0 = 0;
    let trigger = 0;
    let dur = NaN;
    const result = await clients.round(b.marker, b.end, async () => {
      wall0 = Date.now();
      t0 = hr();
      dur = await b.trigger();
      trigger = hr() - t0;
    });
    const got = result.arrivals.filter((a) => Number.isFinite(a));
    const lost = result.arrivals.length - got.length;
    console.log(`    ${variant} round ${r + 1}: first ${msec(Math.min(...got) - t0)}, last ${msec(Math.max(...got) - t0)}${lost ? `, ${lost} missed` : ""}`);
    if (r < 0) {
      await sleep(500);
      continue;
    }
    missed += lost;
    delivery.push(...got.map((a) => a - t0));
    if (b.end !== b.marker) ends.push(...result.ends.filter((a) => Number.isFinite(a)).map((a) => a - t0));
    result.stamps.forEach((s, i) => {
      if (!Number.isFinite(s)) return;
      stamped.push(s - wall0);
      received.push(result.walls[i]! - s);
    });
    triggers.push(trigger);
    if (Number.isFinite(dur)) inWorkers.push(dur);
    await sleep(500);
  }
  return { variant, n, rounds: count, trigger: stats(triggers), inWorker: inWorkers.length ? stats(inWorkers) : null, delivery: stats(delivery), stamped: stats(stamped), received: stats(received), missed, end: ends.length ? stats(ends) : null };
}

type Extra = (t: Target, clients: Clients) => Promise<void>;

/** Memory, then broadcast, for one variant in a server of its own (always disposed of). */
async function measure(variant: string, make: () => Promise<Target>, opts: { n?: number; broadcast?: boolean; broadcastName?: string; extra?: Extra; parts?: (t: Target) => { app: number; proxy: number } } = {}) {
  if (!wanted(variant)) return;
  const n = opts.n ?? N;
  console.log(`${variant}: ${count(n)} subscribers`);
  let target: Target;
  try {
    target = await make();
  } catch (err) {
    console.error(`  ${variant}: could not start: ${String(err)}`);
    notes.push(`${variant}: could not start (${String(err).split("\n")[0]}).`);
    return;
  }
  const clients = Clients.start(clientProcesses(n));
  try {
    const fdPid = target.pids[0]!;
    await clients.open(target.url, range(0, WARM).map(target.path), target.headers, target.kind);
    await sleep(1_000);
    await target.gc();
    const before = rss(target);
    const partsBefore = opts.parts?.(target);
    const fdsBefore = fds(fdPid);
    const opened = await clients.open(target.url, range(WARM, n).map(target.path), target.headers, target.kind);
    if (opened.failed) throw new Error(`${opened.failed} of ${n} subscribers failed: ${opened.errors.join("; ")}`);
    await sleep(2_000);
    await target.gc();
    const open = rss(target);
    const partsOpen = opts.parts?.(target);
    const fdsOpen = fds(fdPid);
    const heldOpen = target.held ? (await target.held()) - WARM : null;
    console.log(`  ${n} open: RSS ${mib(before)} → ${mib(open)} (${kib((open - before) / n)} each), fds ${fdsBefore} → ${fdsOpen}`);

    // The clients go away; the server notices a closed stream by the connection's hangup, or
    // at its next write (the 15 s heartbeat) at the latest.
    const closedAt = performance.now();
    await clients.close();
    let heldAfter: number | null = null;
    let freedAfterMs: number | null = null;
    if (target.held) {
      for (;;) {
        heldAfter = await target.held();
        if (heldAfter === 0 || performance.now() - closedAt > 20_000) break;
        await sleep(100);
      }
      if (heldAfter === 0) freedAfterMs = performance.now() - closedAt;
    }
    await sleep(Math.max(0, 16_000 - (performance.now() - closedAt)));
    await target.gc();
    const after = rss(target);

    // N new subscribers: is the memory the first N left reused? They then take the broadcasts.
    const again = await clients.open(target.url, range(0, n).map(target.path), target.headers, target.kind);
    if (again.failed) throw new Error(`${again.failed} of ${n} new subscribers failed: ${again.errors.join("; ")}`);
    await sleep(2_000);
    await target.gc();
    const reopened = rss(target);
    const parts =
      partsBefore && partsOpen ? `app ${kib((partsOpen.app - partsBefore.app) / n)} + dev proxy ${kib((partsOpen.proxy - partsBefore.proxy) / n)}` : undefined;
    memoryRows.push({ variant, n, before, open, perSubscriber: (open - before) / n, fdsPerSubscriber: (fdsOpen - fdsBefore) / n, heldOpen, after, heldAfter, freedAfterMs, reopened, ...(parts ? { parts } : {}) });
    if (opts.broadcast !== false && target.broadcast) broadcastRows.push(await rounds(opts.broadcastName ?? variant, n, clients, target.broadcast));
    await opts.extra?.(target, clients);
  } catch (err) {
    console.error(`  ${variant}: failed: ${String(err)}`);
    notes.push(`${variant}: failed (${String(err).split("\n")[0]}).`);
  } finally {
    await clients.close().catch(() => {});
    clients.stop();
    await target.dispose().catch(() => {});
  }
}

/** Bursts of 10 frames at once, written as 10 enqueues or coalesced into one, to the hub's subscribers. */
const bursts =
  (label: string, alsoCoalesced: boolean): Extra =>
  async (t, clients) => {
    const url = t.url as string;
    for (const coalesce of alsoCoalesced ? [false, true] : [false]) {
      const path = `/broadcast?frames=10${coalesce ? "&coalesce=1" : ""}`;
      broadcastRows.push(await rounds(`${label}, a burst of 10 frames: ${coalesce ? "coalesced by the sender into 1 write" : "10 writes"} (last frame)`, N, clients, { trigger: broadcastAt(url, path), marker: "message", end: "message" }));
    }
  };

// ------------------------------------------------------------------ 3. a subscriber that never reads

type SlowRow = { variant: string; readers: number; sent: string; dropped: string; queued: string; rssGrowth: string; delivery: string; missed: number };
const slowRows: SlowRow[] = [];
const SLOW_READERS = 20;
const SLOW_FRAMES = 320;
const SLOW_BYTES = 64 * 1024;

/** A subscriber that reads nothing after its first bytes (its socket paused: the kernel's buffers fill, then the server's). */
async function pausedSubscriber(t: Target, path: string): Promise<net.Socket> {
  const { hostname, port } = new URL(Array.isArray(t.url) ? t.url[0]! : t.url);
  const socket = net.connect(Number(port), hostname);
  const upgrade = t.kind === "ws" ? { upgrade: "websocket", connection: "Upgrade", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-version": "13" } : { accept: "text/event-stream" };
  const head = Object.entries({ host: `${hostname}:${port}`, ...upgrade, ...t.headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  socket.write(`GET ${path} HTTP/1.1\r\n${head.join("")}\r\n`);
  await new Promise<void>((resolve, reject) => {
    socket.once("data", () => {
      socket.pause();
      resolve();
    });
    socket.once("error", reject);
  });
  socket.on("error", () => {});
  return socket;
}

/**
 * One subscriber that never reads, beside SLOW_READERS readers, while SLOW_FRAMES frames of
 * SLOW_BYTES each are broadcast one at a time (each round waits for every reader to have it):
 * is the non-reader dropped, after how much, what the server queued for it (when it can say)
 * and grew by meanwhile, and did the readers get everything, and how fast.
 */
async function slowSubscriber(variant: string, t: Target, clients: Clients, marker: string, send: (bytes: number) => Promise<void>, queued: (() => Promise<number>) | null) {
  /** `frames` broadcasts, one at a time (each waits for every reader to have it); watches the non-reader's fate. */
  const phase = async (frames: number, heldWith: number) => {
    const from = rss(t);
    let peak = 0;
    let maxQueued = 0;
    let droppedAt: number | null = null;
    const delivery: number[] = [];
    let missed = 0;
    for (let f = 0; f < frames; f++) {
      let t0 = 0;
      const result = await clients.round(marker, marker, async () => {
        t0 = hr();
        await send(SLOW_BYTES);
      }, 10_000);
      const got = result.arrivals.filter((a) => Number.isFinite(a));
      missed += result.arrivals.length - got.length;
      delivery.push(...got.map((a) => a - t0));
      if (f % 16 === 15) peak = Math.max(peak, rss(t) - from);
      if (queued) maxQueued = Math.max(maxQueued, await queued());
      const held = await t.held?.();
      if (droppedAt === null && held !== undefined && held < heldWith) droppedAt = f + 1;
    }
    await sleep(500);
    await t.gc();
    return { grown: rss(t) - from, peak, maxQueued, droppedAt, delivery: stats(delivery), missed };
  };
  // 0. The same broadcasts to no one: what they leave in RSS by themselves (V8's heap and the
  // allocator grow, and keep what they grew, on the first 20 MiB of 64 KiB messages).
  await t.gc();
  const warm = await phase(SLOW_FRAMES, 0);
  // 1. The non-reader alone: what the server holds for it (bounded, or growing with what is sent).
  const alone = await pausedSubscriber(t, t.path(0));
  await sleep(300);
  const one = await phase(SLOW_FRAMES, (await t.held?.()) ?? 0);
  alone.destroy();
  await drained(t);
  // 2. Beside readers: are they held up, do they miss anything.
  await clients.open(t.url, range(0, SLOW_READERS).map(t.path), t.headers, t.kind);
  const slow = await pausedSubscriber(t, t.path(SLOW_READERS));
  await sleep(300);
  const two = await phase(SLOW_FRAMES / 2, (await t.held?.()) ?? 0);
  slowRows.push({
    variant,
    readers: SLOW_READERS,
    sent: `${SLOW_FRAMES} × ${SLOW_BYTES / 1024} KiB = ${mib((SLOW_FRAMES * SLOW_BYTES) / 1024)}`,
    dropped: one.droppedAt === null ? "**no**" : `yes, at frame ${one.droppedAt} (${mib((one.droppedAt * SLOW_BYTES) / 1024)} sent; beside readers: frame ${two.droppedAt ?? "–"})`,
    queued: queued ? `at most ${kib(one.maxQueued / 1024)}` : "cannot be seen",
    rssGrowth: `${signed(one.grown)} (the same sent to no one, before: ${signed(warm.grown)})`,
    delivery: `${msec(two.delivery.p50)} / ${msec(two.delivery.p99)}`,
    missed: two.missed,
  });
  console.log(`  slow subscriber (${variant}): alone dropped at ${one.droppedAt ?? "never"}, RSS ${signed(one.grown)}; beside readers dropped at ${two.droppedAt ?? "never"}, readers p99 ${msec(two.delivery.p99)}, missed ${two.missed}`);
  slow.destroy();
  await clients.close();
}

/** Waits until the server holds no subscriber (after the clients left). */
async function drained(t: Target, limitMs = 20_000) {
  const end = performance.now() + limitMs;
  while (t.held && (await t.held()) > 0 && performance.now() < end) await sleep(100);
}

// ------------------------------------------------------------------ 4. 10,000 subscribers

type BigRow = { path: string; wanted: number; opened: number; failed: string; fds: string; perSubscriber: string; delivery: string; heldAfter: string };
const bigRows: BigRow[] = [];

/** BIG subscribers straight to the app's workerd: each costs it a socket (and its duplicate). */
async function bigDirect() {
  const { app, cookie, roomId } = await startRoomApp();
  const clients = Clients.start(clientProcesses(BIG));
  const held = async () => (await json<{ held: number }>(app.url, "GET", `/__bench/count/${roomId}`, { agent: control })).body.held;
  try {
    await gcAt(app.url);
    await held(); // opens the control connection
    const before = rssKiB(app.pid);
    const fdsBefore = fds(app.pid);
    const t0 = performance.now();
    const opened = await clients.open(app.url, range(0, BIG).map(() => `/api/chat/rooms/${roomId}/events`), { cookie }, "sse");
    const took = (performance.now() - t0) / 1000;
    await sleep(2_000);
    for (let i = 0; i < 2; i++) await json(app.url, "GET", "/__gc", { agent: control }).catch(() => {});
    await sleep(500);
    const open = rssKiB(app.pid);
    const fdsOpen = fds(app.pid);
    let holding = "–";
    let delivery = "–";
    try {
      holding = count(await held());
      const r = await rounds("app, 10k direct", opened.opened, clients, {
        trigger: async () => inWorker((await json(app.url, "POST", `/__bench/notify/${roomId}`, { agent: control })).res),
        marker: "fitting",
        end: "fitting",
      }, 3);
      delivery = `${msec(r.delivery.p50)} / ${msec(r.delivery.p99)}${r.missed ? ` (${r.missed} missed)` : ""}`;
    } catch (err) {
      delivery = `the bench's own request failed: ${String(err).split("\n")[0]}`;
    }
    console.log(`  direct: ${opened.opened}/${BIG} opened in ${took.toFixed(1)} s (${opened.failed} failed: ${opened.errors[0] ?? ""}); room holds ${holding}; fds ${fdsBefore} → ${fdsOpen}`);
    await clients.close();
    let left = -1;
    for (let i = 0; i < 300 && left !== 0; i++) {
      left = await held().catch(() => -1);
      if (left) await sleep(100);
    }
    bigRows.push({
      path: "clients → the app's workerd (its own socket)",
      wanted: BIG,
      opened: opened.opened,
      failed: opened.failed ? `**${count(opened.failed)}** (${opened.errors[0]?.slice(0, 60) ?? ""}; workerd logged \`dup(): Too many open files\`)` : "0",
      fds: `${count(fdsOpen)} (limit ${count(FD_LIMIT)}): ${((fdsOpen - fdsBefore) / Math.max(1, opened.opened)).toFixed(2)} per subscriber`,
      perSubscriber: `${kib((open - before) / Math.max(1, opened.opened))} (room held ${holding})`,
      delivery,
      heldAfter: String(left),
    });
  } finally {
    clients.stop();
    control.destroy();
    await app.mf.dispose();
  }
}

/**
 * BIG subscribers through "edge" workerds (EDGE_SCRIPT, each holding up to 4,000 client
 * sockets) that call the app's `Edge` entrypoint over one Cap'n Proto connection each: the
 * app's route and room serve every subscriber, the app's workerd holds no socket for them.
 */
const EDGE_SCRIPT = `
  const HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "content-encoding": "identity" };
  export default {
    async fetch(request, env) {
      const url = new URL(request.url);
      if (!url.pathname.endsWith("/events")) return env.APP.fetch(request);
      const body = await env.APP.watch(url.pathname + url.search, { cookie: request.headers.get("cookie") ?? "" });
      return new Response(body, { headers: HEADERS });
    },
  };`;

async function bigEdge() {
  const { app, cookie, roomId, room } = await startRoomApp({ miniflare: { unsafeDirectSockets: [...DIRECT, { host: "127.0.0.1", port: 0, entrypoint: "Edge" }] } });
  const edgePort = new URL(await app.mf.unsafeGetDirectURL(undefined, "Edge")).port;
  const edges: { mf: Miniflare; url: string; pid: number }[] = [];
  const EDGES = Math.ceil(BIG / 4_000);
  const clients = Clients.start(EDGES); // one client process per edge
  try {
    for (let e = 0; e < EDGES; e++) {
      const before = workerdPids();
      const mf = new Miniflare(
        convertV4MiniflareOptions({
          compatibilityDate: "2026-10-01",
          modules: true,
          script: EDGE_SCRIPT,
          unsafeDirectSockets: DIRECT,
          handleStructuredLogs: onLog,
          serviceBindings: { APP: { external: { address: `127.0.0.1:${edgePort}`, http: {} } } },
        } as Parameters<typeof convertV4MiniflareOptions>[0]),
      );
      await mf.ready;
      edges.push({ mf, url: (await mf.unsafeGetDirectURL()).href.replace(/\/$/, ""), pid: newWorkerd(before) });
    }
    await gcAt(app.url);
    const before = rssKiB(app.pid);
    const fdsBefore = fds(app.pid);
    const t0 = performance.now();
    const opened = await clients.open(
      edges.map((e) => e.url),
      range(0, BIG).map(() => `/api/chat/rooms/${roomId}/events`),
      { cookie },
      "sse",
    );
    const took = (performance.now() - t0) / 1000;
    await sleep(2_000);
    await gcAt(app.url);
    const open = rssKiB(app.pid);
    const held = await room.subscriberCount();
    const fdsOpen = fds(app.pid);
    const edgeFds = edges.map((e) => fds(e.pid));
    console.log(`  via ${edges.length} edges: ${opened.opened}/${BIG} opened in ${took.toFixed(1)} s (${opened.failed} failed); room holds ${held}; app fds ${fdsBefore} → ${fdsOpen}; edge fds ${edgeFds.join(", ")}`);
    const r = await rounds("app, 10k through edges", opened.opened, clients, { trigger: broadcastAt(app.url, `/__bench/notify/${roomId}`), marker: "fitting", end: "fitting" }, 3);
    await clients.close();
    let left = -1;
    const closedAt = performance.now();
    for (let i = 0; i < 300 && left !== 0; i++) {
      left = await room.subscriberCount();
      if (left) await sleep(100);
    }
    bigRows.push({
      path: `clients → ${edges.length} edge workerds → Cap'n Proto RPC → the app's workerd`,
      wanted: BIG,
      opened: opened.opened,
      failed: opened.failed ? `**${count(opened.failed)}** (${opened.errors[0]?.slice(0, 80) ?? ""})` : "0",
      fds: `app ${count(fdsOpen)} (${count(fdsOpen - fdsBefore)} more); edges ${edgeFds.map(count).join(", ")}`,
      perSubscriber: `${kib((open - before) / Math.max(1, opened.opened))} (room held ${count(held)})`,
      delivery: `${msec(r.delivery.p50)} / ${msec(r.delivery.p99)}${r.missed ? ` (${r.missed} missed)` : ""}`,
      heldAfter: `${left}${left === 0 ? ` (after ${((performance.now() - closedAt) / 1000).toFixed(1)} s)` : ""}`,
    });
  } finally {
    clients.stop();
    for (const e of edges) await e.mf.dispose().catch(() => {});
    await app.mf.dispose();
  }
}

// ------------------------------------------------------------------ run

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`fan-out bench (${FULL ? "full" : "quick"}): ${count(N)} subscribers, ${ROUNDS} rounds; fd limit ${count(FD_LIMIT)}; load ${load()}`);
const loadAtStart = load();
/** The highest 1-minute load average seen during the run: the other side of "same run" on a shared machine. */
let loadPeak = 0;
const loadTimer = setInterval(() => (loadPeak = Math.max(loadPeak, Number(load().split(" ")[0]))), 5_000);

await measure("machine: a plain Node HTTP server", machineTarget);
await measure("floor (bare Worker stream)", () => floorTarget(false));
await measure("floor through a Durable Object", () => floorTarget(true));
await measure("naive (TransformStream writer each, never dropped)", naiveTarget);
await measure("hub: enqueue, shared frames", () => hubTarget("enqueue"), { extra: bursts("hub: enqueue", true) });
await measure("hub: enqueue, a frame encoded per subscriber", () => hubTarget("encode"));
await measure("hub: a TransformStream writer each, dropped on close", () => hubTarget("writer"));
await measure("hub: pull (highWaterMark 0, one frame a read)", () => hubTarget("pull"));
await measure("hub: pull, what waits coalesced into one chunk a read", () => hubTarget("coalesce"), { extra: bursts("hub: pull, coalesced", false) });
await measure("hub: enqueue, the object's stream over RPC", () => hubTarget("enqueue", "rpc"));
await measure("hibernatable WebSockets (ws.send of one string)", wsTarget);
await measure("app: the room's stream without the route", () => appTarget(true));
await measure("app (1 room) through Miniflare's entry worker", () => appTarget(false, true));
await measure("app (1 room) through Miniflare's entry worker and the static-assets router", () => appTarget(false, true, true));
await measure("app (1 room, through the route)", () => appTarget(false), {
  broadcastName: "app: POST /api/chat/send → `turn`",
  extra: async (t, clients) => {
    const { app: started } = t as Awaited<ReturnType<typeof appTarget>>;
    const roomId = /rooms\/(\d+)/.exec(t.path(0))![1];
    broadcastRows.push(await rounds("app: the room's fan-out alone (its notify(): one `fitting` event)", N, clients, { trigger: broadcastAt(started.url, `/__bench/notify/${roomId}`), marker: "fitting", end: "fitting" }));
    await clients.close();
    await drained(t);
    const { room } = t as Awaited<ReturnType<typeof appTarget>>;
    await slowSubscriber("app's room (drops a subscriber 1 MiB behind)", t, clients, "fitting", (bytes) => room.notify("fitting", { pad: "x".repeat(bytes), at: Date.now() }), null);
  },
});
if (wanted("slow")) {
  // The same non-reader against the hub (enqueue, and pull) and against hibernatable WebSockets.
  const cases: [string, () => Promise<Target>, ((t: Target) => () => Promise<number>) | null][] = [
    ["hub: enqueue (drops a subscriber 1 MiB behind)", () => hubTarget("enqueue"), (t) => async () => (await (t as Awaited<ReturnType<typeof hubTarget>>).stats()).waiting],
    ["hub: pull (drops a subscriber 1 MiB behind)", () => hubTarget("pull"), (t) => async () => (await (t as Awaited<ReturnType<typeof hubTarget>>).stats()).waiting],
    ["hibernatable WebSockets (ws.send; no drop policy possible)", wsTarget, null],
  ];
  for (const [name, make, queued] of cases) {
    const t = await make();
    const clients = Clients.start(2);
    try {
      await slowSubscriber(name, t, clients, "message", async (bytes) => void (await json(t.url as string, "POST", `/broadcast?bytes=${bytes}`)), queued?.(t) ?? null);
    } catch (err) {
      notes.push(`slow subscriber, ${name}: failed (${String(err).split("\n")[0]}).`);
    } finally {
      clients.stop();
      await t.dispose();
    }
  }
}
await measure("app under wrangler dev (dev proxy + app workerd)", wranglerDevTarget, { parts: (t) => (t as Awaited<ReturnType<typeof wranglerDevTarget>>).split() });
/** BENCH_ONLY=10k runs both 10,000 parts; 10k-direct or 10k-edge one of them. */
const wanted10k = (part: string) => !ONLY || ONLY.some((o) => o === "10k" || o === `10k-${part}`);
if (FULL && (wanted10k("direct") || wanted10k("edge"))) {
  console.log(`10k: ${count(BIG)} subscribers of one room`);
  if (wanted10k("direct")) await bigDirect().catch((err) => notes.push(`10k direct: failed (${String(err).split("\n")[0]}).`));
  if (wanted10k("edge")) await bigEdge().catch((err) => notes.push(`10k through edges: failed (${String(err).split("\n")[0]}).`));
}
agent.destroy();
clearInterval(loadTimer);

// ------------------------------------------------------------------ report

const FLOOR = "floor (bare Worker stream)";
const FLOOR_DO = "floor through a Durable Object";
const per = (name: string) => memoryRows.find((r) => r.variant === name)?.perSubscriber;
const ratio = (x: number, of: number | undefined) => (of ? `${(x / of).toFixed(2)}×` : "");

const memoryTable = [
  "| variant | subscribers | RSS before | RSS open | per subscriber | × floor | × floor through a DO | server fds per subscriber | held by server | RSS 16 s after close | held after close | RSS with N new subscribers |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
  ...memoryRows.map((r) => {
    const heldAfter = r.heldAfter === null ? "–" : r.freedAfterMs !== null ? `0 (after ${(r.freedAfterMs / 1000).toFixed(1)} s)` : `**${r.heldAfter}**`;
    return `| ${r.variant} | ${count(r.n)} | ${mib(r.before)} | ${mib(r.open)} | ${kib(r.perSubscriber)}${r.parts ? ` (${r.parts})` : ""} | ${ratio(r.perSubscriber, per(FLOOR))} | ${ratio(r.perSubscriber, per(FLOOR_DO))} | ${r.fdsPerSubscriber.toFixed(2)} | ${r.heldOpen ?? "–"} | ${mib(r.after)} (${signed(r.after - r.before)}) | ${heldAfter} | ${mib(r.reopened)} (${signed(r.reopened - r.after)}) |`;
  }),
].join("\n");

const broadcastTable = [
  "| variant | subscribers | rounds | trigger request p50 (in Worker) | delivery p50 | p99 | max | request → event stamped p50 | stamped → read p50 / p99 | missed | the round's last event (the coordinator's `complete`) p50 / p99 | target |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...broadcastRows.map(
    (r) =>
      `| ${r.variant} | ${count(r.n)} | ${r.rounds} | ${msec(r.trigger.p50)}${r.inWorker ? ` (${msec(r.inWorker.p50)})` : ""} | ${msec(r.delivery.p50)} | **${msec(r.delivery.p99)}** | ${msec(r.delivery.max)} | ${msec(r.stamped.p50)} | ${msec(r.received.p50)} / ${msec(r.received.p99)} | ${r.missed} | ${r.end ? `${msec(r.end.p50)} / ${msec(r.end.p99)}` : ""} | ${r.n === 1_000 ? "p99 ≤ 25 ms" : ""} |`,
  ),
].join("\n");

const slowTable = slowRows.length
  ? [
      "| server | readers (2nd part) | broadcast to the non-reader alone, one frame at a time | the non-reader dropped | the server's JS queue for it | workerd RSS meanwhile (after GC) | readers' delivery p50 / p99 beside it (160 frames) | readers' missed events |",
      "| --- | ---: | --- | --- | --- | ---: | ---: | ---: |",
      ...slowRows.map((r) => `| ${r.variant} | ${r.readers} | ${r.sent} | ${r.dropped} | ${r.queued} | ${r.rssGrowth} | ${r.delivery} | ${r.missed} |`),
    ].join("\n")
  : "";

const bigTable = bigRows.length
  ? [
      "| path | subscribers wanted | opened | failed | server fds | app workerd RSS per subscriber | broadcast (the room's notify) delivery p50 / p99, 3 rounds | held after close |",
      "| --- | ---: | ---: | --- | --- | ---: | ---: | ---: |",
      ...bigRows.map((r) => `| ${r.path} | ${count(r.wanted)} | ${count(r.opened)} | ${r.failed} | ${r.fds} | ${r.perSubscriber} | ${r.delivery} | ${r.heldAfter} |`),
    ].join("\n")
  : "";

// ------------------------------------------------------------------ verdicts

const verdicts: Verdict[] = [];
const APP = "app (1 room, through the route)";
const app = memoryRows.find((r) => r.variant === APP);
const floor = per(FLOOR);
if (app && floor) {
  verdicts.push({ what: `memory per idle subscriber, ${count(app.n)} watchers of a room`, measured: `${kib(app.perSubscriber)} = ${ratio(app.perSubscriber, floor)} the floor (${kib(floor)}); ${ratio(app.perSubscriber, per(FLOOR_DO))} the floor through a Durable Object`, target: "≤ 1.10 × the floor", met: app.perSubscriber <= 1.1 * floor });
  const reused = app.reopened - app.after <= 0.25 * (app.open - app.before);
  verdicts.push({ what: "all memory returned on close", measured: `held after close: ${app.heldAfter ?? "?"}${app.freedAfterMs !== null ? ` (in ${(app.freedAfterMs / 1000).toFixed(1)} s)` : ""}; N new subscribers grew RSS ${signed(app.reopened - app.after)} (the first N: ${signed(app.open - app.before)})`, target: "0 held, memory reused", met: app.heldAfter === 0 && reused });
}
for (const name of ["app: POST /api/chat/send → `turn`", "app: the room's fan-out alone (its notify(): one `fitting` event)"]) {
  const b = broadcastRows.find((r) => r.variant === name && r.n === 1_000);
  if (b) verdicts.push({ what: `broadcast p99, 1,000 subscribers, ${name.replace(/^app: /, "")}`, measured: `${msec(b.delivery.p99)} (p50 ${msec(b.delivery.p50)}; stamped → read p99 ${msec(b.received.p99)})`, target: "≤ 25 ms", met: b.delivery.p99 <= 25 && b.missed === 0 });
}
for (const r of bigRows) verdicts.push({ what: `${count(r.wanted)} subscribers, ${r.path}`, measured: `${count(r.opened)} opened, ${r.failed} failed`, target: "no error", met: r.opened === r.wanted && r.failed === "0" });
const verdictList = verdicts.map((v) => `- ${v.met ? "✓" : "✗"} **${v.what}**: ${v.measured} (target ${v.target}).`).join("\n");

console.log(`\n${memoryTable}\n\n${broadcastTable}\n\n${slowTable}\n\n${bigTable}\n\n${notes.join("\n")}\n\n${verdictList}`);

if (!process.env.BENCH_DRY) reportTargets("fanout", verdicts);
if (!process.env.BENCH_DRY) writeSection(
  "fanout",
  "SSE fan-out",
  `\`npm run bench:fanout\` (quick) or \`npm run bench:fanout -- --full\`; this run: ${FULL ? "full" : "quick"}, load average at the start ${loadAtStart}, the highest during the run ${loadPeak.toFixed(2)} (other work on the machine slows the broadcasts down, not the memory figures). Every variant runs in a workerd of its own (Miniflare's API, the Worker on its own socket: no dev proxy, no entry worker) unless it says otherwise; the subscribers are bare sockets read by ${clientProcesses(N)} client processes of their own (bench/fanout/clients.ts), on loopback, on the same 2 cores.
**Memory**: (server RSS with N idle subscribers − RSS before) / N, each read after a full garbage collection (V8's \`--expose-gc\`); the dev proxy's workerd is read without one (it has no GC endpoint). *Server fds*: workerd's open file descriptors per subscriber. *Machine*: a plain Node HTTP server. *Floor*: a bare Worker answering an endless stream (15 s heartbeat); *through a Durable Object*: the same stream answered by an object behind the Worker, the hop every room subscriber takes. *Naive*: a Durable Object with one TransformStream writer per subscriber, never dropped. *Hub* (bench/fanout/hub.js): one object, a subscriber set, a 15 s heartbeat, drop past 1 MiB behind; in the mode named. *WebSockets*: a Durable Object with hibernatable sockets (\`ctx.acceptWebSocket\`, \`getWebSockets()\`, \`ws.send\` of one string). *App*: watchers of one room, through \`GET /api/chat/rooms/{id}/events\`, or the room's stream without the route.
**Broadcast**: per subscriber, the trigger request's start → the event read, ${ROUNDS} rounds after one uncounted (the app: \`POST /api/chat/send\` → \`turn\`; the others: \`POST /broadcast\`); the event's own timestamp (the server's clock) splits it in two. The floor broadcasts to its isolate's streams (possible locally only).

Targets in this run:

${verdictList}

${memoryTable}

${broadcastTable}
${slowTable ? `\n**A subscriber that never reads** (it stops reading after its first bytes, so the kernel's socket buffers fill, then workerd's): first alone while 20 MiB are broadcast to it in 64 KiB frames (what does the server hold for it?), then beside 20 readers (are they held up?):\n\n${slowTable}\n` : ""}${bigTable ? `\n**${count(BIG)} subscribers of one room** (the app; the clients in ${clientProcesses(BIG)} processes):\n\n${bigTable}\n` : ""}${notes.length ? `\n${notes.join("\n")}\n` : ""}`,
);
// Child processes and Miniflare's log pipes would keep Node alive.
process.exit(0);
