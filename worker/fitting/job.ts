// The FITTING_JOBS consumer: one try-on task per message. It reads the task's row, the model
// photo and the garment images from R2, runs the provider, stores the result under one key
// per task and marks the row completed — so a job delivered twice finds the task finished
// and stops, and a job retried mid-way resumes FitRoom's task instead of creating another.
// A failure is retried by the queue while it may pass; the last one marks the task failed
// with its reason, records it in failed_jobs and goes to the dead-letter queue.
import { z } from "zod";
import { roomStub } from "../chat/expert-job.ts";
import { config } from "../config";
import { db } from "../db/client";
import { record, type MetricEvent } from "../metrics/record.ts";
import { RetryLater, requestIdOf } from "../queues/consumer.ts";
import { recordFailedJob } from "../queues/failed-jobs.ts";
import type { GarmentCategory } from "./compositor/compose.ts";
import { resolveOutfit } from "./garments.ts";
import { FittingError, type ImageBytes } from "./providers/provider.ts";
import { providerNamed } from "./providers/select.ts";
import { markCompleted, markFailed, markProgress, resultKeyFor, taskById, type TaskRow } from "./tasks.ts";

export const FittingJob = z.object({
  taskId: z.string().min(1),
  /** The request that created the task (logged with the job's lines). */
  requestId: z.string().max(100).optional(),
});
export type FittingJob = z.infer<typeof FittingJob>;
export const FITTING_JOB_MAX_RETRIES = 3; // wrangler.toml max_retries

type TryOnOutcome = Extract<MetricEvent, { kind: "tryon" }>["outcome"];

export async function runFittingJob(message: Message<unknown>, env: Env): Promise<void> {
  const parsed = FittingJob.safeParse(message.body);
  if (!parsed.success) {
    console.error(JSON.stringify({ level: "error", msg: "malformed fitting job", requestId: requestIdOf(message.body), id: message.id }));
    return;
  }
  const { requestId } = parsed.data;
  const d = db(env);
  const task = await taskById(d, parsed.data.taskId);
  // Deleted by its owner, or already finished by an earlier delivery: nothing to do.
  if (!task || task.status === "completed" || task.status === "failed") return;
  const started = Date.now();
  // One tryon point per delivery, whatever its outcome.
  const ended = (outcome: TryOnOutcome, cause = "") =>
    record(env, { kind: "tryon", provider: task.provider, outcome, clothType: task.kind, cause, ms: Date.now() - task.createdAt, runMs: Date.now() - started, attempt: message.attempts });
  try {
    const provider = providerNamed(config(env), task.provider);
    const input = await inputOf(env, task);
    const result = await provider.run(input, {
      providerTaskId: task.providerTaskId,
      progress: (percent, providerTaskId) => markProgress(d, task.id, percent, providerTaskId),
    });
    const key = resultKeyFor(task);
    await env.IMAGES.put(key, result.bytes, {
      httpMetadata: { contentType: result.type, cacheControl: "private, max-age=3600" },
      customMetadata: { userId: String(task.userId), taskId: task.id, provider: provider.name },
    });
    await markCompleted(d, task.id, key);
    // Deleted by its owner while it ran: the result goes too.
    if (!(await taskById(d, task.id))) {
      ended("deleted");
      return void (await env.IMAGES.delete(key));
    }
    ended("succeeded");
    await tell(env, task, { task_id: task.id, status: "completed", download_url: `/api/images/${key}` }, requestId);
  } catch (err) {
    const final = message.attempts > FITTING_JOB_MAX_RETRIES || !(err instanceof FittingError) || !err.retryable;
    const cause = !(err instanceof FittingError) ? "error" : err.timedOut ? "timeout" : err.retryable ? "transient" : "refused";
    ended(!final ? "retry" : cause === "timeout" ? "timeout" : "failed", cause);
    console.error(JSON.stringify({ level: "error", msg: "fitting job failed", requestId, task: task.id, attempt: message.attempts, final, error: String(err) }));
    if (!final) throw new RetryLater(err, retryDelay(err as FittingError, message.attempts));
    const reason = err instanceof FittingError ? err.message : "가상 피팅 중 문제가 생겼습니다. 다시 시도해 주세요. (The try-on failed; please try again.)";
    await markFailed(d, task.id, reason);
    await recordFailedJob(env, { queue: "fitting-jobs", userId: task.userId, subject: `fitting:${task.id}`, body: { taskId: task.id }, attempts: message.attempts, requestId }, err);
    await tell(env, task, { task_id: task.id, status: "failed", error: reason }, requestId);
    if (err instanceof FittingError && !err.retryable) return; // a refusal: nothing a dead-letter replay could fix
    throw new RetryLater(err, 0); // past max_retries: to the dead-letter queue
  }
}

async function image(env: Pick<Env, "IMAGES">, key: string, what: string): Promise<ImageBytes> {
  const object = await env.IMAGES.get(key);
  if (!object) throw new FittingError(`${what} 이미지를 찾을 수 없습니다. (The ${what} image is missing.)`, { retryable: false });
  return { bytes: new Uint8Array(await object.arrayBuffer()), type: object.httpMetadata?.contentType ?? "image/jpeg" };
}

async function inputOf(env: Env, task: TaskRow) {
  const upload = await env.DB.prepare("select r2_key from uploads where id = ? and user_id = ?").bind(task.modelUploadId, task.userId).first<{ r2_key: string }>();
  if (!upload) throw new FittingError("사진을 찾을 수 없습니다. (The photo is gone.)", { retryable: false });
  const outfit = await resolveOutfit(env, task.kind, { upper: task.upperProductId ?? undefined, lower: task.lowerProductId ?? undefined }).catch((err: unknown) => {
    throw new FittingError(err instanceof Error ? err.message : String(err), { retryable: false, cause: err });
  });
  const garment = async (g: { imageKey: string; category: GarmentCategory } | null, what: string) => (g ? { ...(await image(env, g.imageKey, what)), category: g.category } : null);
  const [model, upper, lower] = await Promise.all([image(env, upload.r2_key, "사진"), garment(outfit.upper, "상의"), garment(outfit.lower, "하의")]);
  return { clothType: outfit.clothType, hdMode: task.hdMode, model, upper, lower };
}

/** Tells the pages watching the room the try-on came from (if any) how it ended; never fails the job. */
async function tell(env: Env, task: TaskRow, data: Record<string, unknown>, requestId: string | undefined) {
  if (task.roomId === null) return;
  await roomStub(env, task.roomId)
    .notify("fitting", data)
    .catch((err: unknown) => console.error(JSON.stringify({ level: "warn", msg: "could not tell the room", requestId, task: task.id, error: String(err) })));
}

/** FitRoom's retry-after when it gave one; otherwise 5 s, 10 s, 20 s. */
function retryDelay(err: FittingError, attempt: number): number {
  if (err.retryAfterSeconds !== undefined) return Math.min(120, Math.ceil(err.retryAfterSeconds));
  return Math.min(60, 5 * 2 ** (attempt - 1));
}

