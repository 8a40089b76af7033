// A fake OpenAI Realtime API (GA protocol) on loopback, for the voice relay's tests: a
// WebSocket at /v1/realtime?model=… that wants `Authorization: Bearer sk-…`, refuses the beta
// shape (code 4000, as the real one does), answers `session.update` with `session.updated`,
// hears PCM16 24 kHz audio with a server VAD of its own (an energy detector: speech_started at
// the first loud frame, speech_stopped after 500 ms of quiet, on commit, or at 15 s of speech),
// transcribes it to a fixed line,
// answers each turn with transcript and audio deltas and `response.done`, and fails on cue:
// a user text containing "[[fail]]" gets an `error` event and the socket closed with 1011.
// GET /__stats lists every connection: its headers, the events received and the audio bytes.
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { WebSocketServer as WebSocketServerType, WebSocket as WebSocketType } from "ws";
import { FAKE_PARTNER_LINES, FAKE_TRANSCRIPT, type RealtimeConnection } from "../voice/realtime-script.ts";

// `import … from "ws"` resolves to its browser build under vitest's globalSetup.
const { WebSocketServer } = createRequire(import.meta.url)("ws") as { WebSocketServer: typeof WebSocketServerType };

/** 24 kHz × 2 bytes: PCM16 bytes per millisecond. */
const BYTES_PER_MS = 48;
/** A frame whose RMS is above this is speech (speech at a normal level is well over 1,000). */
const SPEECH_RMS = 300;
/** server_vad's defaults: the quiet that ends a turn, and a bound on one turn. */
const SILENCE_MS = 500;
const MAX_SPEECH_MS = 15_000;

/** The RMS and the peak of a PCM16 little-endian frame. */
function level(pcm: Buffer): { rms: number; peak: number } {
  let sum = 0;
  let peak = 0;
  const n = Math.floor(pcm.length / 2);
  for (let i = 0; i < n; i++) {
    const x = pcm.readInt16LE(i * 2);
    sum += x * x;
    if (Math.abs(x) > peak) peak = Math.abs(x);
  }
  return { rms: n ? Math.sqrt(sum / n) : 0, peak };
}


export async function startFakeRealtime(): Promise<{ url: string; server: Server }> {
  const connections: RealtimeConnection[] = [];
  const server = createServer((req, res) => {
    if (req.url === "/__stats") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(connections));
      return;
    }
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const auth = req.headers.authorization;
    if (url.pathname !== "/v1/realtime" || !auth?.startsWith("Bearer sk-")) {
      socket.end("HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\r\n" + JSON.stringify({ error: { message: "Incorrect API key provided" } }));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn: RealtimeConnection = { authorization: auth, beta: req.headers["openai-beta"] as string | undefined, model: url.searchParams.get("model"), events: [], sessionUpdate: null, audioBytes: 0, audioPeak: 0, speechMs: 0, closed: null };
      connections.push(conn);
      ws.on("close", (code, reason) => (conn.closed = { code, reason: reason.toString() }));
      if (conn.beta) {
        ws.close(4000, "beta_api_shape_disabled");
        return;
      }
      serve(ws as WebSocketType, conn);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}/v1/realtime`, server };
}

function serve(ws: WebSocketType, conn: RealtimeConnection) {
  let n = 0;
  const id = (p: string) => `${p}_${++n}`;
  const send = (e: object) => ws.send(JSON.stringify({ event_id: id("event"), ...e }));
  let responses = 0;
  /** Audio heard so far, and the current speech item with the quiet since its last loud frame. */
  let totalMs = 0;
  let speech: { itemId: string; startMs: number; quietMs: number } | null = null;

  send({ type: "session.created", session: { id: id("sess"), object: "realtime.session", type: "realtime", model: conn.model } });

  const respond = () => {
    const line = FAKE_PARTNER_LINES[responses++ % FAKE_PARTNER_LINES.length]!;
    const responseId = id("resp");
    const itemId = id("item");
    send({ type: "response.created", response: { id: responseId, object: "realtime.response", status: "in_progress", output: [] } });
    for (const word of line.match(/\S+\s*/g) ?? []) send({ type: "response.output_audio_transcript.delta", response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, delta: word });
    // 100 ms of silence, twice: the audio the browser plays.
    const audio = Buffer.alloc(100 * BYTES_PER_MS).toString("base64");
    for (let i = 0; i < 2; i++) ws.send(`{"type":"response.output_audio.delta","event_id":"${id("event")}","response_id":"${responseId}","item_id":"${itemId}","output_index":0,"content_index":0,"delta":"${audio}"}`);
    send({ type: "response.output_audio_transcript.done", response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, transcript: line });
    send({ type: "response.done", response: { id: responseId, object: "realtime.response", status: "completed", output: [{ id: itemId, type: "message", role: "assistant", content: [{ type: "output_audio", transcript: line }] }] } });
  };

  const stopSpeech = () => {
    if (!speech) return;
    const { itemId, startMs, quietMs } = speech;
    speech = null;
    const endMs = Math.round(totalMs - quietMs);
    conn.speechMs += endMs - startMs;
    send({ type: "input_audio_buffer.speech_stopped", audio_end_ms: endMs, item_id: itemId });
    send({ type: "input_audio_buffer.committed", item_id: itemId, previous_item_id: null });
    send({ type: "conversation.item.input_audio_transcription.completed", item_id: itemId, content_index: 0, transcript: FAKE_TRANSCRIPT });
    // Server VAD with create_response: the partner answers.
    respond();
  };

  ws.on("message", (data) => {
    let e: any;
    try {
      e = JSON.parse(data.toString());
    } catch {
      send({ type: "error", error: { type: "invalid_request_error", code: "invalid_json", message: "bad json" } });
      return;
    }
    conn.events.push(e.type);
    switch (e.type) {
      case "session.update": {
        const s = e.session ?? {};
        if (s.type !== "realtime" || s.audio?.input?.format?.rate !== 24_000) {
          ws.close(4000, "beta_api_shape_disabled");
          return;
        }
        conn.sessionUpdate = s;
        send({ type: "session.updated", session: { ...s, id: "sess" } });
        return;
      }
      case "input_audio_buffer.append": {
        const pcm = Buffer.from(e.audio ?? "", "base64");
        conn.audioBytes += pcm.length;
        const ms = pcm.length / BYTES_PER_MS;
        const { rms, peak } = level(pcm);
        conn.audioPeak = Math.max(conn.audioPeak, peak);
        const at = totalMs;
        totalMs += ms;
        if (rms >= SPEECH_RMS) {
          if (!speech) {
            speech = { itemId: id("item"), startMs: Math.round(at), quietMs: 0 };
            send({ type: "input_audio_buffer.speech_started", audio_start_ms: speech.startMs, item_id: speech.itemId });
          }
          speech.quietMs = 0;
          if (totalMs - speech.startMs >= MAX_SPEECH_MS) stopSpeech();
        } else if (speech) {
          speech.quietMs += ms;
          if (speech.quietMs >= SILENCE_MS) stopSpeech();
        }
        return;
      }
      case "input_audio_buffer.commit":
        stopSpeech();
        return;
      case "conversation.item.create": {
        const text: string = e.item?.content?.map((c: any) => c.text ?? "").join(" ") ?? "";
        if (text.includes("[[fail]]")) {
          send({ type: "error", error: { type: "server_error", code: "server_error", message: "The server had an error while processing your request." } });
          ws.close(1011, "server_error");
          return;
        }
        send({ type: "conversation.item.added", item: { ...e.item, id: id("item"), status: "completed" } });
        return;
      }
      case "response.create":
        respond();
        return;
      case "response.cancel":
        return;
      default:
        send({ type: "error", error: { type: "invalid_request_error", code: "unknown_event", message: `Unknown event ${e.type}` } });
    }
  });
}
