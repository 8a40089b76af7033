// The naive baseline (BENCHMARKS.md, STACK.md "A first SSE measurement"): a Durable Object
// that keeps one TransformStream writer per subscriber and writes every event to every
// writer, without waiting and without ever dropping a writer. The Worker in front routes
// GET /sub (subscribe) and POST /broadcast to the one object, as the app routes to a room.
import { DurableObject } from "cloudflare:workers";

const encoder = new TextEncoder();
const HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache", "content-encoding": "identity" };

export class Hub extends DurableObject {
  writers = [];
  heartbeat = null;

  fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/sub") {
      const { readable, writable } = new TransformStream();
      const writer = writable.getWriter();
      writer.write(encoder.encode(": connected\n\n")).catch(() => {});
      this.writers.push(writer);
      this.heartbeat ??= setInterval(() => this.send(encoder.encode(": heartbeat\n\n")), 15_000);
      return new Response(readable, { headers: HEADERS });
    }
    if (path === "/broadcast") {
      this.send(encoder.encode(`event: message\ndata: ${JSON.stringify({ at: Date.now() })}\n\n`));
      return Response.json({ sent: this.writers.length });
    }
    if (path === "/count") return Response.json({ writers: this.writers.length });
    return new Response("not found", { status: 404 });
  }

  send(bytes) {
    for (const writer of this.writers) writer.write(bytes).catch(() => {});
  }
}

export default {
  fetch(request, env) {
    // The bench starts workerd with V8's --expose-gc: memory is read after a full collection
    // (the object shares this isolate locally).
    if (new URL(request.url).pathname === "/__gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    return env.HUB.get(env.HUB.idFromName("hub")).fetch(request);
  },
};
