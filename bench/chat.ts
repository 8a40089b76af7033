// `npm run bench:chat` (quick) or `npm run bench:chat -- --full`: the stylist chat's pipeline in
// the app's workerd (Miniflare's API, loopback only, the Worker on its own workerd socket, so no
// dev proxy and no Miniflare entry worker in the path): latency with a zero-latency engine
// (bench/fake-openai.ts with LLM_ENGINE=openai, and the offline stylist with
// LOCAL_STREAM_PACE_MS=0): stream GET → first `content`, and → the coordinator's `complete`;
// sequential and 20 at once. D1 round trips per turn are counted by a bench-only entry module
// around the unchanged bundle (bench/app-entry.js). The SSE fan-out (memory per subscriber,
// broadcast, slow subscribers, 10,000 subscribers) is bench/fanout.ts's.
// BENCH_TURNS overrides the number of turns.
// Targets (issue 9): first `content` p50 ≤ 20 ms and p99 ≤ 60 ms with a zero-latency engine; D1
// per turn: one write for the user's message and one batch for the answers (2 writing round trips).
import http from "node:http";
import { startInstantOpenAI } from "./fake-openai.ts";
import { startApp, stats, type Stats } from "./harness.ts";
import { json, keepAlive, login, request } from "./http.ts";
import { writeSection } from "./report.ts";
import { reportTargets, type Verdict } from "./targets.ts";
import { QUESTIONS, seed } from "./seed.ts";
import { isCoordinatorComplete, takeEvents, type Event, type Stream } from "./sse.ts";

const FULL = process.argv.includes("--full");
const TURNS = Number(process.env.BENCH_TURNS ?? (FULL ? 300 : 50));
const CONCURRENCY = 20;

const msec = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "–");
/** Worker logs: the app logs every request; show only warnings and errors, and not too many. */
let shownLogs = 0;
const onLog = (log: { level: string; message: string }) => {
  if (!["warn", "error"].includes(log.level) || shownLogs++ >= 20) return;
  console.error(`  [workerd ${log.level}] ${log.message.slice(0, 300)}`);
};

// ------------------------------------------------------------------ HTTP and SSE client

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

/** D1 per turn: round trips, and of them the ones that write. */
type D1PerTurn = { trips: number; writes: number };
type PipelineRow = { engine: string; mode: string; inWorker: Stats; turn: Stats; first: Stats; complete: Stats; d1: D1PerTurn | null };

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
    const d1 = async () => (await json<{ roundTrips: number; writes: number }>(app.url, "GET", "/__bench/d1")).body;

    const d1Before = await d1();
    const sequential: TurnTimes[] = [];
    for (let i = 0; i < TURNS; i++) sequential.push(await streamTurn(app.url, cookie, rooms[0]!, QUESTIONS[i % QUESTIONS.length]!));
    const d1After = await d1();
    const d1PerTurn = { trips: (d1After.roundTrips - d1Before.roundTrips) / TURNS, writes: (d1After.writes - d1Before.writes) / TURNS };

    // 20 lanes, each its own room, each running its share of the turns back to back.
    const concurrent: TurnTimes[] = [];
    await Promise.all(
      rooms.map(async (room, lane) => {
        for (let i = lane; i < TURNS; i += CONCURRENCY) concurrent.push(await streamTurn(app.url, cookie, room, QUESTIONS[i % QUESTIONS.length]!));
      }),
    );
    const label = engine === "openai" ? "openai SDK → instant fake" : "local (pace 0)";
    const row = (mode: string, t: TurnTimes[], d: D1PerTurn | null): PipelineRow => ({
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

// ------------------------------------------------------------------ run

console.log(`chat bench (${FULL ? "full" : "quick"}): ${TURNS} turns.`);
const pipelineRows: PipelineRow[] = [];
for (const engine of ["openai", "local"] as const) {
  console.log(`pipeline: ${engine}`);
  pipelineRows.push(...(await pipeline(engine)));
}
keepAlive.destroy();

// ------------------------------------------------------------------ report

const pipelineTable = [
  "| engine | turns | n | `turn` (stream open) p50 (route in Worker) | first `content` p50 | p99 | coordinator `complete` p50 | p99 | D1 round trips / turn (writing) | target |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...pipelineRows.map(
    (r) =>
      `| ${r.engine} | ${r.mode} | ${r.first.n} | ${msec(r.turn.p50)} (${msec(r.inWorker.p50)}) | ${msec(r.first.p50)} | ${msec(r.first.p99)} | ${msec(r.complete.p50)} | ${msec(r.complete.p99)} | ${r.d1 === null ? "" : `${r.d1.trips.toFixed(1)} (${r.d1.writes.toFixed(1)})`} | ${r.mode === "sequential" ? "first p50 ≤ 20 ms, p99 ≤ 60 ms; 2 writes" : "(Miniflare's one-at-a-time queue)"} |`,
  ),
].join("\n");

console.log(`\n${pipelineTable}`);

const verdicts: Verdict[] = pipelineRows
  .filter((r) => r.mode === "sequential")
  .flatMap((r) => [
    { what: `request → first \`content\` p50, ${r.engine}`, measured: msec(r.first.p50), target: "≤ 20 ms", met: r.first.p50 <= 20 },
    { what: `request → first \`content\` p99, ${r.engine}`, measured: msec(r.first.p99), target: "≤ 60 ms", met: r.first.p99 <= 60 },
    { what: `D1 writing round trips per turn, ${r.engine}`, measured: `${r.d1!.writes.toFixed(1)} (of ${r.d1!.trips.toFixed(1)})`, target: "2 (the message; the answers' batch)", met: Math.abs(r.d1!.writes - 2) < 0.05 },
  ]);
reportTargets("chat", verdicts);

writeSection(
  "chat",
  "Chat pipeline",
  `\`npm run bench:chat\` (quick) or \`npm run bench:chat -- --full\`; this run: ${FULL ? "full" : "quick"}. The app's Worker in a workerd of its own (Miniflare's API, its own socket: no dev proxy, no entry worker); clients on loopback, one socket per stream. The SSE fan-out's figures (memory per subscriber, broadcast, slow subscribers) are in the fan-out section (\`npm run bench:fanout\`).
**Pipeline**: stream GET → \`turn\` (stream open) → first \`content\` → the coordinator's \`complete\`, with instant engines (a fake OpenAI through the real SDK; the offline stylist at pace 0), 2,400 products; D1 round trips counted by a bench-only entry around the unchanged bundle (in brackets, the ones that write: a round trip whose first statement inserts, updates or deletes). Miniflare's queue runs one consumer invocation at a time, so jobs run one after another here: the "20 concurrent" rows measure that queue, not Cloudflare's.

${pipelineTable}`,
);
