// The /api/chat endpoints and the shapes they answer with (mirrors worker/routes/chat.ts,
// worker/chat/store.ts and the events of worker/chat/room.ts). Stream events arrive as the
// envelope `{status, message, data}`; `toChatEvent` turns each into what the page needs.
import { api, type Envelope } from "./client";
import { readEventStream, type StreamMessage } from "./event-stream";

export const EXPERT_IDS = ["style_analyst", "trend_expert", "color_expert", "fitting_coordinator"] as const;
export type ExpertId = (typeof EXPERT_IDS)[number];
export const COORDINATOR: ExpertId = "fitting_coordinator";
export const isExpertId = (id: unknown): id is ExpertId => EXPERT_IDS.includes(id as ExpertId);

export type RoomSummary = { room_id: number; title: string; last_message: string | null; updated_at: string };
export type RoomPage = { rooms: RoomSummary[]; has_more: boolean; next_cursor: string | null };

export type ChatMessage = {
  id: number;
  content: string;
  image_url: string | null;
  message_type: string;
  created_at: string;
  agent_id: string | null;
  products: { product_id: string; product_url: string }[];
  turn_id: string | null;
  engine: string | null;
  model: string | null;
};
/** Newest first; `next_cursor` asks for the messages before the oldest one here. */
export type MessagePage = { messages: ChatMessage[]; has_more: boolean; next_cursor: string | null };

export type ChatEvent =
  | { type: "room"; roomId: number }
  | { type: "connect" }
  | { type: "turn"; turnId: string; question: string; imageUrl: string | null }
  | { type: "content"; turnId: string; expert: ExpertId; text: string }
  | { type: "reset"; turnId: string; expert: ExpertId }
  | { type: "complete"; turnId: string; expert: ExpertId; text: string; productIds: string[]; engine: string; model: string }
  | { type: "error"; turnId: string; expert: ExpertId; message: string };

const ROOMS_PAGE = 30;
const MESSAGES_PAGE = 20;

export const fetchRooms = (cursor: string | null) =>
  api<RoomPage>(`/api/chat/rooms/history?${new URLSearchParams({ limit: String(ROOMS_PAGE), ...(cursor ? { cursor } : {}) })}`);

export const fetchMessages = (roomId: number, cursor: string | null, signal: AbortSignal) =>
  api<MessagePage>(`/api/chat/rooms/${roomId}/messages?${new URLSearchParams({ limit: String(MESSAGES_PAGE), ...(cursor ? { cursor } : {}) })}`, { signal });

/** Runs the turn's failed experts again; their events go to the room's watchers. */
export const retryTurn = (roomId: number, turnId: string) =>
  api<{ retried: string[] }>(`/api/chat/rooms/${roomId}/turns/${encodeURIComponent(turnId)}/retry`, { method: "POST" });

type Listen = { signal: AbortSignal; onEvent: (event: ChatEvent) => void };

/** Sends a message (creating the room when there is none) and streams the turn's answers. */
export function streamTurn(roomId: number | null, input: { text: string; imageUrl: string | null }, listen: Listen): Promise<void> {
  const query = new URLSearchParams({ user_input: input.text, ...(input.imageUrl ? { image_url: input.imageUrl } : {}) });
  const path = roomId === null ? "/api/chat/rooms/messages/stream" : `/api/chat/rooms/${roomId}/messages/stream`;
  return readEventStream(`${path}?${query}`, { signal: listen.signal, onMessage: relay(listen) });
}

/** Watches a room: the events of its turns in flight (replayed from their start), until aborted. */
export function watchRoom(roomId: number, listen: Listen): Promise<void> {
  return readEventStream(`/api/chat/rooms/${roomId}/events`, { signal: listen.signal, onMessage: relay(listen) });
}

const relay = (listen: Listen) => (message: StreamMessage) => {
  const event = toChatEvent(message);
  if (event) listen.onEvent(event);
};

type Payload = Record<string, unknown>;

/** The page's view of one stream event; null for anything it does not use. */
export function toChatEvent(message: StreamMessage): ChatEvent | null {
  let envelope: Envelope<Payload>;
  try {
    envelope = JSON.parse(message.data) as Envelope<Payload>;
  } catch {
    return null;
  }
  const d = envelope.data ?? {};
  const turnId = String(d.turn_id ?? "");
  const expert = d.agent_id;
  switch (message.event) {
    case "room":
      return { type: "room", roomId: Number(d.room_id) };
    case "connect":
      return { type: "connect" };
    case "turn":
      return { type: "turn", turnId, question: String(d.user_input ?? ""), imageUrl: typeof d.image_url === "string" ? d.image_url : null };
  }
  if (!isExpertId(expert)) return null;
  switch (message.event) {
    case "content":
      return { type: "content", turnId, expert, text: String(d.message ?? "") };
    case "reset":
      return { type: "reset", turnId, expert };
    case "complete": {
      const products = Array.isArray(d.products) ? (d.products as { product_id: string }[]) : [];
      return { type: "complete", turnId, expert, text: String(d.message ?? ""), productIds: products.map((p) => p.product_id), engine: String(d.engine ?? ""), model: String(d.model ?? "") };
    }
    case "error":
      return { type: "error", turnId, expert, message: envelope.message };
  }
  return null;
}
