// Changing the headers of the response a handler made. A response from fetch() or the cache
// (the image proxy's, the SPA's assets) has immutable headers: it is copied first.
import type { Context } from "hono";

export function editHeaders(c: Context, edit: (headers: Headers) => void): void {
  try {
    edit(c.res.headers);
  } catch {
    c.res = new Response(c.res.body, c.res);
    edit(c.res.headers);
  }
}
