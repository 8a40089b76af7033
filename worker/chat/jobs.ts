// The EXPERT_JOBS message: one expert's answer for one turn. The room object sends the
// panel's three at the start of a turn and the coordinator's when the panel is done; the
// consumer validates every message, since a queue outlives deploys and their shapes.
import { z } from "zod";
import { EXPERTS, type ExpertId } from "./experts.ts";
import { TurnContextSchema } from "./turn-context.ts";

const expertId = z.string().refine((id): id is ExpertId => Object.hasOwn(EXPERTS, id), "unknown expert");

/** A recommended product as the seed's `products` entry, plus what a card needs to draw it. */
export const ProductRef = z.object({
  product_id: z.string(),
  product_url: z.string(),
  product_name: z.string(),
  product_name_en: z.string(),
  brand: z.string(),
  price: z.number(),
  category: z.string(),
});
export type ProductRef = z.infer<typeof ProductRef>;

export const PeerRef = z.object({ expert: expertId, text: z.string(), product_ids: z.array(z.string()).max(5) });
export type PeerRef = z.infer<typeof PeerRef>;

export const ExpertJob = z.object({
  roomId: z.number().int().positive(),
  userId: z.number().int().positive(),
  turnId: z.string().min(1),
  expert: expertId,
  question: z.string(),
  /** R2 key of the user's photo for this message, if any. */
  photoKey: z.string().nullable(),
  /** The panel's answers, for the coordinator. */
  peers: z.array(PeerRef).default([]),
  /** The request that started the turn (logged with the job's lines). */
  requestId: z.string().max(100).optional(),
  /** The turn's profile, occasion and history (turn-context.ts); a copy that does not parse is read again from D1. */
  context: TurnContextSchema.optional().catch(undefined),
});
export type ExpertJob = z.infer<typeof ExpertJob>;

/**
 * The queue's max_retries for debut-expert-jobs in wrangler.toml: a job's last delivery is
 * attempt MAX_RETRIES + 1, after which the queue moves it to the dead-letter queue.
 */
export const EXPERT_JOB_MAX_RETRIES = 3;

/** An expert job's dead-letter record (worker/queues/failed-jobs.ts): the turn's user, named by room, turn and expert. */
export const failedExpertJob = (job: ExpertJob, attempts: number) =>
  ({ queue: "expert-jobs", userId: job.userId, subject: `room:${job.roomId}/turn:${job.turnId}/expert:${job.expert}`, body: job, attempts, requestId: job.requestId }) as const;
