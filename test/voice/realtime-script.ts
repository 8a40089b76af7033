// What the fake Realtime API (test/fakes/realtime.ts) says, shared with the tests that check
// it arrived: the user's transcribed speech and the partner's lines, in order.
export const FAKE_TRANSCRIPT = "Um, I have, like, five years of experience building payment systems.";
export const FAKE_PARTNER_LINES = ["Hello, thanks for coming in. Could you introduce yourself?", "Thank you. What made you apply to us?", "I see. Tell me about a failure."];

/** One connection as the fake saw it (GET /__stats). */
export type RealtimeConnection = {
  authorization: string | undefined;
  beta: string | undefined;
  model: string | null;
  events: string[];
  sessionUpdate: any;
  audioBytes: number;
  /** The loudest sample heard (PCM16), and the speech its VAD found, in ms. */
  audioPeak: number;
  speechMs: number;
  closed: { code: number; reason: string } | null;
};
