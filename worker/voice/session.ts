// VoiceSession: one Durable Object per voice rehearsal. It will hold the browser's
// WebSocket, the upstream Realtime socket (or the local partner) and the transcript
// (issue: voice rehearsal). Declared now so the binding and its storage migration exist.
import { DurableObject } from "cloudflare:workers";

export class VoiceSession extends DurableObject<Env> {}
