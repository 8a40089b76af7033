// Counters and timings in Analytics Engine (the seed kept them in Prometheus): one data point
// per event. Every point has the same shape — blob1 the event's kind, then its labels;
// double1… its figures; index1 the key Analytics Engine samples by — laid out per kind in
// LAYOUT below, which docs/observability.md shows as a table (a test keeps the two in step).
// Writing is fire-and-forget and never fails a request; locally the binding accepts points
// without storing them. Analytics Engine takes at most 25 points per invocation, so hot
// loops record one summary point (a chat answer's catalog searches), never one per step.
export type MetricEvent =
  /** An SSE stream opened on a room: a turn's own stream or a watcher (another tab). */
  | { kind: "sse_open"; room: number; stream: Stream; subscribers: number }
  /** It closed: the turn finished, the client left, or it was dropped (too slow, write failed). */
  | { kind: "sse_close"; room: number; stream: Stream; reason: "done" | "client" | "dropped"; subscribers: number; ms: number }
  /** Every heartbeat (periodS) while a room has streams open: the gauge behind "active connections". */
  | { kind: "sse_active"; room: number; subscribers: number; periodS: number }
  /** One expert answer (or the voice judge): ok, retry (the queue tries again), failed (for good), abandoned (the room stopped listening). */
  | { kind: "llm_call"; engine: string; expert: string; outcome: "ok" | "retry" | "failed" | "abandoned"; model: string; ms: number; chars: number; attempt: number }
  /** A catalog search (api) or an answer's catalog searches together (chat); `hits` were answered from an earlier search of the same answer. */
  | { kind: "product_search"; source: "api" | "chat"; outcome: "ok" | "failed"; ms: number; results: number; misses: number; hits: number; total: number }
  /** One product by id through the KV product cache (`product_id:{id}`). */
  | { kind: "product_lookup"; cache: "hit" | "miss"; found: "yes" | "no"; ms: number }
  /** One delivery of a try-on job; `ms` from the request that created the task, `runMs` this delivery. */
  | { kind: "tryon"; provider: string; outcome: "succeeded" | "failed" | "timeout" | "retry" | "deleted"; clothType: string; cause: string; ms: number; runMs: number; attempt: number }
  /** A rehearsal created (route), started or resumed (its socket), ended (with why, how long, how many turns). */
  | { kind: "voice_session"; engine: string; event: "created" | "started" | "resumed" | "ended"; reason: string; scenario: string; ms: number; turns: number }
  | { kind: "voice_relay_error"; stage: string; code?: number }
  /** A request refused by a rate limit (worker/http/rate-limit.ts). */
  | { kind: "rate_limited"; limit: string; scope: "user" | "ip" }
  /** Signing in and out; `outcome` is "ok" or the reason the login page is shown. */
  | { kind: "auth"; action: "login" | "logout"; provider: string; outcome: string };

type Stream = "turn" | "watch";
export type MetricKind = MetricEvent["kind"];

type Labels<E> = { [K in keyof E]-?: K extends "kind" ? never : NonNullable<E[K]> extends string ? K : never }[keyof E];
type Figures<E> = { [K in keyof E]-?: NonNullable<E[K]> extends number ? K : never }[keyof E];
type Layout<E> = { index: (e: E) => string; blobs: readonly Labels<E>[]; doubles: readonly Figures<E>[] };

/** blob2… and double1… in order, per kind; a missing figure is written as 0, a missing label as "". */
export const LAYOUT: { [K in MetricKind]: Layout<Extract<MetricEvent, { kind: K }>> } = {
  // A room with a crowd of watchers is sampled before the quiet ones.
  sse_open: { index: (e) => `room:${e.room}`, blobs: ["stream"], doubles: ["subscribers"] },
  sse_close: { index: (e) => `room:${e.room}`, blobs: ["stream", "reason"], doubles: ["subscribers", "ms"] },
  sse_active: { index: (e) => `room:${e.room}`, blobs: [], doubles: ["subscribers", "periodS"] },
  // Each engine and expert keeps its own sample, so a rarely used engine's failures stay visible.
  llm_call: { index: (e) => `${e.engine}:${e.expert}`, blobs: ["engine", "expert", "outcome", "model"], doubles: ["ms", "chars", "attempt"] },
  product_search: { index: (e) => e.source, blobs: ["source", "outcome"], doubles: ["ms", "results", "misses", "hits", "total"] },
  product_lookup: { index: (e) => e.cache, blobs: ["cache", "found"], doubles: ["ms"] },
  tryon: { index: (e) => e.provider, blobs: ["provider", "outcome", "clothType", "cause"], doubles: ["ms", "runMs", "attempt"] },
  voice_session: { index: (e) => e.engine, blobs: ["engine", "event", "reason", "scenario"], doubles: ["ms", "turns"] },
  voice_relay_error: { index: (e) => e.stage, blobs: ["stage"], doubles: ["code"] },
  rate_limited: { index: (e) => e.limit, blobs: ["limit", "scope"], doubles: [] },
  auth: { index: (e) => e.provider, blobs: ["action", "provider", "outcome"], doubles: [] },
};

/** The data point for an event, as LAYOUT lays it out. */
export function dataPoint(e: MetricEvent): AnalyticsEngineDataPoint {
  const layout = LAYOUT[e.kind] as Layout<MetricEvent>;
  const field = e as unknown as Record<string, string | number | undefined>;
  return {
    indexes: [layout.index(e).slice(0, 96)],
    blobs: [e.kind, ...layout.blobs.map((k) => String(field[k] ?? ""))],
    doubles: layout.doubles.map((k) => Number(field[k] ?? 0)),
  };
}

export function record(env: Pick<Env, "METRICS">, e: MetricEvent): void {
  try {
    env.METRICS.writeDataPoint(dataPoint(e));
  } catch (err) {
    console.error(JSON.stringify({ level: "warn", msg: "metric not written", kind: e.kind, error: String(err) }));
  }
}
