// An expert engine writes one expert's answer from a brief, as a stream of text deltas.
// Three implementations (DESIGN.md §2): `openai`, `anthropic`, and `local`, the offline
// stylist. A failure is thrown from the iterator (the queue retries the job).
import type { ExpertBrief } from "../brief.ts";

export type EngineName = "local" | "openai" | "anthropic";

export interface ExpertEngine {
  readonly name: EngineName;
  /** The model that answers, for the UI's "answered by" note (e.g. "gpt-4.1-mini"). */
  readonly model: string;
  write(brief: ExpertBrief, signal?: AbortSignal): AsyncIterable<string>;
}

/** An engine error the user may see: the message names the service, never a key or a stack. */
export class EngineError extends Error {
  constructor(
    readonly engine: EngineName,
    message: string,
    /** Worth retrying (429, 5xx, cut stream, timeout) or not (400, 401). */
    readonly retryable: boolean,
    /** Seconds the service asked us to wait (429 retry-after). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "EngineError";
  }
}
