// Server-Sent Events frames in the seed's format: `event:` names the type, `data:` is the
// envelope `{status, message, data}` on one line, `id:` lets a client resume with
// Last-Event-ID. A frame is encoded once and the same bytes go to every subscriber.
import { failure, success } from "../http/envelope";

const encoder = new TextEncoder();

export type SseEvent = "connect" | "room" | "content" | "complete" | "reset" | "error" | "turn" | "fitting";

export type Frame = { id: number; bytes: Uint8Array };

export function frame(id: number, event: SseEvent, data: Record<string, unknown>, fail?: string): Frame {
  const body = fail === undefined ? success({ ...data, type: event, timestamp: Date.now() }) : { ...failure(fail, { ...data, type: event, timestamp: Date.now() }) };
  return { id, bytes: encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(body)}\n\n`) };
}

/** A comment line: ignored by EventSource, but it keeps proxies from closing an idle stream. */
export const HEARTBEAT = encoder.encode(": heartbeat\n\n");

/** Sent first so the response headers (and the stream) reach the client at once. */
export const OPENING = encoder.encode(": connected\n\n");

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  // Compression would hold small events back until more bytes arrive (workerd PR #7390).
  "Content-Encoding": "identity",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;
