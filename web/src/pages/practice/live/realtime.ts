// The browser's end of a voice session: a WebSocket speaking the Realtime event protocol to
// the session's object (which relays to OpenAI or plays the partner itself). It turns the
// events into what the page shows: the partner's lines as they stream, the user's turns
// (typed, recognised or transcribed), audio to play, and the session's end or failure.
export type Line = { key: string; speaker: "user" | "partner"; text: string; done: boolean };

export type LinkEvents = {
  onOpen(info: { engine: "openai" | "local" | null; resumed: boolean; elapsedMs: number | null }): void;
  onLine(line: Line): void;
  onAudio(base64: string): void;
  onSpeech(speaking: boolean): void;
  onError(code: string, message: string): void;
  onClose(code: number, reason: string): void;
};

type Event = { type: string; [key: string]: any };

export class RealtimeLink {
  private ws: WebSocket | null = null;
  private partner = new Map<string, Line>();
  private users = 0;

  constructor(
    private readonly sessionId: string,
    private readonly on: LinkEvents,
  ) {}

  open(): void {
    const url = new URL(`/api/voice/sessions/${encodeURIComponent(this.sessionId)}/ws`, location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onmessage = (e) => this.read(JSON.parse(e.data as string) as Event);
    ws.onclose = (e) => this.on.onClose(e.code, e.reason);
  }

  private read(e: Event): void {
    switch (e.type) {
      case "session.created":
        this.on.onOpen({ engine: e.debut?.engine ?? null, resumed: Boolean(e.debut?.resumed), elapsedMs: e.debut?.elapsed_ms ?? null });
        return;
      case "response.output_text.delta":
      case "response.output_audio_transcript.delta": {
        const key = String(e.response_id ?? e.item_id);
        const line = this.partner.get(key) ?? { key, speaker: "partner" as const, text: "", done: false };
        line.text += e.delta as string;
        this.partner.set(key, line);
        this.on.onLine({ ...line });
        return;
      }
      case "response.output_audio.delta":
        this.on.onAudio(e.delta as string);
        return;
      case "response.done": {
        const key = String(e.response?.id);
        const line = this.partner.get(key);
        if (line) this.on.onLine({ ...line, done: true });
        return;
      }
      case "input_audio_buffer.speech_started":
        this.on.onSpeech(true);
        return;
      case "input_audio_buffer.speech_stopped":
        this.on.onSpeech(false);
        return;
      case "conversation.item.input_audio_transcription.completed":
        if (String(e.transcript ?? "").trim()) this.on.onLine({ key: `user-${this.users++}`, speaker: "user", text: String(e.transcript).trim(), done: true });
        return;
      case "error":
        this.on.onError(String(e.error?.code ?? "error"), String(e.error?.message ?? ""));
        return;
    }
  }

  /** A user turn in text (typed, or from the browser's speech recognition), then the partner's answer. */
  say(text: string, input: "text" | "speech", timing?: { start_ms: number; end_ms: number }): void {
    this.send({ type: "conversation.item.create", item: { type: "message", role: "user", content: [{ type: "input_text", text }] }, input, ...(timing ? { timing } : {}) });
    this.send({ type: "response.create" });
    this.on.onLine({ key: `user-${this.users++}`, speaker: "user", text, done: true });
  }

  appendAudio(base64: string): void {
    this.send({ type: "input_audio_buffer.append", audio: base64 });
  }

  private send(event: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(event));
  }

  close(): void {
    this.ws?.close(1000, "bye");
    this.ws = null;
  }
}
