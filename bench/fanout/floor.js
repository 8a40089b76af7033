// The runtime's floor for an SSE subscriber: a bare Worker (no Durable Object, no app code)
// answering GET /sub with an endless event stream; and GET /via-object/sub, the same stream
// answered by a Durable Object behind the Worker (the hop every room's subscriber takes). A
// comment line goes out at once (headers flushed); a 15 s heartbeat, as the app's, keeps the
// stream from being cancelled as hung and is how a closed client gets noticed. POST
// /broadcast enqueues one event to every open stream of this isolate: valid only here (locally every request shares one isolate; in
// production there is no such sharing), as the floor for delivering a broadcast.
import { DurableObject } from "cloudflare:workers";

const encoder = new TextEncoder();
const OPENING = encoder.encode(": connected\n\n");
const HEARTBEAT = encoder.encode(": heartbeat\n\n");
const HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache", "content-encoding": "identity" };
const streams = new Set();

export class Streams extends DurableObject {
  fetch(request) {
    return answer(request);
  }
}

export default {
  fetch(request, env) {
    const path = new URL(request.url).pathname;
    // The bench starts workerd with V8's --expose-gc: memory is read after a full collection.
    if (path === "/__gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    if (path.startsWith("/via-object/")) return env.STREAMS.get(env.STREAMS.idFromName("streams")).fetch(new Request(request.url.replace("/via-object/", "/"), request));
    return answer(request);
  },
};

/** /sub: an endless stream; POST /broadcast: one event to every stream of this isolate. */
function answer(request) {
  const path = new URL(request.url).pathname;
  if (request.method === "POST" && path === "/broadcast") {
    const bytes = encoder.encode(`event: message\ndata: ${JSON.stringify({ at: Date.now() })}\n\n`);
    for (const controller of streams) controller.enqueue(bytes);
    return Response.json({ sent: streams.size });
  }
  let controller;
  let timer;
  const body = new ReadableStream({
    start(c) {
      controller = c;
      streams.add(c);
      c.enqueue(OPENING);
      timer = setInterval(() => c.enqueue(HEARTBEAT), 15_000);
    },
    cancel() {
      streams.delete(controller);
      clearInterval(timer);
    },
  });
  return new Response(body, { headers: HEADERS });
}

