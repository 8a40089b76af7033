// Starting a turn: check the photo is the user's own upload, store the user's message (the
// first and only write before anything else can fail; the same round trip reads what every
// expert of the turn reads, turn-context.ts), then hand the turn to the room's
// object, which sends the panel's jobs and answers with the turn's event stream.
import { AppError } from "../http/errors";
import type { Language } from "./brief.ts";
import { roomStub } from "./expert-job.ts";
import type { TurnStart } from "./room.ts";
import { createRoomWithMessage, storeUserMessage } from "./store.ts";
import type { TurnContext } from "./turn-context.ts";

export type TurnRequest = { userId: number; roomId: number | null; input: string; imageUrl: string | null; requestId?: string | undefined };

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;
export const languageOf = (text: string): Language => (HANGUL.test(text) ? "ko" : "en");

/**
 * The R2 key behind an image URL, when it is one of this user's uploads (`/api/images/users/
 * {id}/uploads/…`, relative or on any origin); anything else is refused with a 400.
 */
export async function photoKeyOf(db: D1Database, userId: number, imageUrl: string, field = "image_url"): Promise<string> {
  let key: string;
  try {
    // A stray % ("/api/images/%E0%A4%A") is no URL of ours either: decoding it throws.
    key = decodeURIComponent(new URL(imageUrl, "https://debut.invalid").pathname.replace(/^\/api\/images\//, ""));
  } catch {
    throw new AppError(400, `${field}: not a URL`);
  }
  const row = key.startsWith(`users/${userId}/uploads/`)
    ? await db.prepare("select 1 as ok from uploads where r2_key = ? and user_id = ?").bind(key, userId).first()
    : null;
  // Someone else's upload is answered like one that does not exist.
  if (!row) throw new AppError(404, `${field}: 올린 사진을 찾을 수 없습니다. (not one of your uploads from /api/chat/upload)`);
  return key;
}

export type StartedTurn = { turn: TurnStart; room: ReturnType<typeof roomStub> };

/** Stores the message (creating the room when there is none yet) and describes the turn. */
export async function storeTurn(env: Env, req: TurnRequest): Promise<StartedTurn> {
  const photoKey = req.imageUrl ? await photoKeyOf(env.DB, req.userId, req.imageUrl) : null;
  const turnId = crypto.randomUUID();
  const message = { content: req.input, imageUrl: req.imageUrl, turnId };
  let roomId = req.roomId;
  let messageId: number;
  let context: TurnContext | undefined;
  if (roomId === null) ({ roomId, messageId, context } = await createRoomWithMessage(env.DB, req.userId, message));
  else ({ messageId, context } = await storeUserMessage(env.DB, req.userId, { ...message, roomId }));
  const turn: TurnStart = {
    turnId,
    roomId,
    userId: req.userId,
    messageId,
    question: req.input,
    imageUrl: req.imageUrl,
    photoKey,
    language: languageOf(req.input),
    requestId: req.requestId,
    context,
  };
  return { turn, room: roomStub(env, roomId) };
}

/**
 * Hands the turn to the room object, which sends the panel's jobs. With `stream`, the answer
 * is the turn's event stream (`room` first when `announceRoom`); without, a 202 and the
 * events go to the room's watchers only (the seed's POST /send).
 */
export function startTurn(started: StartedTurn, opts: { stream: boolean; announceRoom?: boolean }): Promise<Response> {
  return started.room.fetch("https://chat-room/turn", {
    method: "POST",
    body: JSON.stringify({ turn: started.turn, stream: opts.stream, announceRoom: opts.announceRoom ?? false }),
  });
}
