// Who is calling: the session cookie (or an `Authorization: Bearer` token for non-browser
// clients) → a verified JWT → a live session row → the user. `requireUser` guards every
// route that touches a user's data; `startSession` signs a user in.
import type { Context, MiddlewareHandler } from "hono";
import { config, jwtKey } from "../config";
import { db } from "../db/client";
import { unauthorized } from "../http/errors";
import type { AppEnv } from "../http/hono";
import { readCookie, putCookie, SESSION_COOKIE } from "./cookies";
import { sign, SESSION_TTL_SECONDS, verify } from "./jwt";
import { openSession, sessionUser, type UserRow } from "./users";

export type SessionUser = UserRow;

function tokenOf(c: Context): string | undefined {
  const auth = c.req.header("authorization");
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
  return readCookie(c, SESSION_COOKIE);
}

/** The caller's live session, or null (no token, a bad token, or a revoked/expired session). */
export async function currentSession(c: Context<AppEnv>): Promise<{ user: SessionUser; sessionId: string } | null> {
  const token = tokenOf(c);
  if (!token) return null;
  const claims = await verify(jwtKey(config(c.env)), "session", token);
  const userId = Number(claims?.sub);
  if (!claims?.jti || !Number.isSafeInteger(userId)) return null;
  const user = await sessionUser(db(c.env), claims.jti, userId);
  return user ? { user, sessionId: claims.jti } : null;
}

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = await currentSession(c);
  if (!session) throw unauthorized();
  c.set("user", session.user);
  c.set("sessionId", session.sessionId);
  await next();
};

/** Opens a session row and sets the cookie; returns the token for Bearer clients. */
export async function startSession(c: Context<AppEnv>, user: UserRow): Promise<string> {
  const key = jwtKey(config(c.env));
  const session = await openSession(db(c.env), user.id);
  const token = await sign(key, "session", { sub: String(user.id), jti: session.id }, SESSION_TTL_SECONDS);
  putCookie(c, SESSION_COOKIE, token, SESSION_TTL_SECONDS);
  return token;
}
