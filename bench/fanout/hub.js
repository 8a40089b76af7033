// The fan-out's design space, one Durable Object behind a Worker (as the app's room): each
// subscriber is GET /sub?mode=…, and POST /broadcast sends to every subscriber of the object.
// (GET /rpc/sub: the Worker takes the object's stream over RPC instead of fetch.)
// Modes (bench/fanout.ts runs each in a workerd of its own):
//   enqueue  — a ReadableStream per subscriber, frames pushed with controller.enqueue; one
//              encoded frame shared by all (what the app's room does)
//   encode   — the same, but every subscriber's frame built and encoded for it (JSON and
//              TextEncoder per subscriber): the contrast to shared frames
//   writer   — one TransformStream writer per subscriber (writer.write, not awaited), dropped
//              when its client goes (the naive design, bench/fanout/naive.js, done right)
//   pull     — a ReadableStream with highWaterMark 0 and pull(): a frame is enqueued only
//              when the stream's reader asks for the next chunk, otherwise it waits in the
//              subscriber's own queue (which is what the drop bound counts)
//   coalesce — pull, but what waits is handed over as one chunk at the next pull: frames that
//              come while the runtime is still writing the previous chunk go out together
// In every mode a subscriber further behind than MAX_BUFFERED_BYTES (bytes it has not taken)
// is dropped, as the room does. POST /broadcast?frames=k&bytes=b&coalesce=1 sends k frames
// (each padded to b bytes) at once, as k writes or (coalesce) as one; GET /count reports
// subscribers held, dropped, and the most bytes waiting for one of them.
import { DurableObject } from "cloudflare:workers";

const encoder = new TextEncoder();
const OPENING = encoder.encode(": connected\n\n");
const HEARTBEAT = encoder.encode(": heartbeat\n\n");
const HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache", "content-encoding": "identity" };
const MAX_BUFFERED_BYTES = 1 << 20;

/** The subscribers of the object. */
class Fanout {
  subscribers = new Set();
  dropped = 0;
  seq = 0;
  heartbeat = null;

  answer(request) {
    const url = new URL(request.url);
    if (url.pathname === "/sub") return new Response(this.subscribe(url.searchParams.get("mode") ?? "enqueue"), { headers: HEADERS });
    if (url.pathname === "/broadcast") {
      const q = url.searchParams;
      this.broadcast(Number(q.get("frames") ?? 1), Number(q.get("bytes") ?? 0), q.get("coalesce") === "1");
      return Response.json({ sent: this.subscribers.size });
    }
    if (url.pathname === "/count") {
      let waiting = 0;
      for (const s of this.subscribers) waiting = Math.max(waiting, s.waiting());
      return Response.json({ held: this.subscribers.size, dropped: this.dropped, waiting });
    }
    return new Response("not found", { status: 404 });
  }

  subscribe(mode) {
    const hub = this;
    const sub = { mode, send: null, waiting: () => 0, close: null };
    const drop = () => {
      if (hub.subscribers.delete(sub) && hub.subscribers.size === 0) {
        clearInterval(hub.heartbeat);
        hub.heartbeat = null;
      }
    };
    const tooSlow = () => {
      hub.dropped++;
      drop();
      sub.close();
    };
    let stream;
    if (mode === "writer") {
      const { readable, writable } = new TransformStream(undefined, undefined, new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }));
      const writer = writable.getWriter();
      writer.closed.catch(drop);
      sub.waiting = () => -(writer.desiredSize ?? 0);
      sub.send = (bytes) => {
        if ((writer.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) return tooSlow();
        writer.write(bytes).catch(drop);
      };
      sub.close = () => writer.abort(new Error("dropped")).catch(() => {});
      sub.send(OPENING);
      stream = readable;
    } else if (mode === "pull" || mode === "coalesce") {
      const queue = [];
      let queued = 0;
      let controller;
      // With highWaterMark 0 the stream calls pull() only when its reader (the runtime, writing
      // to the socket) asks for the next chunk: `wanted` says one read is waiting.
      let wanted = false;
      const flush = () => {
        if (!wanted || !queue.length) return;
        wanted = false;
        const bytes = mode === "coalesce" && queue.length > 1 ? concat(queue.splice(0)) : queue.shift();
        queued -= bytes.byteLength;
        controller.enqueue(bytes);
      };
      stream = new ReadableStream(
        {
          start: (c) => {
            controller = c;
          },
          pull: () => {
            wanted = true;
            flush();
          },
          cancel: drop,
        },
        { highWaterMark: 0 },
      );
      sub.waiting = () => queued;
      sub.send = (bytes) => {
        if (queued > MAX_BUFFERED_BYTES) return tooSlow();
        queue.push(bytes);
        queued += bytes.byteLength;
        flush();
      };
      sub.close = () => controller.error(new Error("dropped"));
      sub.send(OPENING);
    } else {
      let controller;
      stream = new ReadableStream(
        {
          start: (c) => {
            controller = c;
            c.enqueue(OPENING);
          },
          cancel: drop,
        },
        new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
      );
      sub.waiting = () => -(controller.desiredSize ?? 0);
      sub.send = (bytes) => {
        if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) return tooSlow();
        try {
          controller.enqueue(bytes);
        } catch {
          drop();
        }
      };
      sub.close = () => controller.error(new Error("dropped"));
    }
    this.subscribers.add(sub);
    this.heartbeat ??= setInterval(() => {
      for (const s of this.subscribers) s.send(HEARTBEAT);
    }, 15_000);
    return stream;
  }

  /** `frames` frames to everyone: encoded once (or per subscriber in mode `encode`), written one by one or as one chunk. */
  broadcast(frames, bytes, coalesce) {
    const at = Date.now();
    const pad = bytes > 0 ? "x".repeat(bytes) : "";
    const text = (k) => `id: ${++this.seq}\nevent: ${k === frames - 1 ? "message" : "part"}\ndata: ${JSON.stringify({ status: "success", message: "", data: { type: "message", k, at, pad } })}\n\n`;
    let shared = null;
    for (const s of this.subscribers) {
      if (s.mode === "encode") {
        // Built for this subscriber: what a fan-out that formats per connection pays.
        const parts = Array.from({ length: frames }, (_, k) => encoder.encode(text(k)));
        if (coalesce) s.send(concat(parts));
        else for (const p of parts) s.send(p);
        continue;
      }
      shared ??= Array.from({ length: frames }, (_, k) => encoder.encode(text(k)));
      if (coalesce) {
        shared = shared.length > 1 ? [concat(shared)] : shared;
        s.send(shared[0]);
      } else for (const p of shared) s.send(p);
    }
  }
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export class Hub extends DurableObject {
  fanout = new Fanout();

  fetch(request) {
    return this.fanout.answer(request);
  }

  /** The same stream over RPC: the Worker asks for it (GET /rpc/sub) and answers with it. */
  subscribeStream(mode) {
    return this.fanout.subscribe(mode);
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    // The bench starts workerd with V8's --expose-gc: memory is read after a full collection.
    if (url.pathname === "/__gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    const hub = env.HUB.get(env.HUB.idFromName("hub"));
    if (url.pathname === "/rpc/sub") return new Response(await hub.subscribeStream(url.searchParams.get("mode") ?? "enqueue"), { headers: HEADERS });
    return hub.fetch(request);
  },
};
