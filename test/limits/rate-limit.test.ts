// The abuse limits through the real Workers Rate Limiting bindings (small allowances in this
// project, vitest.config.ts TIGHT_LIMITS): sign-ins per IP, chat turns, uploads, try-ons and
// voice sessions per user and per IP. A refusal is a 429 envelope with `retry-after`, stores
// nothing, and counts only requests that passed validation.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedCatalog } from "../catalog/seed";
import { Browser, type Envelope } from "../client";
import { personPhoto } from "../fitting/pictures";
import { jpeg } from "../images/fixtures";
import { recordMetrics } from "../metrics/recorder";

// The local limiter counts in windows aligned to the wall clock (like the real one, roughly):
// start each test well inside a window so that a roll-over cannot reset its count.
beforeEach(async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((r) => setTimeout(r, left + 100));
});

let ips = 0;
/** A fresh documentation-range address per use, so tests never share an IP's allowance. */
const newIp = () => `198.51.100.${++ips}`;

async function signedIn(name: string, ip?: string) {
  const browser = new Browser();
  const { res } = await browser.json("/api/auth/dev-login", { method: "POST", body: { nickname: name }, headers: ip ? { "cf-connecting-ip": ip } : {} });
  expect(res.status).toBe(200);
  return browser;
}

function expectRefused(res: Response, body: Envelope) {
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBe("60");
  expect(body).toMatchObject({ status: "fail", code: "rate_limited", data: null });
  expect(body.message).toMatch(/60/);
}

const count = async (sql: string, ...args: unknown[]) => (await env.DB.prepare(sql).bind(...args).first<{ n: number }>("n")) ?? 0;

describe("signing in", () => {
  it("allows LOGIN_LIMIT sign-ins per IP a minute, then answers 429 with retry-after", async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) await signedIn(`Limit${i}`, ip);
    const { res, body } = await new Browser().json("/api/auth/dev-login", { method: "POST", body: { nickname: "LimitX" }, headers: { "cf-connecting-ip": ip } });
    expectRefused(res, body);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await count("select count(*) as n from users where nickname = 'LimitX'")).toBe(0);
    // Another address is not affected.
    await signedIn("LimitY", newIp());
  });

  it("sends a refused Kakao sign-in back to the login page with a reason, not JSON", async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) await signedIn(`Kakao${i}`, ip);
    const res = await new Browser().fetch("/api/auth/kakao/login", { headers: { "cf-connecting-ip": ip } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?error=rate_limited");
  });

  it("does not count malformed requests", async () => {
    const ip = newIp();
    for (let i = 0; i < 5; i++) {
      const { res } = await new Browser().json("/api/auth/dev-login", { method: "POST", body: { nickname: "" }, headers: { "cf-connecting-ip": ip } });
      expect(res.status).toBe(400);
    }
    for (let i = 0; i < 3; i++) await signedIn(`Valid${i}`, ip);
  });
});

describe("chat turns", () => {
  it("allows CHAT_LIMIT turns per user a minute; the refused message is not stored, other users go on", async () => {
    const browser = await signedIn("Chatty");
    const send = (content: string) => browser.json<{ room_id: number }>("/api/chat/send", { method: "POST", body: { content } });
    const empty = await send(" ");
    expect(empty.res.status).toBe(400);
    const first = await send("면접에 뭐 입을까요?");
    expect(first.res.status).toBe(200);
    const room = first.body.data.room_id;
    const second = await browser.json("/api/chat/send", { method: "POST", body: { room_id: room, content: "색은요?" } });
    expect(second.res.status).toBe(200);

    const third = await browser.json("/api/chat/send", { method: "POST", body: { room_id: room, content: "신발은요?" } });
    expectRefused(third.res, third.body);
    expect(await count("select count(*) as n from chat_messages where room_id = ? and message = '신발은요?'", room)).toBe(0);
    expect(await count("select count(*) as n from chat_messages where room_id = ? and sender_type = 'USER'", room)).toBe(2);

    // The streamed turn counts against the same allowance.
    const stream = await browser.fetch(`/api/chat/rooms/${room}/messages/stream?user_input=${encodeURIComponent("하나 더")}`);
    expect(stream.status).toBe(429);
    expect(stream.headers.get("retry-after")).toBe("60");

    const other = await signedIn("Quiet");
    expect((await other.json("/api/chat/send", { method: "POST", body: { content: "안녕하세요" } })).res.status).toBe(200);
  });
});

describe("uploads, try-ons and voice sessions", () => {
  beforeAll(async () => {
    await seedCatalog(50);
  });

  it("refuses the third upload of a minute and stores nothing for it", async () => {
    const browser = await signedIn("Uploader");
    const upload = async () => {
      const form = new FormData();
      form.append("file", new File([jpeg(64, 64)], "me.jpg", { type: "image/jpeg" }));
      const res = await browser.fetch("/api/chat/upload", { method: "POST", body: form });
      return { res, body: (await res.json()) as Envelope };
    };
    expect((await upload()).res.status).toBe(200);
    expect((await upload()).res.status).toBe(200);
    const third = await upload();
    expectRefused(third.res, third.body);
    const listed = await env.IMAGES.list();
    const me = (await browser.json<{ userId: number }>("/api/auth/me")).body.data.userId;
    expect(listed.objects.filter((o) => o.key.startsWith(`users/${me}/uploads/`))).toHaveLength(2);
  });

  it("refuses the third try-on of a minute before its photo is stored", async () => {
    const browser = await signedIn("Fitter");
    const top = await env.DB.prepare("select id from products where category = 'top' limit 1").first<string>("id");
    const tryOn = async () => {
      const form = new FormData();
      form.append("model_image", new File([personPhoto()], "me.jpg", { type: "image/jpeg" }));
      form.append("upper_product_id", top!);
      const res = await browser.fetch("/api/fitting/try-on?wait=false", { method: "POST", body: form });
      return { res, body: (await res.json()) as Envelope };
    };
    expect((await tryOn()).res.status).toBe(202);
    expect((await tryOn()).res.status).toBe(202);
    const third = await tryOn();
    expectRefused(third.res, third.body);
    const me = (await browser.json<{ userId: number }>("/api/auth/me")).body.data.userId;
    expect(await count("select count(*) as n from fitting_tasks where user_id = ?", me)).toBe(2);
  });

  it("refuses the third voice session of a minute", async () => {
    const browser = await signedIn("Speaker");
    const create = () => browser.json("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general", language: "ko", difficulty: "normal" } });
    expect((await create()).res.status).toBe(201);
    expect((await create()).res.status).toBe(201);
    const third = await create();
    expectRefused(third.res, third.body);
    const me = (await browser.json<{ userId: number }>("/api/auth/me")).body.data.userId;
    expect(await count("select count(*) as n from voice_sessions where user_id = ?", me)).toBe(2);
  });

  it("counts all of them together per IP (IP_LIMIT), whoever is signed in", async () => {
    const ip = newIp();
    const headers = { "cf-connecting-ip": ip };
    const create = (b: Browser) => b.json("/api/voice/sessions", { method: "POST", headers, body: { scenarioId: "interview-general", language: "ko", difficulty: "normal" } });
    const send = (b: Browser) => b.json("/api/chat/send", { method: "POST", headers, body: { content: "출근룩 추천해 주세요" } });
    const [a, b, c] = [await signedIn("NatA"), await signedIn("NatB"), await signedIn("NatC")];
    expect((await create(a)).res.status).toBe(201);
    expect((await send(a)).res.status).toBe(200);
    expect((await create(b)).res.status).toBe(201);
    expect((await send(b)).res.status).toBe(200);
    expect((await create(c)).res.status).toBe(201);
    // The sixth costly request from this address, by a user with allowance left of their own.
    const metrics = recordMetrics();
    const sixth = await send(c);
    expectRefused(sixth.res, sixth.body);
    // The refusal is counted in Analytics Engine, by which limit and which scope.
    expect(metrics.points("rate_limited")).toEqual([expect.objectContaining({ index: "chat", blobs: ["rate_limited", "chat", "ip"] })]);
    metrics.stop();
    // The same user from another address is fine.
    expect((await c.json("/api/chat/send", { method: "POST", headers: { "cf-connecting-ip": newIp() }, body: { content: "출근룩 추천해 주세요" } })).res.status).toBe(200);
  });
});
