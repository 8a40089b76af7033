// `npm run bench:faults` (quick) or `npm run bench:faults -- --full`: many chat turns while the
// stylists' engine fails at a rate (bench/chaos-openai.ts: 500s, 429s with retry-after, streams
// cut mid-way, streams that end early, streams that go silent until the engine's idle timeout),
// in the app's workerd through the real queue, room objects and OpenAI SDK. Then every turn is
// checked against D1:
//   - every user message is stored (lost = 0);
//   - every expert's answer either completed, and is saved once with exactly the text the
//     subscriber was shown (retried deliveries never duplicate text), or ended in a visible
//     `error` with a dead-letter record (failed_jobs);
//   - no stream ends with an expert still "in progress" (stuck = 0);
// and the turns with errors are retried through the user's retry route, still under faults.
// Then try-ons with FitRoom's client against the fake FitRoom failing at the same rate (500s,
// 429s with retry-after, dropped connections, on task creation, status checks and the result's
// download): every photo is stored, every task ends completed (its result served) or failed
// with its reason and a dead-letter record, none is left running.
// Then voice sessions relayed to the fake Realtime API, whose upstream fails a turn at the same
// rate (an `error`, then the socket closed 1011): every typed turn the user sent is stored,
// the client is told, and the session still ends in a report from the transcript kept.
// BENCH_FAULT_RATE (default 0.3), BENCH_TURNS, BENCH_TRYONS and BENCH_VOICE override.
import { createRequire } from "node:module";
import type { WebSocket as WebSocketType } from "ws";
import { startFakeFitRoom } from "../test/fakes/fitroom.ts";
import { startFakeRealtime } from "../test/fakes/realtime.ts";
import { garmentPng, personPhoto } from "../test/images/people.ts";
import { startChaosOpenAI, FAULTS } from "./chaos-openai.ts";
import { startApp, stats } from "./harness.ts";
import { writeSection } from "./report.ts";
import { seed } from "./seed.ts";

const FULL = process.argv.includes("--full");
const RATE = Number(process.env.BENCH_FAULT_RATE ?? 0.3);
const TURNS = Number(process.env.BENCH_TURNS ?? (FULL ? 300 : 60));
const TRYONS = Number(process.env.BENCH_TRYONS ?? (FULL ? 100 : 30));
const VOICE = Number(process.env.BENCH_VOICE ?? (FULL ? 60 : 20));
const VOICE_TURNS = 3;
// \`import … from "ws"\` would resolve to its browser build in some loaders; the Node build has headers.
const { WebSocket } = createRequire(import.meta.url)("ws") as { WebSocket: typeof WebSocketType };
const CONCURRENCY = 10;
const USERS = 10;
const EXPERTS = ["style_analyst", "trend_expert", "color_expert", "fitting_coordinator"] as const;
const SENDER: Record<(typeof EXPERTS)[number], string> = { style_analyst: "STYLE", trend_expert: "TREND", color_expert: "COLOR", fitting_coordinator: "FITTING_COORDINATOR" };
const QUESTIONS = ["다음 주 면접에 뭐 입을까요?", "첫 데이트 옷 추천해 주세요", "보고 자리에 어울리는 셔츠 색은?", "What should I wear to a wedding?", "출근룩 정장 말고 뭐가 좋을까요?"];

type Turn = { roomId: number; turnId: string; question: string; text: Map<string, string>; outcome: Map<string, "complete" | "error">; ms: number; ended: boolean };

const chaos = await startChaosOpenAI(RATE);
const fitroom = await startFakeFitRoom({ chaosRate: RATE });
const realtime = await startFakeRealtime();
let deliveriesFailed = 0;
const app = await startApp(
  {
    LLM_ENGINE: "openai",
    OPENAI_API_KEY: "sk-chaos-bench",
    OPENAI_BASE_URL: chaos.baseURL,
    // A silent stream is given up on after 2 s (30 s in production), so the bench stays short.
    LLM_IDLE_SECONDS: "2",
    CHAT_TURN_DEADLINE_SECONDS: "120",
    VOICE_ENGINE: "openai",
    OPENAI_REALTIME_URL: realtime.url,
    FITTING_ENGINE: "fitroom",
    FITROOM_API_KEY: "fr-chaos",
    FITROOM_BASE_URL: fitroom.url,
    FITROOM_POLL_MS: "50",
    FITROOM_TIMEOUT_MS: "20000",
    LOCAL_STREAM_PACE_MS: "0",
    ANTHROPIC_API_KEY: "",
  },
  {
    // The app's own account of its retries: one "expert job failed" line per failed delivery.
    onLog: (log) => {
      if (log.message.includes('"expert job failed"')) deliveriesFailed++;
    },
    // The abuse limits are not what is measured here.
    unlimited: true,
  },
);
await seed(app.db, 300);

async function signIn(nickname: string): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/dev-login`, { method: "POST", headers: { "content-type": "application/json", origin: app.url }, body: JSON.stringify({ nickname }) });
  if (res.status !== 200) throw new Error(`dev login: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** Reads a turn's stream to its end, as a client that appends `content` and clears on `reset`. */
async function streamTurn(cookie: string, question: string): Promise<Turn> {
  const started = performance.now();
  const res = await fetch(`${app.url}/api/chat/rooms/messages/stream?user_input=${encodeURIComponent(question)}`, { headers: { cookie }, signal: AbortSignal.timeout(180_000) });
  if (res.status !== 200) throw new Error(`stream: ${res.status} ${await res.text()}`);
  const turn: Turn = { roomId: 0, turnId: "", question, text: new Map(), outcome: new Map(), ms: 0, ended: false };
  apply(turn, await res.text());
  turn.ms = performance.now() - started;
  turn.ended = true;
  return turn;
}

function apply(turn: Turn, body: string) {
  for (const block of body.split("\n\n")) {
    const event = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    if (!event || !data) continue;
    const d = (JSON.parse(data) as { data: Record<string, unknown> }).data ?? {};
    if (event === "room") turn.roomId = Number(d.room_id);
    if (event === "turn") turn.turnId = String(d.turn_id);
    const expert = typeof d.agent_id === "string" ? d.agent_id : null;
    if (!expert) continue;
    if (event === "reset") turn.text.set(expert, "");
    if (event === "content") turn.text.set(expert, (turn.text.get(expert) ?? "") + String(d.message));
    if (event === "complete" || event === "error") turn.outcome.set(expert, event);
  }
}

async function pool<T>(n: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

type Check = { completed: number; errored: number; deadLettered: number; duplicated: number; mismatched: number; unaccounted: number; stuck: number };

/** Each expert of each turn against D1: saved once with the text shown, or an error with a dead-letter record. */
async function check(turns: Turn[]): Promise<Check> {
  const c: Check = { completed: 0, errored: 0, deadLettered: 0, duplicated: 0, mismatched: 0, unaccounted: 0, stuck: 0 };
  for (const t of turns) {
    const { results } = await app.db.prepare("select sender_type, message from chat_messages where turn_id = ? and sender_type not like '%_PRODUCT'").bind(t.turnId).all<{ sender_type: string; message: string }>();
    const failed = await app.db.prepare("select subject from failed_jobs where subject like ?").bind(`%/turn:${t.turnId}/%`).all<{ subject: string }>();
    for (const expert of EXPERTS) {
      const rows = results.filter((r) => r.sender_type === SENDER[expert]);
      const outcome = t.outcome.get(expert);
      if (rows.length > 1) c.duplicated++;
      if (outcome === "complete") {
        c.completed++;
        if (rows.length !== 1 || rows[0]!.message !== t.text.get(expert)) c.mismatched++;
      } else if (outcome === "error") {
        c.errored++;
        if (failed.results.some((f) => f.subject.endsWith(`expert:${expert}`))) c.deadLettered++;
        if (rows.length) c.mismatched++;
      } else if (rows.length === 1) {
        // Answered after the stream ended (a retry's answer reaches the room's watchers, not this stream).
        c.completed++;
      } else c.unaccounted++;
    }
    if (!t.ended || EXPERTS.some((e) => !t.outcome.has(e))) c.stuck++;
  }
  return c;
}

const cookies = await Promise.all(Array.from({ length: USERS }, (_, i) => signIn(`faults-${i}-${Date.now().toString(36)}`)));
const wall = performance.now();
const turns = await pool(
  CONCURRENCY,
  Array.from({ length: TURNS }, (_, i) => () => streamTurn(cookies[i % USERS]!, QUESTIONS[i % QUESTIONS.length]!)),
);
const wallS = (performance.now() - wall) / 1000;
const stored = await app.db.prepare(`select count(*) as n from chat_messages where sender_type = 'USER' and turn_id in (${turns.map(() => "?").join(",")})`).bind(...turns.map((t) => t.turnId)).first<number>("n");
const first = await check(turns);
const requestsFirst = Object.values(chaos.counts).reduce((a, b) => a + b, 0);
const faultsFirst = { ...chaos.counts };
const deliveriesFailedFirst = deliveriesFailed;

// The user's retry for every turn with an error, still under faults; answers arrive on the room.
const withErrors = turns.filter((t) => [...t.outcome.values()].includes("error"));
const retried = await pool(
  CONCURRENCY,
  withErrors.map((t) => async () => {
    const cookie = cookies[turns.indexOf(t) % USERS]!;
    const res = await fetch(`${app.url}/api/chat/rooms/${t.roomId}/turns/${t.turnId}/retry`, { method: "POST", headers: { cookie, origin: app.url } });
    return res.status;
  }),
);
const failedExperts = withErrors.flatMap((t) => EXPERTS.filter((e) => t.outcome.get(e) === "error").map((e) => ({ t, e })));
const until = Date.now() + 60_000;
let recovered = 0;
for (;;) {
  recovered = 0;
  for (const { t, e } of failedExperts) {
    const n = await app.db.prepare("select count(*) as n from chat_messages where turn_id = ? and sender_type = ?").bind(t.turnId, SENDER[e]).first<number>("n");
    if (n === 1) recovered++;
  }
  if (recovered === failedExperts.length || Date.now() > until) break;
  await new Promise((r) => setTimeout(r, 500));
}
const duplicatesAfterRetry = await app.db
  .prepare(`select count(*) as n from (select turn_id, sender_type from chat_messages where sender_type not like '%_PRODUCT' and turn_id in (${turns.map(() => "?").join(",")}) group by turn_id, sender_type having count(*) > 1)`)
  .bind(...turns.map((t) => t.turnId))
  .first<number>("n");

// ---------------------------------------------------------------------------------- try-ons

const tops = (await app.db.prepare("select id, image_key from products where category = 'top' order by id limit 5").all<{ id: string; image_key: string }>()).results;
const images = await app.mf.getR2Bucket("IMAGES");
for (const t of tops) await images.put(t.image_key, garmentPng("top", [30, 42, 80]), { httpMetadata: { contentType: "image/png" } });
const photo = personPhoto();
type TryOn = { taskId: string; uploadId: string; cookie: string; started: number; ms: number; status: string; error: string | null; downloadUrl: string | null };
const tryOns = await pool(
  5,
  Array.from({ length: TRYONS }, (_, i) => async (): Promise<TryOn> => {
    const cookie = cookies[i % USERS]!;
    const form = new FormData();
    form.append("model_image", new File([photo], "me.jpg", { type: "image/jpeg" }));
    form.append("upper_product_id", tops[i % tops.length]!.id);
    const started = performance.now();
    const res = await fetch(`${app.url}/api/fitting/try-on?wait=false`, { method: "POST", headers: { cookie, origin: app.url }, body: form });
    const body = (await res.json()) as { data: { taskId: string; modelUploadId: string } };
    if (res.status !== 202 && res.status !== 200) throw new Error(`try-on: ${res.status} ${JSON.stringify(body)}`);
    return { taskId: body.data.taskId, uploadId: body.data.modelUploadId, cookie, started, ms: 0, status: "queued", error: null, downloadUrl: null };
  }),
);
const tryOnBound = Date.now() + 120_000;
for (let open = tryOns; open.length && Date.now() < tryOnBound; open = tryOns.filter((t) => t.status !== "completed" && t.status !== "failed")) {
  await Promise.all(
    open.map(async (t) => {
      const res = await fetch(`${app.url}/api/fitting/status/${t.taskId}`, { headers: { cookie: t.cookie } });
      const task = ((await res.json()) as { data: { status: string; error: string | null; downloadUrl: string | null } }).data;
      Object.assign(t, { status: task.status, error: task.error, downloadUrl: task.downloadUrl });
      if (task.status === "completed" || task.status === "failed") t.ms = performance.now() - t.started;
    }),
  );
  await new Promise((r) => setTimeout(r, 200));
}
const photosStored = await app.db.prepare(`select count(*) as n from uploads where id in (${tryOns.map(() => "?").join(",")})`).bind(...tryOns.map((t) => t.uploadId)).first<number>("n");
const completed = tryOns.filter((t) => t.status === "completed");
const failedTryOns = tryOns.filter((t) => t.status === "failed");
let served = 0;
for (const t of completed) {
  const res = await fetch(`${app.url}${t.downloadUrl}`, { headers: { cookie: t.cookie } });
  if (res.status === 200 && res.headers.get("content-type") === "image/jpeg" && (await res.arrayBuffer()).byteLength > 0) served++;
}
let tryOnDeadLettered = 0;
for (const t of failedTryOns) {
  const n = await app.db.prepare("select count(*) as n from failed_jobs where subject = ?").bind(`fitting:${t.taskId}`).first<number>("n");
  if (n && t.error) tryOnDeadLettered++;
}
const tryOnStuck = TRYONS - completed.length - failedTryOns.length;

// ---------------------------------------------------------------------------------- voice

type Voice = { id: string; sent: number; answered: number; upstreamFailed: boolean; told: boolean; ended: number; report: boolean };
const random = (() => {
  let a = 11;
  return () => ((a = (a * 1103515245 + 12345) >>> 0) / 4294967296);
})();
const voices = await pool(
  5,
  Array.from({ length: VOICE }, (_, i) => async (): Promise<Voice> => {
    const cookie = cookies[i % USERS]!;
    const created = await fetch(`${app.url}/api/voice/sessions`, { method: "POST", headers: { cookie, origin: app.url, "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "interview-general", language: "en", difficulty: "easy" }) });
    const id = ((await created.json()) as { data: { id: string } }).data.id;
    const v: Voice = { id, sent: 0, answered: 0, upstreamFailed: false, told: false, ended: 0, report: false };
    const ws = new WebSocket(`${app.url.replace("http", "ws")}/api/voice/sessions/${id}/ws`, { headers: { cookie, origin: app.url }, perMessageDeflate: false });
    let waiter: ((what: "done" | "error" | "closed") => void) | null = null;
    const closed = new Promise<void>((resolve) => ws.on("close", () => (waiter?.("closed"), resolve())));
    ws.on("message", (raw) => {
      const e = JSON.parse(String(raw)) as { type: string };
      if (e.type === "response.done") waiter?.("done");
      if (e.type === "error") {
        v.told = true;
        waiter?.("error");
      }
    });
    await new Promise((resolve, reject) => (ws.once("open", resolve), ws.once("error", reject)));
    const next = () => new Promise<"done" | "error" | "closed">((resolve) => ((waiter = resolve), setTimeout(() => resolve("closed"), 10_000)));
    await next(); // the partner's opening line
    for (let turn = 0; turn < VOICE_TURNS && ws.readyState === ws.OPEN; turn++) {
      const failing = random() < RATE;
      const text = `I led the payments team for five years${failing ? " [[fail]]" : ""}, and I want to grow.`;
      const answer = next();
      ws.send(JSON.stringify({ type: "conversation.item.create", item: { type: "message", role: "user", content: [{ type: "input_text", text }] } }));
      ws.send(JSON.stringify({ type: "response.create" }));
      v.sent++;
      const got = await answer;
      if (got === "done") v.answered++;
      else {
        v.upstreamFailed = true;
        break;
      }
    }
    if (ws.readyState === ws.OPEN) ws.close(1000, "done");
    await closed;
    const end = await fetch(`${app.url}/api/voice/sessions/${id}/end`, { method: "POST", headers: { cookie, origin: app.url } });
    v.ended = end.status;
    const feedback = await fetch(`${app.url}/api/voice/sessions/${id}/feedback`, { headers: { cookie } });
    v.report = feedback.status === 200;
    return v;
  }),
);
let voiceTurnsLost = 0;
for (const v of voices) {
  const stored = await app.db.prepare("select count(*) as n from voice_turns where session_id = ? and speaker = 'user'").bind(v.id).first<number>("n");
  voiceTurnsLost += Math.max(0, v.sent - (stored ?? 0));
}
const voiceFailed = voices.filter((v) => v.upstreamFailed);

await app.mf.dispose();
await chaos.close();
realtime.server.close();
fitroom.server.closeAllConnections();
fitroom.server.close();

const durations = stats(turns.map((t) => t.ms));
const lost = TURNS - (stored ?? 0);
const faultsTotal = FAULTS.reduce((n, f) => n + faultsFirst[f], 0);
const rows: [string, string][] = [
  ["turns (streamed, 10 at once)", `${TURNS} in ${wallS.toFixed(1)} s`],
  ["engine requests", `${requestsFirst} (faults injected: ${faultsTotal}, ${((faultsTotal / requestsFirst) * 100).toFixed(0)} %: ${FAULTS.map((f) => `${f} ${faultsFirst[f]}`).join(", ")})`],
  ["failed deliveries retried by the queue or dead-lettered (the app's log)", `${deliveriesFailedFirst} (requests beyond one per answer: ${requestsFirst - TURNS * EXPERTS.length})`],
  ["expert answers completed", `${first.completed} of ${TURNS * EXPERTS.length}`],
  ["ended in a visible error", `${first.errored} (with a dead-letter record: ${first.deadLettered})`],
  ["recovered by the user's retry (still under faults)", `${recovered} of ${failedExperts.length} (retry answered ${retried.filter((s) => s === 200).length} × 200)`],
  ["user messages lost", String(lost)],
  ["answers saved twice, or with other text than shown", `${first.duplicated + (duplicatesAfterRetry ?? 0)}, ${first.mismatched}`],
  ["experts unaccounted for / streams stuck", `${first.unaccounted} / ${first.stuck}`],
  ["turn duration p50 / p99 / max", `${durations.p50.toFixed(0)} / ${durations.p99.toFixed(0)} / ${durations.max.toFixed(0)} ms`],
  ["try-ons (FitRoom's client, 5 at once)", String(TRYONS)],
  ["FitRoom requests", `${Object.values(fitroom.chaos).reduce((a, b) => a + b, 0)} (faults injected: 500 ${fitroom.chaos["500"]}, 429 ${fitroom.chaos["429"]}, dropped ${fitroom.chaos.drop})`],
  ["try-ons completed (result served)", `${completed.length} (${served})`],
  ["try-ons failed with a reason and a dead-letter record", `${failedTryOns.length} (${tryOnDeadLettered})`],
  ["photos lost / try-ons left running", `${TRYONS - (photosStored ?? 0)} / ${tryOnStuck}`],
  ["voice sessions (OpenAI relay, 5 at once)", `${VOICE}, ${voices.reduce((n, v) => n + v.sent, 0)} typed turns`],
  ["upstream failed mid-session / the client told", `${voiceFailed.length} / ${voiceFailed.filter((v) => v.told).length}`],
  ["voice turns lost", String(voiceTurnsLost)],
  ["sessions ended (200) with a report", `${voices.filter((v) => v.ended === 200).length} (${voices.filter((v) => v.report).length})`],
  ["try-on request → done p50 / p99", `${stats(tryOns.filter((t) => t.ms).map((t) => t.ms)).p50.toFixed(0)} / ${stats(tryOns.filter((t) => t.ms).map((t) => t.ms)).p99.toFixed(0)} ms`],
];
console.table(Object.fromEntries(rows));
const ok =
  lost === 0 && first.duplicated === 0 && !duplicatesAfterRetry && first.mismatched === 0 && first.unaccounted === 0 && first.stuck === 0 && first.deadLettered === first.errored &&
  photosStored === TRYONS && tryOnStuck === 0 && served === completed.length && tryOnDeadLettered === failedTryOns.length &&
  voiceTurnsLost === 0 && voiceFailed.every((v) => v.told) && voices.every((v) => v.ended === 200 && v.report);
writeSection(
  "faults",
  "Chat, try-ons and voice under engine faults (`npm run bench:faults`)",
  [
    `${FULL ? "Full" : "Quick"} run at a fault rate of ${(RATE * 100).toFixed(0)} %. The app's workerd (Miniflare's API), the OpenAI engine pointed at bench/chaos-openai.ts, the real queue (3 retries, then the dead-letter queue), room objects and D1; a silent stream is given up on after 2 s.`,
    "",
    "| measure | figure |",
    "| --- | --- |",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    "",
    `The try-ons: FitRoom's real client (worker/fitting/providers/fitroom.ts) against test/fakes/fitroom.ts in its \`fr-chaos\` scenario, status checks every 50 ms, a 20 s bound on FitRoom's task; the queue retries a failed delivery (3 times) and resumes FitRoom's task rather than creating another.`,
    "",
    `The voice sessions: the VoiceSession object relaying to test/fakes/realtime.ts; a typed turn fails upstream at the fault rate (an \`error\`, then the upstream socket closed 1011), and the session is ended and scored from the transcript kept (the rubric judge is the chaos OpenAI too: when it fails, the measured report stands).`,
    "",
    "How to read it: the fault rate is per request to the outside service. A chat answer is one request per delivery, so with 3 retries an answer ends in an error only when four deliveries in a row fail (about 1 % at 30 %). A try-on is several requests (create, status checks, download), any of which fails its delivery, so more of them run out of retries: those end failed, with the reason shown and a dead-letter record, and the kept photo lets the user try again. A voice turn that fails upstream ends the live session (the partner's socket is gone): the client is told, and the transcript so far is kept and scored.",
    "",
    ok ? "Every check held: nothing lost, nothing duplicated, nothing stuck, every error visible and dead-lettered." : "**A check failed: see the rows above.**",
  ].join("\n"),
);
if (!ok) process.exitCode = 1;
