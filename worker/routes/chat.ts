// The stylist chat API, at the seed's paths: the streamed turn (in a room, or creating one),
// a watch-only stream for a room, the polling pair /send + /receive, the history of rooms
// and a room's messages (cursor pagination, newest first), and a retry for failed experts.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireUser } from "../auth/session";
import { agentHeader, isExpertId } from "../chat/experts";
import { roomStub } from "../chat/expert-job";
import { latestTurnAnswers, listMessages, listRooms, ownsRoom, parseCursor } from "../chat/store";
import { startTurn, storeTurn } from "../chat/turn";
import { languageOf } from "../chat/turn";
import { ok } from "../http/envelope";
import { AppError } from "../http/errors";
import { router, type AppEnv } from "../http/hono";
import { sameOriginAlways } from "../http/origin";
import { cookieAuth, envelope, errors } from "../http/openapi";
import { checkLimit } from "../http/rate-limit";

const chat = router();

chat.use("/api/chat/rooms/*", requireUser);
chat.use("/api/chat/send", requireUser);
chat.use("/api/chat/rooms/messages/stream", sameOriginAlways);
chat.use("/api/chat/rooms/:roomId/messages/stream", sameOriginAlways);
chat.use("/api/chat/receive", requireUser);

const MAX_INPUT = 2000;
const userInput = z.string().trim().min(1, "user_input is empty").max(MAX_INPUT, `at most ${MAX_INPUT} characters`);
const imageUrl = z.string().trim().max(500).optional().openapi({ description: "An image URL returned by POST /api/chat/upload" });
const RoomParams = z.object({ roomId: z.coerce.number().int().positive().openapi({ param: { name: "roomId", in: "path" }, example: 259 }) });
const StreamQuery = z.object({ user_input: userInput, image_url: imageUrl });

const eventStream = {
  200: { description: "text/event-stream: connect, (room), turn, content…, complete…, error; a heartbeat comment every 15 s", content: { "text/event-stream": { schema: z.string() } } },
  400: errors[400],
  401: errors[401],
  404: errors[404],
  429: errors[429],
} as const;

/** A room named by a body or query field is that field's fault: the message names it, as for any field. */
const roomNotFound = (field?: string) => new AppError(404, `${field ? `${field}: ` : ""}채팅방을 찾을 수 없습니다. (Chat room not found)`);

async function requireRoom(c: Context<AppEnv>, roomId: number, field?: string) {
  if (!(await ownsRoom(c.env.DB, c.get("user").id, roomId))) throw roomNotFound(field);
}

chat.openapi(
  createRoute({
    method: "get",
    path: "/api/chat/rooms/{roomId}/messages/stream",
    tags: ["Chat"],
    summary: "Send a message to a room and stream the four experts' answers (SSE)",
    security: cookieAuth,
    request: { params: RoomParams, query: StreamQuery },
    responses: eventStream,
  }),
  async (c) => {
    const { roomId } = c.req.valid("param");
    const q = c.req.valid("query");
    await requireRoom(c, roomId);
    await checkLimit(c, "chat");
    const started = await storeTurn(c.env, { userId: c.get("user").id, roomId, input: q.user_input, imageUrl: q.image_url ?? null, requestId: c.var.requestId });
    return (await startTurn(started, { stream: true })) as never;
  },
);

chat.openapi(
  createRoute({
    method: "get",
    path: "/api/chat/rooms/messages/stream",
    tags: ["Chat"],
    summary: "Create a room, send the first message and stream the answers (SSE, `room` event first)",
    security: cookieAuth,
    request: { query: StreamQuery },
    responses: eventStream,
  }),
  async (c) => {
    const q = c.req.valid("query");
    await checkLimit(c, "chat");
    const started = await storeTurn(c.env, { userId: c.get("user").id, roomId: null, input: q.user_input, imageUrl: q.image_url ?? null, requestId: c.var.requestId });
    return (await startTurn(started, { stream: true, announceRoom: true })) as never;
  },
);

chat.openapi(
  createRoute({
    method: "get",
    path: "/api/chat/rooms/{roomId}/events",
    tags: ["Chat"],
    summary: "Watch a room live (another tab or device): every turn's events; resumes after Last-Event-ID",
    security: cookieAuth,
    request: { params: RoomParams, query: z.object({ last_event_id: z.string().regex(/^\d+$/).optional() }) },
    responses: eventStream,
  }),
  async (c) => {
    const { roomId } = c.req.valid("param");
    await requireRoom(c, roomId);
    const last = c.req.header("last-event-id") ?? c.req.valid("query").last_event_id;
    const headers = last && /^\d+$/.test(last) ? { "last-event-id": last } : undefined;
    return (await roomStub(c.env, roomId).fetch("https://chat-room/watch", { headers })) as never;
  },
);

const SendBody = z
  .object({
    room_id: z.number().int().positive().optional(),
    content: userInput.optional(),
    user_input: userInput.optional(),
    image_url: imageUrl,
  })
  .refine((b) => b.content !== undefined || b.user_input !== undefined, { message: "content is required", path: ["content"] })
  .openapi("ChatSend");

chat.openapi(
  createRoute({
    method: "post",
    path: "/api/chat/send",
    tags: ["Chat"],
    summary: "Send a message (the seed's polling flow); answers arrive on /receive and on the room's watchers",
    security: cookieAuth,
    request: { body: { required: true, content: { "application/json": { schema: SendBody } } } },
    responses: {
      200: envelope(z.object({ room_id: z.number(), turn_id: z.string(), message_id: z.number() })),
      400: errors[400],
      401: errors[401],
      404: errors[404],
      429: errors[429],
    },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const userId = c.get("user").id;
    if (body.room_id !== undefined) await requireRoom(c, body.room_id, "room_id");
    await checkLimit(c, "chat");
    const input = (body.content ?? body.user_input)!;
    const started = await storeTurn(c.env, { userId, roomId: body.room_id ?? null, input, imageUrl: body.image_url ?? null, requestId: c.var.requestId });
    await startTurn(started, { stream: false });
    return ok(c, { room_id: started.turn.roomId, turn_id: started.turn.turnId, message_id: started.turn.messageId }, "메시지가 전송되었습니다.");
  },
);

const Products = z.array(z.object({ product_url: z.string(), product_id: z.string() }));
const Answer = z
  .object({
    message: z.string(),
    order: z.number().int(),
    agent_id: z.string(),
    agent_name: z.string(),
    agent_role: z.string(),
    products: Products,
  })
  .openapi("ExpertAnswer");

chat.openapi(
  createRoute({
    method: "get",
    path: "/api/chat/receive",
    tags: ["Chat"],
    summary: "The answers to the room's latest message (the seed's polling flow): the coordinator's one outfit first-class, all four in `answers`",
    security: cookieAuth,
    request: { query: z.object({ room_id: z.coerce.number().int().positive() }) },
    responses: {
      200: envelope(Answer.extend({ done: z.boolean(), turn_id: z.string().nullable(), answers: z.array(Answer) }).partial({ message: true, order: true, agent_id: true, agent_name: true, agent_role: true, products: true })),
      400: errors[400],
      401: errors[401],
      404: errors[404],
    },
  }),
  async (c) => {
    const { room_id } = c.req.valid("query");
    await requireRoom(c, room_id, "room_id");
    const latest = await latestTurnAnswers(c.env.DB, room_id);
    const answers = latest.messages.flatMap((m) =>
      m.agent_id && isExpertId(m.agent_id)
        ? [{ ...agentHeader(m.agent_id, languageOf(m.content)), message: m.content, products: m.products }]
        : [],
    );
    const coordinator = answers.find((a) => a.agent_id === "fitting_coordinator");
    const done = coordinator !== undefined;
    return ok(c, { ...(coordinator ?? {}), done, turn_id: latest.turnId, answers }, done ? "요청 성공" : "응답을 준비하고 있어요. (Answers are on their way.)");
  },
);

chat.openapi(
  createRoute({
    method: "get",
    path: "/api/chat/rooms/history",
    tags: ["Chat"],
    summary: "The user's chat rooms, most recently active first",
    security: cookieAuth,
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(30),
        cursor: z.string().regex(/^\d+$/, "cursor: the previous page's next_cursor").optional(),
      }),
    },
    responses: {
      200: envelope(
        z.object({
          rooms: z.array(z.object({ id: z.number(), room_id: z.number(), title: z.string(), last_message: z.string().nullable(), created_at: z.string(), updated_at: z.string() })),
          has_more: z.boolean(),
          next_cursor: z.string().nullable(),
        }),
      ),
      400: errors[400],
      401: errors[401],
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    return ok(c, await listRooms(c.env.DB, c.get("user").id, q.limit, q.cursor ? Number(q.cursor) : null), "채팅방 목록을 조회했습니다.");
  },
);

const Message = z
  .object({
    id: z.number(),
    content: z.string(),
    image_url: z.string().nullable(),
    message_type: z.string(),
    created_at: z.string(),
    agent_type: z.string().nullable(),
    agent_id: z.string().nullable(),
    agent_name: z.string().nullable(),
    product_image_url: z.array(z.string()).nullable(),
    products: Products,
    turn_id: z.string().nullable(),
    engine: z.string().nullable(),
    model: z.string().nullable(),
  })
  .openapi("ChatMessage");

chat.openapi(
  createRoute({
    method: "get",
    path: "/api/chat/rooms/{roomId}/messages",
    tags: ["Chat"],
    summary: "A room's messages, newest first (infinite scroll: pass the previous page's next_cursor)",
    security: cookieAuth,
    request: {
      params: RoomParams,
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(100).optional() }),
    },
    responses: {
      200: envelope(z.object({ messages: z.array(Message), has_more: z.boolean(), next_cursor: z.string().nullable(), count: z.number() })),
      400: errors[400],
      401: errors[401],
      404: errors[404],
    },
  }),
  async (c) => {
    const { roomId } = c.req.valid("param");
    const q = c.req.valid("query");
    const cursor = parseCursor(q.cursor);
    if (cursor === "invalid") throw new AppError(400, "cursor: the previous page's next_cursor, or an ISO time");
    await requireRoom(c, roomId);
    return ok(c, await listMessages(c.env.DB, roomId, q.limit, cursor), "채팅 메시지 목록을 성공적으로 조회했습니다.");
  },
);

chat.openapi(
  createRoute({
    method: "post",
    path: "/api/chat/rooms/{roomId}/turns/{turnId}/retry",
    tags: ["Chat"],
    summary: "Run the experts that failed in a turn again; their events go to the room's watchers",
    security: cookieAuth,
    request: { params: RoomParams.extend({ turnId: z.uuid().openapi({ param: { name: "turnId", in: "path" } }) }) },
    responses: {
      200: envelope(z.object({ retried: z.array(z.string()) })),
      400: errors[400],
      401: errors[401],
      404: errors[404],
      429: errors[429],
    },
  }),
  async (c) => {
    const { roomId, turnId } = c.req.valid("param");
    await requireRoom(c, roomId);
    await checkLimit(c, "chat");
    const result = await roomStub(c.env, roomId).retry(turnId);
    if (!result) throw new AppError(404, "다시 시도할 수 있는 대화가 없습니다. (No finished turn with that id in this room)");
    return ok(c, result);
  },
);

export default chat;
