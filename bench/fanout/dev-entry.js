// The app under `wrangler dev` for bench/fanout.ts: worker/index.ts unchanged, plus
// GET /api/__bench/gc, a full garbage collection in the app's workerd (started with V8's
// --expose-gc) so that its memory is read as bench/fanout.ts reads the app's alone. Under /api/
// so that the static assets (run_worker_first = ["/api/*"]) do not answer it.
import app from "../../worker/index.ts";
export * from "../../worker/index.ts";

export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === "/api/__bench/gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    return app.fetch(request, env, ctx);
  },
  queue(batch, env, ctx) {
    return app.queue(batch, env, ctx);
  },
};
