// One JSON log line per request (Workers Logs indexes JSON fields): method, path, status,
// duration, the signed-in user when there is one, and the request's id. The id is Cloudflare's
// `cf-ray` when there is one (so a line finds its trace in the dashboard), else a fresh UUID;
// it is in the context as `c.var.requestId`, answered as `x-request-id`, and every line
// written for the request (`log` below) carries it. The duration also goes out as a
// Server-Timing header. Query strings are left out: OAuth codes and image URLs travel there.
import type { Context, MiddlewareHandler } from "hono";
import { editHeaders } from "./headers";
import type { AppEnv } from "./hono";

export const REQUEST_ID_HEADER = "x-request-id";

export type Level = "info" | "warn" | "error";

/** The console method Workers Logs files each level under. */
const METHOD = { info: "log", warn: "warn", error: "error" } as const;

/** A JSON line for the request being handled, with its id. */
export function log(c: Context<AppEnv>, level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  console[METHOD[level]](JSON.stringify({ level, msg, requestId: c.get("requestId"), ...fields }));
}

export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = Date.now();
  const requestId = c.req.header("cf-ray") || crypto.randomUUID();
  c.set("requestId", requestId);
  await next();
  // Time inside the Worker (Workers clocks advance across I/O, which is what this measures).
  // Whole milliseconds: `performance.now()` in Workers is as coarse as `Date.now()` (and
  // stands as still between I/O), so no finer figure is to be had here; benchmarks average.
  const timing = `app;dur=${Date.now() - started}`;
  editHeaders(c, (headers) => {
    headers.append("server-timing", timing);
    headers.set(REQUEST_ID_HEADER, requestId);
  });
  const user = c.get("user") as AppEnv["Variables"]["user"] | undefined;
  log(c, c.res.status >= 500 ? "error" : "info", "request", {
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Date.now() - started,
    user: user?.id,
  });
};
