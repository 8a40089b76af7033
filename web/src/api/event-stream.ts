// Reads a Server-Sent Events stream over fetch, parsed as EventSource does (eventsource-parser),
// but without EventSource's automatic reconnect: a chat turn's
// stream is opened by a GET that sends the message, and reconnecting would send it again.
// fetch also lets a refused request (400, 404) say why. The parser is its own chunk, fetched
// alongside the first stream's request, so a page that opens no stream never downloads it.
import { networkError, responseError } from "./client";

export type StreamMessage = { id: string | null; event: string; data: string };

export type StreamOptions = {
  signal: AbortSignal;
  onMessage: (message: StreamMessage) => void;
};

/**
 * Resolves when the server ends the stream; rejects with an ApiError when the request is
 * refused or the connection breaks (status 0), or with an AbortError after `signal` aborts.
 */
export async function readEventStream(path: string, options: StreamOptions): Promise<void> {
  const parser = import("eventsource-parser/stream");
  parser.catch(() => {}); // awaited below, once the response is in; a failed load is a network error there
  let response: Response;
  try {
    response = await fetch(path, { credentials: "include", headers: { Accept: "text/event-stream" }, signal: options.signal });
  } catch (err) {
    throw options.signal.aborted ? err : networkError();
  }
  if (!response.ok || !response.body || !response.headers.get("content-type")?.includes("text/event-stream")) throw await responseError(response);

  const { EventSourceParserStream } = await parser.catch(() => {
    throw networkError();
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((err: unknown) => {
        throw options.signal.aborted ? err : networkError();
      });
      if (done) return;
      options.onMessage({ id: value.id ?? null, event: value.event ?? "message", data: value.data });
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
