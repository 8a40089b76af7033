// /api/auth: Kakao OAuth (start + the seed's callback), the dev login, the signed-in user
// (the seed's /me), profile facts for the stylists, and logout.
import { createRoute, z } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { dropCookie, SESSION_COOKIE } from "../auth/cookies";
import { authorizeUrl, exchangeCode, fetchProfile, KakaoError } from "../auth/kakao";
import { consumeState, issueState } from "../auth/oauth-state";
import { currentSession, requireUser, startSession } from "../auth/session";
import { publicUser, revokeSession, upsertUser, userChanged } from "../auth/users";
import { config, jwtKey } from "../config";
import { db } from "../db/client";
import { BODY_SHAPES, GENDERS, SKIN_TONES, users } from "../db/schema";
import { ok } from "../http/envelope";
import { AppError } from "../http/errors";
import { router, type AppEnv } from "../http/hono";
import { log } from "../http/logger";
import { record } from "../metrics/record";
import { checkLimit, limitRefusal } from "../http/rate-limit";
import { cookieAuth, envelope, errors } from "../http/openapi";

const auth = router();

const User = z
  .object({
    userId: z.number().int(),
    nickname: z.string(),
    profileImage: z.string().nullable(),
    provider: z.enum(["kakao", "dev"]),
    profile: z.object({
      heightCm: z.number().int().nullable(),
      bodyShape: z.enum(BODY_SHAPES).nullable(),
      skinTone: z.enum(SKIN_TONES).nullable(),
      gender: z.enum(GENDERS).nullable(),
      preferredStyles: z.array(z.string()),
    }),
  })
  .openapi("User");

export type User = z.infer<typeof User>;

// ---------------------------------------------------------------------------- config

auth.openapi(
  createRoute({
    method: "get",
    path: "/config",
    tags: ["Auth"],
    summary: "Which sign-in methods this deployment offers",
    responses: { 200: envelope(z.object({ kakao: z.boolean(), devLogin: z.boolean() }).openapi("AuthConfig")) },
  }),
  (c) => {
    const cfg = config(c.env);
    return ok(c, { kakao: Boolean(cfg.kakao), devLogin: cfg.devLogin });
  },
);

// ---------------------------------------------------------------------------- Kakao

/** Where Kakao sends the user back: configured, or this origin's callback route. */
function redirectUri(c: Context<AppEnv>): string {
  return config(c.env).kakao?.redirectUri ?? new URL("/api/auth/kakao/callback", c.req.url).toString();
}

/** Login problems end on the SPA's login page with a reason it explains, never as JSON. */
function backToLogin(c: Context<AppEnv>, reason: string) {
  record(c.env, { kind: "auth", action: "login", provider: "kakao", outcome: reason });
  return c.redirect(`/login?error=${encodeURIComponent(reason)}`, 302);
}

auth.openapi(
  createRoute({
    method: "get",
    path: "/kakao/login",
    tags: ["Auth"],
    summary: "Start Kakao login (redirects to Kakao with a signed, cookie-bound state)",
    request: { query: z.object({ return_to: z.string().max(512).optional() }) },
    responses: { 302: { description: "Redirect to Kakao" } },
  }),
  async (c) => {
    const kakao = config(c.env).kakao;
    if (!kakao) return backToLogin(c, "config");
    if (await limitRefusal(c, "login")) return backToLogin(c, "rate_limited"); // a navigation: no JSON
    const state = await issueState(c, jwtKey(config(c.env)), c.req.valid("query").return_to ?? "/");
    return c.redirect(authorizeUrl(kakao, redirectUri(c), state), 302);
  },
);

auth.openapi(
  createRoute({
    method: "get",
    path: "/kakao/callback",
    tags: ["Auth"],
    summary: "Kakao login callback (the seed's path): checks state, signs the user in",
    request: {
      query: z.object({
        code: z.string().max(2048).optional(),
        state: z.string().max(256).optional(),
        error: z.string().max(256).optional(),
        error_description: z.string().max(1024).optional(),
      }),
    },
    responses: { 302: { description: "Redirect into the app, or to /login?error=… on failure" } },
  }),
  async (c) => {
    const cfg = config(c.env);
    if (!cfg.kakao) return backToLogin(c, "config");
    if (await limitRefusal(c, "login")) return backToLogin(c, "rate_limited"); // a navigation: no JSON
    const q = c.req.valid("query");
    const returnTo = await consumeState(c, jwtKey(cfg), q.state);
    if (returnTo === null) return backToLogin(c, "state_mismatch");
    if (q.error) return backToLogin(c, q.error === "access_denied" ? "kakao_denied" : "kakao_failed");
    if (!q.code) return backToLogin(c, "kakao_failed");
    try {
      const token = await exchangeCode(cfg.kakao, redirectUri(c), q.code);
      const profile = await fetchProfile(cfg.kakao, token);
      const user = await upsertUser(db(c.env), {
        provider: "kakao",
        providerUserId: profile.id,
        nickname: profile.nickname,
        profileImageUrl: profile.profileImageUrl,
      });
      await startSession(c, user);
      record(c.env, { kind: "auth", action: "login", provider: "kakao", outcome: "ok" });
      return c.redirect(returnTo, 302);
    } catch (err) {
      if (!(err instanceof KakaoError)) throw err;
      log(c, "warn", "kakao login failed", { error: err.message, kakaoCode: err.kakaoCode });
      return backToLogin(c, "kakao_failed");
    }
  },
);

// ---------------------------------------------------------------------------- dev login

auth.openapi(
  createRoute({
    method: "post",
    path: "/dev-login",
    tags: ["Auth"],
    summary: "Sign in by nickname (local development only; DEV_LOGIN=true, never in production)",
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: z.object({ nickname: z.string().trim().min(1).max(30) }) } },
      },
    },
    responses: { 200: envelope(User), 400: errors[400], 403: errors[403], 429: errors[429] },
  }),
  async (c) => {
    if (!config(c.env).devLogin) throw new AppError(403, "Dev login is disabled on this server", "dev_login_disabled");
    await checkLimit(c, "login");
    const { nickname } = c.req.valid("json");
    const user = await upsertUser(db(c.env), {
      provider: "dev",
      providerUserId: nickname.toLowerCase(),
      nickname,
      profileImageUrl: null,
    });
    await startSession(c, user);
    record(c.env, { kind: "auth", action: "login", provider: "dev", outcome: "ok" });
    return ok(c, publicUser(user), "로그인되었습니다.");
  },
);

// ---------------------------------------------------------------------------- me, profile, logout

auth.use("/me", requireUser);
auth.use("/me/*", requireUser);

auth.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["Auth"],
    summary: "The signed-in user (seed shape: userId, nickname; plus profile image and facts)",
    security: cookieAuth,
    responses: { 200: envelope(User), 401: errors[401] },
  }),
  (c) => ok(c, publicUser(c.get("user"))),
);

const ProfilePatch = z
  .object({
    heightCm: z.number().int().min(100).max(230).nullable(),
    bodyShape: z.enum(BODY_SHAPES).nullable(),
    skinTone: z.enum(SKIN_TONES).nullable(),
    gender: z.enum(GENDERS).nullable(),
    preferredStyles: z.array(z.string().trim().min(1).max(20)).max(12),
  })
  .partial()
  .strict()
  .openapi("ProfilePatch");

auth.openapi(
  createRoute({
    method: "patch",
    path: "/me/profile",
    tags: ["Auth"],
    summary: "Update the profile facts the stylists use (null clears a field)",
    security: cookieAuth,
    request: { body: { required: true, content: { "application/json": { schema: ProfilePatch } } } },
    responses: { 200: envelope(User), 400: errors[400], 401: errors[401] },
  }),
  async (c) => {
    const patch = c.req.valid("json");
    if (patch.preferredStyles) patch.preferredStyles = [...new Set(patch.preferredStyles)];
    const [row] = await db(c.env)
      .update(users)
      .set({ ...patch, updatedAt: sql`(unixepoch('subsec') * 1000)` })
      .where(eq(users.id, c.get("user").id))
      .returning();
    if (!row) throw new AppError(404, "User not found");
    userChanged(row);
    return ok(c, publicUser(row), "프로필이 저장되었습니다.");
  },
);

auth.openapi(
  createRoute({
    method: "post",
    path: "/logout",
    tags: ["Auth"],
    summary: "Sign out: revokes this session and clears the cookie (idempotent)",
    security: cookieAuth,
    responses: { 200: envelope(z.null()) },
  }),
  async (c) => {
    const session = await currentSession(c);
    if (session) await revokeSession(db(c.env), session.sessionId);
    dropCookie(c, SESSION_COOKIE);
    if (session) record(c.env, { kind: "auth", action: "logout", provider: session.user.provider, outcome: "ok" });
    return ok(c, null, "로그아웃되었습니다.");
  },
);

export default auth;
