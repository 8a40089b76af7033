// What the app writes to Analytics Engine, through its real code paths with the offline
// engines: a catalog search and product lookups over HTTP, a chat turn (its SSE stream, the
// four experts' LLM calls, their catalog searches), a watcher leaving and the room's gauge,
// try-ons that succeed and fail, a voice rehearsal from creation to its end, and signing in
// and out. The recorder (recorder.ts) keeps every writeDataPoint the binding receives.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { roomStub } from "../../worker/chat/expert-job";
import type { ChatRoom } from "../../worker/chat/room";
import { productCacheKey } from "../../worker/catalog/store";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { storeGarment, personPhoto } from "../fitting/pictures";
import { jpeg as jpegHeader } from "../images/fixtures";
import { readEvents, type SseMessage } from "../sse";
import { connect } from "../voice/socket";
import { recordMetrics, type Point, type Recorder } from "./recorder";

let metrics: Recorder;
let top = "";

beforeAll(async () => {
  await seedCatalog(600);
  const row = await env.DB.prepare("select id, image_key from products where category = 'top' order by id limit 1").first<{ id: string; image_key: string }>();
  top = row!.id;
  await storeGarment(row!.image_key, "top", [30, 42, 80]);
  metrics = recordMetrics();
});
afterAll(() => metrics.stop());
beforeEach(() => metrics.clear());

async function signedIn(name: string) {
  const browser = new Browser();
  await browser.devLogin(`${name}-${crypto.randomUUID().slice(0, 6)}`);
  return browser;
}

const only = (points: Point[]) => {
  expect(points).toHaveLength(1);
  return points[0]!;
};

describe("catalog", () => {
  it("a search over HTTP writes its latency, result count, total and that no cache answered it", async () => {
    const { res, body } = await new Browser().json<{ products: unknown[]; total: number }>("/api/products/search?q=셔츠&limit=5");
    expect(res.status).toBe(200);
    const p = only(metrics.points("product_search"));
    expect(p).toEqual({ kind: "product_search", index: "api", blobs: ["product_search", "api", "ok"], doubles: [expect.any(Number), body.data.products.length, 1, 0, body.data.total] });
    expect(body.data.products.length).toBeGreaterThan(0);
    expect(p.doubles[0]).toBeGreaterThanOrEqual(0);
  });

  it("a search refused as invalid writes nothing", async () => {
    expect((await new Browser().fetch("/api/products/search?limit=0")).status).toBe(400);
    expect(metrics.points("product_search")).toEqual([]);
  });

  it("a product read by id is a cache miss, then a hit once KV has it; an unknown id is a miss not found", async () => {
    const id = (await env.DB.prepare("select id from products where category = 'shoes' order by id limit 1").first<{ id: string }>())!.id;
    expect((await new Browser().fetch(`/api/chat/product/${id}`)).status).toBe(200);
    await vi.waitFor(async () => expect(await env.PRODUCTS.get(productCacheKey(id))).not.toBeNull());
    expect((await new Browser().fetch(`/api/chat/product/${id}`)).status).toBe(200);
    expect((await new Browser().fetch("/api/chat/product/999")).status).toBe(404);
    expect(metrics.points("product_lookup").map((p) => [p.index, ...p.blobs.slice(1)])).toEqual([
      ["miss", "miss", "yes"],
      ["hit", "hit", "yes"],
      ["miss", "miss", "no"],
    ]);
  });
});

describe("a chat turn", () => {
  const EXPERTS = ["style_analyst", "trend_expert", "color_expert", "fitting_coordinator"];
  let events: SseMessage[];
  let roomId: number;
  let elapsed: number;
  let points: Point[];

  beforeAll(async () => {
    metrics.clear();
    const browser = await signedIn("metrics-chat");
    const started = Date.now();
    const res = await browser.fetch(`/api/chat/rooms/messages/stream?user_input=${encodeURIComponent("다음 주 면접인데 뭐 입을까요? 예산 30만원")}`);
    events = await readEvents(res, { timeoutMs: 30_000 });
    elapsed = Date.now() - started;
    roomId = (events[0]!.data.data as { room_id: number }).room_id;
    await metrics.until("llm_call", 4);
    await metrics.until("sse_close");
    points = metrics.points();
  });

  it("opens the turn's stream and closes it when the turn is done, with its lifetime", () => {
    const open = only(points.filter((p) => p.kind === "sse_open"));
    expect(open).toEqual({ kind: "sse_open", index: `room:${roomId}`, blobs: ["sse_open", "turn"], doubles: [1] });
    const close = only(points.filter((p) => p.kind === "sse_close"));
    expect(close.index).toBe(`room:${roomId}`);
    expect(close.blobs).toEqual(["sse_close", "turn", "done"]);
    expect(close.doubles[0]).toBe(0); // nobody left in the room
    expect(close.doubles[1]).toBeGreaterThan(0);
    expect(close.doubles[1]).toBeLessThanOrEqual(elapsed + 50);
  });

  it("writes one successful LLM call per expert, on the offline engine, with the answer's length", () => {
    const calls = points.filter((p) => p.kind === "llm_call");
    expect(calls.map((p) => p.blobs[2]).sort()).toEqual([...EXPERTS].sort());
    const completes = new Map(events.filter((e) => e.event === "complete").map((e) => [(e.data.data as { agent_id: string }).agent_id, (e.data.data as { message: string }).message]));
    for (const call of calls) {
      const [, engine, expert, outcome, model] = call.blobs;
      expect({ index: call.index, engine, outcome, model }).toEqual({ index: `local:${expert}`, engine: "local", outcome: "ok", model: expect.any(String) });
      const [ms, chars, attempt] = call.doubles;
      expect(ms).toBeGreaterThan(0);
      expect(chars).toBe(completes.get(expert!)!.length);
      expect(attempt).toBe(1);
    }
  });

  it("writes one catalog-search point per expert's picks, with how many searches its cache answered", () => {
    const searches = points.filter((p) => p.kind === "product_search");
    expect(searches).toHaveLength(4);
    for (const s of searches) {
      expect(s.index).toBe("chat");
      expect(s.blobs).toEqual(["product_search", "chat", "ok"]);
      const [ms, results, misses, hits, total] = s.doubles as [number, number, number, number, number];
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(results).toBeGreaterThan(0);
      expect(misses + hits).toBeGreaterThan(0);
      expect(total).toBe(0);
    }
    // The trend expert replays the style analyst's choice from the same searches.
    expect(searches.some((s) => s.doubles[3]! > 0)).toBe(true);
  });
});

describe("a room's watchers", () => {
  it("a watcher's stream opens, counts in the room's gauge at the heartbeat, and closes when the client leaves", async () => {
    const browser = await signedIn("metrics-watch");
    const sent = await browser.json<{ room_id: number }>("/api/chat/send", { method: "POST", body: { content: "데일리룩 추천" } });
    const roomId = sent.body.data.room_id;
    await metrics.until("llm_call", 4); // /send's turn streams to watchers only: let it finish first
    metrics.clear();
    const res = await browser.fetch(`/api/chat/rooms/${roomId}/events`);
    const reader = res.body!.getReader();
    await reader.read();
    expect(only(metrics.points("sse_open"))).toEqual({ kind: "sse_open", index: `room:${roomId}`, blobs: ["sse_open", "watch"], doubles: [1] });

    // The heartbeat runs every 15 s; the test runs its tick rather than wait for it.
    await runInDurableObject(roomStub(env, roomId), (room: ChatRoom) => (room as unknown as { tick(): void }).tick());
    expect(only(metrics.points("sse_active"))).toEqual({ kind: "sse_active", index: `room:${roomId}`, blobs: ["sse_active"], doubles: [1, 15] });

    await reader.cancel();
    const [close] = await metrics.until("sse_close");
    expect(close!.blobs).toEqual(["sse_close", "watch", "client"]);
    expect(close!.doubles[0]).toBe(0);
  });
});

describe("try-on", () => {
  const form = (fields: Record<string, string | Blob>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    return f;
  };

  it("a try-on that succeeds writes its provider, outcome and how long it took since the request", async () => {
    const browser = await signedIn("metrics-fit");
    const started = Date.now();
    const res = await browser.fetch("/api/fitting/try-on", { method: "POST", body: form({ model_image: new File([personPhoto()], "me.jpg", { type: "image/jpeg" }), upper_product_id: top }) });
    expect(res.status).toBe(200);
    const elapsed = Date.now() - started;
    const p = only(await metrics.until("tryon"));
    expect(p.index).toBe("local");
    expect(p.blobs).toEqual(["tryon", "local", "succeeded", "single", ""]);
    const [ms, runMs, attempt] = p.doubles as [number, number, number];
    expect(runMs).toBeGreaterThan(0);
    expect(ms).toBeGreaterThanOrEqual(runMs);
    expect(ms).toBeLessThanOrEqual(elapsed + 1_000); // D1's clock and the Worker's may differ a little
    expect(attempt).toBe(1);
  });

  it("a photo the compositor cannot read fails for good, as a refusal", async () => {
    const browser = await signedIn("metrics-fit-bad");
    const res = await browser.fetch("/api/fitting/try-on", { method: "POST", body: form({ model_image: new File([jpegHeader(640, 480)], "me.jpg", { type: "image/jpeg" }), upper_product_id: top }) });
    expect(res.status).toBe(502);
    const p = only(await metrics.until("tryon"));
    expect(p.blobs).toEqual(["tryon", "local", "failed", "single", "refused"]);
  });
});

describe("a voice rehearsal", () => {
  it("writes created, started and ended, with the session's length and turns", async () => {
    const browser = await signedIn("metrics-voice");
    const { body } = await browser.json<{ id: string }>("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general", language: "ko" } });
    const created = only(metrics.points("voice_session"));
    expect(created).toEqual({ kind: "voice_session", index: "local", blobs: ["voice_session", "local", "created", "", "interview-general"], doubles: [0, 0] });

    const socket = await connect(browser, body.data.id);
    await socket.nth("response.done", 1); // the partner's opening line
    socket.say("안녕하세요, 저는 백엔드 개발자입니다.", { input: "text" });
    await socket.nth("response.done", 2);
    const started = (await metrics.until("voice_session", 2))[1]!;
    expect(started.blobs).toEqual(["voice_session", "local", "started", "", "interview-general"]);
    expect(started.doubles[1]).toBe(0); // nothing said yet when the socket opened

    expect((await browser.json(`/api/voice/sessions/${body.data.id}/end`, { method: "POST" })).res.status).toBe(200);
    const ended = (await metrics.until("voice_session", 3))[2]!;
    expect(ended.blobs).toEqual(["voice_session", "local", "ended", "ended", "interview-general"]);
    const turns = (await env.DB.prepare("select count(*) as n from voice_turns where session_id = ?").bind(body.data.id).first<{ n: number }>())!.n;
    expect(turns).toBe(3);
    expect(ended.doubles[1]).toBe(turns);
    expect(ended.doubles[0]).toBeGreaterThan(0);
    expect(metrics.points("voice_relay_error")).toEqual([]); // the local partner has no upstream
  });
});

describe("signing in and out", () => {
  it("writes a dev login and a logout", async () => {
    const browser = await signedIn("metrics-auth");
    expect((await browser.fetch("/api/auth/logout", { method: "POST" })).status).toBe(200);
    expect(metrics.points("auth").map((p) => p.blobs)).toEqual([
      ["auth", "login", "dev", "ok"],
      ["auth", "logout", "dev", "ok"],
    ]);
  });
});
