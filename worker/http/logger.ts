// One JSON log line per request (Workers Logs indexes JSON fields): method, path, status,
// duration and the signed-in user when there is one; the duration also goes out as a
// Server-Timing header. Query strings are left out: OAuth codes and image URLs travel there.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./hono";

export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = Date.now();
  await next();
  // Time inside the Worker (Workers clocks advance across I/O, which is what this measures).
  const timing = `app;dur=${Date.now() - started}`;
  try {
    c.res.headers.append("server-timing", timing);
  } catch {
    // Responses from fetch() or the cache have immutable headers: copy, then annotate.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.append("server-timing", timing);
  }
  const user = c.get("user") as AppEnv["Variables"]["user"] | undefined;
  console.log(
    JSON.stringify({
      level: c.res.status >= 500 ? "error" : "info",
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      user: user?.id,
      ray: c.req.header("cf-ray"),
    }),
  );
};
