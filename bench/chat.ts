// `npm run bench:chat` (quick) or `npm run bench:chat -- --full`: the stylist chat in the app's
// workerd (Miniflare's API, loopback only, each Worker on its own workerd socket, so no dev
// proxy and no Miniflare entry worker in the path). Three measurements:
//  1. Pipeline latency with a zero-latency engine (bench/fake-openai.ts with LLM_ENGINE=openai,
//     and the offline stylist with LOCAL_STREAM_PACE_MS=0): stream GET → first `content`, and
//     → the coordinator's `complete`; sequential and 20 at once. D1 round trips per turn are
//     counted by a bench-only entry module around the unchanged bundle (bench/app-entry.js).
//  2. Memory per idle SSE subscriber: workerd's RSS with N open subscribers minus before, / N,
//     for the app (room watchers), the runtime's floor (bench/fanout/floor.js) and the naive
//     baseline (bench/fanout/naive.js), each in its own workerd; then RSS after the clients left
//     and with N new ones; every reading after a full garbage collection (V8's --expose-gc).
//     Diagnostic rows: the room's stream without the app's route, the same after 2 D1 queries,
//     and what N finished requests of 2 D1 queries leave in memory with no stream open.
//  3. Broadcast delivery to N subscribers of one room: POST /api/chat/send → each subscriber's
//     `turn` event (app), or POST /broadcast → each subscriber's event (floor, naive baseline,
//     and a plain Node HTTP server: what the machine's loopback TCP itself costs).
// Subscribers are bare TCP sockets parsed as little as possible (openLeanStream, bench/sse.ts).
// BENCH_TURNS, BENCH_SUBSCRIBERS (comma-separated), BENCH_PART (pipeline|fanout) and
// BENCH_ONLY (fan-out variants by name prefix, comma-separated) override.
// Targets (issue): first `content` p50 ≤ 30 ms; memory ≤ 1.2 × the floor; 1,000-subscriber
// broadcast p99 ≤ 50 ms.
import { spawn } from "node:child_process";
import http from "node:http";
import { readFileSync } from "node:fs";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { startInstantOpenAI } from "./fake-openai.ts";
import { newWorkerd, rssKiB, startApp, stats, workerdPids, type Stats } from "./harness.ts";
import { writeSection } from "./report.ts";
import { QUESTIONS, seed } from "./seed.ts";
import { isCoordinatorComplete, openLeanStream, takeEvents, type Event, type Stream } from "./sse.ts";

const FULL = process.argv.includes("--full");
const TURNS = Number(process.env.BENCH_TURNS ?? (FULL ? 300 : 50));
const CONCURRENCY = 20;
const ROUNDS = FULL ? 10 : 5;
/**
 * A subscriber costs one fd here and two in workerd (it dup()s each connection's socket), which
 * inherits this process's limit: N is capped below half of it (9,500 with `ulimit -n` 20,000).
 */
const FD_LIMIT = Number(/Max open files\s+(\d+)/.exec(readFileSync("/proc/self/limits", "utf8"))?.[1] ?? 1024);
const MAX_SUBSCRIBERS = Math.floor((FD_LIMIT - 500) / 2 / 500) * 500;
const WANTED = process.env.BENCH_SUBSCRIBERS?.split(",").map(Number) ?? (FULL ? [1_000, 5_000, 10_000] : [1_000]);
const SUBSCRIBERS = WANTED.map((n) => Math.min(n, MAX_SUBSCRIBERS));
const CAPPED = WANTED.some((n) => n > MAX_SUBSCRIBERS)
  ? ` ${WANTED.filter((n) => n > MAX_SUBSCRIBERS).join(", ")} subscribers were capped to ${MAX_SUBSCRIBERS.toLocaleString("en")}: workerd holds two file descriptors per connection and the fd limit is ${FD_LIMIT.toLocaleString("en")}.`
  : "";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kib = (x: number) => `${Math.round(x).toLocaleString("en")} KiB`;
const mib = (kibs: number) => `${(kibs / 1024).toFixed(1)} MiB`;
const signed = (kibs: number) => `${kibs >= 0 ? "+" : "−"}${mib(Math.abs(kibs))}`;
const msec = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "–");
/** Worker logs: the app logs every request; show only warnings and errors, and not too many. */
let shownLogs = 0;
const onLog = (log: { level: string; message: string }) => {
  if (!["warn", "error"].includes(log.level) || shownLogs++ >= 20) return;
  console.error(`  [workerd ${log.level}] ${log.message.slice(0, 300)}`);
};

// ------------------------------------------------------------------ HTTP and SSE client

/** One socket per open stream: keep-alive so short requests reuse sockets, no pool limit. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function request(base: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: unknown } = {}) {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  // POSTs carry the app's own origin (its same-origin check), as a browser's would.
  const headers = { ...(body ? { "content-type": "application/json", origin: base } : {}), ...opts.headers };
  const req = http.request(`${base}${path}`, { method, agent, headers });
  const res = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.on("response", resolve);
    req.on("error", reject);
  });
  req.end(body);
  return { req, res };
}

async function json<T>(base: string, method: string, path: string, opts: Parameters<typeof request>[3] = {}): Promise<{ res: http.IncomingMessage; body: T }> {
  const res = await request(base, method, path, opts).res;
  let text = "";
  res.setEncoding("utf8");
  for await (const chunk of res) text += chunk;
  if ((res.statusCode ?? 0) >= 400) throw new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`);
  return { res, body: JSON.parse(text) as T };
}

async function login(base: string, nickname: string): Promise<string> {
  const { res } = await json(base, "POST", "/api/auth/dev-login", { body: { nickname } });
  return (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
}

/**
 * Opens an event stream; resolves when its first bytes arrive (headers flushed, subscribed).
 * `onEvent` gets every event with the time its chunk was read (taken before parsing).
 */
function openStream(base: string, path: string, headers: Record<string, string>, onEvent: (e: Event) => void): Promise<Stream> {
  const { req, res } = request(base, "GET", path, { headers });
  return res.then(
    (r) =>
      new Promise<Stream>((resolve, reject) => {
        if (r.statusCode !== 200) return reject(new Error(`GET ${path}: ${r.statusCode}`));
        const ended = new Promise<void>((done) => r.on("close", done));
        let buffer = "";
        r.setEncoding("utf8");
        r.on("error", () => {});
        r.on("data", (chunk: string) => {
          const at = performance.now();
          const wall = Date.now();
          resolve({ close: () => req.destroy(), ended, headers: r.headers });
          buffer = takeEvents(buffer + chunk, at, wall, onEvent);
        });
      }),
  );
}

// ------------------------------------------------------------------ the app's data

/** Times from the GET (ms); `inWorker`: the route's own time until it returned the stream (Server-Timing). */
type TurnTimes = { inWorker: number; turn: number; firstContent: number; complete: number; roomId: number };

/** One streamed turn (in `roomId`, or creating a room): times from the GET to its events. */
async function streamTurn(base: string, cookie: string, roomId: number | null, question: string): Promise<TurnTimes> {
  const path = `${roomId === null ? "/api/chat/rooms" : `/api/chat/rooms/${roomId}`}/messages/stream?user_input=${encodeURIComponent(question)}`;
  const t0 = performance.now();
  const times: TurnTimes = { inWorker: NaN, turn: NaN, firstContent: NaN, complete: NaN, roomId: roomId ?? NaN };
  const errors: string[] = [];
  const stream = await openStream(base, path, { cookie }, (e) => {
    if (e.event === "room") times.roomId = (JSON.parse(e.data) as { data: { room_id: number } }).data.room_id;
    if (e.event === "turn") times.turn = e.at - t0;
    if (e.event === "content" && Number.isNaN(times.firstContent)) times.firstContent = e.at - t0;
    if (isCoordinatorComplete(e)) times.complete = e.at - t0;
    if (e.event === "error") errors.push(e.data.slice(0, 200));
  });
  times.inWorker = Number(/app;dur=([\d.]+)/.exec(String(stream.headers["server-timing"] ?? ""))?.[1]);
  const timeout = setTimeout(() => stream.close(), 30_000);
  await stream.ended;
  clearTimeout(timeout);
  if (errors.length || Number.isNaN(times.complete)) throw new Error(`turn failed: ${errors.join("; ") || "no coordinator complete within 30 s"}`);
  return times;
}

// ------------------------------------------------------------------ 1. pipeline latency

type PipelineRow = { engine: string; mode: string; inWorker: Stats; turn: Stats; first: Stats; complete: Stats; d1: number | null };

async function pipeline(engine: "openai" | "local"): Promise<PipelineRow[]> {
  const fake = engine === "openai" ? await startInstantOpenAI() : null;
  const vars = { LLM_ENGINE: engine, LOCAL_STREAM_PACE_MS: "0", ...(fake ? { OPENAI_API_KEY: "sk-bench-instant", OPENAI_BASE_URL: fake.baseURL } : {}) };
  const app = await startApp(vars, { entry: "bench/app-entry.js", onLog, unlimited: true });
  try {
    await seed(app.db, 2_400);
    const cookie = await login(app.url, `pipeline-${engine}`);
    // One room per lane, each made by a first turn (these and a few more warm the isolate up).
    const rooms: number[] = [];
    for (let i = 0; i < CONCURRENCY; i++) rooms.push((await streamTurn(app.url, cookie, null, QUESTIONS[i % QUESTIONS.length]!)).roomId);
    for (let i = 0; i < 10; i++) await streamTurn(app.url, cookie, rooms[0]!, QUESTIONS[i % QUESTIONS.length]!);
    const d1 = async () => (await json<{ roundTrips: number }>(app.url, "GET", "/__bench/d1")).body.roundTrips;

    const d1Before = await d1();
    const sequential: TurnTimes[] = [];
    for (let i = 0; i < TURNS; i++) sequential.push(await streamTurn(app.url, cookie, rooms[0]!, QUESTIONS[i % QUESTIONS.length]!));
    const d1PerTurn = ((await d1()) - d1Before) / TURNS;

    // 20 lanes, each its own room, each running its share of the turns back to back.
    const concurrent: TurnTimes[] = [];
    await Promise.all(
      rooms.map(async (room, lane) => {
        for (let i = lane; i < TURNS; i += CONCURRENCY) concurrent.push(await streamTurn(app.url, cookie, room, QUESTIONS[i % QUESTIONS.length]!));
      }),
    );
    const label = engine === "openai" ? "openai SDK → instant fake" : "local (pace 0)";
    const row = (mode: string, t: TurnTimes[], d: number | null): PipelineRow => ({
      engine: label,
      mode,
      inWorker: stats(t.map((x) => x.inWorker)),
      turn: stats(t.map((x) => x.turn)),
      first: stats(t.map((x) => x.firstContent)),
      complete: stats(t.map((x) => x.complete)),
      d1: d,
    });
    return [row("sequential", sequential, d1PerTurn), row(`${CONCURRENCY} concurrent`, concurrent, null)];
  } finally {
    await app.mf.dispose();
    await fake?.close();
  }
}

// ------------------------------------------------------------------ 2–3. fan-out and broadcast

type Target = {
  url: string;
  pid: number;
  /** The subscription path for subscriber i, and its headers. */
  path: (i: number) => string;
  headers: Record<string, string>;
  /** Starts a broadcast; subscribers then see `marker`, and the round ends at `isEnd`. */
  broadcast?: { trigger: () => Promise<{ res: http.IncomingMessage }>; marker: string; isEnd: (e: Event) => boolean };
  /** Subscribers the server still holds (app: the rooms' subscriberCount(); naive: writers). */
  held?: () => Promise<number>;
  dispose: () => Promise<void>;
};

const DIRECT = [{ host: "127.0.0.1", port: 0 }];
const SSE_TARGET_OPTS = { compatibilityDate: "2026-10-01", modules: true, unsafeDirectSockets: DIRECT, handleStructuredLogs: onLog };

async function bareTarget(scriptPath: string, extra: object = {}): Promise<{ mf: Miniflare; url: string; pid: number }> {
  const before = workerdPids();
  const mf = new Miniflare(convertV4MiniflareOptions({ ...SSE_TARGET_OPTS, scriptPath, ...extra } as Parameters<typeof convertV4MiniflareOptions>[0]));
  await mf.ready;
  return { mf, url: (await mf.unsafeGetDirectURL()).href.replace(/\/$/, ""), pid: newWorkerd(before) };
}

/** bench/fanout/node-floor.js in a process of its own: what the machine's TCP costs. */
async function machineTarget(): Promise<Target> {
  const child = spawn(process.execPath, ["--expose-gc", "bench/fanout/node-floor.js"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (line: Buffer) => resolve(Number(String(line).trim())));
    child.once("exit", (code) => reject(new Error(`node-floor.js exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid!,
    path: () => "/sub",
    headers: {},
    broadcast: { trigger: () => json(url, "POST", "/broadcast"), marker: "message", isEnd: (e) => e.event === "message" },
    dispose: async () => {
      child.kill();
    },
  };
}

/** The bare Worker's stream, or with `viaObject`, the same stream answered by a Durable Object behind it. */
async function floorTarget(viaObject = false): Promise<Target> {
  const { mf, url, pid } = await bareTarget("bench/fanout/floor.js", { durableObjects: { STREAMS: "Streams" } });
  const prefix = viaObject ? "/via-object" : "";
  return {
    url,
    pid,
    path: () => `${prefix}/sub`,
    headers: {},
    broadcast: { trigger: () => json(url, "POST", `${prefix}/broadcast`), marker: "message", isEnd: (e) => e.event === "message" },
    dispose: () => mf.dispose(),
  };
}

async function naiveTarget(): Promise<Target> {
  const { mf, url, pid } = await bareTarget("bench/fanout/naive.js", { durableObjects: { HUB: "Hub" } });
  const count = async () => (await json<{ writers: number }>(url, "GET", "/count")).body.writers;
  await count(); // the object exists before the baseline is read
  return {
    url,
    pid,
    path: () => "/sub",
    headers: {},
    broadcast: { trigger: () => json(url, "POST", "/broadcast"), marker: "message", isEnd: (e) => e.event === "message" },
    held: count,
    dispose: () => mf.dispose(),
  };
}

/**
 * The app (the bench entry around its bundle): watchers of `roomCount` rooms through the real
 * route, or with `direct`, through /__bench/watch (the room's stream without the route, after
 * `direct.d1` trivial D1 queries).
 */
async function appTarget(roomCount: number, direct?: { d1: number }): Promise<Target> {
  const app = await startApp({ LLM_ENGINE: "local", LOCAL_STREAM_PACE_MS: "0" }, { entry: "bench/app-entry.js", onLog, unlimited: true });
  await seed(app.db, 600);
  const cookie = await login(app.url, "fanout");
  const rooms: number[] = [];
  for (let i = 0; i < roomCount; i++) rooms.push((await streamTurn(app.url, cookie, null, QUESTIONS[i % QUESTIONS.length]!)).roomId);
  const ns = await app.mf.getDurableObjectNamespace("CHAT_ROOM");
  const stubs = rooms.map((r) => ns.get(ns.idFromName(`room:${r}`)) as unknown as { subscriberCount(): Promise<number> });
  let n = 0;
  return {
    url: app.url,
    pid: app.pid,
    path: (i) => (direct ? `/__bench/watch/${rooms[i % rooms.length]}?d1=${direct.d1}` : `/api/chat/rooms/${rooms[i % rooms.length]}/events`),
    headers: { cookie },
    broadcast: {
      trigger: () => json(app.url, "POST", "/api/chat/send", { headers: { cookie }, body: { room_id: rooms[0], content: QUESTIONS[n++ % QUESTIONS.length] } }),
      marker: "turn",
      isEnd: isCoordinatorComplete,
    },
    held: async () => (await Promise.all(stubs.map((s) => s.subscriberCount()))).reduce((a, b) => a + b, 0),
    dispose: () => app.mf.dispose(),
  };
}

type FanoutRow = {
  variant: string;
  n: number;
  before: number;
  open: number;
  perSubscriber: number;
  heldOpen: number | null;
  after: number;
  /** RSS once N new subscribers are open again after the first N left (is the memory reused?). */
  reopened: number;
  heldAfter: number | null;
  freedAfterMs: number | null;
  delivery: Stats | null;
  /** The trigger request's round trip, and the Worker's own time for it (Server-Timing). */
  trigger: Stats | null;
  triggerInWorker: Stats | null;
  /** From the trigger to the event's own timestamp (runtime clock), and from it to arrival. */
  stamped: Stats | null;
  received: Stats | null;
};

const samplesOrNull = (xs: number[]) => (xs.length ? stats(xs) : null);

/** Subscribers opened before the baseline and kept open, so that first-use costs (compiling the route, …) are not counted. */
const WARM = 10;

/** Opens subscribers `from`…`from + count − 1`, 200 at a time, each waiting for its first bytes. */
async function connect(target: Target, from: number, count: number, onEvent: (s: number, e: Event) => void = () => {}): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let i = from; i < from + count; i += 200) {
    const batch = Array.from({ length: Math.min(200, from + count - i) }, (_, k) => i + k);
    streams.push(...(await Promise.all(batch.map((s) => openLeanStream(target.url, target.path(s), target.headers, (e) => onEvent(s, e))))));
  }
  return streams;
}

/** A full garbage collection in the server at `url` (GET /__gc), then a moment for the pages to go back. */
async function collect(url: string) {
  for (let i = 0; i < 2; i++) {
    const { body } = await json<{ collected: boolean }>(url, "GET", "/__gc");
    if (!body.collected) throw new Error(`${url}: no gc() (is --expose-gc set?)`);
  }
  await sleep(500);
}

async function fanout(variant: string, target: Target, n: number, broadcast: boolean, idleOnly: boolean): Promise<FanoutRow> {
  const { pid } = target;
  const app = target.broadcast?.marker === "turn";

  // Idle memory: N subscribers that receive nothing but the heartbeat.
  const warm = await connect(target, 0, WARM);
  await sleep(1_000);
  await collect(target.url);
  const before = rssKiB(pid);
  const streams = await connect(target, WARM, n);
  await sleep(2_000); // let the runtime settle
  await collect(target.url);
  const open = rssKiB(pid);
  const heldOpen = target.held ? (await target.held()) - WARM : null;
  console.log(`  ${variant}: ${n} subscribers open, RSS ${mib(before)} → ${mib(open)}`);
  const row = { variant, n, before, open, perSubscriber: (open - before) / n, heldOpen, after: NaN, reopened: NaN, heldAfter: null, freedAfterMs: null, delivery: null, trigger: null, triggerInWorker: null, stamped: null, received: null };
  if (idleOnly) {
    for (const s of [...warm, ...streams]) s.close();
    return row;
  }

  // The clients go away. The server notices a closed stream at its next write (the 15 s
  // heartbeat) at the latest; the app's rooms are polled until they hold no one.
  const closedAt = performance.now();
  for (const s of [...warm, ...streams]) s.close();
  let freedAfterMs: number | null = null;
  let heldAfter: number | null = null;
  if (app) {
    for (;;) {
      heldAfter = await target.held!();
      if (heldAfter === 0 || performance.now() - closedAt > 20_000) break;
      await sleep(100);
    }
    if (heldAfter === 0) freedAfterMs = performance.now() - closedAt;
  }
  await sleep(Math.max(0, 16_000 - (performance.now() - closedAt)));
  if (!app) heldAfter = (await target.held?.()) ?? null;
  await sleep(1_000);
  await collect(target.url);
  const after = rssKiB(pid);

  // N new subscribers: does RSS grow again, or is the memory the first N left reused? They
  // then take the broadcasts: per subscriber, the time from the trigger request's start to the
  // marker event; a round ends when every subscriber has seen its end (or after 60 s).
  const b = broadcast ? target.broadcast : undefined;
  // The event's timestamp is the runtime's clock (Date.now() in workerd advances with I/O, so
  // it is about when the room got the request): it splits each delivery in two.
  let round: { t0: number; wall0: number; seen: number[]; ended: number; done: () => void } | null = null;
  const stamped: number[] = [];
  const received: number[] = [];
  const subscribers = await connect(target, 0, n, (s, e) => {
    if (!round || !b) return;
    if (e.event === b.marker && round.seen[s] === undefined) {
      round.seen[s] = e.at - round.t0;
      const stamp = Number(/"(?:timestamp|at)":(\d+)/.exec(e.data)?.[1]);
      if (s === 0) stamped.push(stamp - round.wall0);
      received.push(e.wall - stamp);
    }
    if (b.isEnd(e) && ++round.ended === n) round.done();
  });
  await sleep(2_000);
  await collect(target.url);
  const reopened = rssKiB(pid);
  let delivery: Stats | null = null;
  let trigger: Stats | null = null;
  let triggerInWorker: Stats | null = null;
  if (b) {
    const samples: number[] = [];
    const triggers: number[] = [];
    const inWorker: number[] = [];
    for (let r = -1; r < ROUNDS; r++) {
      const finished = new Promise<void>((done) => (round = { t0: performance.now(), wall0: Date.now(), seen: [], ended: 0, done }));
      const t0 = round!.t0;
      const cpu = process.cpuUsage();
      const { res } = await b.trigger();
      const trigger = performance.now() - t0;
      const dur = Number(/app;dur=([\d.]+)/.exec(String(res.headers["server-timing"] ?? ""))?.[1]);
      await Promise.race([finished, sleep(60_000)]);
      const got = round!.seen.filter((x) => x !== undefined);
      const used = process.cpuUsage(cpu);
      console.log(`    round ${r + 1}: first ${msec(Math.min(...got))}, last ${msec(Math.max(...got))} after the trigger; this client's CPU ${msec((used.user + used.system) / 1000)}`);
      round = null;
      if (got.length < n) console.error(`  ${variant}: round ${r + 1}: only ${got.length}/${n} subscribers got the event`);
      if (r < 0) {
        // Round 0 warms the path up (first turn in the room, JIT) and is not counted.
        stamped.length = received.length = 0;
        await sleep(500);
        continue;
      }
      triggers.push(trigger);
      if (Number.isFinite(dur)) inWorker.push(dur);
      samples.push(...got);
      await sleep(500);
    }
    delivery = stats(samples);
    trigger = stats(triggers);
    triggerInWorker = inWorker.length ? stats(inWorker) : null;
  }
  for (const s of subscribers) s.close();
  return { ...row, after, reopened, heldAfter, freedAfterMs, delivery, trigger, triggerInWorker, stamped: samplesOrNull(stamped), received: samplesOrNull(received) };
}

/** BENCH_ONLY=app,floor runs only the fan-out variants whose names start with one of these. */
const ONLY = process.env.BENCH_ONLY?.split(",");
const wanted = (variant: string) => !ONLY || ONLY.some((prefix) => variant.startsWith(prefix));

/**
 * What D1 queries leave behind with no stream open at all: workerd's RSS (after a full
 * collection) before and after N finished requests that each make 2 trivial D1 queries, less
 * the same for N requests that make none; per request, in the "per subscriber" column.
 */
const FLOOR = "floor (bare Worker stream)";
const D1_RESIDUE = "diagnostic: no stream, N finished requests of 2 D1 queries each";

async function d1Residue(n: number): Promise<FanoutRow> {
  const app = await startApp({ LLM_ENGINE: "local" }, { entry: "bench/app-entry.js", onLog, unlimited: true });
  try {
    const cost = async (queries: number) => {
      await collect(app.url);
      const before = rssKiB(app.pid);
      for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: 50 }, () => json(app.url, "GET", `/__bench/d1?queries=${queries}`)));
      await sleep(1_000);
      await collect(app.url);
      return { before, after: rssKiB(app.pid) };
    };
    await cost(0); // first use of the path
    const bare = await cost(0);
    const d1 = await cost(2);
    const again = await cost(2);
    const perRequest = (d1.after - d1.before - (bare.after - bare.before)) / n;
    console.log(`  ${n} requests of 2 D1 queries: RSS ${mib(d1.before)} → ${mib(d1.after)}, ${n} more → ${mib(again.after)}; with none: ${mib(bare.before)} → ${mib(bare.after)}`);
    // "After close" holds RSS after N more such requests: does it keep growing?
    return { variant: D1_RESIDUE, n, before: d1.before, open: d1.after, perSubscriber: perRequest, heldOpen: null, after: again.after, reopened: NaN, heldAfter: null, freedAfterMs: null, delivery: null, trigger: null, triggerInWorker: null, stamped: null, received: null };
  } finally {
    await app.mf.dispose();
  }
}

/** Runs one variant at one N in a workerd of its own, always disposing of it. */
async function measure(variant: string, make: () => Promise<Target>, n: number, broadcast: boolean, idleOnly = false): Promise<FanoutRow | null> {
  if (!wanted(variant)) return null;
  const target = await make();
  try {
    return await fanout(variant, target, n, broadcast, idleOnly);
  } catch (err) {
    console.error(`  ${variant} × ${n}: failed: ${String(err)}`);
    return null;
  } finally {
    await target.dispose().catch(() => {});
  }
}

// ------------------------------------------------------------------ run

console.log(`chat bench (${FULL ? "full" : "quick"}): ${TURNS} turns; subscribers ${SUBSCRIBERS.join(", ")} (fd limit ${FD_LIMIT}).${CAPPED}`);
const PART = process.env.BENCH_PART;
const pipelineRows: PipelineRow[] = [];
for (const engine of PART === "fanout" ? [] : (["openai", "local"] as const)) {
  console.log(`pipeline: ${engine}`);
  pipelineRows.push(...(await pipeline(engine)));
}

const fanoutRows: FanoutRow[] = [];
// Every workerd started from here on gets V8's gc() (Miniflare passes these flags on): memory
// is read after a full collection, so that it counts what the subscribers hold, not garbage
// not yet collected from the requests that opened them. (Not for the pipeline: the flag turns
// off workerd's compile cache.)
process.env.MINIFLARE_WORKERD_V8_FLAGS = "--expose-gc";
for (const n of PART === "pipeline" ? [] : SUBSCRIBERS) {
  console.log(`fan-out: ${n} subscribers`);
  const rows = [
    await measure("machine: a plain Node HTTP server", machineTarget, n, true),
    await measure(FLOOR, () => floorTarget(), n, true),
    await measure("floor through a Durable Object", () => floorTarget(true), n, true),
    await measure("naive (TransformStream writers)", naiveTarget, n, true),
    await measure("app (1 room)", () => appTarget(1), n, true),
  ];
  // Diagnostics (idle memory only): where the app's cost over the floor comes from.
  if (n === SUBSCRIBERS[0]) {
    rows.push(await measure("diagnostic: the room's stream without the route", () => appTarget(1, { d1: 0 }), n, false, true));
    rows.push(await measure("diagnostic: the same after 2 D1 queries", () => appTarget(1, { d1: 2 }), n, false, true));
    if (wanted(D1_RESIDUE)) rows.push(await d1Residue(n));
  }
  if (FULL && n === SUBSCRIBERS.at(-1)) rows.push(await measure("app (100 rooms)", () => appTarget(100), n, false));
  fanoutRows.push(...rows.filter((r): r is FanoutRow => r !== null));
}
agent.destroy();

// ------------------------------------------------------------------ report

const pipelineTable = [
  "| engine | turns | n | `turn` (stream open) p50 (route in Worker) | first `content` p50 | p99 | coordinator `complete` p50 | p99 | D1 round trips / turn | target |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...pipelineRows.map(
    (r) =>
      `| ${r.engine} | ${r.mode} | ${r.first.n} | ${msec(r.turn.p50)} (${msec(r.inWorker.p50)}) | ${msec(r.first.p50)} | ${msec(r.first.p99)} | ${msec(r.complete.p50)} | ${msec(r.complete.p99)} | ${r.d1 === null ? "" : r.d1.toFixed(1)} | first p50 ≤ 30 ms |`,
  ),
].join("\n");

const floorAt = (n: number) => fanoutRows.find((r) => r.n === n && r.variant === FLOOR)?.perSubscriber;
const memoryTable = [
  "| variant | subscribers | RSS before | RSS open | per subscriber | × floor | held by server | RSS 16 s after close | held after close | RSS with N new subscribers |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
  ...fanoutRows.map((r) => {
    const floor = floorAt(r.n);
    const ratio = floor ? `${(r.perSubscriber / floor).toFixed(2)}×` : "";
    const heldAfter = r.heldAfter === null ? "–" : r.freedAfterMs !== null ? `0 (after ${(r.freedAfterMs / 1000).toFixed(1)} s)` : String(r.heldAfter);
    const reopened = Number.isNaN(r.reopened) ? "–" : `${mib(r.reopened)} (${signed(r.reopened - r.after)})`;
    const closed = Number.isNaN(r.after) ? "– | – | –" : `${mib(r.after)} (${signed(r.after - r.before)}) | ${heldAfter} | ${reopened}`;
    return `| ${r.variant} | ${r.n.toLocaleString("en")} | ${mib(r.before)} | ${mib(r.open)} | ${kib(r.perSubscriber)} | ${ratio} | ${r.heldOpen ?? "–"} | ${closed} |`;
  }),
].join("\n");

const broadcastTable = [
  "| variant | subscribers | rounds | trigger request p50 (in Worker) | delivery p50 | p99 | max | request → event stamped p50 | stamped → received p50 / p99 | target |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...fanoutRows
    .filter((r) => r.delivery)
    .map((r) => {
      const name = r.variant.startsWith("app") ? "app: POST /api/chat/send → `turn`" : `${r.variant.replace(/ \(.*\)$|:.*$/, "")}: POST /broadcast → event`;
      const trigger = `${msec(r.trigger!.p50)}${r.triggerInWorker ? ` (${msec(r.triggerInWorker.p50)})` : ""}`;
      const split = `${r.stamped ? msec(r.stamped.p50) : "–"} | ${r.received ? `${msec(r.received.p50)} / ${msec(r.received.p99)}` : "–"}`;
      return `| ${name} | ${r.n.toLocaleString("en")} | ${ROUNDS} | ${trigger} | ${msec(r.delivery!.p50)} | ${msec(r.delivery!.p99)} | ${msec(r.delivery!.max)} | ${split} | ${r.n === 1_000 ? "p99 ≤ 50 ms" : ""} |`;
    }),
].join("\n");

console.log(`\n${pipelineTable}\n\n${memoryTable}\n\n${broadcastTable}`);

writeSection(
  "chat",
  "Chat pipeline and SSE fan-out",
  `\`npm run bench:chat\` (quick) or \`npm run bench:chat -- --full\`; this run: ${FULL ? "full" : "quick"}. Each Worker runs in a workerd of its own (Miniflare's API, its own socket: no dev proxy, no entry worker); clients on loopback, one socket per stream.
**Pipeline**: stream GET → \`turn\` (stream open) → first \`content\` → the coordinator's \`complete\`, with instant engines (a fake OpenAI through the real SDK; the offline stylist at pace 0), 2,400 products; D1 round trips counted by a bench-only entry around the unchanged bundle. Miniflare's queue runs one consumer invocation at a time, so jobs run one after another here: the "20 concurrent" rows measure that queue, not Cloudflare's.
**Memory**: (server RSS with N idle subscribers − RSS before) / N, each RSS read after a full garbage collection (V8's \`--expose-gc\`, \`GET /__gc\`). *Machine*: a plain Node HTTP server. *Floor*: a bare Worker answering with an endless stream (15 s heartbeat); *through a Durable Object*: the same stream answered by an object behind the Worker, the hop every room subscriber takes. *Naive*: a Durable Object with one TransformStream writer per subscriber, never dropped. *Diagnostics*: the app's room stream without its route, then after 2 trivial D1 queries in the watch request; and with no stream at all, what N finished requests of 2 trivial D1 queries each leave in workerd's memory (per request; the next column: after N more).
**Broadcast**: per subscriber, trigger request start → event arrival, ${ROUNDS} rounds after one uncounted; the event's own timestamp (the server's clock) splits it in two. The floor broadcasts to its isolate's streams (possible locally only). Subscribers are bare TCP sockets read by one Node thread, parsed only as far as the measurement needs.${CAPPED}

${pipelineTable}

${memoryTable}

${broadcastTable}`,
);
