// The Anthropic engine through the real `@anthropic-ai/sdk` against the fake Messages server
// (test/fakes/anthropic.ts), which speaks Anthropic's real event stream and picks its
// scenario from the API key.
import { beforeAll, describe, expect, it } from "vitest";
import { createAnthropicEngine } from "../../../worker/chat/engines/anthropic.ts";
import { EngineError } from "../../../worker/chat/engines/engine.ts";
import { BLAZER, brief, drain, fakeAnswer, fakes, key, LOAFERS, photo, received, SLACKS } from "./briefs.ts";

const MODEL = "claude-sonnet-5-5";
const engine = (apiKey: string, idleMs?: number) =>
  createAnthropicEngine({ apiKey, model: MODEL, baseURL: fakes.ANTHROPIC_BASE_URL, ...(idleMs ? { idleMs } : {}) });

describe("Anthropic engine", () => {
  // The first import of the SDK (transformed by vite, evaluated by workerd) takes seconds on
  // a busy machine; pay it here, not in the first test's 5 s.
  beforeAll(() => import("@anthropic-ai/sdk"), 60_000);

  it("streams the text deltas in order", async () => {
    const { deltas, error } = await drain(engine(key("sk-ant-test-")), brief());
    expect(error).toBeUndefined();
    expect(deltas).toEqual(fakeAnswer([BLAZER.product_name, SLACKS.product_name]));
    expect(deltas.length).toBeGreaterThan(5);
  });

  it("sends one streamed Messages request with the version header, the role, the picks and the question", async () => {
    const k = key("sk-ant-test-");
    const b = brief({ expert: "color_expert" });
    await drain(engine(k), b);
    const [request, ...more] = await received(fakes.ANTHROPIC_BASE_URL, k);
    expect(more).toEqual([]);
    expect(request!.path).toBe("/v1/messages");
    expect(request!.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/); // the SDK's pinned API version
    expect(request!.headers.auth).toBe("bearer"); // how @anthropic-ai/sdk 1.x sends an API key
    expect(request!.headers["x-stainless-retry-count"]).toBe("0");
    const body = request!.body;
    expect(body).toMatchObject({ model: MODEL, stream: true, max_tokens: expect.any(Number) });
    expect(body.system).toContain("컬러 전문가");
    expect(body.messages).toHaveLength(1);
    const text = body.messages[0].content.find((c: { type: string }) => c.type === "text").text as string;
    expect(text).toContain(b.question);
    for (const p of b.picks) {
      expect(text).toContain(p.product_name);
      expect(text).not.toContain(p.product_id);
    }
  });

  it("sends the photo as a base64 image block before the text", async () => {
    const k = key("sk-ant-test-");
    const image = photo();
    const { deltas } = await drain(engine(k), brief({ photo: image }));
    // The fake "saw" the image: it names its media type and size in the answer.
    expect(deltas.join("")).toBe(fakeAnswer([BLAZER.product_name, SLACKS.product_name], image).join(""));
    const [request] = await received(fakes.ANTHROPIC_BASE_URL, k);
    const [first, second] = request!.body.messages[0].content;
    expect(first.type).toBe("image");
    expect(first.source.type).toBe("base64");
    expect(first.source.media_type).toBe("image/jpeg");
    expect(first.source.data.length).toBe(image.base64.length);
    expect(first.source.data).toBe(image.base64);
    expect(second.type).toBe("text");
  });

  it("gives the coordinator the panel's answers and the one outfit", async () => {
    const k = key("sk-ant-test-");
    const b = brief({
      expert: "fitting_coordinator",
      picks: [BLAZER, SLACKS, LOAFERS],
      peers: [
        { expert: "style_analyst", text: "네이비 블레이저가 어깨선을 잡아 줘 하체가 가벼워 보여요.", products: [BLAZER] },
        { expert: "trend_expert", text: "세미 와이드 슬랙스는 이번 가을 출근룩의 기본이에요.", products: [SLACKS] },
        { expert: "color_expert", text: "차콜과 네이비는 웜톤에게 차분하고 믿음직한 인상을 줘요.", products: [SLACKS] },
      ],
    });
    const { deltas } = await drain(engine(k), b);
    expect(deltas.join("")).toBe(fakeAnswer([BLAZER.product_name, SLACKS.product_name, LOAFERS.product_name]).join(""));
    const [request] = await received(fakes.ANTHROPIC_BASE_URL, k);
    expect(request!.body.system).toContain("핏팅 코디네이터");
    const text = request!.body.messages[0].content[0].text as string;
    for (const peer of b.peers) expect(text).toContain(peer.text);
  });

  it("429 is worth retrying after the service's retry-after, and the SDK does not retry it itself", async () => {
    const k = key("sk-ant-fail-429-");
    const { error } = await drain(engine(k), brief());
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: "anthropic", retryable: true, retryAfterSeconds: 12 });
    expect(await received(fakes.ANTHROPIC_BASE_URL, k)).toHaveLength(1);
  });

  it.each([
    ["500", "sk-ant-fail-500-"],
    ["529 overloaded", "sk-ant-fail-529-"],
  ])("%s is worth retrying", async (_, prefix) => {
    const { error } = await drain(engine(key(prefix)), brief());
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: "anthropic", retryable: true });
  });

  it.each([
    ["an `event: error` (overloaded_error) mid-stream", "sk-ant-fail-error-"],
    ["a connection destroyed mid-stream", "sk-ant-fail-cut-"],
  ])("%s fails retryably after the deltas that came", async (_, prefix) => {
    const { deltas, error } = await drain(engine(key(prefix)), brief());
    expect(deltas).toEqual(fakeAnswer([BLAZER.product_name, SLACKS.product_name]).slice(0, 2));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: "anthropic", retryable: true });
  });

  it("401 is not worth retrying, names Anthropic and never shows the key", async () => {
    const k = key("sk-ant-bad-");
    const { error } = await drain(engine(k), brief());
    expect(error).toBeInstanceOf(EngineError);
    const e = error as EngineError;
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(/Anthropic.*401.*ANTHROPIC_API_KEY/);
    expect(String(e)).not.toContain("sk-");
  });

  it("stops at once when the caller aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const deltas: string[] = [];
    const run = (async () => {
      for await (const d of engine(key("sk-ant-stall-")).write(brief(), controller.signal)) {
        deltas.push(d);
        controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(deltas).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a stream that goes silent fails retryably after the idle deadline", async () => {
    const { deltas, error } = await drain(engine(key("sk-ant-stall-"), 300), brief());
    expect(deltas).toHaveLength(1);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ retryable: true });
  });
});
