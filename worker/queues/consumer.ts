// The queue consumer: one entry point for every queue this Worker consumes, dispatching by
// queue name. A handler that returns acks its message; one that throws has it retried
// (after RetryLater's delay) and, after max_retries, moved to the queue's dead-letter queue.
// A message for a queue without a handler is retried too, never silently dropped.
import { runExpertJob } from "../chat/expert-job";
import { runFittingJob } from "../fitting/job";

export type QueueHandler = (message: Message<unknown>, env: Env, ctx: ExecutionContext) => Promise<void>;

/** Thrown by a handler to have its message retried after `delaySeconds`. */
export class RetryLater extends Error {
  constructor(
    override readonly cause: unknown,
    readonly delaySeconds: number,
  ) {
    super(String(cause));
    this.name = "RetryLater";
  }
}

/** The id of the request a job was sent for (jobs carry it so their log lines join the request's). */
export function requestIdOf(body: unknown): string | undefined {
  const id = typeof body === "object" && body !== null ? (body as { requestId?: unknown }).requestId : undefined;
  return typeof id === "string" ? id : undefined;
}

/** Queue name (wrangler.toml) → its handler. */
const handlers: Record<string, QueueHandler> = { "debut-expert-jobs": runExpertJob, "debut-fitting-jobs": runFittingJob };

export async function consume(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const handler = Object.hasOwn(handlers, batch.queue) ? handlers[batch.queue] : undefined;
  for (const message of batch.messages) {
    if (!handler) {
      console.error(JSON.stringify({ level: "error", msg: "no handler for queue", requestId: requestIdOf(message.body), queue: batch.queue, id: message.id }));
      message.retry();
      continue;
    }
    try {
      await handler(message, env, ctx);
      message.ack();
    } catch (err) {
      const delaySeconds = err instanceof RetryLater ? err.delaySeconds : 0;
      if (!(err instanceof RetryLater)) {
        console.error(JSON.stringify({ level: "error", msg: "queue job failed", requestId: requestIdOf(message.body), queue: batch.queue, id: message.id, attempts: message.attempts, error: String(err) }));
      }
      message.retry(delaySeconds > 0 ? { delaySeconds } : undefined);
    }
  }
}
