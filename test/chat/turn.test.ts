// A chat turn through the real endpoints with the local engine: the seed's SSE events in
// order, products from the catalog, the turn saved to history, two subscribers seeing the
// same stream, the polling pair, and every room refused to anyone but its owner.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { roomStub } from "../../worker/chat/expert-job";
import { Browser } from "../client";
import { seedCatalog } from "../catalog/seed";
import { readEvents, type SseMessage } from "../sse";

type Product = { product_id: string; product_url: string; product_name: string; category: string };
type Data = { agent_id?: string; message?: string; products?: Product[]; room_id?: number; turn_id?: string; type: string };

const PANEL = ["style_analyst", "trend_expert", "color_expert"];
const ends = (m: SseMessage) => m.event === "complete" && (m.data.data as Data).agent_id === "fitting_coordinator";

async function signedIn(nickname: string) {
  const browser = new Browser();
  await browser.devLogin(nickname);
  return browser;
}

async function streamTurn(browser: Browser, input: string, roomId?: number) {
  const path = roomId === undefined ? "/api/chat/rooms/messages/stream" : `/api/chat/rooms/${roomId}/messages/stream`;
  const res = await browser.fetch(`${path}?user_input=${encodeURIComponent(input)}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  return readEvents(res, { timeoutMs: 30_000 });
}

const data = (m: SseMessage) => m.data.data as Data;

beforeAll(async () => {
  await seedCatalog(600);
});

describe("a streamed turn", () => {
  let events: SseMessage[];
  let browser: Browser;
  let roomId: number;

  beforeAll(async () => {
    browser = await signedIn("chat-owner");
    events = await streamTurn(browser, "다음 주 IT 회사 면접인데 뭐 입으면 좋을까요? 예산은 30만원이에요");
    roomId = data(events[0]!).room_id!;
  });

  it("opens with room, then connect, then the turn, and ends after the coordinator's complete", () => {
    expect(events.slice(0, 3).map((e) => e.event)).toEqual(["room", "connect", "turn"]);
    expect(roomId).toBeGreaterThan(0);
    expect(events.at(-1)!.event).toBe("complete");
    expect(data(events.at(-1)!).agent_id).toBe("fitting_coordinator");
    for (const e of events) expect(e.data.status).toBe("success");
    const ids = events.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids); // resumable: ids only grow
  });

  it("streams every panel expert before the coordinator, whose text matches its complete", () => {
    const completes = events.filter((e) => e.event === "complete").map(data);
    expect(completes.map((c) => c.agent_id).slice(0, 3).sort()).toEqual([...PANEL].sort());
    expect(completes[3]!.agent_id).toBe("fitting_coordinator");
    const firstCoordinator = events.findIndex((e) => data(e).agent_id === "fitting_coordinator");
    const lastPanel = events.findLastIndex((e) => PANEL.includes(data(e).agent_id ?? ""));
    expect(firstCoordinator).toBeGreaterThan(lastPanel);
    for (const c of completes) {
      const streamed = events.filter((e) => e.event === "content" && data(e).agent_id === c.agent_id).map((e) => data(e).message).join("");
      expect(streamed).toBe(c.message);
      expect(events.filter((e) => e.event === "content" && data(e).agent_id === c.agent_id).length).toBeGreaterThan(1);
    }
  });

  it("answers in Korean, naming the occasion and the recommended items", () => {
    for (const c of events.filter((e) => e.event === "complete").map(data)) {
      expect(c.message).toMatch(/[가-힣]/);
      expect(c.message).toContain("면접");
      for (const p of c.products!) expect(c.message).toContain(p.product_name);
    }
  });

  it("recommends 1–3 real catalog products per panel expert and one outfit from the coordinator", async () => {
    const completes = events.filter((e) => e.event === "complete").map(data);
    for (const c of completes.slice(0, 3)) expect(c.products!.length).toBeGreaterThanOrEqual(1);
    for (const c of completes.slice(0, 3)) expect(c.products!.length).toBeLessThanOrEqual(3);
    const outfit = completes[3]!.products!;
    const categories = outfit.map((p) => p.category);
    expect(categories.includes("dress") || (categories.includes("top") && categories.includes("bottom"))).toBe(true);
    for (const p of completes.flatMap((c) => c.products!)) {
      const { res, body } = await browser.json<{ product_name: string; image_url: string }>(`/api/chat/product/${p.product_id}`);
      expect(res.status).toBe(200);
      expect(body.data.product_name).toBe(p.product_name);
      expect(p.product_url).toBe(body.data.image_url);
    }
  });

  it("keeps the whole turn in history, newest first, with products as lists", async () => {
    const { body } = await browser.json<{ messages: { message_type: string; content: string; product_image_url: string[] | null; agent_id: string | null; engine: string | null }[]; count: number; has_more: boolean }>(
      `/api/chat/rooms/${roomId}/messages`,
    );
    expect(body.data.count).toBe(5);
    expect(body.data.has_more).toBe(false);
    const types = body.data.messages.map((m) => m.message_type);
    expect(types.at(-1)).toBe("USER");
    expect(types[0]).toBe("FITTING_COORDINATOR");
    expect(types.slice(1, 4).sort()).toEqual(["COLOR", "STYLE", "TREND"]);
    const coordinator = body.data.messages[0]!;
    expect(coordinator.engine).toBe("local");
    expect(coordinator.product_image_url!.length).toBe(data(events.at(-1)!).products!.length);
    expect(body.data.messages.at(-1)!.product_image_url).toBeNull();

    const rooms = await browser.json<{ rooms: { room_id: number; title: string }[] }>("/api/chat/rooms/history");
    expect(rooms.body.data.rooms[0]!.room_id).toBe(roomId);
    expect(rooms.body.data.rooms[0]!.title).toContain("면접");
  });

  it("answers an English question in English in the same room", async () => {
    const more = await streamTurn(browser, "What should I wear for a first date this weekend?", roomId);
    expect(more[0]!.event).toBe("connect");
    const completes = more.filter((e) => e.event === "complete").map(data);
    expect(completes).toHaveLength(4);
    for (const c of completes) expect(c.message).not.toMatch(/[가-힣]{3}/);
  });
});

describe("watching a room", () => {
  it("a second subscriber sees exactly the events of the turn's own stream", async () => {
    const browser = await signedIn("two-tabs");
    const first = await streamTurn(browser, "출근룩 추천해 주세요");
    const roomId = data(first[0]!).room_id!;

    const watcher = await browser.fetch(`/api/chat/rooms/${roomId}/events`);
    expect(watcher.status).toBe(200);
    const watched = readEvents(watcher, { until: ends, timeoutMs: 30_000 });
    const own = await streamTurn(browser, "좀 더 캐주얼하게 바꿔 줄래요?", roomId);
    const seen = await watched;

    const turnEvents = (list: SseMessage[]) => list.filter((e) => !["connect", "room"].includes(e.event)).map((e) => [e.id, e.event, JSON.stringify(e.data)]);
    expect(turnEvents(seen)).toEqual(turnEvents(own));
    expect(turnEvents(own).length).toBeGreaterThan(8);
  });

  it("a watcher who reconnects with Last-Event-ID gets only what it missed", async () => {
    const browser = await signedIn("resumer");
    const own = await streamTurn(browser, "여행 갈 때 입을 옷");
    const roomId = data(own[0]!).room_id!;
    const middle = own[Math.floor(own.length / 2)]!;
    // The finished turn is still replayable for a short while.
    const resumed = await readEvents(await browser.fetch(`/api/chat/rooms/${roomId}/events`, { headers: { "Last-Event-ID": middle.id! } }), { until: ends });
    const after = own.filter((e) => Number(e.id) > Number(middle.id));
    expect(resumed.filter((e) => e.event !== "connect").map((e) => e.id)).toEqual(after.map((e) => e.id));
  });
});

describe("leaving a room", () => {
  it("frees the subscriber in the room object as soon as the client goes away", async () => {
    const browser = await signedIn("leaver");
    const sent = await browser.json<{ room_id: number }>("/api/chat/send", { method: "POST", body: { content: "데일리룩" } });
    const room = roomStub(env, sent.body.data.room_id);
    const before = await room.subscriberCount();
    const watchers = await Promise.all([1, 2, 3].map(() => browser.fetch(`/api/chat/rooms/${sent.body.data.room_id}/events`)));
    const reader = watchers[0]!.body!.getReader();
    await reader.read(); // the stream is open and flowing
    expect(await room.subscriberCount()).toBe(before + 3);
    await reader.cancel();
    for (const w of watchers.slice(1)) await w.body!.cancel();
    let left = -1;
    for (let i = 0; i < 50 && left !== before; i++) {
      left = await room.subscriberCount();
      if (left !== before) await new Promise((r) => setTimeout(r, 20));
    }
    expect(left).toBe(before);
  });
});

describe("the polling pair", () => {
  it("POST /send stores the message and GET /receive answers in the seed's shape once ready", async () => {
    const browser = await signedIn("poller");
    const sent = await browser.json<{ room_id: number; turn_id: string; message_id: number }>("/api/chat/send", { method: "POST", body: { content: "하객룩 골라 주세요" } });
    expect(sent.res.status).toBe(200);
    const { room_id } = sent.body.data;
    const stored = await env.DB.prepare("select sender_type, message from chat_messages where id = ?").bind(sent.body.data.message_id).first();
    expect(stored).toEqual({ sender_type: "USER", message: "하객룩 골라 주세요" });

    let answer: { done: boolean; agent_id?: string; agent_name?: string; agent_role?: string; order?: number; products?: unknown[]; answers: unknown[] } | undefined;
    for (let i = 0; i < 100 && !answer?.done; i++) {
      answer = (await browser.json<NonNullable<typeof answer>>(`/api/chat/receive?room_id=${room_id}`)).body.data;
      if (!answer.done) await new Promise((r) => setTimeout(r, 100));
    }
    expect(answer!.done).toBe(true);
    expect(answer!).toMatchObject({ agent_id: "fitting_coordinator", agent_name: "핏팅 코디네이터", agent_role: "종합적으로 딱 하나의 추천을 해드려요!", order: 4 });
    expect(answer!.products!.length).toBeGreaterThanOrEqual(2);
    expect(answer!.answers).toHaveLength(4);
  });
});

describe("input and access", () => {
  it("refuses an empty message, naming the field, and stores nothing", async () => {
    const browser = await signedIn("validator");
    const before = await env.DB.prepare("select count(*) as n from chat_messages").first<{ n: number }>();
    const { res, body } = await browser.json("/api/chat/rooms/messages/stream?user_input=%20%20");
    expect(res.status).toBe(400);
    expect(body.message).toContain("user_input");
    const after = await env.DB.prepare("select count(*) as n from chat_messages").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it("refuses a photo URL that is not one of the user's uploads", async () => {
    const browser = await signedIn("photo-thief");
    const { res, body } = await browser.json(`/api/chat/rooms/messages/stream?user_input=hi&image_url=${encodeURIComponent("/api/images/users/1/uploads/x.png")}`);
    // Answered like an upload that does not exist, whoever's it is.
    expect(res.status).toBe(404);
    expect(body.message).toContain("image_url");
  });

  it("another user's room is not found, and nobody signed out gets in", async () => {
    const owner = await signedIn("room-owner");
    const events = await streamTurn(owner, "데이트룩");
    const roomId = data(events[0]!).room_id!;
    const turnId = data(events[2]!).turn_id!;
    const stranger = await signedIn("room-stranger");
    const paths: [string, RequestInit?][] = [
      [`/api/chat/rooms/${roomId}/messages/stream?user_input=hi`],
      [`/api/chat/rooms/${roomId}/messages`],
      [`/api/chat/rooms/${roomId}/events`],
      [`/api/chat/receive?room_id=${roomId}`],
      [`/api/chat/rooms/${roomId}/turns/${turnId}/retry`, { method: "POST" }],
      ["/api/chat/send", { method: "POST", body: JSON.stringify({ room_id: roomId, content: "hi" }), headers: { "content-type": "application/json" } }],
    ];
    for (const [path, init] of paths) {
      const res = await stranger.fetch(path, init);
      expect(res.status, path).toBe(404);
      await res.body?.cancel();
      const anonymous = await new Browser().fetch(path, init);
      expect(anonymous.status, path).toBe(401);
      await anonymous.body?.cancel();
    }
    const stored = await env.DB.prepare("select count(*) as n from chat_messages where room_id = ? and sender_type = 'USER'").bind(roomId).first<{ n: number }>();
    expect(stored!.n).toBe(1);
  });

  it("a signed-out session cannot watch the room, even with a copy of its cookie", async () => {
    // A watch stream outlives many requests: it must still be refused to a revoked session.
    const owner = await signedIn("watch-leaver");
    const events = await streamTurn(owner, "출근룩");
    const roomId = data(events[0]!).room_id!;
    const watching = await owner.fetch(`/api/chat/rooms/${roomId}/events`);
    expect(watching.status).toBe(200);
    await watching.body?.cancel();
    const copy = new Browser();
    for (const [k, v] of owner.cookies) copy.cookies.set(k, v);
    expect((await owner.json("/api/auth/logout", { method: "POST" })).res.status).toBe(200);
    const { res, body } = await copy.json(`/api/chat/rooms/${roomId}/events`);
    expect(res.status).toBe(401);
    expect(body.status).toBe("fail");
  });
});

describe("message pagination", () => {
  it("walks a room newest first in pages, without gaps or repeats, to the oldest", async () => {
    const browser = await signedIn("pager");
    const sent = await browser.json<{ room_id: number }>("/api/chat/send", { method: "POST", body: { content: "첫 메시지" } });
    const roomId = sent.body.data.room_id;
    // Four more user messages at distinct times, and two sharing one millisecond.
    const base = Date.now() + 1000;
    for (const [i, at] of [base, base + 1, base + 2, base + 2, base + 3].entries()) {
      await env.DB.prepare("insert into chat_messages (room_id, sender_type, message, created_at) values (?, 'USER', ?, ?)").bind(roomId, `m${i}`, at).run();
    }
    const all = await browser.json<{ messages: { id: number }[]; count: number }>(`/api/chat/rooms/${roomId}/messages?limit=100`);
    const total = all.body.data.count;
    expect(total).toBeGreaterThanOrEqual(6);

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: { data: { messages: { id: number }[]; has_more: boolean; next_cursor: string | null; count: number } } } = await browser.json(
        `/api/chat/rooms/${roomId}/messages?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...page.body.data.messages.map((m) => m.id));
      expect(page.body.data.count).toBe(page.body.data.messages.length);
      expect(page.body.data.has_more).toBe(page.body.data.next_cursor !== null);
      cursor = page.body.data.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(all.body.data.messages.map((m) => m.id));
    expect(pages).toBe(Math.ceil(total / 2));
  });

  it("explains a bad cursor or limit", async () => {
    const browser = await signedIn("bad-pager");
    const sent = await browser.json<{ room_id: number }>("/api/chat/send", { method: "POST", body: { content: "안녕" } });
    const bad = await browser.json(`/api/chat/rooms/${sent.body.data.room_id}/messages?cursor=yesterday`);
    expect(bad.res.status).toBe(400);
    expect(bad.body.message).toContain("cursor");
    const zero = await browser.json(`/api/chat/rooms/${sent.body.data.room_id}/messages?limit=0`);
    expect(zero.res.status).toBe(400);
    expect(zero.body.message).toContain("limit");
  });
});
