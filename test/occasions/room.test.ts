// An occasion's stylist room: the experts read the occasion before the conversation, so a bare
// "what should I wear?" is answered for the interview, and the coordinator's outfit becomes
// the occasion's until the user pins another.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { readEvents, type SseMessage } from "../sse";

type Data = { agent_id?: string; message?: string; room_id?: number };
type Occasion = { id: string; roomId: number | null; outfit: { source: string; products: { product_id: string }[] } | null; checklist: { id: string; done: boolean }[] };

const complete = (events: SseMessage[], agent: string) => (events.find((e) => e.event === "complete" && (e.data.data as Data).agent_id === agent)?.data.data as Data | undefined)?.message ?? "";

async function ask(b: Browser, roomId: number, question: string) {
  const res = await b.fetch(`/api/chat/rooms/${roomId}/messages/stream?user_input=${encodeURIComponent(question)}`);
  expect(res.status).toBe(200);
  return readEvents(res, { timeoutMs: 30_000, until: (m) => m.event === "complete" && (m.data.data as Data).agent_id === "fitting_coordinator" });
}

beforeAll(async () => {
  await seedCatalog(600);
});

describe("an occasion's stylist room", () => {
  it("answers a bare question for the occasion, and the coordinator's pick becomes its outfit", async () => {
    const b = new Browser();
    await b.devLogin(`room-${crypto.randomUUID().slice(0, 6)}`);
    const created = await b.json<Occasion>("/api/occasions", {
      method: "POST",
      body: { kind: "interview", title: "카카오 백엔드 면접", startsAt: "2026-12-10T14:00:00+09:00", language: "ko", details: { company: "카카오", role: "백엔드 개발자", dressCode: "비즈니스 캐주얼" } },
    });
    const o = created.body.data;
    expect(o.roomId).toBeGreaterThan(0);
    expect(o.outfit).toBeNull();

    const events = await ask(b, o.roomId!, "뭐 입으면 좋을까요?");
    expect(complete(events, "style_analyst")).toContain("면접");
    expect(complete(events, "fitting_coordinator")).toContain("면접");

    // The same bare question in a room of its own knows nothing of an interview.
    const plain = await readEvents(await b.fetch(`/api/chat/rooms/messages/stream?user_input=${encodeURIComponent("뭐 입으면 좋을까요?")}`), {
      timeoutMs: 30_000,
      until: (m) => m.event === "complete" && (m.data.data as Data).agent_id === "fitting_coordinator",
    });
    expect(complete(plain, "fitting_coordinator")).not.toContain("면접");

    const { body } = await b.json<Occasion>(`/api/occasions/${o.id}`);
    const { results } = await env.DB.prepare("select product_id from chat_messages where room_id = ? and sender_type = 'FITTING_COORDINATOR_PRODUCT' order by id").bind(o.roomId).all<{ product_id: string }>();
    expect(results.length).toBeGreaterThan(0);
    expect(body.data.outfit).toMatchObject({ source: "coordinator", products: results.map((r) => ({ product_id: r.product_id })) });
    expect(body.data.checklist.find((i) => i.id === "outfit")!.done).toBe(true);

    // The room knows its occasion; another user's view of it, and a plain room, know none.
    expect((await b.json<{ occasion: { id: string } | null }>(`/api/occasions/for-room/${o.roomId}`)).body.data.occasion).toEqual({ id: o.id, title: "카카오 백엔드 면접" });
    const stranger = new Browser();
    await stranger.devLogin(`room-x-${crypto.randomUUID().slice(0, 6)}`);
    expect((await stranger.json<{ occasion: null }>(`/api/occasions/for-room/${o.roomId}`)).body.data.occasion).toBeNull();
    expect((await b.json<{ occasion: null }>(`/api/occasions/for-room/${(plain[0]!.data.data as Data).room_id}`)).body.data.occasion).toBeNull();
    expect((await b.json(`/api/occasions/for-room/abc`)).res.status).toBe(400);

    // A try-on finished from the room shows on the occasion; one still running does not.
    const me = (await b.json<{ userId: number }>("/api/auth/me")).body.data.userId;
    const addTask = (id: string, status: string, createdAt: number) =>
      env.DB.batch([
        env.DB.prepare("insert into uploads (id, user_id, r2_key, content_type, size) values (?, ?, 'x', 'image/jpeg', 1)").bind(id, me),
        env.DB.prepare("insert into fitting_tasks (id, user_id, kind, model_upload_id, status, provider, room_id, result_key, created_at) values (?, ?, 'combo', ?, ?, 'local', ?, 'users/x/tryon/r.jpg', ?)").bind(id, me, id, status, o.roomId, createdAt),
      ]);
    const done = crypto.randomUUID();
    await addTask(done, "completed", Date.now() - 1_000);
    await addTask(crypto.randomUUID(), "processing", Date.now());
    const after = (await b.json<Occasion & { tryOn: { taskId: string; status: string } | null }>(`/api/occasions/${o.id}`)).body.data;
    expect(after.tryOn).toMatchObject({ taskId: done, status: "completed" });
    expect(after.checklist.find((i) => i.id === "try-on")!.done).toBe(true);
  });
});
