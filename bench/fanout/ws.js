// Hibernatable WebSockets as the fan-out's transport: a Durable Object accepts every socket
// with ctx.acceptWebSocket (the runtime holds it; the object may be evicted while all are
// idle and is woken by the next event), and POST /broadcast sends one shared string to each
// of ctx.getWebSockets(). The Worker in front routes GET /ws (an upgrade) and POST /broadcast
// to the one object, as the app routes to a room (?bytes= pads the message). No heartbeat: the runtime answers the
// protocol's pings itself, and a closed socket is reported by webSocketClose.
import { DurableObject } from "cloudflare:workers";

export class Sockets extends DurableObject {
  seq = 0;

  fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/ws") {
      if (request.headers.get("upgrade") !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
      const { 0: client, 1: server } = new WebSocketPair();
      this.ctx.acceptWebSocket(server);
      return new Response(null, { status: 101, webSocket: client });
    }
    if (path === "/broadcast") {
      const bytes = Number(new URL(request.url).searchParams.get("bytes") ?? 0);
      const message = JSON.stringify({ status: "success", message: "", data: { type: "message", id: ++this.seq, at: Date.now(), pad: "x".repeat(bytes) } });
      const sockets = this.ctx.getWebSockets();
      for (const ws of sockets) {
        try {
          ws.send(message);
        } catch {
          // Closing already; webSocketClose follows.
        }
      }
      return Response.json({ sent: sockets.length });
    }
    if (path === "/count") return Response.json({ held: this.ctx.getWebSockets().length });
    return new Response("not found", { status: 404 });
  }

  webSocketMessage() {}

  webSocketClose(ws, code, reason) {
    try {
      ws.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  webSocketError() {}
}

export default {
  fetch(request, env) {
    // The bench starts workerd with V8's --expose-gc: memory is read after a full collection.
    if (new URL(request.url).pathname === "/__gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    return env.SOCKETS.get(env.SOCKETS.idFromName("sockets")).fetch(request);
  },
};
