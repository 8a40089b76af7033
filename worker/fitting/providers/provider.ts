// One interface for whoever puts the clothes on the photo: FitRoom (the real service) or the
// local compositor (offline preview). The job hands over the photo and garment images and is
// told the progress — and, for FitRoom, the provider's task id as soon as it exists, so that
// a retried job resumes that task instead of paying for a second one.
import type { GarmentCategory } from "../compositor/compose.ts";
import type { ClothType } from "../garments.ts";

export type ImageBytes = { bytes: Uint8Array; type: string };

export type TryOnInput = {
  clothType: ClothType;
  hdMode: boolean;
  model: ImageBytes;
  upper: (ImageBytes & { category: GarmentCategory }) | null;
  lower: (ImageBytes & { category: GarmentCategory }) | null;
};

export type RunContext = {
  /** The provider's task from an earlier delivery of this job, to resume rather than create. */
  providerTaskId: string | null;
  progress(percent: number, providerTaskId?: string): Promise<void>;
};

export interface TryOnProvider {
  readonly name: "fitroom" | "local";
  run(input: TryOnInput, ctx: RunContext): Promise<ImageBytes>;
}

/** A failure with what the user is told; `retryable` failures are retried by the queue. */
export class FittingError extends Error {
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  /** The provider did not finish in time (a `timeout` in the metrics, not a refusal). */
  readonly timedOut: boolean;
  constructor(message: string, opts: { retryable: boolean; retryAfterSeconds?: number; timedOut?: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = "FittingError";
    this.retryable = opts.retryable;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.timedOut = opts.timedOut ?? false;
  }
}
