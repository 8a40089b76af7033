// The OAuth `state`: a random nonce sent to Kakao, and the same nonce (plus where to go
// after sign-in) in a short-lived signed cookie scoped to the Kakao routes. The callback
// accepts only a state equal to the cookie's, and clears the cookie, so a forged or
// replayed callback URL is refused.
import type { Context } from "hono";
import { dropCookie, OAUTH_STATE_COOKIE, putCookie, readCookie } from "./cookies";
import { sign, verify } from "./jwt";

const TTL_SECONDS = 10 * 60;
const PATH = "/api/auth/kakao";

/** Only same-site paths: "/style?x=1" yes; "//evil.com", "/\\evil.com", "https://…" no. */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  try {
    const url = new URL(value, "https://debut.invalid");
    if (url.origin !== "https://debut.invalid") return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}

export async function issueState(c: Context, key: Uint8Array, returnTo: string): Promise<string> {
  const nonce = crypto.randomUUID();
  const token = await sign(key, "oauth_state", { nonce, rt: safeReturnTo(returnTo) }, TTL_SECONDS);
  putCookie(c, OAUTH_STATE_COOKIE, token, TTL_SECONDS, PATH);
  return nonce;
}

/** The return-to path when `state` matches the cookie; null otherwise. Always clears the cookie. */
export async function consumeState(c: Context, key: Uint8Array, state: string | undefined): Promise<string | null> {
  const token = readCookie(c, OAUTH_STATE_COOKIE);
  dropCookie(c, OAUTH_STATE_COOKIE, PATH);
  if (!token || !state) return null;
  const claims = await verify(key, "oauth_state", token);
  if (!claims || claims.nonce !== state) return null;
  return safeReturnTo(typeof claims.rt === "string" ? claims.rt : "/");
}
