// Reads a Server-Sent Events response the way EventSource does (event, id, data lines; comment
// lines ignored), with each `data:` parsed as the envelope.
import type { Envelope } from "./client";

export type SseMessage<T = Record<string, unknown>> = { event: string; id: string | null; data: Envelope<T> };

/** Collects events until the stream ends, `until` says stop, or `timeoutMs` passes (throws). */
export async function readEvents(res: Response, opts: { until?: (m: SseMessage, all: SseMessage[]) => boolean; timeoutMs?: number } = {}): Promise<SseMessage[]> {
  if (!res.body) throw new Error(`no stream (status ${res.status})`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseMessage[] = [];
  let buffer = "";
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE timed out after ${events.length} events: ${events.map((e) => e.event).join(",")}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = await Promise.race([
        reader.read(),
        new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), left))),
      ]).finally(() => clearTimeout(timer));
      if (next === "timeout") continue;
      if (next.done) return events;
      buffer += next.value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message = parseBlock(block);
        if (!message) continue;
        events.push(message);
        if (opts.until?.(message, events)) return events;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function parseBlock(block: string): SseMessage | null {
  let event = "message";
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0) return null;
  return { event, id, data: JSON.parse(data.join("\n")) as Envelope<Record<string, unknown>> };
}
