// The queue consumer: one entry point for every queue this Worker consumes, dispatching by
// queue name. A message for a queue without a handler is retried and, after max_retries,
// lands in the queue's dead-letter queue rather than being dropped.
export type QueueHandler = (message: Message<unknown>, env: Env, ctx: ExecutionContext) => Promise<void>;

const handlers = new Map<string, QueueHandler>();

export function onQueue(queue: string, handler: QueueHandler): void {
  handlers.set(queue, handler);
}

export async function consume(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const handler = handlers.get(batch.queue);
  for (const message of batch.messages) {
    if (!handler) {
      console.error(JSON.stringify({ level: "error", msg: "no handler for queue", queue: batch.queue, id: message.id }));
      message.retry();
      continue;
    }
    try {
      await handler(message, env, ctx);
      message.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: "error", msg: "queue job failed", queue: batch.queue, id: message.id, attempts: message.attempts, error: String(err) }));
      message.retry();
    }
  }
}
