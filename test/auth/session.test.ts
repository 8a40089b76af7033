// Sessions: the cookie, what /me answers, and every way a forged or stale token is refused.
import { env } from "cloudflare:workers";
import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { Browser } from "../client";

const key = () => new TextEncoder().encode(env.JWT_SECRET as string);

function session(claims: Record<string, unknown>, audience = "debut:session") {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer("debut").setAudience(audience).setIssuedAt();
}

async function loggedIn(nickname: string) {
  const browser = new Browser();
  const user = await browser.devLogin(nickname);
  const token = browser.cookies.get("debut_session")!;
  const jti = JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))).jti as string;
  return { browser, user, token, jti };
}

async function meWith(token: string) {
  return new Browser().fetch("/api/auth/me", { headers: { cookie: `debut_session=${token}` } });
}

describe("the dev login and the session cookie", () => {
  it("sets an HttpOnly, SameSite=Lax, 7-day cookie (not Secure on http://localhost)", async () => {
    const res = await new Browser().fetch("/api/auth/dev-login", {
      method: "POST",
      body: JSON.stringify({ nickname: "Cookie" }),
      headers: { "content-type": "application/json" },
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("debut_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=604800/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("marks the cookie Secure on https", async () => {
    const res = await new Browser().fetch("https://debut.example/api/auth/dev-login", {
      method: "POST",
      body: JSON.stringify({ nickname: "Secure" }),
      headers: { "content-type": "application/json", origin: "https://debut.example" },
    });
    expect(res.headers.getSetCookie().find((c) => c.startsWith("debut_session="))).toMatch(/Secure/);
  });

  it("answers /me in the seed's shape for the cookie alone, and for a Bearer token", async () => {
    const { browser, user, token } = await loggedIn("Seed Shape");
    const { res, body } = await browser.json("/api/auth/me");
    expect(res.status).toBe(200);
    expect(body.data).toEqual({
      userId: user.userId,
      nickname: "Seed Shape",
      profileImage: null,
      provider: "dev",
      profile: { heightCm: null, bodyShape: null, skinTone: null, gender: null, preferredStyles: [] },
    });
    const bearer = await new Browser().fetch("/api/auth/me", { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
  });

  it("gives the same account to the same nickname", async () => {
    const a = await loggedIn("Same Person");
    const b = await loggedIn("same person");
    expect(b.user.userId).toBe(a.user.userId);
  });

  it("answers 401 in the envelope without a session", async () => {
    const { res, body } = await new Browser().json("/api/auth/me");
    expect(res.status).toBe(401);
    expect(body).toMatchObject({ status: "fail", data: null, code: "unauthorized" });
  });

  it("refuses a tampered token", async () => {
    const { token } = await loggedIn("Tamper");
    const [h, p, s] = token.split(".");
    const payload = JSON.parse(atob(p!.replace(/-/g, "+").replace(/_/g, "/")));
    payload.sub = String(Number(payload.sub) + 1);
    const forged = `${h}.${btoa(JSON.stringify(payload)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.${s}`;
    expect((await meWith(forged)).status).toBe(401);
  });

  it("refuses an expired token even with a live session row", async () => {
    const { user, jti } = await loggedIn("Expired");
    const token = await session({ sub: String(user.userId), jti }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key());
    expect((await meWith(token)).status).toBe(401);
  });

  it("refuses alg:none, a wrong key, a wrong issuer and a token minted for another purpose", async () => {
    const { user, jti } = await loggedIn("Forger");
    const claims = { sub: String(user.userId), jti };
    const none = new UnsecuredJWT(claims).setIssuer("debut").setAudience("debut:session").setExpirationTime("1h").encode();
    const wrongKey = await session(claims).setExpirationTime("1h").sign(new TextEncoder().encode("another-secret-that-is-32-bytes-long!!"));
    const wrongIssuer = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer("someone-else").setAudience("debut:session").setExpirationTime("1h").sign(key());
    const stateToken = await session(claims, "debut:oauth_state").setExpirationTime("1h").sign(key());
    const good = await session(claims).setExpirationTime("1h").sign(key());
    for (const token of [none, wrongKey, wrongIssuer, stateToken]) expect((await meWith(token)).status).toBe(401);
    expect((await meWith(good)).status).toBe(200); // the same claims, correctly signed, pass
  });

  it("logs out: revokes the session and clears the cookie", async () => {
    const { browser, token } = await loggedIn("Leaver");
    const { res } = await browser.json("/api/auth/logout", { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/debut_session=;.*Max-Age=0/);
    expect(browser.cookies.has("debut_session")).toBe(false);
    expect((await meWith(token)).status).toBe(401); // a copy of the old cookie is dead too
    expect((await browser.json("/api/auth/logout", { method: "POST" })).res.status).toBe(200); // idempotent
  });
});

describe("configuration guards", () => {
  it("refuses the dev login when it is disabled", async () => {
    const { res, body } = await new Browser({ DEV_LOGIN: "false" }).json("/api/auth/dev-login", { method: "POST", body: { nickname: "x" } });
    expect(res.status).toBe(403);
    expect(body.code).toBe("dev_login_disabled");
    const { body: cfg } = await new Browser({ DEV_LOGIN: "false" }).json<{ devLogin: boolean }>("/api/auth/config");
    expect(cfg.data.devLogin).toBe(false);
  });

  it("never enables the dev login in production, whatever DEV_LOGIN says", async () => {
    const { res } = await new Browser({ APP_ENV: "production", DEV_LOGIN: "true" }).json("/api/auth/dev-login", {
      method: "POST",
      body: { nickname: "x" },
    });
    expect(res.status).toBe(403);
  });

  it("says clearly when JWT_SECRET is missing or too short, and signs nobody in", async () => {
    for (const secret of ["", "short-secret"]) {
      const browser = new Browser({ JWT_SECRET: secret });
      const { res, body } = await browser.json("/api/auth/dev-login", { method: "POST", body: { nickname: "x" } });
      expect(res.status).toBe(500);
      expect(body.code).toBe("config");
      expect(body.message).toContain("JWT_SECRET");
      expect(browser.cookies.has("debut_session")).toBe(false);
    }
  });
});

describe("cross-origin requests", () => {
  it("refuses a state-changing request from another origin", async () => {
    const { browser } = await loggedIn("Victim");
    const { res, body } = await browser.json("/api/auth/logout", { method: "POST", headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(body.code).toBe("cross_origin");
    expect((await browser.fetch("/api/auth/me")).status).toBe(200); // still signed in
  });

  it("refuses a cross-site request that hides its Origin", async () => {
    const { res } = await new Browser().json("/api/auth/dev-login", {
      method: "POST",
      body: { nickname: "x" },
      headers: { origin: "", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(403);
  });

  it("refuses a chat turn (a GET, by the seed's design) that another site's page navigated to", async () => {
    const { browser } = await loggedIn("Navigated");
    const before = await env.DB.prepare("select count(*) as n from chat_messages").first<number>("n");
    const foreign: Record<string, string>[] = [{ "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" }, { origin: "https://evil.example" }, { "sec-fetch-site": "same-site" }];
    for (const headers of foreign) {
      const res = await browser.fetch(`/api/chat/rooms/messages/stream?user_input=${encodeURIComponent("탈퇴할게요")}`, { headers });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe("cross_origin");
    }
    expect(await env.DB.prepare("select count(*) as n from chat_messages").first<number>("n")).toBe(before);
    // Our own page's EventSource (same-origin) and a typed-in address (none) are served.
    const own = await browser.fetch(`/api/chat/rooms/messages/stream?user_input=${encodeURIComponent("출근룩")}`, { headers: { "sec-fetch-site": "same-origin" } });
    expect(own.status).toBe(200);
    await own.body?.cancel();
  });

  it("lets same-origin requests through", async () => {
    const { res } = await new Browser().json("/api/auth/dev-login", {
      method: "POST",
      body: { nickname: "Neighbour" },
      headers: { origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(200);
  });
});

describe("profile facts for the stylists", () => {
  it("saves, returns and clears them", async () => {
    const { browser } = await loggedIn("Profile");
    const patch = { heightCm: 168, bodyShape: "hourglass", skinTone: "warm", gender: "women", preferredStyles: ["미니멀", "모던", "미니멀"] };
    const { res, body } = await browser.json<{ profile: Record<string, unknown> }>("/api/auth/me/profile", { method: "PATCH", body: patch });
    expect(res.status).toBe(200);
    expect(body.data.profile).toEqual({ ...patch, preferredStyles: ["미니멀", "모던"] });

    await browser.json("/api/auth/me/profile", { method: "PATCH", body: { skinTone: null } });
    const { body: again } = await browser.json<{ profile: Record<string, unknown> }>("/api/auth/me");
    expect(again.data.profile).toMatchObject({ heightCm: 168, skinTone: null, bodyShape: "hourglass" });
  });

  it("reaches the user's other sessions at once, though sessions are checked from memory", async () => {
    const { browser: phone, user } = await loggedIn("Two Devices");
    const { browser: laptop, user: same } = await loggedIn("Two Devices");
    expect(same).toEqual(user);
    for (const b of [phone, laptop]) expect((await b.fetch("/api/auth/me")).status).toBe(200); // both sessions known
    await phone.json("/api/auth/me/profile", { method: "PATCH", body: { heightCm: 181 } });
    const { body } = await laptop.json<{ profile: { heightCm: number } }>("/api/auth/me");
    expect(body.data.profile.heightCm).toBe(181);
  });

  it("names the bad field", async () => {
    const { browser } = await loggedIn("Bad Profile");
    const bad = await browser.json("/api/auth/me/profile", { method: "PATCH", body: { bodyShape: "pear-ish" } });
    expect(bad.res.status).toBe(400);
    expect(bad.body.message).toMatch(/^bodyShape: /);
    const tall = await browser.json("/api/auth/me/profile", { method: "PATCH", body: { heightCm: 400 } });
    expect(tall.body.message).toMatch(/^heightCm: /);
    const unknown = await browser.json("/api/auth/me/profile", { method: "PATCH", body: { isAdmin: true } });
    expect(unknown.res.status).toBe(400);
  });

  it("requires a session", async () => {
    const { res } = await new Browser().json("/api/auth/me/profile", { method: "PATCH", body: { heightCm: 170 } });
    expect(res.status).toBe(401);
  });
});
