// How often a chat turn goes to D1 (issue 9): the user's message is one write, in the same
// round trip as the context every expert reads (chat/turn-context.ts); the answers are one
// batch; each expert's notes and catalog searches that start together share round trips
// (db/coalesced-reads.ts); the coordinator's look at the panel's products is one query.
// Before those changes the same turn took 39 round trips in bench/chat.ts's run.
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../client";
import { seedCatalog } from "../catalog/seed";
import { readEvents, type SseMessage } from "../sse";

/** Every D1 round trip of this isolate (the Worker, the queue consumer and the room objects run in it), with its SQL. */
const trips: string[] = [];
const session = Object.getPrototypeOf(env.DB.withSession()) as Record<string, (...args: unknown[]) => unknown>;
const originals = { _send: session._send!, _queryOrThrow: session._queryOrThrow! };
const sqlOf = (args: unknown[]) => {
  const query = args[0] === "/query" || args[0] === "/execute" ? args[1] : args[0];
  const text = (q: unknown) => (typeof q === "string" ? q : String((q as { sql?: string }).sql ?? ""));
  return Array.isArray(query) ? query.map(text).join(" ; ") : text(query);
};

const ends = (m: SseMessage) => m.event === "complete" && (m.data.data as { agent_id?: string }).agent_id === "fitting_coordinator";

async function turn(browser: Browser, input: string, roomId?: number) {
  const path = roomId === undefined ? "/api/chat/rooms/messages/stream" : `/api/chat/rooms/${roomId}/messages/stream`;
  const events = await readEvents(await browser.fetch(`${path}?user_input=${encodeURIComponent(input)}`), { until: ends, timeoutMs: 30_000 });
  expect(events.filter(ends)).toHaveLength(1);
  return (events[0]!.data.data as { room_id?: number }).room_id;
}

beforeAll(async () => {
  await seedCatalog(2_400);
  for (const name of ["_send", "_queryOrThrow"] as const) {
    session[name] = function (this: unknown, ...args: unknown[]) {
      trips.push(sqlOf(args));
      return originals[name].apply(this, args);
    };
  }
});

afterAll(() => Object.assign(session, originals));

describe("a turn's D1 round trips", () => {
  it("writes twice (the message, then the answers) and reads in a few shared round trips", async () => {
    const browser = new Browser();
    await browser.devLogin("round-trips");
    const roomId = await turn(browser, "다음 주 IT 회사 면접인데 뭐 입으면 좋을까요? 예산은 30만원이에요");
    await turn(browser, "좀 더 캐주얼한 걸로 보여 주세요", roomId); // warms the product cache the way a room's later turns find it

    trips.length = 0;
    await turn(browser, "A smart casual outfit for a team dinner in autumn", roomId);
    // The coordinator's `complete` goes out after the answers' save: every round trip of the turn is in.
    const writes = trips.filter((sql) => /^\s*(insert|update|delete)/i.test(sql));
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatch(/^insert into chat_messages .*'USER'.* ; update chat_rooms .* ; select u\.nickname.* ; select sender_type, message from chat_messages/s);
    expect(writes[1]).toMatch(/^delete from chat_messages where turn_id/);
    // No expert reads the profile or the history again: the turn's context came with its job.
    expect(trips.filter((sql) => /from users u left join occasions|select sender_type, message from chat_messages/.test(sql))).toHaveLength(1);
    // The coordinator's look at the panel's products, if KV lacked any, is one query, never one per product.
    expect(trips.filter((sql) => /from products where id = \?/.test(sql))).toHaveLength(0);
    // Reads that start together share a trip: an expert's notes and first searches go as one.
    const readTrips = trips.filter((sql) => !/^\s*(insert|update|delete)/i.test(sql)).map((sql) => sql.split(" ; ").length);
    expect(Math.max(...readTrips)).toBeGreaterThanOrEqual(4);
    // 21 here (the look's later slots search one after another, each capped by what the earlier
    // pieces left); 39 before the context, the shared trips and the one product query.
    expect(trips.length).toBeLessThanOrEqual(24);
  });
});
