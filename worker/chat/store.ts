// Chat rooms and messages in D1. The user's message is one write (a batch: the message and
// the room's time, or the new room and its first message); a turn's answers are one batch
// (each answer plus one `*_PRODUCT` row per recommended product, the seed's layout).
import { and, desc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { Recent } from "../cache/recent.ts";
import { chatMessages } from "../db/schema.ts";
import { EXPERTS, isExpertId, type ExpertId } from "./experts.ts";
import type { ProductRef } from "./jobs.ts";
import type { Answer, TurnStart } from "./room.ts";
import { contextFrom, historyStatement, profileStatement, type TurnContext } from "./turn-context.ts";

const TITLE_LENGTH = 40;
const titleOf = (text: string) => (text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text) || "새 대화";

export type UserMessage = { roomId: number; content: string; imageUrl: string | null; turnId: string };

/**
 * Stores the user's message in the room (whose owner the caller has checked) and, in the same
 * batch, reads the turn's context (turn-context.ts): one D1 round trip for both.
 */
export async function storeUserMessage(db: D1Database, userId: number, m: UserMessage): Promise<{ messageId: number; createdAt: number; context: TurnContext | undefined }> {
  const now = Date.now();
  const [inserted, , profile, history] = await db.batch([
    db
      .prepare("insert into chat_messages (room_id, sender_type, message, image_url, turn_id, created_at) values (?, 'USER', ?, ?, ?, ?) returning id")
      .bind(m.roomId, m.content, m.imageUrl, m.turnId, now),
    db.prepare("update chat_rooms set updated_at = ?, title = coalesce(title, ?) where id = ?").bind(now, titleOf(m.content), m.roomId),
    profileStatement(db, userId, m.roomId),
    historyStatement(db, m.roomId, m.turnId),
  ]);
  return { messageId: (inserted!.results[0] as { id: number }).id, createdAt: now, context: readable(() => contextFrom(userId, profile!, history!)) };
}

/** Creates a room with the user's first message in it, and reads the user's profile, in one batch (a new room has no history). */
export async function createRoomWithMessage(db: D1Database, userId: number, m: Omit<UserMessage, "roomId">): Promise<{ roomId: number; messageId: number; context: TurnContext | undefined }> {
  const now = Date.now();
  const [room, message, profile] = await db.batch([
    db.prepare("insert into chat_rooms (user_id, title, created_at, updated_at) values (?, ?, ?, ?) returning id").bind(userId, titleOf(m.content), now, now),
    db
      .prepare("insert into chat_messages (room_id, sender_type, message, image_url, turn_id, created_at) values (last_insert_rowid(), 'USER', ?, ?, ?, ?) returning id")
      .bind(m.content, m.imageUrl, m.turnId, now),
    // No occasion points at a room made in this batch: its id is not known to the join, so 0 finds none.
    profileStatement(db, userId, 0),
  ]);
  const roomId = (room!.results[0] as { id: number }).id;
  roomOwners.set(roomId, userId);
  return { roomId, messageId: (message!.results[0] as { id: number }).id, context: readable(() => contextFrom(userId, profile!, null)) };
}

/** The message is stored whatever its context's rows say: a context that cannot be read is left to the jobs to read again. */
function readable(read: () => TurnContext): TurnContext | undefined {
  try {
    return read();
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "turn context unreadable", error: String(err) }));
    return undefined;
  }
}

export async function createRoom(db: D1Database, userId: number, title: string | null): Promise<number> {
  const now = Date.now();
  const row = await db.prepare("insert into chat_rooms (user_id, title, created_at, updated_at) values (?, ?, ?, ?) returning id").bind(userId, title, now, now).first<{ id: number }>();
  roomOwners.set(row!.id, userId);
  return row!.id;
}

/** Rooms' owners this isolate has created or looked up: a room never changes hands, so a known owner holds. */
const roomOwners = new Recent<number, number>(Infinity, 10_000);

/** True when the room exists and belongs to the user (anything else answers 404 alike). */
export async function ownsRoom(db: D1Database, userId: number, roomId: number): Promise<boolean> {
  const known = roomOwners.get(roomId);
  if (known !== undefined) return known === userId;
  const row = await db.prepare("select user_id from chat_rooms where id = ?").bind(roomId).first<{ user_id: number }>();
  if (row) roomOwners.set(roomId, row.user_id);
  return row?.user_id === userId;
}

/** One turn's answers and their product rows, in one batch. */
export async function saveAnswers(db: D1Database, start: TurnStart, answers: { expert: ExpertId; answer: Answer }[]): Promise<void> {
  if (answers.length === 0) return;
  // One transaction that first removes what an earlier save of the same answers left (the
  // room may have restarted between a save and its record of it): never half, never twice.
  const types = answers.flatMap(({ expert }) => [EXPERTS[expert].senderType, `${EXPERTS[expert].senderType}_PRODUCT`]);
  const statements: D1PreparedStatement[] = [
    db.prepare(`delete from chat_messages where turn_id = ? and room_id = ? and sender_type in (${types.map(() => "?").join(", ")})`).bind(start.turnId, start.roomId, ...types),
  ];
  for (const { expert, answer } of answers) {
    const type = EXPERTS[expert].senderType;
    const engine = `${answer.engine}/${answer.model}`;
    statements.push(
      db
        .prepare("insert into chat_messages (room_id, sender_type, message, turn_id, engine, created_at) values (?, ?, ?, ?, ?, ?)")
        .bind(start.roomId, type, answer.text, start.turnId, engine, answer.completedAt),
    );
    for (const p of answer.products) {
      statements.push(
        db
          .prepare("insert into chat_messages (room_id, sender_type, message, product_image_url, product_id, turn_id, engine, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(start.roomId, `${type}_PRODUCT`, p.product_name, p.product_url, p.product_id, start.turnId, engine, answer.completedAt),
      );
    }
  }
  const last = Math.max(...answers.map((a) => a.answer.completedAt));
  statements.push(db.prepare("update chat_rooms set updated_at = max(updated_at, ?) where id = ?").bind(last, start.roomId));
  await db.batch(statements);
}

// ---------------------------------------------------------------------------- reading

const SENDER_OF_EXPERT = Object.fromEntries(Object.entries(EXPERTS).map(([id, e]) => [e.senderType, id as ExpertId]));

/** A message with its answer's product rows folded in as a JSON list. */
const SELECT_MESSAGES = `select m.id, m.message, m.image_url, m.sender_type, m.created_at, m.turn_id, m.engine,
    coalesce((select json_group_array(json_object('product_id', p.product_id, 'product_url', p.product_image_url))
              from (select product_id, product_image_url from chat_messages
                    where room_id = m.room_id and turn_id = m.turn_id and sender_type = m.sender_type || '_PRODUCT' order by id) p), '[]') as products
  from chat_messages m`;

type MessageRow = {
  id: number;
  message: string;
  image_url: string | null;
  sender_type: string;
  created_at: number;
  turn_id: string | null;
  engine: string | null;
  products: string;
};

/** The seed's message fields, plus the expert's id, its products as objects, and the engine. */
function toMessage(r: MessageRow) {
  const expert = SENDER_OF_EXPERT[r.sender_type];
  const products = JSON.parse(r.products) as Pick<ProductRef, "product_id" | "product_url">[];
  const [engine, model] = r.engine ? r.engine.split("/") : [null, null];
  return {
    id: r.id,
    content: r.message,
    image_url: r.image_url,
    message_type: r.sender_type,
    created_at: new Date(r.created_at).toISOString(),
    agent_type: expert ? r.sender_type : null,
    agent_id: expert ?? null,
    agent_name: expert && isExpertId(expert) ? EXPERTS[expert].name.ko : null,
    product_image_url: expert ? products.map((p) => p.product_url) : null,
    products: expert ? products : [],
    turn_id: r.turn_id,
    engine: engine ?? null,
    model: model ?? null,
  };
}

export type ChatMessage = ReturnType<typeof toMessage>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Cursor: the previous page's `next_cursor`, `<ISO time>_<id>` of its oldest message, or a
 * plain ISO time as the seed sent (messages strictly older than it).
 */
export function parseCursor(cursor: string | undefined): { at: number; id: number } | null | "invalid" {
  if (!cursor) return null;
  const [time, id] = cursor.split("_");
  // Date.parse alone would read almost anything ("a 2" is February 2001): an ISO time only.
  if (!ISO_TIME.test(time ?? "")) return "invalid";
  const at = Date.parse(time!);
  if (!Number.isFinite(at)) return "invalid";
  if (id === undefined) return { at, id: 0 };
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 ? { at, id: n } : "invalid";
}

/** Not a `*_PRODUCT` row (those are folded into their answers). */
const isHistoryMessage = (senderType: SQLiteColumn) => sql`${senderType} not like '%\\_PRODUCT' escape '\\'`;

const m = alias(chatMessages, "m");

/**
 * The query of a page of the room's messages, newest first (what `listMessages` runs, and what
 * test/chat/history.test.ts explains): keyset pagination on chat_messages_room_created
 * (room_id, created_at, id), the cursor one row-value comparison that SQLite turns into the
 * index range, so a page deep in a long room costs what the newest one does (the earlier
 * `?2 is null or created_at < ?2 or (…)` was only a filter: the index was walked from the
 * newest message down to the cursor, 30 ms at 90 % of 100,000 messages); `limit + 1` rows for
 * `has_more` (no count). Each answer's product rows are folded in by a correlated subquery
 * (the turn's rows, by chat_messages_turn; drizzle writes the select list's columns unqualified,
 * so the subquery's `m.` is spelled out).
 */
export function messagesPageQuery(db: D1Database, roomId: number, limit: number, cursor: { at: number; id: number } | null) {
  return drizzle(db)
    .select({
      id: m.id,
      message: m.message,
      image_url: m.imageUrl,
      sender_type: m.senderType,
      created_at: m.createdAt,
      turn_id: m.turnId,
      engine: m.engine,
      products: sql<string>`coalesce((select json_group_array(json_object('product_id', p.product_id, 'product_url', p.product_image_url))
        from (select product_id, product_image_url from chat_messages
              where room_id = m.room_id and turn_id = m.turn_id and sender_type = m.sender_type || '_PRODUCT' order by id) p), '[]')`,
    })
    .from(m)
    .where(and(eq(m.roomId, roomId), isHistoryMessage(m.senderType), cursor ? sql`(${m.createdAt}, ${m.id}) < (${cursor.at}, ${cursor.id})` : undefined))
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(limit + 1);
}

/** A page of the room's messages, newest first; product rows folded into their answers. */
export async function listMessages(db: D1Database, roomId: number, limit: number, cursor: { at: number; id: number } | null) {
  const rows: MessageRow[] = await messagesPageQuery(db, roomId, limit, cursor);
  const page = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  const oldest = page.at(-1);
  return {
    messages: page.map(toMessage),
    has_more: hasMore,
    next_cursor: hasMore && oldest ? `${new Date(oldest.created_at).toISOString()}_${oldest.id}` : null,
    count: page.length,
  };
}

/** The user's rooms, most recently active first, with the last message's text. */
export async function listRooms(db: D1Database, userId: number, limit: number, before: number | null) {
  const rows = await db
    .prepare(
      `select r.id, r.title, r.created_at, r.updated_at,
         (select message from chat_messages where room_id = r.id and sender_type not like '%\\_PRODUCT' escape '\\' order by created_at desc, id desc limit 1) as last_message
       from chat_rooms r
       where r.user_id = ?1 and (?2 is null or r.updated_at < ?2)
       order by r.updated_at desc, r.id desc
       limit ?3`,
    )
    .bind(userId, before, limit + 1)
    .all<{ id: number; title: string | null; created_at: number; updated_at: number; last_message: string | null }>();
  const page = rows.results.slice(0, limit);
  return {
    rooms: page.map((r) => ({
      id: r.id,
      room_id: r.id,
      title: r.title ?? "새 대화",
      last_message: r.last_message,
      created_at: new Date(r.created_at).toISOString(),
      updated_at: new Date(r.updated_at).toISOString(),
    })),
    has_more: rows.results.length > limit,
    next_cursor: rows.results.length > limit ? String(page.at(-1)!.updated_at) : null,
  };
}

/** The answers of the room's latest turn (the seed's polling `receive`). */
export async function latestTurnAnswers(db: D1Database, roomId: number) {
  const turn = await db
    .prepare("select turn_id from chat_messages where room_id = ? and sender_type = 'USER' order by created_at desc, id desc limit 1")
    .bind(roomId)
    .first<{ turn_id: string | null }>();
  if (!turn?.turn_id) return { turnId: null, messages: [] as ChatMessage[] };
  const rows = await db
    .prepare(
      `${SELECT_MESSAGES}
       where m.room_id = ?1 and m.turn_id = ?2 and m.sender_type in ('STYLE', 'TREND', 'COLOR', 'FITTING_COORDINATOR')
       order by m.id`,
    )
    .bind(roomId, turn.turn_id)
    .all<MessageRow>();
  return { turnId: turn.turn_id, messages: rows.results.map(toMessage) };
}
