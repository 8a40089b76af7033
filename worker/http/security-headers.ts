// Security headers on everything the Worker answers under /api/* (the SPA's static assets get
// theirs from public/_headers). An API answer is data, never a page: its CSP forbids all
// content and sandboxes it, so even an uploaded file that is also valid HTML (a polyglot)
// cannot run script if opened directly. The API docs page is the one HTML page here: it
// loads Swagger UI from jsDelivr with an inline bootstrap script (@hono/swagger-ui).
import type { MiddlewareHandler } from "hono";
import { editHeaders } from "./headers";

const COMMON: Record<string, string> = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
};

const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
const DOCS_CSP =
  "default-src 'none'; script-src https://cdn.jsdelivr.net 'unsafe-inline'; style-src https://cdn.jsdelivr.net 'unsafe-inline'; img-src 'self' data: https://cdn.jsdelivr.net; connect-src 'self'; frame-ancestors 'none'";

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status === 101) return; // a WebSocket handshake: nothing to render
  const headers = { ...COMMON, "content-security-policy": c.req.path === "/api/docs" ? DOCS_CSP : API_CSP };
  editHeaders(c, (h) => {
    for (const [name, value] of Object.entries(headers)) h.set(name, value);
  });
};
