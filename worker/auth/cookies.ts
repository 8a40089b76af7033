// Cookie attributes in one place: HttpOnly always, SameSite=Lax (sent on the top-level
// navigation back from Kakao, not on cross-site subrequests), Secure everywhere except
// plain-http localhost where browsers would drop a Secure cookie.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export const SESSION_COOKIE = "debut_session";
export const OAUTH_STATE_COOKIE = "debut_oauth_state";

function isLocalHttp(c: Context): boolean {
  const url = new URL(c.req.url);
  return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]");
}

export function putCookie(c: Context, name: string, value: string, maxAgeSeconds: number, path = "/"): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: "Lax",
    secure: !isLocalHttp(c),
    path,
    maxAge: maxAgeSeconds,
  });
}

export function dropCookie(c: Context, name: string, path = "/"): void {
  deleteCookie(c, name, { path, secure: !isLocalHttp(c), httpOnly: true, sameSite: "Lax" });
}

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name);
}
