// Every API request has an id: Cloudflare's cf-ray when there is one, else a UUID. It comes
// back as x-request-id and is on every JSON log line written for the request — the request
// line, an unexpected error, a route's warning — and on the lines of the queue job the
// request started. The Worker runs in this test's isolate, so spying on console sees its lines.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { jpeg as jpegHeader } from "../images/fixtures";

type Line = { level: string; msg: string; requestId?: string; [field: string]: unknown };

let spies: MockInstance[] = [];

beforeEach(() => {
  spies = (["log", "warn", "error"] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
});
afterEach(() => {
  for (const s of spies) s.mockRestore();
});

/** The JSON lines written so far to console.log, .warn and .error, in the order they were written. */
function lines(): Line[] {
  const calls = spies.flatMap((s) => s.mock.calls.map((args, i) => ({ text: args[0], order: s.mock.invocationCallOrder[i]! })));
  return calls.sort((a, b) => a.order - b.order).flatMap(({ text }) => {
    try {
      const parsed = JSON.parse(String(text)) as unknown;
      return typeof parsed === "object" && parsed !== null ? [parsed as Line] : [];
    } catch {
      return [];
    }
  });
}
const linesOf = (id: string) => lines().filter((l) => l.requestId === id);

describe("the request id", () => {
  it("is a fresh UUID, answered as x-request-id and on the request's log line", async () => {
    const res = await new Browser().fetch("/api/health");
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(linesOf(id)).toEqual([expect.objectContaining({ level: "info", msg: "request", method: "GET", path: "/api/health", status: 200 })]);
    const other = (await new Browser().fetch("/api/health")).headers.get("x-request-id");
    expect(other).not.toBe(id);
  });

  it("is Cloudflare's cf-ray when the request has one", async () => {
    const res = await new Browser().fetch("/api/health", { headers: { "cf-ray": "8f1e2d3c4b5a6978-ICN" } });
    expect(res.headers.get("x-request-id")).toBe("8f1e2d3c4b5a6978-ICN");
    expect(linesOf("8f1e2d3c4b5a6978-ICN")).toHaveLength(1);
  });

  it("comes back on refusals and on streams too", async () => {
    const refused = await new Browser().fetch("/api/auth/me");
    expect(refused.status).toBe(401);
    expect(linesOf(refused.headers.get("x-request-id")!)).toEqual([expect.objectContaining({ status: 401 })]);
    const browser = new Browser();
    await browser.devLogin("stream-id");
    const stream = await browser.fetch(`/api/chat/rooms/messages/stream?user_input=${encodeURIComponent("hello")}`);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.headers.get("x-request-id")).toBeTruthy();
    await stream.body!.cancel();
  });

  it("is on the unexpected error's line as well as the request's", async () => {
    const broken = {
      prepare() {
        throw new Error("boom");
      },
    };
    const res = await new Browser({ DB: broken as unknown as D1Database }).fetch("/api/health");
    expect(res.status).toBe(500);
    const mine = linesOf(res.headers.get("x-request-id")!);
    expect(mine.map((l) => [l.level, l.msg])).toEqual([
      ["error", "unhandled"],
      ["error", "request"],
    ]);
    expect(mine[0]!.error).toContain("boom");
  });

  it("is on a route's warning (a failed Kakao login)", async () => {
    const browser = new Browser();
    const login = await browser.fetch("/api/auth/kakao/login?return_to=/");
    const state = new URL(login.headers.get("location")!).searchParams.get("state")!;
    const res = await browser.fetch(`/api/auth/kakao/callback?${new URLSearchParams({ code: "code:fail", state })}`);
    expect(res.headers.get("location")).toBe("/login?error=kakao_failed");
    const mine = linesOf(res.headers.get("x-request-id")!);
    expect(mine.map((l) => [l.level, l.msg])).toEqual([
      ["warn", "kakao login failed"],
      ["info", "request"],
    ]);
  });
});

describe("work a request sends on", () => {
  beforeAll(async () => {
    await seedCatalog(200);
  });

  it("a try-on's job logs its failure with the id of the request that asked for it", async () => {
    const browser = new Browser();
    await browser.devLogin("job-id");
    const top = (await env.DB.prepare("select id from products where category = 'top' order by id limit 1").first<{ id: string }>())!.id;
    const form = new FormData();
    form.append("model_image", new File([jpegHeader(640, 480)], "me.jpg", { type: "image/jpeg" }));
    form.append("upper_product_id", top);
    const res = await browser.fetch("/api/fitting/try-on", { method: "POST", body: form });
    expect(res.status).toBe(502); // the job failed: the photo has no picture in it
    const mine = linesOf(res.headers.get("x-request-id")!);
    expect(mine).toEqual(expect.arrayContaining([expect.objectContaining({ level: "error", msg: "fitting job failed", final: true }), expect.objectContaining({ msg: "request", status: 502 })]));
  });
});
