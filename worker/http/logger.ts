// One JSON log line per request (Workers Logs indexes JSON fields): method, path, status,
// duration and the signed-in user when there is one. Query strings are left out: OAuth codes
// and image URLs travel there.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./hono";

export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = Date.now();
  await next();
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
