// The dead-letter record of an expert job that ended without an answer (its last delivery
// failed, or the turn's deadline passed while it was still out): what the job was, why, and
// after how many deliveries, so an operator can see it and the user's retry can run it again.
import type { ExpertJob } from "./jobs.ts";

export async function recordExpertFailure(env: Pick<Env, "DB">, job: ExpertJob, attempts: number, err: unknown): Promise<void> {
  await env.DB.prepare("insert into failed_jobs (queue, user_id, subject, body, error, attempts) values (?, ?, ?, ?, ?, ?)")
    .bind("expert-jobs", job.userId, `room:${job.roomId}/turn:${job.turnId}/expert:${job.expert}`, JSON.stringify(job), String(err).slice(0, 1000), attempts)
    .run()
    .catch((e: unknown) => console.error(JSON.stringify({ level: "error", msg: "could not record failed job", requestId: job.requestId, error: String(e) })));
}
