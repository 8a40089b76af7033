// A recorder on the METRICS binding, for asserting what the app wrote to Analytics Engine.
//
// Why not a stand-in worker bound as METRICS: this miniflare has no `wrappedBindings`, and
// the plugin always adds wrangler.toml's [[analytics_engine_datasets]] binding, which
// replaces a service binding of the same name. What it binds is miniflare's local
// simulator, a small JS class loaded in the test's own isolate, and every METRICS in that
// isolate (the app's fetch, the ChatRoom and VoiceSession objects, the queue consumers) is
// an instance of it. So the recorder wraps that class's writeDataPoint: the app's real
// binding, called by the real code paths, with each point kept for the test to read and still
// passed on to the simulator (which stores nothing).
import { env } from "cloudflare:workers";
import { vi } from "vitest";

export type Point = { kind: string; index: string; blobs: string[]; doubles: number[] };

export type Recorder = {
  /** Every point written since the recorder started (or the last `clear`), decoded; only `kind`'s when given. */
  points(kind?: string): Point[];
  /** Waits until `kind` has at least `n` points (queue jobs and Durable Objects write after the response). */
  until(kind: string, n?: number, timeoutMs?: number): Promise<Point[]>;
  clear(): void;
  stop(): void;
};

export function recordMetrics(): Recorder {
  const simulator = Object.getPrototypeOf(env.METRICS) as AnalyticsEngineDataset;
  const write = simulator.writeDataPoint;
  if (typeof write !== "function" || !Object.hasOwn(simulator, "writeDataPoint")) {
    throw new Error("METRICS is not miniflare's JS Analytics Engine simulator any more: test/metrics/recorder.ts needs another way in");
  }
  let written: AnalyticsEngineDataPoint[] = [];
  simulator.writeDataPoint = function (this: AnalyticsEngineDataset, point?: AnalyticsEngineDataPoint) {
    // A copy: the caller may reuse its arrays.
    written.push(structuredClone(point ?? {}));
    return write.call(this, point);
  };
  const points = (kind?: string) =>
    written
      .map((p) => ({
        kind: String(p.blobs?.[0] ?? ""),
        index: String(p.indexes?.[0] ?? ""),
        blobs: (p.blobs ?? []).map((b) => String(b)),
        doubles: [...(p.doubles ?? [])],
      }))
      .filter((p) => kind === undefined || p.kind === kind);
  return {
    points,
    async until(kind, n = 1, timeoutMs = 10_000) {
      return vi.waitFor(
        () => {
          const found = points(kind);
          if (found.length < n) throw new Error(`${found.length} of ${n} ${kind} points; got ${points().map((p) => p.kind).join(", ") || "none"}`);
          return found;
        },
        { timeout: timeoutMs, interval: 20 },
      );
    },
    clear: () => {
      written = [];
    },
    stop: () => {
      simulator.writeDataPoint = write;
    },
  };
}
