// Counters and timings in Analytics Engine (the seed kept them in Prometheus): one data point
// per event, `blobs` naming what happened, `doubles` the figures. Writing is fire-and-forget
// and never fails a request; locally the binding accepts points without storing them.
export type MetricEvent =
  | { kind: "llm_call"; engine: string; expert: string; outcome: "ok" | "retry" | "failed"; ms: number; chars: number }
  | { kind: "sse_open" | "sse_close"; room: number; subscribers: number }
  | { kind: "voice_session"; engine: string; event: string }
  | { kind: "voice_relay_error"; stage: string; code?: number };

export function record(env: Pick<Env, "METRICS">, e: MetricEvent): void {
  try {
    if (e.kind === "llm_call") {
      env.METRICS.writeDataPoint({ indexes: [e.expert], blobs: [e.kind, e.engine, e.expert, e.outcome], doubles: [e.ms, e.chars] });
    } else if (e.kind === "voice_session") {
      env.METRICS.writeDataPoint({ indexes: [e.engine], blobs: [e.kind, e.engine, e.event], doubles: [1] });
    } else if (e.kind === "voice_relay_error") {
      env.METRICS.writeDataPoint({ indexes: [e.stage], blobs: [e.kind, e.stage], doubles: [e.code ?? 0] });
    } else {
      env.METRICS.writeDataPoint({ indexes: [String(e.room)], blobs: [e.kind], doubles: [e.subscribers] });
    }
  } catch (err) {
    console.error(JSON.stringify({ level: "warn", msg: "metric not written", kind: e.kind, error: String(err) }));
  }
}
