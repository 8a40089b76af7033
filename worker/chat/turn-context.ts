// What every expert of a turn reads the same: the user's profile facts, the occasion the room
// was opened for, and the room's earlier messages (bounded). It is read once per turn, by the
// batch that stores the user's message (store.ts: the same D1 round trip), and travels with
// the turn to the room object and in every expert's job, so that the four jobs do not each
// ask D1 again. A job without it (queued by an older deploy, or one whose copy does not
// parse) reads it itself with `loadTurnContext`.
import { z } from "zod";
import { BODY_SHAPES, GENDERS, OCCASION_KINDS, SKIN_TONES } from "../db/schema";
import type { NoteSource } from "../occasions/brief-note.ts";
import type { HistoryItem, ProfileFacts } from "./brief.ts";
import { EXPERTS, isExpertId, type ExpertId } from "./experts.ts";

export type TurnContext = { profile: ProfileFacts; occasion: NoteSource | null; history: HistoryItem[] };

/** The conversation an expert reads: the last messages, within a character budget. */
export const HISTORY_LIMITS = { messages: 12, chars: 4_000 } as const;

/** The user's profile facts and, in the same query, the occasion this room was opened for (if any). */
export function profileStatement(db: D1Database, userId: number, roomId: number): D1PreparedStatement {
  return db
    .prepare(
      `select u.nickname, u.height_cm, u.body_shape, u.skin_tone, u.gender, u.preferred_styles,
              o.kind, o.title, o.starts_at, o.time_zone, o.language, o.place, o.notes, o.details
       from users u left join occasions o on o.user_id = u.id and o.room_id = ?
       where u.id = ? limit 1`,
    )
    .bind(roomId, userId);
}

type ProfileRow = {
  nickname: string;
  height_cm: number | null;
  body_shape: ProfileFacts["bodyShape"];
  skin_tone: ProfileFacts["skinTone"];
  gender: ProfileFacts["gender"];
  preferred_styles: string;
  kind: NoteSource["kind"] | null;
  title: string | null;
  starts_at: number | null;
  time_zone: string | null;
  language: NoteSource["language"] | null;
  place: string | null;
  notes: string | null;
  details: string | null;
};

/** The room's messages before this turn, newest first (product rows left out); `historyFrom` bounds and orders them. */
export function historyStatement(db: D1Database, roomId: number, turnId: string): D1PreparedStatement {
  return db
    .prepare(
      `select sender_type, message from chat_messages
       where room_id = ? and (turn_id is null or turn_id != ?) and sender_type not like '%\\_PRODUCT' escape '\\'
       order by created_at desc, id desc limit ?`,
    )
    .bind(roomId, turnId, HISTORY_LIMITS.messages);
}

type HistoryRow = { sender_type: string; message: string };

const EXPERT_OF_SENDER = new Map<string, ExpertId>(Object.entries(EXPERTS).map(([id, e]) => [e.senderType, id as ExpertId]));

/** The context from the two statements' results; throws when the user does not exist. */
export function contextFrom(userId: number, profile: D1Result, history: D1Result | null): TurnContext {
  const row = profile.results[0] as ProfileRow | undefined;
  if (!row) throw new Error(`user ${userId} not found`);
  const occasion: NoteSource | null =
    row.kind === null
      ? null
      : {
          kind: row.kind,
          title: row.title!,
          startsAt: row.starts_at!,
          timeZone: row.time_zone!,
          language: row.language!,
          place: row.place,
          notes: row.notes,
          details: JSON.parse(row.details ?? "{}") as NoteSource["details"],
        };
  return {
    profile: {
      nickname: row.nickname,
      heightCm: row.height_cm,
      bodyShape: row.body_shape,
      skinTone: row.skin_tone,
      gender: row.gender,
      preferredStyles: JSON.parse(row.preferred_styles) as string[],
    },
    occasion,
    history: history ? historyFrom(history.results as HistoryRow[]) : [],
  };
}

/** Oldest first, within HISTORY_LIMITS.chars counted from the newest. */
function historyFrom(rows: HistoryRow[]): HistoryItem[] {
  const items: HistoryItem[] = [];
  let chars = 0;
  for (const r of rows) {
    const expert = EXPERT_OF_SENDER.get(r.sender_type);
    const item: HistoryItem | null = r.sender_type === "USER" ? { role: "user", text: r.message } : expert && isExpertId(expert) ? { role: "expert", expert, text: r.message } : null;
    if (!item || !item.text.trim()) continue;
    if (chars + item.text.length > HISTORY_LIMITS.chars) break;
    chars += item.text.length;
    items.push(item);
  }
  return items.reverse();
}

/** The context read on its own: one batch (one round trip) of the two statements. */
export async function loadTurnContext(db: D1Database, userId: number, roomId: number, turnId: string): Promise<TurnContext> {
  const [profile, history] = await db.batch([profileStatement(db, userId, roomId), historyStatement(db, roomId, turnId)]);
  return contextFrom(userId, profile!, history!);
}

/** The room's earlier messages alone (tests, and anything that needs only the conversation). */
export async function loadHistory(db: D1Database, roomId: number, turnId: string): Promise<HistoryItem[]> {
  return historyFrom((await historyStatement(db, roomId, turnId).all<HistoryRow>()).results);
}

const expertId = z.string().refine((id): id is ExpertId => isExpertId(id));
const nullableString = z.string().nullable();

/** A context as a job carries it, checked on arrival (a queue outlives deploys and their shapes). */
export const TurnContextSchema: z.ZodType<TurnContext> = z.object({
  profile: z.object({
    nickname: z.string(),
    heightCm: z.number().nullable(),
    bodyShape: z.enum(BODY_SHAPES).nullable(),
    skinTone: z.enum(SKIN_TONES).nullable(),
    gender: z.enum(GENDERS).nullable(),
    preferredStyles: z.array(z.string()),
  }),
  occasion: z
    .object({
      kind: z.enum(OCCASION_KINDS),
      title: z.string(),
      startsAt: z.number(),
      timeZone: z.string(),
      language: z.enum(["ko", "en"]),
      place: nullableString,
      notes: nullableString,
      details: z.custom<NoteSource["details"]>((v) => typeof v === "object" && v !== null),
    })
    .nullable(),
  history: z.array(z.union([z.object({ role: z.literal("user"), text: z.string() }), z.object({ role: z.literal("expert"), expert: expertId, text: z.string() })])),
});
