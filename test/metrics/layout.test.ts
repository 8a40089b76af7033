// The data point layout: what record.ts writes for each kind is what docs/observability.md's
// table says (the dashboards' SQL reads those columns), and the writer never throws.
import { describe, expect, it, vi } from "vitest";
import { dataPoint, LAYOUT, record } from "../../worker/metrics/record";

const DOC = Object.values(import.meta.glob<string>("../../docs/observability.md", { query: "?raw", import: "default", eager: true }))[0]!;

/** The layout table's rows: kind → its blob2… and double1… field names. */
function documented(): Map<string, { blobs: string[]; doubles: string[] }> {
  const header = DOC.split("\n").find((l) => l.startsWith("| blob1 |"))!;
  const columns = header.split("|").slice(1, -1).map((c) => c.trim());
  const rows = new Map<string, { blobs: string[]; doubles: string[] }>();
  for (const line of DOC.split("\n").filter((l) => /^\| `[a-z_]+` \|/.test(l))) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim().replace(/`/g, ""));
    const named = (prefix: string) => columns.flatMap((c, i) => (c.startsWith(prefix) && cells[i] ? [cells[i]!] : []));
    rows.set(cells[0]!, { blobs: named("blob").slice(1), doubles: named("double") });
  }
  return rows;
}

describe("the data point layout", () => {
  it("is the table in docs/observability.md, kind for kind and column for column", () => {
    const table = documented();
    expect([...table.keys()].sort()).toEqual(Object.keys(LAYOUT).sort());
    for (const [kind, layout] of Object.entries(LAYOUT)) {
      expect({ kind, blobs: table.get(kind)!.blobs, doubles: table.get(kind)!.doubles }).toEqual({ kind, blobs: [...layout.blobs], doubles: [...layout.doubles] });
    }
  });

  it("puts the kind in blob1, the labels after it, the figures in the doubles, and one index", () => {
    expect(dataPoint({ kind: "llm_call", engine: "openai", expert: "color_expert", outcome: "failed", model: "gpt-4.1-mini", ms: 1234, chars: 0, attempt: 4 })).toEqual({
      indexes: ["openai:color_expert"],
      blobs: ["llm_call", "openai", "color_expert", "failed", "gpt-4.1-mini"],
      doubles: [1234, 0, 4],
    });
    expect(dataPoint({ kind: "sse_close", room: 12, stream: "watch", reason: "client", subscribers: 2, ms: 90_000 })).toEqual({
      indexes: ["room:12"],
      blobs: ["sse_close", "watch", "client"],
      doubles: [2, 90_000],
    });
  });

  it("writes the rate-limit refusal the limiter reports", () => {
    expect(dataPoint({ kind: "rate_limited", limit: "chat", scope: "ip" })).toEqual({ indexes: ["chat"], blobs: ["rate_limited", "chat", "ip"], doubles: [] });
  });

  it("writes an absent figure as 0 and keeps every index within Analytics Engine's 96 bytes", () => {
    expect(dataPoint({ kind: "voice_relay_error", stage: "connect" })).toEqual({ indexes: ["connect"], blobs: ["voice_relay_error", "connect"], doubles: [0] });
    const long = dataPoint({ kind: "llm_call", engine: "x".repeat(80), expert: "y".repeat(80), outcome: "ok", model: "", ms: 1, chars: 1, attempt: 1 });
    expect(new TextEncoder().encode(long.indexes![0] as string).length).toBeLessThanOrEqual(96);
  });

  it("never fails the caller when the binding throws, and says so in the log", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = {
      METRICS: {
        writeDataPoint: () => {
          throw new Error("too many data points");
        },
      } as unknown as AnalyticsEngineDataset,
    };
    expect(() => record(broken, { kind: "auth", action: "logout", provider: "dev", outcome: "ok" })).not.toThrow();
    expect(JSON.parse(logged.mock.calls[0]![0] as string)).toMatchObject({ level: "warn", msg: "metric not written", kind: "auth" });
    logged.mockRestore();
  });
});
