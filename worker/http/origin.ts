// CSRF defence: a state-changing request (anything but GET/HEAD/OPTIONS) must come from our
// own origin. Browsers always send `Origin` on cross-origin POSTs, and `Sec-Fetch-Site` on
// all requests; a request with neither (curl, server-to-server) carries no ambient cookie
// risk from a browser and is let through to the normal auth checks.
import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const origin = c.req.header("origin");
    const own = new URL(c.req.url).origin;
    if (origin !== undefined) {
      if (origin !== own) throw new AppError(403, "Cross-origin request refused", "cross_origin");
    } else if (c.req.header("sec-fetch-site") === "cross-site") {
      throw new AppError(403, "Cross-origin request refused", "cross_origin");
    }
  }
  await next();
};
