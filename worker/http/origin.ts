// CSRF defence: a state-changing request (anything but GET/HEAD/OPTIONS) must come from our
// own origin. Browsers always send `Origin` on cross-origin POSTs, and `Sec-Fetch-Site` on
// all requests; a request with neither (curl, server-to-server) carries no ambient cookie
// risk from a browser and is let through to the normal auth checks.
import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Refuses a request whose `Origin` is not ours or, with no `Origin`, whose `Sec-Fetch-Site` is one of `foreign`. */
function refuseForeign(origin: string | undefined, own: string, site: string | undefined, foreign: readonly string[]): void {
  if (origin !== undefined ? origin !== own : site !== undefined && foreign.includes(site)) {
    throw new AppError(403, "Cross-origin request refused", "cross_origin");
  }
}

/**
 * For the seed's GET routes that change state (a streamed chat turn is a GET with the
 * message in its query): refuses a request another site's page started, whatever its
 * method, by `Origin` or `Sec-Fetch-Site`. A top-level navigation from elsewhere would
 * otherwise carry the SameSite=Lax cookie.
 */
export const sameOriginAlways: MiddlewareHandler = async (c, next) => {
  refuseForeign(c.req.header("origin"), new URL(c.req.url).origin, c.req.header("sec-fetch-site"), ["cross-site", "same-site"]);
  await next();
};

export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (!SAFE.has(c.req.method)) refuseForeign(c.req.header("origin"), new URL(c.req.url).origin, c.req.header("sec-fetch-site"), ["cross-site"]);
  await next();
};
