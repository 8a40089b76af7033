// Bench-only entry module around the app's built bundle (which is not changed):
//  - D1 round trips are counted, and of them the ones that write. Every D1 call (first/run/all/raw, batch, exec) ends in one of
//    two methods of the runtime's D1DatabaseSession class (`_send` over fetch, `_queryOrThrow`
//    over RPC); wrapping them on the shared prototype counts the calls of the Worker, the queue
//    consumer and the Durable Objects alike (one isolate in workerd). GET /__bench/d1 answers.
//  - GET /__gc runs a full garbage collection (the bench starts workerd with V8's --expose-gc),
//    so that memory is read without the garbage of the requests before.
//  - GET /__bench/watch/{roomId}[?d1=k] is a room's watch stream without the app's route in
//    front (no session check, no ownership query, no validation), after k trivial D1 queries
//    when asked: a diagnostic for where the per-subscriber memory goes.
//  - GET /__bench/d1?queries=k makes k trivial D1 queries and returns: what D1 leaves behind
//    in memory with no stream open.
import app from "./.build/index.js";
export * from "./.build/index.js";

let roundTrips = 0;
/** Round trips that write (their first statement inserts, updates or deletes; a write's batch may read too). */
let writes = 0;
/** The statements of the latest round trips (GET /__bench/d1?log=1 returns and clears them): what a turn asks D1. */
let statements = [];

/** k trivial D1 queries, one after another. */
async function trivialQueries(env, k) {
  for (let i = 0; i < k; i++) await env.DB.prepare("select ? as n").bind(i).first();
}
/** A round trip's SQL: one statement (`_queryOrThrow(sql, …)`, `_send("/query", sql, …)`) or a batch's (`_send("/query", [sql…], …)`). */
function describe(args) {
  const query = args[0] === "/query" || args[0] === "/execute" ? args[1] : args[0];
  const text = (q) => (typeof q === "string" ? q : (q?.sql ?? JSON.stringify(q)));
  return Array.isArray(query) ? `batch of ${query.length}: ${query.map(text).join(" ; ")}` : text(query);
}
let patched = false;

function patch(env) {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(env.DB.withSession());
  for (const name of ["_send", "_queryOrThrow"]) {
    const original = proto[name];
    proto[name] = function (...args) {
      roundTrips++;
      const sql = describe(args);
      if (/^(batch of \d+: )?\s*(insert|update|delete)/i.test(sql)) writes++;
      if (statements.length < 10_000) statements.push(sql);
      return original.apply(this, args);
    };
  }
}

export default {
  async fetch(request, env, ctx) {
    patch(env);
    const url = new URL(request.url);
    if (url.pathname === "/__bench/d1") {
      await trivialQueries(env, Number(url.searchParams.get("queries") ?? 0));
      if (url.searchParams.has("log")) {
        const log = statements;
        statements = [];
        return Response.json({ roundTrips, writes, statements: log });
      }
      return Response.json({ roundTrips, writes });
    }
    // workerd runs with V8's --expose-gc under the bench: memory is read after a full collection.
    if (url.pathname === "/__gc") return Response.json({ collected: typeof gc === "function" && (gc(), true) });
    const watch = /^\/__bench\/watch\/(\d+)$/.exec(url.pathname);
    if (watch) {
      await trivialQueries(env, Number(url.searchParams.get("d1") ?? 0));
      return env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`room:${watch[1]}`)).fetch("https://chat-room/watch");
    }
    return app.fetch(request, env, ctx);
  },
  queue(batch, env, ctx) {
    patch(env);
    return app.queue(batch, env, ctx);
  },
};
