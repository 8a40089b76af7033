// The EXPERT_JOBS consumer: builds the expert's brief, streams the engine's answer to the
// room object in coalesced pieces (the first at once, then at most every FLUSH_MS or
// FLUSH_CHARS), and reports the whole answer with its products. A failure is retried by the
// queue; the last delivery's failure (or one not worth retrying) is reported to the room as
// an `error` and recorded in failed_jobs, and the message goes on to the dead-letter queue.
import { config } from "../config";
import { buildBrief } from "./brief-builder.ts";
import type { ChatRoom } from "./room.ts";
import { EngineError, type ExpertEngine } from "./engines/engine.ts";
import { recordFailedJob } from "../queues/failed-jobs.ts";
import { selectEngine } from "./engines/select.ts";
import { EXPERT_JOB_MAX_RETRIES, ExpertJob, failedExpertJob, type ProductRef } from "./jobs.ts";
import type { PeerAnswer } from "./brief.ts";
import { getProducts, type PublicProduct } from "../catalog/products.ts";
import { RetryLater, requestIdOf } from "../queues/consumer.ts";
import { record } from "../metrics/record.ts";
import type { PanelExpertId } from "./experts.ts";

const FLUSH_MS = 40;
const FLUSH_CHARS = 160;

export const roomStub = (env: Env, roomId: number): DurableObjectStub<ChatRoom> => env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`room:${roomId}`));

export async function runExpertJob(message: Message<unknown>, env: Env): Promise<void> {
  const parsed = ExpertJob.safeParse(message.body);
  if (!parsed.success) {
    // Retrying cannot fix a malformed message; say so in the log and let it go.
    console.error(JSON.stringify({ level: "error", msg: "malformed expert job", requestId: requestIdOf(message.body), id: message.id, issues: parsed.error.issues.slice(0, 3) }));
    return;
  }
  const job = parsed.data;
  const room = roomStub(env, job.roomId);
  const attempt = message.attempts;
  const started = Date.now();
  let engineName = config(env).engines.llm as string;
  let model = "";
  // One llm_call point per delivery, whatever its outcome.
  const call = (outcome: "ok" | "retry" | "failed" | "abandoned", chars: number) =>
    record(env, { kind: "llm_call", engine: engineName, expert: job.expert, outcome, model, ms: Date.now() - started, chars, attempt });
  try {
    const engine = selectEngine(config(env));
    engineName = engine.name;
    model = engine.model;
    const peers = await resolvePeers(env, job.peers);
    const brief = await buildBrief(env, { ...job, peers });
    const text = await streamAnswer(room, job, attempt, engine, brief, config(env).llm.paceMs);
    if (text === null) return call("abandoned", 0); // the room no longer wants this answer
    await room.complete(job.turnId, job.expert, attempt, { text, products: brief.picks.map(productRef), engine: engine.name, model: engine.model });
    call("ok", text.length);
  } catch (err) {
    const final = attempt > EXPERT_JOB_MAX_RETRIES || (err instanceof EngineError && !err.retryable);
    call(final ? "failed" : "retry", 0);
    console.error(JSON.stringify({ level: "error", msg: "expert job failed", requestId: job.requestId, expert: job.expert, turn: job.turnId, attempt, final, error: String(err) }));
    if (!final) throw new RetryLater(err, retryDelay(err, attempt));
    await recordFailedJob(env, failedExpertJob(job, attempt), err);
    await room.fail(job.turnId, job.expert, userFacingReason(err));
    if (err instanceof EngineError && !err.retryable) return; // nothing a dead-letter replay could fix
    throw new RetryLater(err, 0); // past max_retries: the queue moves it to the dead-letter queue
  }
}

async function* paced(source: AsyncIterable<string>, paceMs: number): AsyncIterable<string> {
  for await (const piece of source) {
    yield piece;
    if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
  }
}

/** Streams the engine's text to the room; null when the room stopped taking it. */
async function streamAnswer(
  room: DurableObjectStub<ChatRoom>,
  job: ExpertJob,
  attempt: number,
  engine: ExpertEngine,
  brief: Parameters<ExpertEngine["write"]>[0],
  paceMs: number,
): Promise<string | null> {
  let text = "";
  let pending = "";
  let flushedAt = 0;
  const flush = async () => {
    if (!pending) return true;
    const piece = pending;
    pending = "";
    flushedAt = Date.now();
    return room.delta(job.turnId, job.expert, attempt, piece);
  };
  // The local engine writes instantly; pacing it lets a reader follow, as with a real model.
  for await (const piece of paced(engine.write(brief), engine.name === "local" ? paceMs : 0)) {
    text += piece;
    pending += piece;
    if (pending.length >= FLUSH_CHARS || Date.now() - flushedAt >= FLUSH_MS) {
      if (!(await flush())) return null;
    }
  }
  if (!(await flush())) return null;
  return text;
}

/** The panel's answers with their products, all looked up together (one D1 query for the ones KV lacks). */
async function resolvePeers(env: Env, peers: ExpertJob["peers"]): Promise<PeerAnswer[]> {
  const products = new Map((await getProducts(env, peers.flatMap((p) => p.product_ids))).map((p) => [p.product_id, p]));
  return peers.map((p) => ({
    expert: p.expert as PanelExpertId,
    text: p.text,
    products: p.product_ids.flatMap((id) => products.get(id) ?? []),
  }));
}

export function productRef(p: PublicProduct): ProductRef {
  return {
    product_id: p.product_id,
    product_url: p.image_url,
    product_name: p.product_name,
    product_name_en: p.product_name_en,
    brand: p.brand,
    price: p.price,
    category: p.category,
  };
}

/** Honour a service's retry-after; otherwise 0 s, then 2 s, 4 s: a person is waiting. */
function retryDelay(err: unknown, attempt: number): number {
  if (err instanceof EngineError && err.retryAfterSeconds !== undefined) return Math.min(60, Math.ceil(err.retryAfterSeconds));
  return attempt <= 1 ? 0 : Math.min(30, 2 ** (attempt - 1));
}

function userFacingReason(err: unknown): string {
  if (err instanceof EngineError) return err.message;
  return "답변을 만들지 못했어요. 다시 시도해 주세요. (Could not write this answer; please retry.)";
}

