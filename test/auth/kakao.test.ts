// The whole Kakao login, through the real client, against the fake Kakao on loopback.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Browser, type Envelope } from "../client";

const KAKAO_ID = "9007199254740993"; // beyond 2^53: must survive as text

async function startLogin(browser: Browser, returnTo = "/style") {
  const res = await browser.fetch(`/api/auth/kakao/login?return_to=${encodeURIComponent(returnTo)}`);
  expect(res.status).toBe(302);
  const authorize = new URL(res.headers.get("location")!);
  return { authorize, state: authorize.searchParams.get("state")! };
}

async function callback(browser: Browser, params: Record<string, string>) {
  const res = await browser.fetch(`/api/auth/kakao/callback?${new URLSearchParams(params)}`);
  return { res, location: res.headers.get("location") };
}

async function me(browser: Browser) {
  const res = await browser.fetch("/api/auth/me");
  return { status: res.status, body: (await res.json()) as Envelope<{ userId: number; nickname: string; profileImage: string | null; provider: string }> };
}

describe("Kakao login", () => {
  it("offers Kakao when it is configured", async () => {
    const { body } = await new Browser().json<{ kakao: boolean; devLogin: boolean }>("/api/auth/config");
    expect(body.data).toEqual({ kakao: true, devLogin: true });
  });

  it("redirects to Kakao's authorize URL with a state bound to a cookie", async () => {
    const browser = new Browser();
    const { authorize, state } = await startLogin(browser);
    expect(authorize.origin).toBe(env.KAKAO_AUTH_BASE_URL);
    expect(authorize.pathname).toBe("/oauth/authorize");
    expect(authorize.searchParams.get("client_id")).toBe("test-client-id");
    expect(authorize.searchParams.get("response_type")).toBe("code");
    expect(authorize.searchParams.get("redirect_uri")).toBe("http://localhost/api/auth/kakao/callback");
    expect(state).toMatch(/^[0-9a-f-]{36}$/);
    expect(browser.cookies.has("debut_oauth_state")).toBe(true);
  });

  it("signs a new user in, keeps the 64-bit Kakao id exact, and returns to the page they wanted", async () => {
    const browser = new Browser();
    const { state } = await startLogin(browser, "/practice?scenario=interview");
    const { res, location } = await callback(browser, { code: `code:${KAKAO_ID}:${encodeURIComponent("민지")}`, state });
    expect(res.status).toBe(302);
    expect(location).toBe("/practice?scenario=interview");
    expect(browser.cookies.has("debut_session")).toBe(true);
    expect(browser.cookies.has("debut_oauth_state")).toBe(false);

    const { status, body } = await me(browser);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ nickname: "민지", provider: "kakao", profileImage: "http://k.kakaocdn.net/profile.jpg" });
    const row = await env.DB.prepare("select provider_user_id from users where id = ?").bind(body.data.userId).first<{ provider_user_id: string }>();
    expect(row?.provider_user_id).toBe(KAKAO_ID);
  });

  it("recognises a returning user and refreshes their nickname", async () => {
    const first = new Browser();
    await callback(first, { code: "code:4242:Old%20Name", state: (await startLogin(first)).state });
    const firstId = (await me(first)).body.data.userId;

    const second = new Browser();
    await callback(second, { code: "code:4242:New%20Name", state: (await startLogin(second)).state });
    const again = (await me(second)).body.data;
    expect(again.userId).toBe(firstId);
    expect(again.nickname).toBe("New Name");
  });

  it("refuses a callback whose state does not match the cookie", async () => {
    const browser = new Browser();
    await startLogin(browser);
    const { location } = await callback(browser, { code: "code:1:Mallory", state: "forged-state" });
    expect(location).toBe("/login?error=state_mismatch");
    expect(browser.cookies.has("debut_session")).toBe(false);
  });

  it("refuses a callback in a browser that never started the login (login CSRF)", async () => {
    const starter = new Browser();
    const { state } = await startLogin(starter);
    const victim = new Browser();
    const { location } = await callback(victim, { code: "code:2:Mallory", state });
    expect(location).toBe("/login?error=state_mismatch");
    expect(victim.cookies.has("debut_session")).toBe(false);
  });

  it("refuses a replayed callback", async () => {
    const browser = new Browser();
    const { state } = await startLogin(browser);
    const stateCookie = browser.cookies.get("debut_oauth_state")!;
    await callback(browser, { code: "code:3:Once", state });
    expect(browser.cookies.has("debut_session")).toBe(true);

    // The attacker replays the same URL with the same state cookie: Kakao refuses the used code.
    const replay = new Browser();
    replay.cookies.set("debut_oauth_state", stateCookie);
    const { location } = await callback(replay, { code: "code:3:Once", state });
    expect(location).toBe("/login?error=kakao_failed");
    expect(replay.cookies.has("debut_session")).toBe(false);
  });

  it("ends a Kakao error on the login page with a reason, not a JSON dump", async () => {
    const browser = new Browser();
    const { state } = await startLogin(browser);
    const { res, location } = await callback(browser, { code: "code:fail", state });
    expect(res.status).toBe(302);
    expect(location).toBe("/login?error=kakao_failed");

    const denied = new Browser();
    const s2 = (await startLogin(denied)).state;
    expect((await callback(denied, { error: "access_denied", error_description: "User denied access", state: s2 })).location).toBe(
      "/login?error=kakao_denied",
    );
  });

  it("never redirects off-site after login", async () => {
    for (const evil of ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const browser = new Browser();
      const { state } = await startLogin(browser, evil);
      const { location } = await callback(browser, { code: `code:77:${encodeURIComponent(evil.length)}`, state });
      expect(location).toBe("/");
    }
  });

  it("sends the user back to log in when Kakao is not configured", async () => {
    const browser = new Browser({ KAKAO_CLIENT_ID: "" });
    const res = await browser.fetch("/api/auth/kakao/login");
    expect(res.headers.get("location")).toBe("/login?error=config");
    const { body } = await browser.json<{ kakao: boolean }>("/api/auth/config");
    expect(body.data.kakao).toBe(false);
  });
});
