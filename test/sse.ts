// Reads a Server-Sent Events response as EventSource does (eventsource-parser), with each
// `data:` parsed as the envelope.
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { Envelope } from "./client";

export type SseMessage<T = Record<string, unknown>> = { event: string; id: string | null; data: Envelope<T> };

/** Collects events until the stream ends, `until` says stop, or `timeoutMs` passes (throws). */
export async function readEvents(res: Response, opts: { until?: (m: SseMessage, all: SseMessage[]) => boolean; timeoutMs?: number } = {}): Promise<SseMessage[]> {
  if (!res.body) throw new Error(`no stream (status ${res.status})`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  const events: SseMessage[] = [];
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
      const message: SseMessage = { event: next.value.event ?? "message", id: next.value.id ?? null, data: JSON.parse(next.value.data) as Envelope<Record<string, unknown>> };
      events.push(message);
      if (opts.until?.(message, events)) return events;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
