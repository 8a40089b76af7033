// A test's end of a voice session's WebSocket, opened through the Worker's public fetch like
// a browser would (with the user's cookie), reading Realtime events as they come.
import type { Browser } from "../client";

export type RealtimeEvent = { type: string; [key: string]: unknown };

export class VoiceSocket {
  readonly events: RealtimeEvent[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (e) => {
      this.events.push(JSON.parse(e.data as string) as RealtimeEvent);
      this.wake();
    });
    ws.addEventListener("close", (e) => {
      this.closed = { code: e.code, reason: e.reason };
      this.wake();
    });
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  send(event: object): void {
    this.ws.send(JSON.stringify(event));
  }

  say(text: string, extra: object = {}): void {
    this.send({ type: "conversation.item.create", item: { type: "message", role: "user", content: [{ type: "input_text", text }] }, ...extra });
    this.send({ type: "response.create" });
  }

  /** Waits for the n-th event of this type counted from the start (1 = the first). */
  async nth(type: string, n = 1, timeoutMs = 5_000): Promise<RealtimeEvent> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.filter((e) => e.type === type);
      if (found.length >= n) return found[n - 1]!;
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) before ${type} #${n}; got ${this.events.map((e) => e.type).join(", ")}`);
      if (Date.now() > until) throw new Error(`no ${type} #${n} within ${timeoutMs} ms; got ${this.events.map((e) => e.type).join(", ")}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async untilClosed(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    const until = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > until) throw new Error("socket still open");
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.closed;
  }

  /** The partner's lines so far, each as its deltas joined. */
  partnerLines(): string[] {
    const lines: string[] = [];
    let current = "";
    for (const e of this.events) {
      if (e.type === "response.output_text.delta" || e.type === "response.output_audio_transcript.delta") current += e.delta as string;
      if (e.type === "response.done") {
        lines.push(current);
        current = "";
      }
    }
    return lines;
  }

  close(): void {
    this.ws.close(1000, "bye");
  }
}

export async function connect(browser: Browser, sessionId: string, headers: Record<string, string> = {}): Promise<VoiceSocket> {
  const res = await browser.fetch(`/api/voice/sessions/${sessionId}/ws`, { headers: { upgrade: "websocket", ...headers } });
  if (res.status !== 101 || !res.webSocket) throw new Error(`no socket: ${res.status} ${await res.text()}`);
  res.webSocket.accept();
  return new VoiceSocket(res.webSocket);
}
