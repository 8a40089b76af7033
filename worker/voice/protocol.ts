// The subset of the OpenAI Realtime event protocol (GA names) a browser may send to its
// session's object, whichever partner is behind it. Anything else (session.update above all:
// the model, voice and instructions are the server's) is refused with an `error` event.
// Two optional fields are ours: a user text item may say how it arrived (`input`: typed, or
// the browser's speech recognition) and when it was spoken (`timing`, ms from the session's
// start), so typed and recognised turns are timed like the upstream's VAD would time them.
import { z } from "zod";

export const MAX_TEXT = 4_000;

const InputText = z.object({ type: z.literal("input_text"), text: z.string().trim().min(1).max(MAX_TEXT) });

export const ClientEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("input_audio_buffer.append"), event_id: z.string().max(64).optional(), audio: z.string().max(2_000_000) }),
  z.object({ type: z.literal("input_audio_buffer.commit"), event_id: z.string().max(64).optional() }),
  z.object({ type: z.literal("input_audio_buffer.clear"), event_id: z.string().max(64).optional() }),
  z.object({
    type: z.literal("conversation.item.create"),
    event_id: z.string().max(64).optional(),
    item: z.object({ type: z.literal("message"), role: z.literal("user"), content: z.array(InputText).min(1).max(4) }),
    input: z.enum(["speech", "text"]).optional(),
    timing: z.object({ start_ms: z.number().int().min(0), end_ms: z.number().int().min(0) }).optional(),
  }),
  // Only a plain request for the partner's answer: no per-response instructions or tools.
  z.object({ type: z.literal("response.create"), event_id: z.string().max(64).optional() }).strict(),
  z.object({ type: z.literal("response.cancel"), event_id: z.string().max(64).optional() }),
]);
export type ClientEvent = z.infer<typeof ClientEvent>;

export type ServerError = { type: "error"; event_id: string; error: { type: string; code: string; message: string; event_id?: string } };

let counter = 0;
export const eventId = (prefix = "event") => `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}`;

export function errorEvent(code: string, message: string, clientEventId?: string, type = "invalid_request_error"): string {
  const e: ServerError = { type: "error", event_id: eventId(), error: { type, code, message, ...(clientEventId ? { event_id: clientEventId } : {}) } };
  return JSON.stringify(e);
}

/** Reads a browser frame: the event, or the error to answer with. */
export function parseClientEvent(raw: string | ArrayBuffer): { event: ClientEvent } | { error: string } {
  if (typeof raw !== "string") return { error: errorEvent("invalid_event", "Events are JSON text frames.") };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { error: errorEvent("invalid_json", "The event is not valid JSON.") };
  }
  const type = typeof json === "object" && json !== null && "type" in json ? String((json as { type: unknown }).type) : "";
  const clientId = typeof json === "object" && json !== null && "event_id" in json ? String((json as { event_id: unknown }).event_id).slice(0, 64) : undefined;
  if (type === "session.update") return { error: errorEvent("event_not_allowed", "The session's model, voice and instructions are set by the server.", clientId) };
  const parsed = ClientEvent.safeParse(json);
  if (!parsed.success) {
    const known = ClientEvent.options.some((o) => o.shape.type.value === type);
    const issue = parsed.error.issues[0];
    return {
      error: known
        ? errorEvent("invalid_event", `${type}: ${issue?.path.join(".") || "event"}: ${issue?.message}`, clientId)
        : errorEvent("event_not_allowed", `"${type || "(no type)"}" is not an event this session takes.`, clientId),
    };
  }
  return { event: parsed.data };
}

/** The text of a user item. */
export const itemText = (e: Extract<ClientEvent, { type: "conversation.item.create" }>) => e.item.content.map((c) => c.text).join("\n");
