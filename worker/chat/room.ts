// ChatRoom: one Durable Object per chat room. It will hold the room's live SSE subscribers
// and the turn in flight, and fan expert tokens out to every subscriber (issue: the stylist
// chat). Declared now so the binding and its SQLite storage migration exist from day one.
import { DurableObject } from "cloudflare:workers";

export class ChatRoom extends DurableObject<Env> {}
