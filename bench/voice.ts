// `npm run bench:voice` (quick) or `npm run bench:voice -- --full`: the voice relay in the app's
// workerd (Miniflare's API, loopback only, the Worker on its own workerd socket). The upstream
// is an echo Realtime server in this process (GA event names): it answers session.update and
// response.create, and sends every `input_audio_buffer.append` back at once as a
// `response.output_audio.delta` with the same audio, so each frame makes the trip both ways.
//  1. Added latency per audio frame: one 100 ms PCM16 24 kHz frame (4,800 bytes, 6,400 base64)
//     at a time, round trip client → upstream → client, talking to the echo server directly
//     and through the VoiceSession object (client → Worker → object → upstream and back), in
//     alternating blocks of the same run. The relay adds two hops to a round trip: added per
//     frame = (relayed − direct) / 2, at p50 and at p99.
//  2. Concurrent real-time sessions: N sessions each sending a 100 ms frame every 100 ms (and
//     receiving the echoed partner audio at the same rate) for a while; a session keeps up
//     when its frames come back within a frame's length (p99 ≤ 100 ms) and none is lost.
// BENCH_FRAMES and BENCH_SESSIONS (comma-separated) override.
// Targets (issue): added latency p50 ≤ 1 ms, p99 ≤ 5 ms per frame.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import type { WebSocket as WebSocketType, WebSocketServer as WebSocketServerType } from "ws";
import { rssKiB, startApp, stats, type Stats } from "./harness.ts";
import { writeSection } from "./report.ts";
import { reportTargets } from "./targets.ts";

const { WebSocket, WebSocketServer } = createRequire(import.meta.url)("ws") as { WebSocket: typeof WebSocketType; WebSocketServer: typeof WebSocketServerType };

const FULL = process.argv.includes("--full");
const FRAMES = Number(process.env.BENCH_FRAMES ?? (FULL ? 5_000 : 1_000));
const BLOCK = 100;
const SESSIONS = process.env.BENCH_SESSIONS?.split(",").map(Number) ?? (FULL ? [50, 100, 200, 300, 400] : [50, 100, 200]);
const LOAD_SECONDS = FULL ? 20 : 6;
const FRAME_MS = 100;
const KEY = "sk-bench-voice";

/** 100 ms of a 220 Hz tone at 24 kHz, as PCM16 in base64. */
const AUDIO = (() => {
  const pcm = Buffer.alloc(FRAME_MS * 48);
  for (let i = 0; i < pcm.length / 2; i++) pcm.writeInt16LE(Math.round(8_000 * Math.sin((2 * Math.PI * 220 * i) / 24_000)), i * 2);
  return pcm.toString("base64");
})();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const f2 = (x: number) => x.toFixed(2);

/** The echo Realtime server. */
async function startEcho(): Promise<{ url: string; server: Server; connections: () => number }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server, path: "/v1/realtime" });
  let open = 0;
  wss.on("connection", (ws, req) => {
    if (req.headers.authorization !== `Bearer ${KEY}`) return ws.close(4001, "bad key");
    open++;
    ws.on("close", () => open--);
    ws.send(JSON.stringify({ type: "session.created", event_id: "e0", session: { id: "sess", object: "realtime.session", type: "realtime" } }));
    ws.on("message", (data) => {
      const e = JSON.parse(data.toString());
      if (e.type === "input_audio_buffer.append") {
        ws.send(`{"type":"response.output_audio.delta","event_id":"${e.event_id}","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"${e.audio}"}`);
      } else if (e.type === "session.update") {
        ws.send(JSON.stringify({ type: "session.updated", event_id: "e1", session: e.session }));
      } else if (e.type === "response.create") {
        ws.send(JSON.stringify({ type: "response.done", event_id: "e2", response: { id: "r0", object: "realtime.response", status: "completed", output: [] } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v1/realtime`, server, connections: () => open };
}

/** A client socket that sends frames tagged with an id and times their echo. */
class FrameClient {
  private sent = new Map<string, number>();
  readonly rtts: number[] = [];
  lost = 0;
  private n = 0;
  private waiter: (() => void) | null = null;
  ready: Promise<void>;
  readonly ws: WebSocketType;

  constructor(ws: WebSocketType) {
    this.ws = ws;
    this.ready = new Promise((resolve, reject) => {
      ws.once("error", reject);
      ws.on("message", (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('{"type":"response.output_audio.delta"')) {
          const id = /"event_id":"([^"]+)"/.exec(text)![1]!;
          const at = this.sent.get(id);
          if (at !== undefined) {
            this.rtts.push(performance.now() - at);
            this.sent.delete(id);
          }
          const w = this.waiter;
          this.waiter = null;
          w?.();
        } else if (text.includes('"type":"session.updated"') || text.includes('"type":"session.created"')) {
          resolve();
        } else if (text.includes('"type":"error"')) {
          console.error("error event:", text.slice(0, 300));
        }
      });
    });
  }

  send(): void {
    const id = `f${this.n++}`;
    this.sent.set(id, performance.now());
    this.ws.send(`{"type":"input_audio_buffer.append","event_id":"${id}","audio":"${AUDIO}"}`);
  }

  /** Sends one frame and waits for its echo. */
  async roundTrip(): Promise<void> {
    const echoed = new Promise<void>((resolve) => (this.waiter = resolve));
    this.send();
    await echoed;
  }

  /** Frames still unanswered `graceMs` after they were sent count as lost. */
  settle(graceMs: number): void {
    const now = performance.now();
    for (const at of this.sent.values()) if (now - at > graceMs) this.lost++;
  }
}

async function login(base: string, nickname: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/dev-login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nickname }) });
  if (res.status !== 200) throw new Error(`dev login: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function relayed(base: string, cookie: string): Promise<FrameClient> {
  const res = await fetch(`${base}/api/voice/sessions`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ scenarioId: "interview-general", language: "en", difficulty: "normal" }) });
  const body = (await res.json()) as { data: { id: string; engine: string } };
  if (res.status !== 201 || body.data.engine !== "openai") throw new Error(`session: ${res.status} ${JSON.stringify(body)}`);
  const client = new FrameClient(new WebSocket(`${base.replace("http", "ws")}/api/voice/sessions/${body.data.id}/ws`, { headers: { cookie, origin: base }, perMessageDeflate: false }));
  await client.ready;
  return client;
}

async function direct(url: string): Promise<FrameClient> {
  const client = new FrameClient(new WebSocket(`${url}?model=gpt-realtime`, { headers: { authorization: `Bearer ${KEY}` }, perMessageDeflate: false }));
  client.ws.once("open", () => client.ws.send(JSON.stringify({ type: "session.update", session: { type: "realtime" } })));
  await client.ready;
  return client;
}

// ---------------------------------------------------------------------------------------------

const echo = await startEcho();
const app = await startApp({ VOICE_ENGINE: "openai", OPENAI_API_KEY: KEY, OPENAI_REALTIME_URL: echo.url, LLM_ENGINE: "local", VOICE_IDLE_SECONDS: "600", VOICE_MAX_SECONDS: "1800" }, { unlimited: true });
const cookie = await login(app.url, "bench-voice");

// 1. Added latency per frame.
const viaRelay = await relayed(app.url, cookie);
const viaDirect = await direct(echo.url);
for (let i = 0; i < 200; i++) {
  await viaRelay.roundTrip();
  await viaDirect.roundTrip();
}
viaRelay.rtts.length = 0;
viaDirect.rtts.length = 0;
for (let done = 0; done < FRAMES; done += BLOCK) {
  for (let i = 0; i < BLOCK; i++) await viaDirect.roundTrip();
  for (let i = 0; i < BLOCK; i++) await viaRelay.roundTrip();
}
const d = stats(viaDirect.rtts);
const r = stats(viaRelay.rtts);
const added = { p50: (r.p50 - d.p50) / 2, p99: (r.p99 - d.p99) / 2 };
console.log(`round trip, direct:  p50 ${f2(d.p50)} ms  p99 ${f2(d.p99)} ms  (n ${d.n})`);
console.log(`round trip, relayed: p50 ${f2(r.p50)} ms  p99 ${f2(r.p99)} ms  (n ${r.n})`);
console.log(`added per frame (one way): p50 ${f2(added.p50)} ms  p99 ${f2(added.p99)} ms  (targets ≤ 1 / ≤ 5 ms)`);
viaRelay.ws.close();
viaDirect.ws.close();
await sleep(300);

// 2. Concurrent real-time sessions.
type LoadRow = { path: "direct" | "relayed"; sessions: number; sent: number; echoed: number; lost: number; rtt: Stats; keptUp: boolean; rssMiB: number | null; cpu: number | null; benchCpu: number };
const rows: LoadRow[] = [];
/** CPU time a process has used, in clock ticks (100 a second): utime + stime. */
const cpuOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
};

/** n sessions at real-time rate for LOAD_SECONDS, through the relay or straight to the echo upstream. */
async function load(n: number, path: LoadRow["path"]): Promise<LoadRow> {
  const clients: FrameClient[] = [];
  for (let i = 0; i < n; i += 25) clients.push(...(await Promise.all(Array.from({ length: Math.min(25, n - i) }, () => (path === "relayed" ? relayed(app.url, cookie) : direct(echo.url))))));
  await sleep(500);
  const cpu0 = cpuOf(app.pid);
  const bench0 = process.cpuUsage();
  const t0 = performance.now();
  // Each session sends at its own phase within the 100 ms period.
  const timers = clients.map((c, i) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(() => {
      c.send();
      timer = setInterval(() => c.send(), FRAME_MS);
    }, (i * FRAME_MS) / n);
    return () => (clearTimeout(start), clearInterval(timer));
  });
  await sleep(LOAD_SECONDS * 1000);
  for (const stop of timers) stop();
  await sleep(1_000);
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(bench0);
  for (const c of clients) c.settle(1_000);
  const all = clients.flatMap((c) => c.rtts);
  const rtt = stats(all);
  const lost = clients.reduce((s, c) => s + c.lost, 0);
  const row: LoadRow = {
    path,
    sessions: n,
    sent: all.length + lost,
    echoed: all.length,
    lost,
    rtt,
    keptUp: lost === 0 && rtt.p99 <= FRAME_MS,
    rssMiB: path === "relayed" ? rssKiB(app.pid) / 1024 : null,
    cpu: path === "relayed" ? (cpuOf(app.pid) - cpu0) / 100 / seconds : null,
    benchCpu: (used.user + used.system) / 1e6 / seconds,
  };
  const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(0)} %`);
  console.log(
    `${n} sessions ${path}: ${row.echoed}/${row.sent} frames back, lost ${lost}, RTT p50 ${f2(rtt.p50)} ms p99 ${f2(rtt.p99)} ms max ${f2(rtt.max)} ms, workerd ${row.rssMiB?.toFixed(0) ?? "–"} MiB ${pct(row.cpu)}, bench process ${pct(row.benchCpu)} → ${row.keptUp ? "keeps up" : "falls behind"}`,
  );
  for (const c of clients) c.ws.close();
  await sleep(1_500);
  return row;
}

for (const n of SESSIONS) {
  rows.push(await load(n, "direct"));
  rows.push(await load(n, "relayed"));
}

await app.mf.dispose();
echo.server.close();

const best = rows.filter((x) => x.path === "relayed" && x.keptUp).at(-1)?.sessions ?? 0;
const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(0)} %`);
writeSection(
  "voice",
  "Voice relay (`npm run bench:voice`)",
  [
    `${FULL ? "Full" : "Quick"} run. The app's workerd (Miniflare's API, the Worker on its own socket, no dev proxy), OpenAI engine pointed at an echo Realtime server in the bench process; frames are 100 ms of PCM16 24 kHz (6,400 base64 characters) in \`input_audio_buffer.append\`, echoed as \`response.output_audio.delta\`.`,
    "",
    "**Added latency per audio frame** (one frame at a time, alternating blocks of 100, same run):",
    "",
    "| path | round trip p50 | round trip p99 | frames |",
    "| --- | --- | --- | --- |",
    `| client ↔ echo upstream, direct | ${f2(d.p50)} ms | ${f2(d.p99)} ms | ${d.n} |`,
    `| client ↔ Worker ↔ VoiceSession ↔ echo upstream | ${f2(r.p50)} ms | ${f2(r.p99)} ms | ${r.n} |`,
    `| **added per frame, one way** ((relayed − direct) / 2) | **${f2(added.p50)} ms** | **${f2(added.p99)} ms** | target ≤ 1 / ≤ 5 ms |`,
    "",
    `**Concurrent real-time sessions** (each sends a frame every 100 ms and gets its echo, for ${LOAD_SECONDS} s; keeps up = nothing lost and round trip p99 ≤ 100 ms):`,
    "",
    "| sessions | path | frames back / sent | lost | round trip p50 | p99 | max | workerd RSS | workerd CPU | bench process CPU | |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (x) =>
        `| ${x.sessions} | ${x.path} | ${x.echoed.toLocaleString("en")} / ${x.sent.toLocaleString("en")} | ${x.lost} | ${f2(x.rtt.p50)} ms | ${f2(x.rtt.p99)} ms | ${f2(x.rtt.max)} ms | ${x.rssMiB === null ? "–" : `${x.rssMiB.toFixed(0)} MiB`} | ${pct(x.cpu)} | ${pct(x.benchCpu)} | ${x.keptUp ? "keeps up" : "falls behind"} |`,
    ),
    "",
    `Most relayed sessions that kept up: **${best}**. "direct" is the same load with the clients talking to the echo upstream themselves: what the bench process (the clients and the echo server, one Node thread) and loopback cost without the relay. The bench shares the machine's two cores with workerd.`,
  ].join("\n"),
);
reportTargets("voice", [
  { what: "relay's added latency per audio frame, p50", measured: `${f2(added.p50)} ms`, target: "≤ 1 ms", met: added.p50 <= 1 },
  { what: "relay's added latency per audio frame, p99", measured: `${f2(added.p99)} ms`, target: "≤ 5 ms", met: added.p99 <= 5 },
  { what: "concurrent real-time sessions relayed, keeping up", measured: String(best), target: "≥ 200", met: best >= 200 },
]);
