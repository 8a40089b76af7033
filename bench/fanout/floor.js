// The runtime's floor for an SSE subscriber: a bare Worker (no Durable Object, no app code)
// answering GET /sub with an endless event stream. A comment line goes out at once (headers
// flushed); a 15 s heartbeat, as the app's, keeps the stream from being cancelled as hung and
// is how a closed client gets noticed. POST /broadcast enqueues one event to every open
// stream of this isolate: valid only here (locally every request shares one isolate; in
// production there is no such sharing), as the floor for delivering a broadcast.
const encoder = new TextEncoder();
const OPENING = encoder.encode(": connected\n\n");
const HEARTBEAT = encoder.encode(": heartbeat\n\n");
const HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache", "content-encoding": "identity" };
const streams = new Set();

export default {
  fetch(request) {
    // The bench starts workerd with V8's --expose-gc: memory is read after a full collection.
    if (new URL(request.url).pathname === "/__gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    if (request.method === "POST" && new URL(request.url).pathname === "/broadcast") {
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
  },
};
