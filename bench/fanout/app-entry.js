// The fan-out bench's entry module around the app's built bundle (bench/.build, unchanged):
//  - GET /__gc runs a full garbage collection (the bench starts workerd with V8's --expose-gc);
//  - GET /__bench/watch/{roomId} is a room's watch stream without the app's route in front (no
//    session, no ownership check): what the room's stream costs on its own;
//  - GET /__bench/count/{roomId} answers the room's subscriberCount();
//  - POST /__bench/notify/{roomId} sends one `fitting` event to the room's watchers (the room's
//    notify()): the room's fan-out alone, without a turn's work around it;
//  - the `Edge` entrypoint's watch(path, headers) runs the app's own route for a watch request
//    and hands its stream back over RPC: a separate "edge" workerd (bench/fanout.ts) holds the
//    clients' sockets and calls it over one Cap'n Proto connection, as Cloudflare's edge calls
//    a Worker, so the app's workerd holds the subscribers without a socket each.
import { WorkerEntrypoint } from "cloudflare:workers";
import app from "../.build/index.js";
export * from "../.build/index.js";

export class Edge extends WorkerEntrypoint {
  async watch(path, headers) {
    const res = await app.fetch(new Request(`http://app${path}`, { headers }), this.env, this.ctx);
    if (res.status !== 200 || !res.body) throw new Error(`GET ${path}: ${res.status}`);
    return res.body;
  }
}

export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    // Also under /api/__bench/… (/api/__bench/gc for /__gc), which the static assets' router
    // sends to the Worker first (run_worker_first) when the assets are served.
    if (url.pathname.startsWith("/api/__bench/")) url.pathname = url.pathname === "/api/__bench/gc" ? "/__gc" : url.pathname.slice(4);
    if (url.pathname === "/__gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    const watch = /^\/__bench\/watch\/(\d+)$/.exec(url.pathname);
    if (watch) return env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`room:${watch[1]}`)).fetch("https://chat-room/watch");
    const count = /^\/__bench\/count\/(\d+)$/.exec(url.pathname);
    if (count) return env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`room:${count[1]}`)).subscriberCount().then((held) => Response.json({ held }));
    const notify = /^\/__bench\/notify\/(\d+)$/.exec(url.pathname);
    if (notify && request.method === "POST") {
      return env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`room:${notify[1]}`))
        .notify("fitting", { bench: true })
        .then(() => Response.json({ sent: true }));
    }
    return app.fetch(request, env, ctx);
  },
  queue(batch, env, ctx) {
    return app.queue(batch, env, ctx);
  },
};
