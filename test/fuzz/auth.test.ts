// Fuzzing /api/auth: the dev login, the profile patch, logout, the Kakao redirects' query,
// and the session check itself (hostile cookies and bearer tokens, foreign origins).
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { BODY_SHAPES, GENDERS, SKIN_TONES } from "../../worker/db/schema";
import { Browser } from "../client";
import { badArray, badEnum, badInt, badString, brokenEscapes, garbage, nastyString, notJson, notJsonType, urlText, type Shape } from "./hostile";
import { check, expectAnswered, expectRefused, refusesBadJson, send, sendJson, signedIn, storesNothing } from "./probe";

let me: { browser: Browser; userId: number };
beforeAll(async () => {
  me = await signedIn("fuzz-auth");
});

const nickname: Shape = {
  valid: fc.record({ nickname: fc.constantFrom("Minji", "지훈", "o'brien") }),
  fields: { nickname: { bad: badString({ min: 1, max: 30 }) } },
  required: [["nickname"]],
};

const style = fc.constantFrom("minimal", "casual", "클래식", "street");
const profile: Shape = {
  valid: fc.record(
    {
      heightCm: fc.option(fc.integer({ min: 100, max: 230 }), { nil: null }),
      bodyShape: fc.option(fc.constantFrom(...BODY_SHAPES), { nil: null }),
      skinTone: fc.option(fc.constantFrom(...SKIN_TONES), { nil: null }),
      gender: fc.option(fc.constantFrom(...GENDERS), { nil: null }),
      preferredStyles: fc.array(style, { maxLength: 12 }),
    },
    { requiredKeys: [] },
  ),
  fields: {
    heightCm: { bad: badInt({ min: 100, max: 230, nullable: true }) },
    bodyShape: { bad: badEnum(BODY_SHAPES, { nullable: true }) },
    skinTone: { bad: badEnum(SKIN_TONES, { nullable: true }) },
    gender: { bad: badEnum(GENDERS, { nullable: true }) },
    preferredStyles: { bad: badArray(style, badString({ min: 1, max: 20 }), 12) },
  },
  strict: true,
};

describe("POST /api/auth/dev-login", () => {
  // Anonymous: a refused login must not create a user, a session or a cookie.
  refusesBadJson({ method: "POST", route: "/api/auth/dev-login", path: () => "/api/auth/dev-login", shape: nickname, as: () => ({ browser: new Browser(), userId: me.userId }), runs: 60 });

  it("signs in with any nickname that is 1–30 characters once trimmed, however odd (no 5xx)", async () => {
    const odd = fc.oneof(nastyString, fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 })).filter((s) => s.trim().length >= 1 && s.trim().length <= 30);
    await check(odd, async (nick) => expectAnswered(await sendJson(new Browser(), "/api/auth/dev-login", "POST", { nickname: nick }), [200]), 30);
  });

  it("refuses a foreign or broken Origin (403) and signs nobody in", async () => {
    const origins = fc.oneof(fc.constantFrom("null", "http://localhost.evil.test", "https://localhost", "http://localhost:8787", "http://127.0.0.1", "file://"), fc.webUrl().map((u) => new URL(u).origin)).filter(
      (o) => o !== "http://localhost",
    );
    await check(origins, (origin) =>
      storesNothing(me.userId, async () => {
        const a = await send(new Browser(), "/api/auth/dev-login", { method: "POST", body: JSON.stringify({ nickname: "Intruder" }), type: "application/json", headers: { origin } });
        expectRefused(a, { statuses: [403] });
      }),
    );
  });
});

describe("PATCH /api/auth/me/profile", () => {
  refusesBadJson({ method: "PATCH", route: "/api/auth/me/profile", path: () => "/api/auth/me/profile", shape: profile, as: () => me, runs: 80 });
});

describe("POST /api/auth/logout", () => {
  it("is idempotent whatever the body or content type: 200, the envelope, no user touched", async () => {
    await check(fc.tuple(fc.option(notJsonType, { nil: null }), fc.oneof(notJson, garbage.map((g) => JSON.stringify(g) ?? ""))), ([type, body]) =>
      storesNothing(me.userId, async () => expectAnswered(await send(new Browser(), "/api/auth/logout", { method: "POST", body, type }), [200])),
    30);
  });
});

describe("the session check", () => {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const tokens = fc.oneof(
    fc.constantFrom("", "null", "undefined", "a.b.c", "..", `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "1", typ: "session", jti: "x" })}.`, `${b64({ alg: "HS256" })}.${b64({ sub: "__proto__" })}.AAAA`),
    fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((p) => p.join(".")),
    fc.string({ unit: "binary-ascii", maxLength: 200 }).filter((s) => !/[\r\n\u0000]/.test(s)),
    fc.string({ unit: fc.constantFrom("a", "=", ";", ".", "-", "_"), minLength: 4000, maxLength: 5000 }),
  );
  it("answers 401 in the envelope to any cookie or bearer token it did not issue", async () => {
    await check(fc.tuple(tokens, fc.boolean()), async ([token, asCookie]) => {
      const headers: Record<string, string> = asCookie ? { cookie: `debut_session=${token}` } : { authorization: `Bearer ${token}` };
      expectRefused(await send(new Browser(), "/api/auth/me", { headers }), { statuses: [401] });
      await storesNothing(me.userId, async () =>
        expectRefused(await send(new Browser(), "/api/auth/me/profile", { method: "PATCH", body: JSON.stringify({ heightCm: 170 }), type: "application/json", headers }), { statuses: [401] }),
      );
    });
  });
});

describe("the Kakao redirects", () => {
  const value = fc.oneof(nastyString.map(urlText), brokenEscapes, fc.integer({ min: 513, max: 2100 }).map((n) => "x".repeat(n)), fc.constantFrom("//evil.test", "https://evil.test/", "/\\evil.test", "javascript:alert(1)", "%2F%2Fevil.test"));
  const query = fc.array(fc.tuple(fc.constantFrom("return_to", "code", "state", "error", "error_description", "x", "__proto__"), value), { maxLength: 4 });
  it("answers a redirect or a refusal to any query, never a 5xx, and signs nobody in", async () => {
    await check(fc.tuple(fc.constantFrom("/api/auth/kakao/login", "/api/auth/kakao/callback"), query), ([path, q]) =>
      storesNothing(me.userId, async () => {
        const a = await send(new Browser(), `${path}?${q.map(([k, v]) => `${k}=${v}`).join("&")}`);
        if (a.status === 302) return;
        expectRefused(a, { statuses: [400] });
      }),
    40);
  });
});
