// The dead-letter record of a job that ended without its result (its last delivery failed,
// or a chat turn's deadline passed while it was still out): which queue, whose, what the job
// was, why, and after how many deliveries, so an operator can see it and a retry can run it
// again. Recording never fails the caller.
export type FailedJob = { queue: "expert-jobs" | "fitting-jobs"; userId: number; subject: string; body: unknown; attempts: number; requestId?: string | undefined };

export async function recordFailedJob(env: Pick<Env, "DB">, job: FailedJob, err: unknown): Promise<void> {
  await env.DB.prepare("insert into failed_jobs (queue, user_id, subject, body, error, attempts) values (?, ?, ?, ?, ?, ?)")
    .bind(job.queue, job.userId, job.subject, JSON.stringify(job.body), String(err).slice(0, 1000), job.attempts)
    .run()
    .catch((e: unknown) => console.error(JSON.stringify({ level: "error", msg: "could not record failed job", requestId: job.requestId, subject: job.subject, error: String(e) })));
}
