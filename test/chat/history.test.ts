// A room's message history (GET /api/chat/rooms/{id}/messages) pages on an index (issue 9:
// a page in ≤ 5 ms with 100,000 messages in the room, bench/history.ts): the SQL the route
// runs — drizzle's own rendering of the route's query builder, so this breaks when the query
// changes — is explained by SQLite in the migrated D1 and must be an index search with the
// cursor as the index range: no scan of the messages table, no temporary B-tree for a sort, no
// OFFSET, no count. Then a room with many messages sharing one millisecond (and product rows
// between them) is walked page by page: every message exactly once, newest first.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { messagesPageQuery } from "../../worker/chat/store";
import { Browser } from "../client";

type Page = { messages: { id: number; message_type: string; created_at: string; products: { product_id: string }[] }[]; has_more: boolean; next_cursor: string | null; count: number };

async function signedIn(nickname: string) {
  const browser = new Browser();
  const { userId } = await browser.devLogin(nickname);
  return { browser, userId };
}

async function newRoom(userId: number) {
  const row = await env.DB.prepare("insert into chat_rooms (user_id, title, created_at, updated_at) values (?, 'history', 0, 0) returning id").bind(userId).first<{ id: number }>();
  return row!.id;
}

const EXPERT_TYPES = ["STYLE", "TREND", "COLOR", "FITTING_COORDINATOR"] as const;

/**
 * `turns` turns as the app stores them (the question, four answers, two product rows after each
 * answer), oldest first. Every third turn's question and answers share one millisecond, and
 * every turn's answers do: ties the cursor must break by id.
 */
async function fillRoom(roomId: number, turns: number, start: number) {
  const rows: unknown[][] = [];
  for (let t = 0; t < turns; t++) {
    const asked = start + t * 1000;
    const answered = t % 3 === 0 ? asked : asked + 7;
    const turnId = crypto.randomUUID();
    rows.push(["USER", `question ${t}`, null, null, turnId, asked]);
    for (const type of EXPERT_TYPES) {
      rows.push([type, `${type} answer ${t}`, null, null, turnId, answered]);
      for (const k of [1, 2]) rows.push([`${type}_PRODUCT`, `product ${t}.${k}`, `/api/images/p${t}-${k}.png`, `${t}${k}`, turnId, answered]);
    }
  }
  const insert = `insert into chat_messages (room_id, sender_type, message, product_image_url, product_id, turn_id, created_at)
    select ${roomId}, value ->> '$[0]', value ->> '$[1]', value ->> '$[2]', value ->> '$[3]', value ->> '$[4]', value ->> '$[5]' from json_each(?)`;
  for (let i = 0; i < rows.length; i += 2000) await env.DB.prepare(insert).bind(JSON.stringify(rows.slice(i, i + 2000))).run();
}

type PlanRow = { id: number; parent: number; detail: string };

async function explain(query: { sql: string; params: unknown[] }): Promise<string[]> {
  const { results } = await env.DB.prepare(`explain query plan ${query.sql}`)
    .bind(...query.params)
    .all<PlanRow>();
  return results.map((r) => r.detail);
}

describe("the history page's query plan", () => {
  let roomId: number;
  const cursor = { at: Date.UTC(2026, 0, 1, 12), id: 5_000 };

  beforeAll(async () => {
    const { userId } = await signedIn("history-plan");
    roomId = await newRoom(userId);
    // Enough rows that the plan is the one a big room gets, and statistics for the planner as D1 keeps them.
    await fillRoom(roomId, 400, Date.UTC(2026, 0, 1));
    await env.DB.prepare("analyze").run();
  });

  /** The plan's lines, checked: the messages read through (room_id, created_at, id), the cursor its range. */
  function expectKeyset(plan: string[], withCursor: boolean) {
    const main = plan.find((line) => /^SEARCH m\b/.test(line));
    expect(main, plan.join("\n")).toBeDefined();
    const range = withCursor ? String.raw`room_id=\? AND created_at<\?` : String.raw`room_id=\?`;
    expect(main).toMatch(new RegExp(String.raw`^SEARCH m USING (COVERING )?INDEX chat_messages_room_created \(${range}\)$`));
    // Each answer's products: the turn's rows through its index.
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH chat_messages USING (COVERING )?INDEX chat_messages_turn \(turn_id=\?\)$/));
    for (const line of plan) {
      expect(line).not.toMatch(/TEMP B-TREE/);
      // A SCAN is only allowed over a subquery's own rows (the products of one turn, in id order), never a table.
      const scanned = /^SCAN (\S+)/.exec(line)?.[1];
      if (scanned) expect(plan, `SCAN ${scanned} in\n${plan.join("\n")}`).toContain(`CO-ROUTINE ${scanned}`);
    }
  }

  it("reads the newest page from the index, newest first, without a sort", async () => {
    const query = messagesPageQuery(env.DB, roomId, 20, null).toSQL();
    expect(query.sql).not.toMatch(/\boffset\b|count\(/i);
    expect(query.params).toContain(21); // one row more than the page: has_more without a count
    expectKeyset(await explain(query), false);
  });

  it("starts a later page at the cursor inside the index (a range, not a filter)", async () => {
    const query = messagesPageQuery(env.DB, roomId, 20, cursor).toSQL();
    expect(query.sql).not.toMatch(/\boffset\b|count\(/i);
    expectKeyset(await explain(query), true);
  });

  it("has the plan the route's answers come from (the same query, run)", async () => {
    const { browser } = await signedIn("history-plan");
    const first = await browser.json<Page>(`/api/chat/rooms/${roomId}/messages?limit=20`);
    expect(first.res.status).toBe(200);
    const rows = await messagesPageQuery(env.DB, roomId, 20, null);
    expect(first.body.data.messages.map((m) => m.id)).toEqual(rows.slice(0, 20).map((r) => r.id));
  });
});

describe("paging through a room", () => {
  const TURNS = 60; // 300 messages, 480 product rows between them
  let browser: Browser;
  let roomId: number;
  let expected: { id: number; created_at: number; sender_type: string }[];

  beforeAll(async () => {
    const user = await signedIn("history-pager");
    browser = user.browser;
    roomId = await newRoom(user.userId);
    await fillRoom(roomId, TURNS, Date.UTC(2026, 1, 1));
    const { results } = await env.DB.prepare("select id, created_at, sender_type from chat_messages where room_id = ? and sender_type not like '%\\_PRODUCT' escape '\\'")
      .bind(roomId)
      .all<{ id: number; created_at: number; sender_type: string }>();
    expected = results.sort((a, b) => b.created_at - a.created_at || b.id - a.id);
    expect(expected).toHaveLength(TURNS * 5);
    // Ties on the time do happen: a page boundary has to fall inside them.
    expect(new Set(expected.map((r) => r.created_at)).size).toBeLessThan(expected.length / 2);
  });

  async function walk(limit: number) {
    const seen: Page["messages"] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/chat/rooms/${roomId}/messages?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const { res, body } = await browser.json<Page>(path);
      expect(res.status).toBe(200);
      const page: Page = body.data;
      expect(page.count).toBe(page.messages.length);
      expect(page.has_more).toBe(page.next_cursor !== null);
      if (page.has_more) expect(page.count).toBe(limit);
      seen.push(...page.messages);
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages <= expected.length);
    return { seen, pages };
  }

  for (const limit of [7, 20, 100]) {
    it(`returns every message exactly once, newest first, in pages of ${limit}`, async () => {
      const { seen, pages } = await walk(limit);
      expect(seen.map((m) => m.id)).toEqual(expected.map((r) => r.id));
      expect(pages).toBe(Math.ceil(expected.length / limit));
    });
  }

  it("folds each answer's product rows into it, in order, and lists no product row itself", async () => {
    const { seen } = await walk(50);
    expect(seen.some((m) => m.message_type.endsWith("_PRODUCT"))).toBe(false);
    for (const m of seen) {
      if (m.message_type === "USER") expect(m.products).toEqual([]);
      else expect(m.products.map((p) => p.product_id.slice(-1))).toEqual(["1", "2"]);
    }
  });

  it("takes the seed's plain ISO time as a cursor: the messages strictly older than it", async () => {
    const at = expected[37]!.created_at;
    const { body } = await browser.json<Page>(`/api/chat/rooms/${roomId}/messages?limit=100&cursor=${encodeURIComponent(new Date(at).toISOString())}`);
    expect(body.data.messages.map((m) => m.id)).toEqual(expected.filter((r) => r.created_at < at).slice(0, 100).map((r) => r.id));
  });
});
