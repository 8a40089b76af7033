// VoiceSession: one Durable Object per voice rehearsal. It holds the browser's WebSocket (one
// at a time), speaks the Realtime event protocol to it, and either relays to OpenAI Realtime
// (the upstream socket opened here with the server's key) or plays the partner itself (the
// local partner, in text). Every user and partner turn is recorded with its times in the
// object's own storage (so a hibernated or restarted object keeps them) and written to D1 in
// batches, each turn once. The session ends on request, after an idle spell, at a hard cap,
// or when the upstream fails; whatever was said is kept.
import { DurableObject } from "cloudflare:workers";
import { config } from "../config.ts";
import { db } from "../db/client.ts";
import { record } from "../metrics/record.ts";
import { sessionUpdate } from "./instructions.ts";
import { withOccasion, type OccasionContext } from "./occasion-context.ts";
import { opening, reply, FRESH, type PartnerState } from "./partner/local.ts";
import { errorEvent, eventId, itemText, parseClientEvent, type ClientEvent } from "./protocol.ts";
import { scenario, type Difficulty, type Language, type Scenario } from "./scenarios.ts";
import { markEnded, markLive, saveTurns, type NewTurn } from "./store.ts";
import { chunk as textPieces } from "../chat/local/chunks.ts";

/** What the route tells the object about the session when the browser connects. */
export type SessionMeta = { sessionId: string; userId: number; scenarioId: string; language: Language; difficulty: Difficulty; engine: "openai" | "local"; occasion?: OccasionContext | undefined };

export const META_HEADER = "x-debut-voice-session";

type Turn = Omit<NewTurn, "sessionId">;
type Stored = { meta: SessionMeta; startedAt: number; turns: Turn[]; flushed: number; partner: PartnerState; ended: string | null; lastActive: number };

const CLOSE_NORMAL = 1000;
const CLOSE_POLICY = 1008;
const CLOSE_UPSTREAM = 1011;

export class VoiceSession extends DurableObject<Env> {
  private state: Stored | undefined;
  private upstream: WebSocket | null = null;
  /** Frames the browser sent before the upstream was open: sent to it, in order, once it is. */
  private pending: string[] | null = null;
  /** Upstream speech timings by item, and the partner's response in progress. */
  private speech = new Map<string, { start: number; end: number }>();
  private response: { startMs: number; text: string } | null = null;
  private localReply: { cancelled: boolean } | null = null;

  private get stored(): Stored | undefined {
    this.state ??= this.ctx.storage.kv.get<Stored>("session");
    return this.state;
  }

  private save(): void {
    if (this.state) this.ctx.storage.kv.put("session", this.state);
  }

  private get settings() {
    return config(this.env).voice;
  }

  private now(): number {
    return Date.now() - (this.stored?.startedAt ?? Date.now());
  }

  private get socket(): WebSocket | undefined {
    return this.ctx.getWebSockets()[0];
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket upgrade", { status: 426 });
    const meta = JSON.parse(decodeURIComponent(request.headers.get(META_HEADER) ?? "null")) as SessionMeta | null;
    if (!meta) return new Response("Missing session", { status: 400 });
    const found = scenario(meta.scenarioId);
    if (!found) return new Response("Unknown scenario", { status: 404 });
    const s = withOccasion(found, meta.occasion);
    const existing = this.stored;
    if (existing?.ended) return new Response("This session has ended", { status: 410 });
    if (this.ctx.getWebSockets().length > 0) return new Response("This session is already open in another window", { status: 409 });

    const first = !existing;
    if (first) {
      this.state = { meta, startedAt: Date.now(), turns: [], flushed: 0, partner: FRESH, ended: null, lastActive: Date.now() };
      this.save();
      await markLive(db(this.env), meta.sessionId, this.state.startedAt);
    } else {
      existing.lastActive = Date.now();
      this.save();
    }
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    await this.scheduleAlarm();
    const st = this.stored!;
    record(this.env, { kind: "voice_session", engine: meta.engine, event: first ? "started" : "resumed", reason: "", scenario: meta.scenarioId, ms: Date.now() - st.startedAt, turns: st.turns.length });

    if (meta.engine === "openai") {
      this.pending = [];
      this.ctx.waitUntil(this.openUpstream(s, server));
    } else {
      server.send(JSON.stringify(this.sessionCreated(meta, !first)));
      if (first) this.ctx.waitUntil(this.speakLocal(s, opening(s, meta.language)));
    }
    return new Response(null, { status: 101, webSocket: client });
  }

  private sessionCreated(meta: SessionMeta, resumed: boolean) {
    return {
      type: "session.created",
      event_id: eventId(),
      session: { id: meta.sessionId, object: "realtime.session", type: "realtime", model: "debut-local-partner", output_modalities: ["text"] },
      debut: { engine: meta.engine, scenario_id: meta.scenarioId, language: meta.language, difficulty: meta.difficulty, resumed, max_ms: this.settings.maxMs, elapsed_ms: this.now() },
    };
  }

  // ------------------------------------------------------------------ the browser's socket

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const st = this.stored;
    if (!st || st.ended) return;
    const read = parseClientEvent(raw);
    if ("error" in read) {
      ws.send(read.error);
      return;
    }
    const event = read.event;
    // Audio frames arrive 10–50 times a second: they keep the session alive without a write each.
    st.lastActive = Date.now();
    if (event.type !== "input_audio_buffer.append") this.save();
    if (st.meta.engine === "openai") this.toUpstream(event, raw as string);
    else await this.local(ws, event);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // The browser went away: the session stays open for it to come back until idle or the cap;
    // what was said is written now.
    this.closeUpstream();
    await this.flush();
    try {
      ws.close(code === 1005 ? CLOSE_NORMAL : code, reason);
    } catch {
      // already closed
    }
  }

  override async webSocketError(): Promise<void> {
    this.closeUpstream();
    await this.flush();
  }

  // ------------------------------------------------------------------ the local partner

  private async local(ws: WebSocket, event: ClientEvent): Promise<void> {
    const st = this.stored!;
    const s = withOccasion(scenario(st.meta.scenarioId)!, st.meta.occasion);
    switch (event.type) {
      case "conversation.item.create": {
        const text = itemText(event);
        const turn = this.addTurn("user", text, event.timing, event.input ?? "text");
        ws.send(JSON.stringify({ type: "conversation.item.added", event_id: eventId(), item: { id: `item_${turn.seq}`, type: "message", role: "user", status: "completed", content: event.item.content } }));
        return;
      }
      case "response.create": {
        const lastUser = [...st.turns].reverse().find((t) => t.speaker === "user");
        const lastPartner = [...st.turns].reverse().find((t) => t.speaker === "partner");
        if (!lastUser || (lastPartner && lastPartner.seq > lastUser.seq)) {
          ws.send(errorEvent("nothing_to_answer", "Say or type something first; the partner answers what you said.", event.event_id));
          return;
        }
        await this.speakLocal(s, reply(s, st.meta.difficulty, st.meta.language, st.partner, lastUser.text));
        return;
      }
      case "response.cancel":
        if (this.localReply) this.localReply.cancelled = true;
        return;
      default:
        ws.send(errorEvent("audio_not_supported", "This partner listens to text: type, or use your browser's speech recognition.", event.event_id));
    }
  }

  /** Streams the partner's line as Realtime text events and records it. */
  private async speakLocal(s: Scenario, next: { line: string; state: PartnerState }): Promise<void> {
    const st = this.stored!;
    const responseId = eventId("resp");
    const itemId = eventId("item");
    const startMs = this.now();
    const run = { cancelled: false };
    this.localReply = run;
    const send = (event: object) => this.socket?.send(JSON.stringify(event));
    send({ type: "response.created", event_id: eventId(), response: { id: responseId, object: "realtime.response", status: "in_progress", output: [] } });
    send({ type: "response.output_item.added", event_id: eventId(), response_id: responseId, output_index: 0, item: { id: itemId, type: "message", role: "assistant", status: "in_progress", content: [] } });
    let said = "";
    for (const piece of textPieces(next.line)) {
      if (run.cancelled) break;
      said += piece;
      send({ type: "response.output_text.delta", event_id: eventId(), response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, delta: piece });
      if (this.settings.paceMs) await new Promise((r) => setTimeout(r, this.settings.paceMs));
    }
    const status = run.cancelled ? "cancelled" : "completed";
    const content = [{ type: "output_text", text: said }];
    send({ type: "response.output_text.done", event_id: eventId(), response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, text: said });
    send({ type: "response.output_item.done", event_id: eventId(), response_id: responseId, output_index: 0, item: { id: itemId, type: "message", role: "assistant", status, content } });
    send({ type: "response.done", event_id: eventId(), response: { id: responseId, object: "realtime.response", status, output: [{ id: itemId, type: "message", role: "assistant", content }] } });
    if (this.localReply === run) this.localReply = null;
    if (said) {
      // A cancelled line leaves the partner where it was: the user interrupted it.
      if (!run.cancelled) st.partner = next.state;
      this.addTurn("partner", said, { start_ms: startMs, end_ms: this.now() }, "speech", "server");
      await this.flush();
    }
  }

  // ------------------------------------------------------------------ the OpenAI relay

  private async openUpstream(s: Scenario, browser: WebSocket): Promise<void> {
    const st = this.stored!;
    const openai = config(this.env).voice.openai;
    if (!openai) {
      await this.end("upstream_error", errorEvent("engine_unavailable", "The voice partner is not configured on this server.", undefined, "server_error"));
      return;
    }
    try {
      const url = new URL(openai.url);
      url.protocol = url.protocol === "wss:" ? "https:" : url.protocol === "ws:" ? "http:" : url.protocol;
      url.searchParams.set("model", openai.model);
      const res = await fetch(url, { headers: { Upgrade: "websocket", Authorization: `Bearer ${openai.apiKey}` } });
      const ws = res.webSocket;
      if (!ws) throw new Error(`the Realtime API answered ${res.status}`);
      ws.accept();
      this.upstream = ws;
      ws.addEventListener("message", (e) => this.fromUpstream(typeof e.data === "string" ? e.data : new TextDecoder().decode(e.data as ArrayBuffer)));
      ws.addEventListener("close", (e) => void this.upstreamClosed(ws, e.code, e.reason));
      ws.addEventListener("error", () => void this.upstreamClosed(ws, CLOSE_UPSTREAM, "error"));
      const history = st.turns.map((t) => ({ speaker: t.speaker, text: t.text }));
      ws.send(JSON.stringify(sessionUpdate(s, st.meta.difficulty, st.meta.language, openai, history)));
      // The partner opens a new conversation.
      if (!history.length) ws.send(JSON.stringify({ type: "response.create" }));
      for (const frame of this.pending ?? []) ws.send(frame);
      this.pending = null;
    } catch (err) {
      record(this.env, { kind: "voice_relay_error", stage: "connect" });
      browser.send(errorEvent("upstream_unavailable", `The voice partner could not be reached (${err instanceof Error ? err.message : String(err)}). What you said so far is kept.`, undefined, "server_error"));
      await this.end("upstream_error", null);
    }
  }

  private toUpstream(event: ClientEvent, raw: string): void {
    // Our own fields (input, timing) are not OpenAI's: a text item is re-serialised without them.
    let frame = raw;
    if (event.type === "conversation.item.create") {
      this.addTurn("user", itemText(event), event.timing, event.input ?? "text");
      frame = JSON.stringify({ type: event.type, ...(event.event_id ? { event_id: event.event_id } : {}), item: event.item });
    } else if (event.type === "response.create") {
      frame = JSON.stringify({ type: "response.create" });
    }
    if (this.pending) this.pending.push(frame);
    else this.upstream?.send(frame);
  }

  private fromUpstream(data: string): void {
    // Audio deltas are most of the traffic: passed on without parsing.
    if (!data.startsWith('{"type":"response.output_audio.delta"')) this.tap(data);
    this.socket?.send(data);
  }

  /** Reads the upstream events that make the transcript. */
  private tap(data: string): void {
    let e: { type?: string; item_id?: string; audio_start_ms?: number; audio_end_ms?: number; transcript?: string; text?: string; delta?: string };
    try {
      e = JSON.parse(data);
    } catch {
      return;
    }
    switch (e.type) {
      case "input_audio_buffer.speech_started":
        if (e.item_id) this.speech.set(e.item_id, { start: e.audio_start_ms ?? this.now(), end: e.audio_start_ms ?? this.now() });
        return;
      case "input_audio_buffer.speech_stopped":
        if (e.item_id) this.speech.set(e.item_id, { start: this.speech.get(e.item_id)?.start ?? e.audio_end_ms ?? 0, end: e.audio_end_ms ?? this.now() });
        return;
      case "conversation.item.input_audio_transcription.completed": {
        const timing = e.item_id ? this.speech.get(e.item_id) : undefined;
        if (e.item_id) this.speech.delete(e.item_id);
        if (e.transcript?.trim()) this.addTurn("user", e.transcript.trim(), timing ? { start_ms: timing.start, end_ms: timing.end } : undefined, "speech", "server");
        return;
      }
      case "response.created":
        this.response = { startMs: this.now(), text: "" };
        return;
      case "response.output_audio_transcript.delta":
      case "response.output_text.delta":
        if (this.response && e.delta) this.response.text += e.delta;
        return;
      case "response.done":
        if (this.response?.text.trim()) {
          this.addTurn("partner", this.response.text.trim(), { start_ms: this.response.startMs, end_ms: this.now() }, "speech", "server");
          this.ctx.waitUntil(this.flush());
        }
        this.response = null;
        return;
      case "error":
        record(this.env, { kind: "voice_relay_error", stage: "upstream_event" });
    }
  }

  private async upstreamClosed(ws: WebSocket, code: number, reason: string): Promise<void> {
    if (this.upstream !== ws) return;
    this.upstream = null;
    const st = this.stored;
    if (!st || st.ended) return;
    record(this.env, { kind: "voice_relay_error", stage: "closed", code });
    await this.end(
      "upstream_error",
      errorEvent("upstream_closed", `The voice partner hung up (${code}${reason ? `: ${reason}` : ""}). What you said so far is kept.`, undefined, "server_error"),
    );
  }

  private closeUpstream(): void {
    const up = this.upstream;
    this.upstream = null;
    this.pending = null;
    try {
      up?.close(CLOSE_NORMAL, "session closed");
    } catch {
      // already closed
    }
  }

  // ------------------------------------------------------------------ turns, limits, the end

  /**
   * Records a turn. `timing` from the upstream's VAD is on the audio's own clock and taken as
   * it is; the client's is trusted only within what the server saw: after the previous turn,
   * not in the future.
   */
  private addTurn(
    speaker: "user" | "partner",
    text: string,
    timing: { start_ms: number; end_ms: number } | undefined,
    input: "speech" | "text" = "speech",
    clock: "server" | "client" = "client",
  ): Turn {
    const st = this.stored!;
    const now = this.now();
    const prevEnd = st.turns.at(-1)?.endMs ?? 0;
    const endMs = clock === "server" && timing ? Math.max(timing.start_ms, timing.end_ms) : Math.min(now, Math.max(prevEnd, timing?.end_ms ?? now));
    const startMs = clock === "server" && timing ? timing.start_ms : Math.min(endMs, Math.max(prevEnd, timing?.start_ms ?? endMs));
    const turn: Turn = { seq: st.turns.length, speaker, text: text.slice(0, 8_000), startMs, endMs, input: speaker === "user" ? input : "speech" };
    st.turns.push(turn);
    this.save();
    return turn;
  }

  /** Writes the turns D1 does not have yet, in one batch. */
  private async flush(): Promise<void> {
    const st = this.stored;
    if (!st || st.flushed >= st.turns.length) return;
    const upTo = st.turns.length;
    const batch = st.turns.slice(st.flushed, upTo).map((t) => ({ ...t, sessionId: st.meta.sessionId }));
    await saveTurns(db(this.env), batch);
    st.flushed = Math.max(st.flushed, upTo);
    this.save();
  }

  private async scheduleAlarm(): Promise<void> {
    const st = this.stored!;
    await this.ctx.storage.setAlarm(Math.min(st.startedAt + this.settings.maxMs, st.lastActive + this.settings.idleMs));
  }

  override async alarm(): Promise<void> {
    const st = this.stored;
    if (!st || st.ended) return;
    const now = Date.now();
    if (now >= st.startedAt + this.settings.maxMs) {
      await this.end("session_expired", errorEvent("session_expired", `The session reached its ${Math.round(this.settings.maxMs / 60_000)}-minute limit.`));
    } else if (now >= st.lastActive + this.settings.idleMs) {
      await this.end("idle_timeout", errorEvent("idle_timeout", "The session ended after a quiet spell."));
    } else {
      await this.scheduleAlarm();
    }
  }

  /** Ends the session (the route's POST …/end): what was said is in D1 when it returns. */
  async finish(): Promise<{ turns: number }> {
    const st = this.stored;
    if (st && !st.ended) await this.end("ended", null);
    return { turns: this.stored?.turns.length ?? 0 };
  }

  private async end(reason: string, notice: string | null): Promise<void> {
    const st = this.stored;
    if (!st || st.ended) return;
    st.ended = reason;
    this.save();
    this.closeUpstream();
    for (const ws of this.ctx.getWebSockets()) {
      try {
        if (notice) ws.send(notice);
        ws.close(reason === "upstream_error" ? CLOSE_UPSTREAM : reason === "ended" ? CLOSE_NORMAL : CLOSE_POLICY, reason);
      } catch {
        // gone already
      }
    }
    await this.flush();
    await markEnded(db(this.env), st.meta.sessionId, reason, reason === "upstream_error" && st.turns.length === 0);
    await this.ctx.storage.deleteAlarm();
    record(this.env, { kind: "voice_session", engine: st.meta.engine, event: "ended", reason, scenario: st.meta.scenarioId, ms: Date.now() - st.startedAt, turns: st.turns.length });
  }
}
