// Debut's Worker: wires the HTTP app, the queue consumer and the Durable Object classes.
import app from "./app";
import { consume } from "./queues/consumer";

export { ChatRoom } from "./chat/room";
export { VoiceSession } from "./voice/session";

export default {
  fetch: app.fetch,
  queue: consume,
} satisfies ExportedHandler<Env>;
