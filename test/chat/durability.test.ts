// A chat turn under the room object's faults: the object restarted mid-turn (its state comes
// back from storage, a subscriber resumes with Last-Event-ID, the expert who was mid-answer
// starts again after a `reset`, and every answer is saved once); D1 refusing the turn's save
// (nothing half saved, the save is tried again, the turn completes); and experts who never
// answer (the turn's deadline ends them in errors with dead-letter records, and the user's
// retry completes it).
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { roomStub } from "../../worker/chat/expert-job";
import type { ChatRoom } from "../../worker/chat/room";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { EventSourceParserStream } from "eventsource-parser/stream";

type Event = { event: string; id: string | null; data: { agent_id?: string; message?: string; turn_id?: string } };

/** A subscriber reading in the background; `ended` settles when the stream ends or breaks. */
class Watch {
  readonly events: Event[] = [];
  readonly ended: Promise<"ended" | "broken">;

  constructor(res: Response) {
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
    this.ended = (async () => {
      try {
        for (;;) {
          const next = await reader.read();
          if (next.done) return "ended" as const;
          this.events.push({ event: next.value.event ?? "message", id: next.value.id ?? null, data: (JSON.parse(next.value.data) as { data: Event["data"] }).data });
        }
      } catch {
        return "broken" as const;
      }
    })();
    this.stop = () => void reader.cancel().catch(() => {});
  }

  stop: () => void;

  of(turnId: string) {
    return this.events.filter((e) => e.data?.turn_id === turnId);
  }

  async until(test: (events: Event[]) => boolean, timeoutMs = 15_000) {
    const end = Date.now() + timeoutMs;
    while (!test(this.events)) {
      if (Date.now() > end) throw new Error(`not seen in ${timeoutMs} ms: ${this.events.map((e) => `${e.event}:${e.data?.agent_id ?? ""}`).join(", ")}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const watch = async (b: Browser, roomId: number, lastEventId?: string) => new Watch(await b.fetch(`/api/chat/rooms/${roomId}/events`, { headers: lastEventId ? { "last-event-id": lastEventId } : {} }));

/** What a client that appends `content` and clears on `reset` shows for each expert. */
function shown(events: Event[]): Map<string, string> {
  const text = new Map<string, string>();
  for (const e of events) {
    const id = e.data?.agent_id;
    if (!id) continue;
    if (e.event === "reset") text.set(id, "");
    if (e.event === "content") text.set(id, (text.get(id) ?? "") + e.data.message);
  }
  return text;
}

const SENDER: Record<string, string> = { style_analyst: "STYLE", trend_expert: "TREND", color_expert: "COLOR", fitting_coordinator: "FITTING_COORDINATOR" };

async function saved(turnId: string) {
  const { results } = await env.DB.prepare("select sender_type, message from chat_messages where turn_id = ? and sender_type not like '%_PRODUCT' order by id").bind(turnId).all<{ sender_type: string; message: string }>();
  return results;
}

async function signedInWithRoom(name: string): Promise<{ browser: Browser; roomId: number }> {
  const browser = new Browser();
  await browser.devLogin(`${name}-${crypto.randomUUID().slice(0, 6)}`);
  const { body } = await browser.json<{ room_id: number; turn_id: string }>("/api/chat/send", { method: "POST", body: { content: "면접 복장 추천해 주세요" } });
  const first = body.data;
  await expect.poll(async () => (await saved(first.turn_id)).length, { timeout: 15_000 }).toBe(5);
  return { browser, roomId: first.room_id };
}

async function send(browser: Browser, roomId: number, content: string): Promise<string> {
  const { res, body } = await browser.json<{ turn_id: string }>("/api/chat/send", { method: "POST", body: { room_id: roomId, content } });
  expect(res.status, body.message).toBe(200);
  return body.data.turn_id;
}

/** Changes bindings the room object sees (until it restarts); returns the ones it had. */
async function rewire(roomId: number, change: (env: Env) => Partial<Env> & Record<string, unknown>): Promise<Env> {
  return runInDurableObject(roomStub(env, roomId), (room: ChatRoom) => {
    const r = room as unknown as { env: Env };
    const before = r.env;
    r.env = { ...before, ...change(before) } as Env;
    return before;
  });
}

/** A queue that keeps what is sent to it instead of delivering it. */
function heldQueue() {
  const bodies: unknown[] = [];
  const queue = {
    send: async (body: unknown) => void bodies.push(body),
    sendBatch: async (messages: Iterable<{ body: unknown }>) => void bodies.push(...[...messages].map((m) => m.body)),
  };
  return { bodies, queue: queue as unknown as Queue };
}

beforeAll(async () => {
  await seedCatalog(300);
});

describe("the room object restarted mid-turn", () => {
  it("comes back with the turn; a subscriber resumes with Last-Event-ID and sees every answer once", async () => {
    const { browser, roomId } = await signedInWithRoom("restart");
    const held = heldQueue();
    await rewire(roomId, () => ({ EXPERT_JOBS: held.queue }));
    const before = await watch(browser, roomId);
    const turnId = await send(browser, roomId, "색 조합은 어떻게 할까요?");
    await expect.poll(() => held.bodies.length).toBe(3); // the panel's jobs, held back

    // The style analyst is half-way through its answer when the object goes away.
    expect(await roomStub(env, roomId).delta(turnId, "style_analyst", 1, "네이비 재킷에 ")).toBe(true);
    await before.until(() => before.of(turnId).some((e) => e.event === "content"));
    const lastId = before.events.at(-1)!.id!;
    await runInDurableObject(roomStub(env, roomId), (_room, state) => state.abort("restarted by the test")).catch(() => {});
    expect(await before.ended).toBe("broken");

    // The browser reconnects; the jobs, retried by the queue, reach the new object.
    const after = await watch(browser, roomId, lastId);
    await env.EXPERT_JOBS.sendBatch(held.bodies.map((body) => ({ body })));
    await after.until((events) => events.some((e) => e.event === "complete" && e.data.turn_id === turnId && e.data.agent_id === "fitting_coordinator"));
    after.stop();

    const events = after.of(turnId);
    expect(events[0]!.event).toBe("turn"); // replayed from the stored turn
    const analyst = events.filter((e) => e.data.agent_id === "style_analyst").map((e) => e.event);
    expect(analyst[0]).toBe("reset"); // what it had half said is cleared before it starts again
    const rows = await saved(turnId);
    expect(rows.map((r) => r.sender_type).sort()).toEqual(["COLOR", "FITTING_COORDINATOR", "STYLE", "TREND", "USER"]);
    // What the resumed subscriber shows, after the half answer it held, is what was saved.
    const text = shown([...before.of(turnId), ...events]);
    for (const row of rows.filter((r) => r.sender_type !== "USER")) expect(text.get(Object.keys(SENDER).find((k) => SENDER[k] === row.sender_type)!)).toBe(row.message);
  });
});

describe("D1 failing while a turn is saved", () => {
  it("stores nothing of the turn, tries again, and completes it with every answer once", async () => {
    const { browser, roomId } = await signedInWithRoom("d1-down");
    let down = true;
    await rewire(roomId, (real) => ({
      DB: new Proxy(real.DB, {
        get(target, prop) {
          if (prop === "batch" && down) return async () => Promise.reject(new Error("D1_ERROR: the database is unavailable (test)"));
          const value = Reflect.get(target, prop) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      }),
    }));
    const w = await watch(browser, roomId);
    const turnId = await send(browser, roomId, "신발도 골라 주세요");
    // The coordinator has spoken, but its `complete` waits for the save, which fails.
    await w.until(() => w.of(turnId).some((e) => e.event === "content" && e.data.agent_id === "fitting_coordinator"));
    await new Promise((r) => setTimeout(r, 300));
    expect(w.of(turnId).some((e) => e.event === "complete" && e.data.agent_id === "fitting_coordinator")).toBe(false);
    expect(await saved(turnId)).toEqual([{ sender_type: "USER", message: "신발도 골라 주세요" }]);

    down = false;
    await runDurableObjectAlarm(roomStub(env, roomId)); // the retry would come by itself; this is sooner
    await w.until(() => w.of(turnId).some((e) => e.event === "complete" && e.data.agent_id === "fitting_coordinator"));
    w.stop();
    const rows = await saved(turnId);
    expect(rows.map((r) => r.sender_type).sort()).toEqual(["COLOR", "FITTING_COORDINATOR", "STYLE", "TREND", "USER"]);
    const text = shown(w.of(turnId));
    for (const row of rows.filter((r) => r.sender_type !== "USER")) expect(text.get(Object.keys(SENDER).find((k) => SENDER[k] === row.sender_type)!)).toBe(row.message);
  });
});

describe("experts who never answer", () => {
  it("end at the turn's deadline in errors with dead-letter records, and the user's retry completes the turn", async () => {
    const { browser, roomId } = await signedInWithRoom("deadline");
    const held = heldQueue();
    const real = await rewire(roomId, () => ({ EXPERT_JOBS: held.queue, CHAT_TURN_DEADLINE_SECONDS: "1" }));
    const w = await watch(browser, roomId);
    const turnId = await send(browser, roomId, "가방은 뭐가 좋을까요?");
    await expect.poll(() => held.bodies.length).toBe(3); // sent, and lost
    await new Promise((r) => setTimeout(r, 1_100));
    await runDurableObjectAlarm(roomStub(env, roomId));
    await w.until(() => w.of(turnId).filter((e) => e.event === "error").length === 4);
    const failed = await env.DB.prepare("select subject, error from failed_jobs where subject like ?").bind(`%turn:${turnId}%`).all<{ subject: string; error: string }>();
    expect(failed.results.map((f) => f.subject.split("expert:")[1]).sort()).toEqual(["color_expert", "fitting_coordinator", "style_analyst", "trend_expert"]);
    expect(failed.results.every((f) => f.error.startsWith("deadline:"))).toBe(true);
    expect(await saved(turnId)).toEqual([{ sender_type: "USER", message: "가방은 뭐가 좋을까요?" }]);

    // The queue works again; the user presses retry.
    await rewire(roomId, () => ({ EXPERT_JOBS: real.EXPERT_JOBS, CHAT_TURN_DEADLINE_SECONDS: "180" }));
    const { res, body } = await browser.json<{ retried: string[] }>(`/api/chat/rooms/${roomId}/turns/${turnId}/retry`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(body.data.retried.sort()).toEqual(["color_expert", "fitting_coordinator", "style_analyst", "trend_expert"]);
    await w.until(() => w.of(turnId).some((e) => e.event === "complete" && e.data.agent_id === "fitting_coordinator"));
    w.stop();
    expect((await saved(turnId)).map((r) => r.sender_type).sort()).toEqual(["COLOR", "FITTING_COORDINATOR", "STYLE", "TREND", "USER"]);
  });
});
