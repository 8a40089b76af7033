// The chat under engine faults, through the real queue, room object and OpenAI SDK against
// the fake OpenAI's flaky scenario: a stream cut mid-way is retried without duplicated
// text (or restarted cleanly with `reset` when the retry's words differ); an expert that
// fails every delivery ends in an `error` naming it, a failed_jobs record and the user's
// message still stored, and the user's retry then completes the turn. Every delivery is one
// llm_call data point: a retry, then ok or (after the last) failed.
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../client";
import { seedCatalog } from "../catalog/seed";
import { readEvents, type SseMessage } from "../sse";
import { recordMetrics, type Recorder } from "../metrics/recorder";

type Data = { agent_id?: string; agent_name?: string; message?: string; room_id?: number; turn_id?: string; attempt?: number; retryable?: boolean };
const data = (m: SseMessage) => m.data.data as Data;
const PANEL = ["style_analyst", "trend_expert", "color_expert"];

async function signedIn(nickname: string) {
  const browser = new Browser();
  await browser.devLogin(nickname);
  return browser;
}

async function turn(browser: Browser, input: string, timeoutMs = 30_000) {
  const res = await browser.fetch(`/api/chat/rooms/messages/stream?user_input=${encodeURIComponent(input)}`);
  expect(res.status).toBe(200);
  return readEvents(res, { timeoutMs });
}

/** What a client that appends `content` and clears on `reset` shows for each expert. */
function shown(events: SseMessage[]): Map<string, string> {
  const text = new Map<string, string>();
  for (const e of events) {
    const d = data(e);
    if (!d.agent_id) continue;
    if (e.event === "reset") text.set(d.agent_id, "");
    if (e.event === "content") text.set(d.agent_id, (text.get(d.agent_id) ?? "") + d.message);
  }
  return text;
}

let metrics: Recorder;

beforeAll(async () => {
  await seedCatalog(300);
  metrics = recordMetrics();
});
afterAll(() => metrics.stop());

/** The LLM calls recorded for one expert, in order: [outcome, attempt]. */
const callsOf = (expert: string) =>
  metrics
    .points("llm_call")
    .filter((p) => p.blobs[2] === expert)
    .map((p) => [p.blobs[1], p.blobs[3], p.doubles[2]]);

describe("an expert's stream cut mid-way", () => {
  it("is retried by the queue and subscribers see its text once, without a reset", async () => {
    metrics.clear();
    const events = await turn(await signedIn("cut-once"), "면접 복장 추천해 주세요 [cut-once]");
    const completes = events.filter((e) => e.event === "complete").map(data);
    expect(completes.map((c) => c.agent_id).sort()).toEqual([...PANEL, "fitting_coordinator"].sort());
    expect(events.some((e) => e.event === "error")).toBe(false);
    expect(events.some((e) => e.event === "reset")).toBe(false);
    // The second delivery streamed (attempt 2) but repeated nothing already sent.
    expect(events.some((e) => e.event === "content" && data(e).attempt === 2)).toBe(true);
    const text = shown(events);
    for (const c of completes) {
      expect(text.get(c.agent_id!)).toBe(c.message);
      expect(c.message).toMatch(/^Picks: /);
    }
    // Each delivery is one LLM call in the metrics: the cut one a retry, the second ok.
    await metrics.until("llm_call", 8);
    for (const expert of [...PANEL, "fitting_coordinator"]) {
      expect(callsOf(expert)).toEqual([
        ["openai", "retry", 1],
        ["openai", "ok", 2],
      ]);
    }
  });

  it("restarts cleanly with a `reset` when the retried answer is worded differently", async () => {
    const events = await turn(await signedIn("reworded"), "소개팅 룩 [cut-once-reworded]");
    const completes = events.filter((e) => e.event === "complete").map(data);
    expect(completes).toHaveLength(4);
    for (const c of completes) {
      const resets = events.filter((e) => e.event === "reset" && data(e).agent_id === c.agent_id);
      expect(resets.length, c.agent_id).toBe(1);
      expect(c.message).toMatch(/^Second try\. Picks: /);
      expect(shown(events).get(c.agent_id!)).toBe(c.message);
    }
  });
});

describe("an expert that fails every delivery", () => {
  it("ends in an error naming it, is recorded, keeps the user's message, and the user's retry completes the turn", async () => {
    const browser = await signedIn("always-failing");
    metrics.clear();
    const question = `출근룩 [fail-4:${crypto.randomUUID().slice(0, 8)}]`;
    const events = await turn(browser, question, 60_000);
    const errors = events.filter((e) => e.event === "error");
    expect(errors.map((e) => data(e).agent_id).sort()).toEqual([...PANEL, "fitting_coordinator"].sort());
    for (const e of errors) {
      expect(e.data.status).toBe("fail");
      expect(e.data.message).toContain(data(e).agent_name!);
      expect(data(e).retryable).toBe(true);
    }
    expect(events.some((e) => e.event === "complete")).toBe(false);
    const roomId = data(events[0]!).room_id!;
    const turnId = data(events.find((e) => e.event === "turn")!).turn_id!;

    const stored = await env.DB.prepare("select sender_type, message from chat_messages where room_id = ?").bind(roomId).all();
    expect(stored.results).toEqual([{ sender_type: "USER", message: question }]);
    const failed = await env.DB.prepare("select subject, attempts from failed_jobs where subject like ?").bind(`room:${roomId}/%`).all<{ subject: string; attempts: number }>();
    expect(failed.results.map((f) => f.subject.split("expert:")[1]).sort()).toEqual([...PANEL, "fitting_coordinator"].sort());
    for (const f of failed.results) expect(f.attempts).toBe(4);
    // Three retries, then the last delivery fails for good: four LLM calls per expert.
    for (const expert of [...PANEL, "fitting_coordinator"]) {
      expect(callsOf(expert)).toEqual([
        ["openai", "retry", 1],
        ["openai", "retry", 2],
        ["openai", "retry", 3],
        ["openai", "failed", 4],
      ]);
    }

    // The user presses retry: the experts run again (the fake now answers) on the room's watch stream.
    const watch = await browser.fetch(`/api/chat/rooms/${roomId}/events`);
    const watched = readEvents(watch, { until: (m) => m.event === "complete" && data(m).agent_id === "fitting_coordinator", timeoutMs: 30_000 });
    const retry = await browser.json<{ retried: string[] }>(`/api/chat/rooms/${roomId}/turns/${turnId}/retry`, { method: "POST" });
    expect(retry.res.status).toBe(200);
    expect(retry.body.data.retried.sort()).toEqual([...PANEL, "fitting_coordinator"].sort());
    const after = await watched;
    expect(after.filter((e) => e.event === "complete").map((e) => data(e).agent_id).sort()).toEqual([...PANEL, "fitting_coordinator"].sort());

    const history = await browser.json<{ messages: { message_type: string }[] }>(`/api/chat/rooms/${roomId}/messages`);
    expect(history.body.data.messages.map((m) => m.message_type).sort()).toEqual(["COLOR", "FITTING_COORDINATOR", "STYLE", "TREND", "USER"]);
  }, 90_000); // four deliveries per expert, with the queue's backoff between them
});
