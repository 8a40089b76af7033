// `npm run bench:load` (quick) or `npm run bench:load -- --full`: the app under load, in one
// app workerd (startApp: Miniflare's API, the Worker on its own socket, loopback only), with
// zero-latency engines: the stylists' OpenAI engine pointed at bench/fake-openai.ts (the chat
// bench's "instant fake", also the voice rubric judge), the local voice partner, and
// LOCAL_STREAM_PACE_MS=0. Three parts against the same workerd, run in the order 3, 2, 1 (so
// that each part's memory is read before the larger ones after it have grown workerd: memory
// V8 collects is kept by the process and reused, so RSS read after a big part says little):
//  1. Concurrent chat turns: TURNS signed-in users' first messages at once (each a new room,
//     GET /api/chat/rooms/messages/stream, 4 turns per user, under CHAT_LIMIT's 30 a minute;
//     no CF-Connecting-IP, so the per-IP limits do not count outside production). Errors: a
//     non-200, an `error` event, a stream that ends without the coordinator's `complete` or
//     with fewer than four answers. Latency from the GET to the first `content` and to the
//     coordinator's `complete`. Afterwards D1: every user message stored once (its id, room
//     and text), every answer saved exactly once and its product rows once (rows per turn_id
//     and sender_type in chat_messages against the `complete` events), no dead-letter row.
//  2. Open SSE subscribers: SUBSCRIBERS watch streams (GET /api/chat/rooms/{id}/events) over
//     WATCHED_ROOMS rooms (each made by its owner's first turn, which also warm the app up),
//     held open together, while ROUNDS rounds of one turn per room (POST /api/chat/send) are
//     broadcast to them. Connect time, delivery from the send's start to each subscriber's
//     `turn` and first `content`, every subscriber seeing its room's coordinator `complete`,
//     those turns in D1 as in 1; workerd's RSS before, with and after (each after a full
//     garbage collection: the bench entry's GET /__gc, V8's --expose-gc).
//  3. Voice sessions at real-time rate (VOICE_ENGINE=local): each creates a session, opens its
//     socket (Origin = the app), sends a 100 ms PCM16 24 kHz frame every 100 ms and a few
//     typed turns, then ends it and reads the report. The local partner listens to text: it
//     answers every audio frame with an `audio_not_supported` error naming the frame, which is
//     the frame's round trip here (not counted as an error); the typed turns time the partner.
// Subscribers and turn streams get a socket each (raw sockets, or an agent without
// keep-alive and without a pool limit). BENCH_TURNS, BENCH_SUBSCRIBERS and BENCH_SESSIONS
// override the sizes. Exits non-zero when anything counted as an error.
import http from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { WebSocket as WebSocketType } from "ws";
import { startInstantOpenAI } from "./fake-openai.ts";
import { rssKiB, startApp, stats, type Stats } from "./harness.ts";
import { writeSection } from "./report.ts";
import { reportTargets } from "./targets.ts";
import { QUESTIONS, seed } from "./seed.ts";
import { isCoordinatorComplete, openLeanStream, takeEvents, type Event, type Stream } from "./sse.ts";

const { WebSocket } = createRequire(import.meta.url)("ws") as { WebSocket: typeof WebSocketType };

const FULL = process.argv.includes("--full");
const TURNS = Number(process.env.BENCH_TURNS ?? 1_000);
const TURNS_PER_USER = 4;
/** A subscriber costs one fd here and two in workerd, which inherits this process's limit. */
const FD_LIMIT = Number(/Max open files\s+(\d+)/.exec(readFileSync("/proc/self/limits", "utf8"))?.[1] ?? 1024);
const MAX_SUBSCRIBERS = Math.floor((FD_LIMIT - 1_000) / 2 / 500) * 500;
const WANTED_SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? (FULL ? 10_000 : 5_000));
const SUBSCRIBERS = Math.min(WANTED_SUBSCRIBERS, MAX_SUBSCRIBERS);
const WATCHED_ROOMS = FULL ? 20 : 10;
const ROUNDS = FULL ? 5 : 3;
const VOICE_SESSIONS = Number(process.env.BENCH_SESSIONS ?? (FULL ? 200 : 100));
const VOICE_SECONDS = FULL ? 30 : 6;
const TYPED_TURNS = FULL ? 6 : 3;
const FRAME_MS = 100;
const PRODUCTS = 2_400;
/** A turn stream still open this long after the burst began counts as an error. */
const TURN_TIMEOUT_MS = 240_000;
const ROUND_TIMEOUT_MS = 60_000;

const TYPED = [
  "I led a team of five that cut our release time from two weeks to three days.",
  "Mostly by automating the tests and reviewing smaller changes every day.",
  "What does a typical week look like for this team?",
  "I would start by listening to the people who use the product the most.",
  "In my last role I grew the weekly active users by 40 percent in one year.",
  "Thank you, I am really excited about this role.",
];
/** sender_type of each expert's answer (worker/chat/experts.ts); its products are `${type}_PRODUCT` rows. */
const SENDER_TYPE: Record<string, string> = { style_analyst: "STYLE", trend_expert: "TREND", color_expert: "COLOR", fitting_coordinator: "FITTING_COORDINATOR" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const msec = (x: number) => (Number.isFinite(x) ? (x >= 1_000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`) : "–");
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const n0 = (x: number) => x.toLocaleString("en");

/** Errors of one part: counted, the first few kept to print. */
class Errors {
  count = 0;
  readonly samples: string[] = [];
  readonly part: string;
  constructor(part: string) {
    this.part = part;
  }
  add(what: string) {
    this.count++;
    if (this.samples.length < 8) this.samples.push(what.slice(0, 300));
  }
  print() {
    if (this.count) console.error(`  ${this.part}: ${this.count} errors, e.g.\n    ${this.samples.join("\n    ")}`);
  }
}

/** Worker logs: the app logs every request; warnings and errors are counted, the first few shown. */
const workerLogs = { warn: 0, error: 0, shown: 0 };
const onLog = (log: { level: string; message: string }) => {
  if (log.level !== "warn" && log.level !== "error") return;
  // workerd's note that --expose-gc (below) turns its compile cache off.
  if (log.message.includes("bootstrap compile cache failed its compatibility check")) return;
  workerLogs[log.level]++;
  if (workerLogs.shown++ < 20) console.error(`  [workerd ${log.level}] ${log.message.slice(0, 300)}`);
};

// ------------------------------------------------------------------ HTTP

/** Short requests: keep-alive, no pool limit. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
/** Turn streams: one socket each, closed when the stream ends. */
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

async function call<T>(base: string, method: string, path: string, opts: { cookie?: string; body?: unknown } = {}): Promise<{ status: number; body: T; headers: http.IncomingHttpHeaders }> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  // POSTs carry the app's own origin, as a browser's would.
  const headers = { ...(body ? { "content-type": "application/json", origin: base } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}) };
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, agent, headers });
    req.on("response", resolve);
    req.on("error", reject);
    req.end(body);
  });
  let text = "";
  res.setEncoding("utf8");
  for await (const chunk of res) text += chunk;
  let parsed: T;
  try {
    parsed = JSON.parse(text) as T;
  } catch {
    parsed = text as T;
  }
  return { status: res.statusCode ?? 0, body: parsed, headers: res.headers };
}

async function login(base: string, nickname: string): Promise<string> {
  const { status, headers } = await call(base, "POST", "/api/auth/dev-login", { body: { nickname } });
  if (status !== 200) throw new Error(`dev login ${nickname}: ${status}`);
  return (headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
}

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** A full garbage collection in workerd (the bench entry's GET /__gc), then a moment for pages to go back. */
async function collect(base: string) {
  for (let i = 0; i < 2; i++) {
    const { body } = await call<{ collected: boolean }>(base, "GET", "/__gc");
    if (!body.collected) throw new Error("no gc() in workerd (is --expose-gc set?)");
  }
  await sleep(500);
}

/** CPU time a process has used, in seconds (utime + stime, 100 ticks a second). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Envelope = { status?: string; message?: string; data?: Record<string, unknown> };
const envelopeOf = (data: string): Envelope | null => {
  try {
    return JSON.parse(data) as Envelope;
  } catch {
    return null;
  }
};

// ------------------------------------------------------------------ the app

const fake = await startInstantOpenAI();
// The bench entry (bench/app-entry.js) around the unchanged bundle answers GET /__gc, with V8's gc() exposed.
process.env.MINIFLARE_WORKERD_V8_FLAGS = "--expose-gc";
const app = await startApp(
  {
    LLM_ENGINE: "openai",
    OPENAI_API_KEY: "sk-bench-instant",
    OPENAI_BASE_URL: fake.baseURL,
    VOICE_ENGINE: "local",
    LOCAL_STREAM_PACE_MS: "0",
  },
  { entry: "bench/app-entry.js", onLog },
);
await seed(app.db, PRODUCTS);
console.log(
  `load bench (${FULL ? "full" : "quick"}): ${n0(TURNS)} turns, ${n0(SUBSCRIBERS)} subscribers over ${WATCHED_ROOMS} rooms × ${ROUNDS} rounds, ${VOICE_SESSIONS} voice sessions × ${VOICE_SECONDS} s; workerd pid ${app.pid}, fd limit ${n0(FD_LIMIT)}`,
);

// ------------------------------------------------------------------ 1. concurrent chat turns

type TurnRecord = {
  user: number;
  question: string;
  status: number;
  roomId: number | null;
  turnId: string | null;
  messageId: number | null;
  firstContent: number;
  complete: number;
  /** Products per answer (sender_type → count) from the `complete` events. */
  answers: Map<string, number>;
  resets: number;
  cleanEnd: boolean;
};

/** One turn that creates its room: GET …/messages/stream, read to its end. */
function streamTurn(base: string, cookie: string, rec: TurnRecord, errors: Errors): Promise<void> {
  return new Promise<void>((resolve) => {
    const t0 = performance.now();
    const path = `/api/chat/rooms/messages/stream?user_input=${encodeURIComponent(rec.question)}`;
    const req = http.request(`${base}${path}`, { agent: streamAgent, headers: { cookie, accept: "text/event-stream" } });
    const problems: string[] = [];
    const timer = setTimeout(() => {
      problems.push(`still open after ${TURN_TIMEOUT_MS / 1000} s`);
      req.destroy();
    }, TURN_TIMEOUT_MS);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (rec.status === 200) {
        if (Number.isNaN(rec.complete)) problems.push("ended without the coordinator's complete");
        if (rec.answers.size !== 4) problems.push(`${rec.answers.size} of 4 answers`);
        if (!rec.cleanEnd) problems.push("stream cut off (no end of the response)");
      }
      for (const p of problems) errors.add(`turn ${rec.turnId ?? "?"}: ${p}`);
      resolve();
    };
    const onEvent = (e: Event) => {
      const body = envelopeOf(e.data);
      const data = body?.data;
      if (!data) return problems.push(`unreadable ${e.event} event`), undefined;
      if (e.event === "room") rec.roomId = Number(data.room_id);
      else if (e.event === "turn") {
        rec.turnId = String(data.turn_id);
        rec.messageId = Number(data.message_id);
      } else if (e.event === "content") {
        if (Number.isNaN(rec.firstContent)) rec.firstContent = e.at - t0;
      } else if (e.event === "reset") rec.resets++;
      else if (e.event === "complete") {
        const type = SENDER_TYPE[String(data.agent_id)];
        if (!type) problems.push(`complete from ${String(data.agent_id)}`);
        else if (rec.answers.has(type)) problems.push(`a second complete from ${String(data.agent_id)}`);
        else rec.answers.set(type, Array.isArray(data.products) ? data.products.length : 0);
        if (isCoordinatorComplete(e)) rec.complete = e.at - t0;
      } else if (e.event === "error") problems.push(`error event: ${body.message ?? e.data.slice(0, 200)}`);
    };
    req.on("response", (res) => {
      rec.status = res.statusCode ?? 0;
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const at = performance.now();
        if (rec.status !== 200) buffer += chunk;
        else buffer = takeEvents(buffer + chunk, at, Date.now(), onEvent);
      });
      res.on("end", () => {
        rec.cleanEnd = true;
        if (rec.status !== 200) problems.push(`HTTP ${rec.status}: ${buffer.slice(0, 200)}`);
      });
      res.on("error", () => {});
      res.on("close", settle);
    });
    req.on("error", (err) => {
      if (rec.status === 0) problems.push(`request failed: ${String(err)}`);
      settle();
    });
    req.end();
  });
}

const newRecord = (user: number, question: string): TurnRecord => ({
  user,
  question,
  status: 0,
  roomId: null,
  turnId: null,
  messageId: null,
  firstContent: NaN,
  complete: NaN,
  answers: new Map(),
  resets: 0,
  cleanEnd: false,
});

type D1Check = { turns: number; userRows: number; answerRows: number; productRows: number; problems: number };

/**
 * In D1, per turn: one user message (its id, room and text as sent), one row per answer, and
 * as many product rows per answer as its `complete` event listed (when `answers` is known).
 */
async function checkTurns(turns: { turnId: string; messageId: number; roomId: number; question: string; answers: Map<string, number> | null }[], errors: Errors): Promise<D1Check> {
  const d1: D1Check = { turns: turns.length, userRows: 0, answerRows: 0, productRows: 0, problems: 0 };
  const problem = (what: string) => {
    d1.problems++;
    errors.add(`D1: ${what}`);
  };
  const userRows = (await app.db.prepare("select id, room_id, turn_id, message from chat_messages where sender_type = 'USER'").all<{ id: number; room_id: number; turn_id: string; message: string }>()).results;
  const byTurn = new Map<string, { id: number; room_id: number; message: string }[]>();
  for (const row of userRows) byTurn.set(row.turn_id, [...(byTurn.get(row.turn_id) ?? []), row]);
  const counts = (
    await app.db.prepare("select turn_id, sender_type, count(*) as n from chat_messages where sender_type != 'USER' group by turn_id, sender_type").all<{ turn_id: string; sender_type: string; n: number }>()
  ).results;
  const rowsOf = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const m = rowsOf.get(c.turn_id) ?? new Map<string, number>();
    m.set(c.sender_type, c.n);
    rowsOf.set(c.turn_id, m);
  }
  const types = Object.values(SENDER_TYPE);
  for (const t of turns) {
    const stored = byTurn.get(t.turnId) ?? [];
    if (stored.length !== 1) problem(`turn ${t.turnId}: ${stored.length} user messages`);
    else if (stored[0]!.id !== t.messageId || stored[0]!.room_id !== t.roomId || stored[0]!.message !== t.question) problem(`turn ${t.turnId}: user message ${JSON.stringify(stored[0])} is not the one sent`);
    else d1.userRows++;
    const rows = rowsOf.get(t.turnId) ?? new Map<string, number>();
    for (const type of types) {
      const answers = rows.get(type) ?? 0;
      const products = rows.get(`${type}_PRODUCT`) ?? 0;
      const announced = t.answers?.get(type);
      if (answers !== 1) problem(`turn ${t.turnId}: ${answers} ${type} rows`);
      else d1.answerRows++;
      if (announced !== undefined && products !== announced) problem(`turn ${t.turnId}: ${products} ${type}_PRODUCT rows, ${announced} products in its complete event`);
      else d1.productRows += products;
    }
    for (const type of rows.keys()) if (!types.some((x) => type === x || type === `${x}_PRODUCT`)) problem(`turn ${t.turnId}: rows of type ${type}`);
  }
  return d1;
}

const roundTrips = async () => (await call<{ roundTrips: number }>(app.url, "GET", "/__bench/d1")).body.roundTrips;

type ChatResult = {
  errors: Errors;
  users: number;
  first: Stats;
  complete: Stats;
  wallMs: number;
  workerdCpu: number;
  benchCpu: number;
  resets: number;
  d1: D1Check & { deadLetters: number; roundTripsPerTurn: number };
  rss: { before: number; after: number };
};

async function chatTurns(): Promise<ChatResult> {
  const errors = new Errors("chat turns");
  const users = Math.ceil(TURNS / TURNS_PER_USER);
  const cookies = await pool(
    Array.from({ length: users }, (_, i) => i),
    20,
    (i) => login(app.url, `load-${i}`),
  );
  await collect(app.url);
  const rssBefore = rssKiB(app.pid);
  const records = Array.from({ length: TURNS }, (_, i) => newRecord(i % users, `${QUESTIONS[i % QUESTIONS.length]} (#${i})`));
  console.log(`chat turns: ${n0(TURNS)} at once by ${users} users (RSS ${mib(rssBefore)})`);
  const trips0 = await roundTrips();
  const cpu0 = cpuSeconds(app.pid);
  const bench0 = process.cpuUsage();
  const t0 = performance.now();
  const progress = setInterval(() => {
    const done = records.filter((r) => !Number.isNaN(r.complete)).length;
    const first = records.filter((r) => !Number.isNaN(r.firstContent)).length;
    console.log(`   ${((performance.now() - t0) / 1000).toFixed(0)} s: ${first} with content, ${done} complete, workerd ${mib(rssKiB(app.pid))}`);
  }, 10_000);
  await Promise.all(records.map((r) => streamTurn(app.url, cookies[r.user]!, r, errors)));
  clearInterval(progress);
  const wallMs = performance.now() - t0;
  const workerdCpu = (cpuSeconds(app.pid) - cpu0) / (wallMs / 1000);
  const used = process.cpuUsage(bench0);
  const benchCpu = (used.user + used.system) / 1e6 / (wallMs / 1000);
  const roundTripsPerTurn = ((await roundTrips()) - trips0) / TURNS;

  // D1: the user's messages and the answers, exactly once each (a turn that never started is
  // an error of its stream already: there is nothing to look up).
  const started = records.filter((r) => r.turnId !== null && r.roomId !== null && r.messageId !== null);
  const checked = await checkTurns(
    started.map((r) => ({ turnId: r.turnId!, messageId: r.messageId!, roomId: r.roomId!, question: r.question, answers: r.answers })),
    errors,
  );
  const deadLetters = (await app.db.prepare("select count(*) as n from failed_jobs").first<{ n: number }>())?.n ?? 0;
  if (deadLetters) errors.add(`D1: ${deadLetters} dead-letter rows in failed_jobs`);
  const d1 = { ...checked, deadLetters, roundTripsPerTurn };

  await collect(app.url);
  const rssAfter = rssKiB(app.pid);
  const ok = records.filter((r) => r.status === 200);
  const result: ChatResult = {
    errors,
    users,
    first: stats(ok.map((r) => r.firstContent).filter(Number.isFinite)),
    complete: stats(ok.map((r) => r.complete).filter(Number.isFinite)),
    wallMs,
    workerdCpu,
    benchCpu,
    resets: records.reduce((sum, r) => sum + r.resets, 0),
    d1,
    rss: { before: rssBefore, after: rssAfter },
  };
  console.log(
    `   done in ${msec(wallMs)}: ${errors.count} errors; first content p50 ${msec(result.first.p50)} p99 ${msec(result.first.p99)}; complete p50 ${msec(result.complete.p50)} p99 ${msec(result.complete.p99)}; D1 ${d1.userRows} user rows, ${d1.answerRows} answers, ${d1.productRows} product rows, ${d1.problems} problems; ${roundTripsPerTurn.toFixed(1)} D1 round trips a turn; RSS ${mib(rssAfter)}`,
  );
  errors.print();
  return result;
}

/**
 * The rooms the subscribers watch, each made by its own user's first turn (streamed, not
 * counted: these turns also warm the isolate, the routes, the engine and the queue up).
 */
async function watchedRooms(): Promise<{ id: number; cookie: string }[]> {
  const rooms: { id: number; cookie: string }[] = [];
  for (let i = 0; i < WATCHED_ROOMS; i++) {
    const cookie = await login(app.url, `watch-${i}`);
    const warm = newRecord(i, QUESTIONS[i % QUESTIONS.length]!);
    const warmErrors = new Errors("warm-up");
    await streamTurn(app.url, cookie, warm, warmErrors);
    if (warmErrors.count || warm.roomId === null) throw new Error(`warm-up turn failed: ${warmErrors.samples.join("; ")}`);
    rooms.push({ id: warm.roomId, cookie });
  }
  return rooms;
}

// ------------------------------------------------------------------ 2. open SSE subscribers

type FanoutResult = {
  errors: Errors;
  subscribers: number;
  rooms: number;
  connect: Stats;
  turn: Stats;
  first: Stats;
  /** Per round: from the first send's start to the last subscriber's coordinator `complete`. */
  roundEnd: Stats;
  /** The `turn` event's own timestamp (the room's clock) splits its delivery: send → stamped, stamped → received. */
  stamped: Stats;
  received: Stats;
  deliveries: number;
  d1: D1Check;
  benchCpu: number;
  rss: { before: number; open: number; broadcasting: number; after: number; freedAfterMs: number | null };
};

type Sub = { room: number; stream: Stream | null; turnId: string | null; turnAt: number; contentAt: number; done: boolean };

async function fanout(rooms: { id: number; cookie: string }[]): Promise<FanoutResult> {
  const errors = new Errors("subscribers");
  const ns = await app.mf.getDurableObjectNamespace("CHAT_ROOM");
  const stubs = rooms.map((r) => ns.get(ns.idFromName(`room:${r.id}`)) as unknown as { subscriberCount(): Promise<number> });
  const held = async () => (await Promise.all(stubs.map((s) => s.subscriberCount()))).reduce((a, b) => a + b, 0);

  await collect(app.url);
  const before = rssKiB(app.pid);
  console.log(`subscribers: ${n0(SUBSCRIBERS)} over ${rooms.length} rooms (RSS ${mib(before)})`);

  const subs: Sub[] = Array.from({ length: SUBSCRIBERS }, (_, i) => ({ room: i % rooms.length, stream: null, turnId: null, turnAt: NaN, contentAt: NaN, done: false }));
  type Round = { t0: number[]; wall0: number[]; turnIds: (string | null)[]; messageIds: number[]; answers: Map<string, number>[]; done: number; finished: () => void };
  let round: Round | null = null;
  let closing = false;
  const stampedTimes: number[] = [];
  const receivedTimes: number[] = [];
  const onEvent = (i: number, e: Event) => {
    const s = subs[i]!;
    if (e.event === "error") errors.add(`subscriber ${i}: error event ${e.data.slice(0, 200)}`);
    if (!round) return;
    const turnId = /"turn_id":"([^"]+)"/.exec(e.data)?.[1];
    if (e.event === "turn" && s.turnId === null && turnId) {
      s.turnId = turnId;
      s.turnAt = e.at - round.t0[s.room]!;
      const stamp = Number(/"timestamp":(\d+)/.exec(e.data)?.[1]);
      if (i === s.room) stampedTimes.push(stamp - round.wall0[s.room]!);
      receivedTimes.push(e.wall - stamp);
    } else if (e.event === "content" && turnId === s.turnId && Number.isNaN(s.contentAt)) {
      s.contentAt = e.at - round.t0[s.room]!;
    } else if (e.event === "complete" && turnId === s.turnId && i === s.room) {
      // The room's first subscriber notes each answer's products, for the D1 check.
      const data = envelopeOf(e.data)?.data;
      const type = SENDER_TYPE[String(data?.agent_id)];
      if (type) round.answers[s.room]!.set(type, Array.isArray(data?.products) ? data.products.length : 0);
    }
    if (isCoordinatorComplete(e) && turnId === s.turnId && !s.done) {
      s.done = true;
      if (++round.done === connectTimes.length) round.finished();
    }
  };
  const connectTimes: number[] = [];
  for (let from = 0; from < subs.length; from += 200) {
    await Promise.all(
      subs.slice(from, from + 200).map(async (s, k) => {
        const i = from + k;
        const room = rooms[s.room]!;
        const t = performance.now();
        try {
          s.stream = await openLeanStream(app.url, `/api/chat/rooms/${room.id}/events`, { cookie: room.cookie }, (e) => onEvent(i, e));
          connectTimes.push(performance.now() - t);
          void s.stream.ended.then(() => {
            if (!closing) errors.add(`subscriber ${i}: stream closed by the server`);
          });
        } catch (err) {
          errors.add(`subscriber ${i}: ${String(err)}`);
        }
      }),
    );
  }
  await sleep(2_000);
  const holding = await held();
  if (holding !== connectTimes.length) errors.add(`the rooms hold ${holding} subscribers, ${connectTimes.length} connected`);
  await collect(app.url);
  const open = rssKiB(app.pid);
  console.log(`   ${n0(connectTimes.length)} open (rooms hold ${n0(holding)}), RSS ${mib(open)}`);

  const turnTimes: number[] = [];
  const firstTimes: number[] = [];
  const roundEnds: number[] = [];
  let broadcasting = 0;
  const sent: Parameters<typeof checkTurns>[0] = [];
  const bench0 = process.cpuUsage();
  const roundsStart = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of subs) Object.assign(s, { turnId: null, turnAt: NaN, contentAt: NaN, done: false });
    const finished = new Promise<void>(
      (resolve) => (round = { t0: rooms.map(() => NaN), wall0: rooms.map(() => NaN), turnIds: rooms.map(() => null), messageIds: rooms.map(() => NaN), answers: rooms.map(() => new Map()), done: 0, finished: resolve }),
    );
    const current = round!;
    const start = performance.now();
    const questions = rooms.map((_, k) => `${QUESTIONS[(r + k) % QUESTIONS.length]} (round ${r + 1})`);
    await Promise.all(
      rooms.map(async (room, k) => {
        current.t0[k] = performance.now();
        current.wall0[k] = Date.now();
        const { status, body } = await call<Envelope>(app.url, "POST", "/api/chat/send", { cookie: room.cookie, body: { room_id: room.id, content: questions[k] } });
        if (status !== 200) errors.add(`round ${r + 1}, room ${room.id}: POST /api/chat/send ${status} ${JSON.stringify(body).slice(0, 200)}`);
        else {
          current.turnIds[k] = String(body.data?.turn_id);
          current.messageIds[k] = Number(body.data?.message_id);
        }
      }),
    );
    const timedOut = await Promise.race([finished.then(() => false), sleep(ROUND_TIMEOUT_MS).then(() => true)]);
    roundEnds.push(performance.now() - start);
    broadcasting = Math.max(broadcasting, rssKiB(app.pid));
    round = null;
    let missing = 0;
    for (const [i, s] of subs.entries()) {
      if (!s.stream) continue;
      if (s.turnId !== current.turnIds[s.room]) errors.add(`round ${r + 1}, subscriber ${i}: turn ${s.turnId}, sent ${current.turnIds[s.room]}`);
      if (Number.isNaN(s.turnAt) || Number.isNaN(s.contentAt) || !s.done) missing++;
      else {
        turnTimes.push(s.turnAt);
        firstTimes.push(s.contentAt);
      }
    }
    if (missing) errors.add(`round ${r + 1}: ${missing} subscribers missed the turn, its first content or its complete${timedOut ? ` (${ROUND_TIMEOUT_MS / 1000} s)` : ""}`);
    for (const [k, room] of rooms.entries()) {
      const turnId = current.turnIds[k];
      if (turnId) sent.push({ turnId, messageId: current.messageIds[k]!, roomId: room.id, question: questions[k]!, answers: current.answers[k]!.size === 4 ? current.answers[k]! : null });
    }
    const rt = stats(turnTimes.slice(-subs.length));
    const rc = stats(firstTimes.slice(-subs.length));
    console.log(`   round ${r + 1}: turn p50 ${msec(rt.p50)} p99 ${msec(rt.p99)}; first content p50 ${msec(rc.p50)} p99 ${msec(rc.p99)}; all complete after ${msec(roundEnds.at(-1)!)}`);
    await sleep(500);
  }

  const used = process.cpuUsage(bench0);
  const benchCpu = (used.user + used.system) / 1e6 / ((performance.now() - roundsStart) / 1000);
  const d1 = await checkTurns(sent, errors);

  // The clients leave; the rooms let go of their streams (at once, or at the next heartbeat).
  closing = true;
  const closedAt = performance.now();
  for (const s of subs) s.stream?.close();
  let freedAfterMs: number | null = null;
  for (;;) {
    if ((await held()) === 0) {
      freedAfterMs = performance.now() - closedAt;
      break;
    }
    if (performance.now() - closedAt > 20_000) break;
    await sleep(200);
  }
  if (freedAfterMs === null) errors.add(`the rooms still hold ${await held()} subscribers 20 s after the clients left`);
  await sleep(1_000);
  await collect(app.url);
  const after = rssKiB(app.pid);
  const result: FanoutResult = {
    errors,
    subscribers: connectTimes.length,
    rooms: rooms.length,
    connect: stats(connectTimes),
    turn: stats(turnTimes),
    first: stats(firstTimes),
    roundEnd: stats(roundEnds),
    stamped: stats(stampedTimes),
    received: stats(receivedTimes),
    deliveries: firstTimes.length,
    d1,
    benchCpu,
    rss: { before, open, broadcasting, after, freedAfterMs },
  };
  console.log(`   closed: rooms empty after ${freedAfterMs === null ? "–" : msec(freedAfterMs)}, RSS ${mib(after)}; ${errors.count} errors`);
  errors.print();
  return result;
}

// ------------------------------------------------------------------ 3. voice sessions

/** 100 ms of a 220 Hz tone at 24 kHz, as PCM16 in base64 (4,800 bytes, 6,400 characters). */
const AUDIO = (() => {
  const pcm = Buffer.alloc(FRAME_MS * 48);
  for (let i = 0; i < pcm.length / 2; i++) pcm.writeInt16LE(Math.round(8_000 * Math.sin((2 * Math.PI * 220 * i) / 24_000)), i * 2);
  return pcm.toString("base64");
})();

type RealtimeEvent = { type: string; event_id?: string; error?: { code?: string; event_id?: string; message?: string }; [key: string]: unknown };

/** One rehearsal's socket: frames timed to their answer, the partner's responses timed, anything unexpected counted. */
class VoiceClient {
  readonly frameRtts: number[] = [];
  readonly itemAdded: number[] = [];
  readonly firstDelta: number[] = [];
  readonly responseDone: number[] = [];
  private sent = new Map<string, number>();
  private frames = 0;
  lost = 0;
  responses = 0;
  closed: { code: number; reason: string } | null = null;
  ending = false;
  private pendingTyped: { at: number; added: boolean; delta: boolean; done: () => void } | null = null;
  private openingDone!: () => void;
  readonly opened: Promise<void>;
  readonly connectMs: Promise<number>;
  readonly ws: WebSocketType;
  readonly id: string;
  private readonly errors: Errors;

  constructor(ws: WebSocketType, id: string, errors: Errors) {
    this.ws = ws;
    this.id = id;
    this.errors = errors;
    const t0 = performance.now();
    let created!: (ms: number) => void;
    this.connectMs = new Promise((resolve) => (created = resolve));
    this.opened = new Promise<void>((resolve) => (this.openingDone = resolve));
    ws.on("unexpected-response", (_req, res) => errors.add(`session ${id}: socket refused: HTTP ${res.statusCode}`));
    ws.on("error", (err) => errors.add(`session ${id}: socket error ${String(err)}`));
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      if (!this.ending) errors.add(`session ${id}: socket closed before the end (${code} ${reason.toString()})`);
    });
    ws.on("message", (data: Buffer) => {
      const at = performance.now();
      const e = JSON.parse(data.toString()) as RealtimeEvent;
      switch (e.type) {
        case "session.created":
          created(at - t0);
          return;
        case "error": {
          const frame = e.error?.event_id;
          const sentAt = frame === undefined ? undefined : this.sent.get(frame);
          if (e.error?.code === "audio_not_supported" && sentAt !== undefined) {
            this.frameRtts.push(at - sentAt);
            this.sent.delete(frame!);
          } else errors.add(`session ${id}: error event ${JSON.stringify(e.error).slice(0, 200)}`);
          return;
        }
        case "conversation.item.added":
          if (this.pendingTyped && !this.pendingTyped.added) {
            this.pendingTyped.added = true;
            this.itemAdded.push(at - this.pendingTyped.at);
          }
          return;
        case "response.output_text.delta":
          if (this.pendingTyped && !this.pendingTyped.delta) {
            this.pendingTyped.delta = true;
            this.firstDelta.push(at - this.pendingTyped.at);
          }
          return;
        case "response.done": {
          this.responses++;
          const status = (e.response as { status?: string } | undefined)?.status;
          if (status !== "completed") errors.add(`session ${id}: response ${status}`);
          if (this.responses === 1) return this.openingDone();
          const typed = this.pendingTyped;
          if (!typed) return errors.add(`session ${id}: a response no one asked for`);
          this.responseDone.push(at - typed.at);
          this.pendingTyped = null;
          typed.done();
          return;
        }
      }
    });
  }

  sendFrame(): void {
    const id = `f${this.frames++}`;
    this.sent.set(id, performance.now());
    this.ws.send(`{"type":"input_audio_buffer.append","event_id":"${id}","audio":"${AUDIO}"}`);
  }

  /** A typed turn and the partner's answer to it; resolves at its response.done (or after 10 s, an error). */
  async say(text: string): Promise<void> {
    const answered = new Promise<void>((done) => (this.pendingTyped = { at: performance.now(), added: false, delta: false, done }));
    this.ws.send(JSON.stringify({ type: "conversation.item.create", item: { type: "message", role: "user", content: [{ type: "input_text", text }] }, input: "text" }));
    this.ws.send(JSON.stringify({ type: "response.create" }));
    if (await Promise.race([answered.then(() => false), sleep(10_000).then(() => true)])) {
      this.errors.add(`session ${this.id}: no answer to a typed turn within 10 s`);
      this.pendingTyped = null;
    }
  }

  /** Frames unanswered `graceMs` after they were sent count as lost. */
  settle(graceMs: number): void {
    const now = performance.now();
    for (const at of this.sent.values()) if (now - at > graceMs) this.lost++;
  }
}

type VoiceResult = {
  errors: Errors;
  sessions: number;
  connect: Stats;
  frames: Stats;
  lost: number;
  itemAdded: Stats;
  firstDelta: Stats;
  responseDone: Stats;
  end: Stats;
  judged: number;
  turnRows: number;
  workerdCpu: number;
  benchCpu: number;
  rss: { before: number; live: number; after: number };
};

async function voice(): Promise<VoiceResult> {
  const errors = new Errors("voice");
  const cookies = await pool(
    Array.from({ length: VOICE_SESSIONS }, (_, i) => i),
    20,
    (i) => login(app.url, `voice-${i}`),
  );
  await collect(app.url);
  const before = rssKiB(app.pid);
  console.log(`voice: ${VOICE_SESSIONS} sessions × ${VOICE_SECONDS} s (RSS ${mib(before)})`);

  // Create and connect, 25 at a time; each waits for the partner's opening line.
  const wsBase = app.url.replace(/^http/, "ws");
  const made = await pool(cookies, 25, async (cookie) => {
    const { status, body } = await call<Envelope>(app.url, "POST", "/api/voice/sessions", { cookie, body: { scenarioId: "interview-general", language: "en", difficulty: "normal" } });
    const id = String(body.data?.id);
    if (status !== 201 || body.data?.engine !== "local") {
      errors.add(`POST /api/voice/sessions: ${status} ${JSON.stringify(body).slice(0, 200)}`);
      return null;
    }
    const ws = new WebSocket(`${wsBase}/api/voice/sessions/${id}/ws`, { headers: { cookie, origin: app.url }, perMessageDeflate: false });
    const client = new VoiceClient(ws, id, errors);
    const opened = await Promise.race([client.opened.then(() => true), sleep(10_000).then(() => false)]);
    if (!opened) errors.add(`session ${id}: no opening line within 10 s`);
    return { client, cookie, connectMs: await Promise.race([client.connectMs, sleep(0).then(() => NaN)]) };
  });
  const live = made.filter((m): m is NonNullable<typeof m> => m !== null);
  await sleep(500);

  // Real time: a frame every 100 ms per session (each at its own phase in the 100 ms), and
  // TYPED_TURNS typed turns, one in each of as many equal slices of the run (each session at
  // its own point of the slice, so that they do not all type at once).
  const cpu0 = cpuSeconds(app.pid);
  const bench0 = process.cpuUsage();
  const t0 = performance.now();
  const slice = (VOICE_SECONDS * 1000) / TYPED_TURNS;
  const runs = live.map(async ({ client }, i) => {
    await sleep((i * FRAME_MS) / live.length);
    const timer = setInterval(() => client.sendFrame(), FRAME_MS);
    client.sendFrame();
    for (let k = 0; k < TYPED_TURNS; k++) {
      await sleep(Math.max(0, t0 + k * slice + ((i + 0.5) / live.length) * (slice - 500) - performance.now()));
      await client.say(TYPED[(i + k) % TYPED.length]!);
    }
    await sleep(Math.max(0, t0 + VOICE_SECONDS * 1000 + (i * FRAME_MS) / live.length - performance.now()));
    clearInterval(timer);
  });
  await Promise.all(runs);
  await sleep(1_000);
  const seconds = (performance.now() - t0) / 1000;
  const workerdCpu = (cpuSeconds(app.pid) - cpu0) / seconds;
  const used = process.cpuUsage(bench0);
  const benchCpu = (used.user + used.system) / 1e6 / seconds;
  for (const { client } of live) client.settle(1_000);
  // The sessions are still open (their sockets, their objects): memory with them, after a full GC.
  await collect(app.url);
  const liveRss = rssKiB(app.pid);
  const lost = live.reduce((s, { client }) => s + client.lost, 0);
  if (lost) errors.add(`${lost} audio frames without an answer within 1 s`);

  // End every session (POST …/end scores it; the socket closes), then read the report back.
  const endTimes: number[] = [];
  let judged = 0;
  await pool(live, 25, async ({ client, cookie }) => {
    client.ending = true;
    const t = performance.now();
    const end = await call<Envelope>(app.url, "POST", `/api/voice/sessions/${client.id}/end`, { cookie });
    endTimes.push(performance.now() - t);
    const report = end.body.data as { overall?: { score?: unknown }; judged_by?: string; metrics?: { userTurns?: number } } | undefined;
    if (end.status !== 200 || typeof report?.overall?.score !== "number") return errors.add(`session ${client.id}: POST /end ${end.status} ${JSON.stringify(end.body).slice(0, 200)}`);
    if (report.judged_by !== "heuristic") judged++;
    const feedback = await call<Envelope>(app.url, "GET", `/api/voice/sessions/${client.id}/feedback`, { cookie });
    const again = feedback.body.data as { overall?: { score?: unknown } } | undefined;
    if (feedback.status !== 200 || again?.overall?.score !== report.overall.score) errors.add(`session ${client.id}: GET /feedback ${feedback.status} ${JSON.stringify(feedback.body).slice(0, 200)}`);
    for (let w = 0; w < 50 && !client.closed; w++) await sleep(100);
    if (client.closed?.code !== 1000) errors.add(`session ${client.id}: socket ${client.closed ? `closed ${client.closed.code} ${client.closed.reason}` : "still open"} after the end`);
  });

  // D1: the session ended, its transcript (the opening, then each typed turn and its answer) stored once.
  const expectedTurns = 1 + 2 * TYPED_TURNS;
  const ids = live.map(({ client }) => client.id);
  const rows = new Map<string, { status: string; turns: number }>();
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50);
    const found = await app.db
      .prepare(`select s.id, s.status, (select count(*) from voice_turns t where t.session_id = s.id) as turns from voice_sessions s where s.id in (${chunk.map(() => "?").join(", ")})`)
      .bind(...chunk)
      .all<{ id: string; status: string; turns: number }>();
    for (const row of found.results) rows.set(row.id, row);
  }
  let turnRows = 0;
  for (const id of ids) {
    const row = rows.get(id);
    if (row?.status !== "ended" || row.turns !== expectedTurns) errors.add(`D1: session ${id}: ${row ? `${row.status}, ${row.turns} turns` : "missing"} (expected ended, ${expectedTurns} turns)`);
    else turnRows += row.turns;
  }
  await sleep(500);
  await collect(app.url);
  const after = rssKiB(app.pid);
  const all = live.map(({ client }) => client);
  const result: VoiceResult = {
    errors,
    sessions: live.length,
    connect: stats(live.map((m) => m.connectMs).filter(Number.isFinite)),
    frames: stats(all.flatMap((c) => c.frameRtts)),
    lost,
    itemAdded: stats(all.flatMap((c) => c.itemAdded)),
    firstDelta: stats(all.flatMap((c) => c.firstDelta)),
    responseDone: stats(all.flatMap((c) => c.responseDone)),
    end: stats(endTimes),
    judged,
    turnRows,
    workerdCpu,
    benchCpu,
    rss: { before, live: liveRss, after },
  };
  console.log(
    `   ${result.frames.n} frames answered (${lost} lost), round trip p50 ${msec(result.frames.p50)} p99 ${msec(result.frames.p99)}; partner first text p50 ${msec(result.firstDelta.p50)} p99 ${msec(result.firstDelta.p99)}; /end p50 ${msec(result.end.p50)} p99 ${msec(result.end.p99)}; RSS ${mib(liveRss)} live, ${mib(after)} after; ${errors.count} errors`,
  );
  errors.print();
  return result;
}

// ------------------------------------------------------------------ run

let chat: ChatResult;
let subscribers: FanoutResult;
let voiceResult: VoiceResult;
// Run order: the smallest first (see the top), after the rooms' first turns have warmed the app up.
try {
  const rooms = await watchedRooms();
  voiceResult = await voice();
  subscribers = await fanout(rooms);
  chat = await chatTurns();
} finally {
  await app.mf.dispose();
  await fake.close();
  agent.destroy();
  streamAgent.destroy();
}

// ------------------------------------------------------------------ report

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const p = (st: Stats) => `${n0(st.n)} | ${msec(st.p50)} | ${msec(st.p99)}`;
const perEach = (from: number, to: number, n: number) => `${(to - from) / n >= 0 ? "+" : "−"}${n0(Math.abs(Math.round((to - from) / n)))} KiB each`;
const totalErrors = chat.errors.count + subscribers.errors.count + voiceResult.errors.count;
const sub = subscribers;
const v = voiceResult;
const table = [
  "| part | load | errors | measurement | n | p50 | p99 | notes |",
  "| --- | --- | ---: | --- | ---: | ---: | ---: | --- |",
  `| 1. chat turns | ${n0(TURNS)} at once (each a new room), ${chat.users} users | **${chat.errors.count}** | GET → first \`content\` | ${p(chat.first)} | all done in ${msec(chat.wallMs)}: ${(TURNS / (chat.wallMs / 1000)).toFixed(1)} turns/s; workerd CPU ${pct(chat.workerdCpu)}, bench process ${pct(chat.benchCpu)} |`,
  `| | | | GET → coordinator \`complete\` | ${p(chat.complete)} | D1: ${n0(chat.d1.userRows)}/${n0(chat.d1.turns)} user messages, ${n0(chat.d1.answerRows)} answers (one per expert and turn), ${n0(chat.d1.productRows)} product rows as announced, ${chat.d1.problems} off; ${chat.d1.deadLetters} dead letters, ${chat.resets} resets; ${chat.d1.roundTripsPerTurn.toFixed(1)} D1 round trips a turn |`,
  `| 2. SSE subscribers | ${n0(sub.subscribers)} open at once over ${sub.rooms} rooms; ${ROUNDS} rounds of one turn per room | **${sub.errors.count}** | connect (200 at a time) → first bytes | ${p(sub.connect)} | rooms held every subscriber; empty ${sub.rss.freedAfterMs === null ? "–" : msec(sub.rss.freedAfterMs)} after the clients left |`,
  `| | | | send → each subscriber's \`turn\` | ${p(sub.turn)} | send → \`turn\` stamped p50 ${msec(sub.stamped.p50)}; stamped → received p50 ${msec(sub.received.p50)}, p99 ${msec(sub.received.p99)}; bench process ${pct(sub.benchCpu)} CPU |`,
  `| | | | send → each subscriber's first \`content\` | ${p(sub.first)} | a round (send → every subscriber's coordinator \`complete\`) p50 ${msec(sub.roundEnd.p50)}, max ${msec(sub.roundEnd.max)}; D1: ${sub.d1.userRows}/${sub.d1.turns} user messages, ${sub.d1.answerRows} answers, ${sub.d1.problems} off |`,
  `| 3. voice sessions | ${v.sessions} live at once, ${VOICE_SECONDS} s of 100 ms frames in real time + ${TYPED_TURNS} typed turns each | **${v.errors.count}** | socket → \`session.created\` (25 at a time) | ${p(v.connect)} | workerd CPU ${pct(v.workerdCpu)}, bench process ${pct(v.benchCpu)} while live |`,
  `| | | | audio frame → its \`audio_not_supported\` | ${p(v.frames)} | ${v.lost} lost |`,
  `| | | | typed turn → partner's first text | ${p(v.firstDelta)} | → its \`response.done\` p50 ${msec(v.responseDone.p50)}, p99 ${msec(v.responseDone.p99)}; → \`conversation.item.added\` p50 ${msec(v.itemAdded.p50)} |`,
  `| | | | POST /end → the scored report | ${p(v.end)} | ${v.judged}/${v.sessions} judged by the rubric judge (the fake); GET /feedback the same; D1: ${n0(v.turnRows)} transcript rows, ${1 + 2 * TYPED_TURNS} a session |`,
].join("\n");
const memory = [
  "| workerd RSS (after a full GC), in the order run | before | with the load | after |",
  "| --- | ---: | ---: | ---: |",
  `| 3. voice sessions | ${mib(v.rss.before)} | ${mib(v.rss.live)} live, sockets open (${perEach(v.rss.before, v.rss.live, v.sessions)}) | ${mib(v.rss.after)} |`,
  `| 2. SSE subscribers | ${mib(sub.rss.before)} | ${mib(sub.rss.open)} idle (${perEach(sub.rss.before, sub.rss.open, sub.subscribers)}); ${mib(sub.rss.broadcasting)} broadcasting (peak, no GC) | ${mib(sub.rss.after)} |`,
  `| 1. chat turns | ${mib(chat.rss.before)} | – | ${mib(chat.rss.after)} |`,
].join("\n");
console.log(`\n${table}\n\n${memory}\n\nworkerd logged ${workerLogs.warn} warnings and ${workerLogs.error} errors. Errors in all: ${totalErrors}.`);
for (const e of [sub.errors, v.errors, chat.errors]) e.print();

writeSection(
  "load",
  "Load (`npm run bench:load`)",
  [
    `${FULL ? "Full" : "Quick"} run (\`npm run bench:load\`; \`-- --full\` for ${FULL ? "this" : "10,000 subscribers (capped by the fd limit) over 20 rooms, 5 rounds, 200 voice sessions for 30 s with 6 typed turns"}). One app workerd for all three parts (Miniflare's API, the Worker on its own socket, the bench entry around the unchanged bundle), its clients in one Node process on loopback, both on the machine's two cores. Zero-latency engines: the stylists' OpenAI engine on the instant fake (bench/fake-openai.ts, also the voice rubric judge), the local voice partner, \`LOCAL_STREAM_PACE_MS=0\`; ${n0(PRODUCTS)} products. The rate limits are the app's own (wrangler.toml, not raised): the load is spread so that none refuses (${TURNS_PER_USER} turns per user, one voice session per user; no \`CF-Connecting-IP\`, so the per-IP limits do not count outside production). Run in the order 3, 2, 1 (after the watched rooms' first turns, which warm the app up), so that each part's memory is read before a larger one has grown workerd: what V8 collects stays in the process to be reused, so RSS after a large part says little about the next.`,
    "",
    table,
    "",
    memory,
    "",
    `An error is any non-2xx, \`error\` event, stream or socket that ends early, turn without the coordinator's \`complete\` and all four answers, subscriber that missed a round's \`turn\`, first \`content\` or \`complete\`, audio frame unanswered after 1 s, typed turn unanswered after 10 s, missing or differing report, or D1 row count off (a turn: one user message with its id, room and text, one row per answer, as many product rows as its \`complete\` listed; no \`failed_jobs\` row; a rehearsal: ended, with its opening and each typed turn and answer once). workerd logged ${workerLogs.warn} warnings and ${workerLogs.error} errors.`,
    "",
    `- **Chat turns**: Miniflare's queue runs one consumer invocation at a time, on workerd's one thread (busy ${pct(chat.workerdCpu)} of the run): the turns' ${n0(TURNS * 4)} expert jobs go one after another, so the latencies are that backlog (a first \`content\` waits for the panel jobs ahead of it; a coordinator's job is queued behind every panel job sent before its panel finished), not Cloudflare's, whose consumers run in parallel. What the row shows is that none is lost or saved twice under it.`,
    `- **Subscribers**: each round sends one turn in every room at once (\`POST /api/chat/send\`), so the same queue orders the rooms' first \`content\`; a room sends \`turn\` before it queues the turn's jobs. The \`turn\` event's timestamp (the room's clock) splits its delivery in two.`,
    `- **Voice**: the local partner answers text. It answers an audio frame with \`audio_not_supported\`, naming the frame: that reply is the frame's round trip here (Worker → VoiceSession → back), and is not an error. Browsers send audio only to the OpenAI partner, whose relay bench/voice.ts measures.`,
  ].join("\n"),
);
// Nothing lost under load: the issue's "without an error", part by part.
reportTargets("load", [
  { what: `${n0(TURNS)} chat turns at once: errors (lost, doubled or failed turns)`, measured: String(chat.errors.count), target: "0", met: chat.errors.count === 0 },
  { what: `${n0(sub.subscribers)} SSE subscribers over ${sub.rooms} rooms, ${ROUNDS} rounds: errors`, measured: String(sub.errors.count), target: "0", met: sub.errors.count === 0 },
  { what: `${v.sessions} real-time voice sessions: errors, frames lost`, measured: `${v.errors.count}, ${v.lost}`, target: "0, 0", met: v.errors.count === 0 && v.lost === 0 },
]);
if (totalErrors) process.exitCode = 1;
