// The OpenAI engine through the real `openai` SDK against the fake Chat Completions server
// (test/fakes/openai.ts), which speaks the real SSE wire format and picks its scenario from
// the API key.
import { beforeAll, describe, expect, it } from "vitest";
import { EngineError } from "../../../worker/chat/engines/engine.ts";
import { createOpenAIEngine } from "../../../worker/chat/engines/openai.ts";
import { BLAZER, brief, drain, fakeAnswer, fakes, key, LOAFERS, photo, received, SLACKS } from "./briefs.ts";

const engine = (apiKey: string, idleMs?: number) =>
  createOpenAIEngine({ apiKey, model: "gpt-4.1-mini", baseURL: fakes.OPENAI_BASE_URL, ...(idleMs ? { idleMs } : {}) });

describe("OpenAI engine", () => {
  // The first import of the SDK (transformed by vite, evaluated by workerd) takes seconds on
  // a busy machine; pay it here, not in the first test's 5 s.
  beforeAll(() => import("openai"), 60_000);

  it("streams the model's deltas in order", async () => {
    const k = key("sk-test-");
    const { deltas, error } = await drain(engine(k), brief());
    expect(error).toBeUndefined();
    expect(deltas).toEqual(fakeAnswer([BLAZER.product_name, SLACKS.product_name]));
    expect(deltas.length).toBeGreaterThan(5);
  });

  it("sends one streamed chat completion with the role, the picks and the question", async () => {
    const k = key("sk-test-");
    const b = brief();
    await drain(engine(k), b);
    const [request, ...more] = await received(fakes.OPENAI_BASE_URL, k);
    expect(more).toEqual([]);
    expect(request!.path).toBe("/v1/chat/completions");
    expect(request!.headers["x-stainless-retry-count"]).toBe("0");
    const body = request!.body;
    expect(body).toMatchObject({ model: "gpt-4.1-mini", stream: true, max_completion_tokens: expect.any(Number) });
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user"]);
    expect(body.messages[0].content).toContain("스타일 분석가");
    const user = body.messages[1].content.map((p: { text?: string }) => p.text).join("");
    expect(user).toContain(b.question);
    for (const p of b.picks) {
      expect(user).toContain(p.product_name);
      expect(user).toContain(p.brand);
      expect(user).not.toContain(p.product_id);
      expect(user).not.toContain(p.image_url);
    }
    expect(user).toContain("금융권 면접은"); // the knowledge passage
  });

  it("sends the photo as an image part with a data URL", async () => {
    const k = key("sk-test-");
    const image = photo();
    const { deltas } = await drain(engine(k), brief({ photo: image }));
    expect(deltas.join("")).toBe(fakeAnswer([BLAZER.product_name, SLACKS.product_name], image).join(""));
    const [request] = await received(fakes.OPENAI_BASE_URL, k);
    const part = request!.body.messages[1].content.find((p: { type: string }) => p.type === "image_url");
    expect(part.image_url.url).toBe(`data:image/jpeg;base64,${image.base64}`);
    expect(image.base64.length).toBe(64_000);
  });

  it("gives the coordinator the panel's answers and the one outfit, in English", async () => {
    const k = key("sk-test-");
    const b = brief({
      expert: "fitting_coordinator",
      language: "en",
      picks: [BLAZER, SLACKS, LOAFERS],
      peers: [
        { expert: "style_analyst", text: "The navy blazer sharpens a pear-shaped frame at the shoulder.", products: [BLAZER] },
        { expert: "trend_expert", text: "Semi-wide slacks are this autumn's office staple.", products: [SLACKS] },
        { expert: "color_expert", text: "Charcoal and navy read calm and trustworthy on warm skin.", products: [SLACKS] },
      ],
    });
    const { deltas } = await drain(engine(k), b);
    expect(deltas.join("")).toBe(fakeAnswer([BLAZER.product_name_en, SLACKS.product_name_en, LOAFERS.product_name_en]).join(""));
    const [request] = await received(fakes.OPENAI_BASE_URL, k);
    expect(request!.body.messages[0].content).toContain("Fitting Coordinator");
    const user = request!.body.messages[1].content[0].text as string;
    for (const peer of b.peers) expect(user).toContain(peer.text);
    expect(user).toContain("Style Analyst");
  });

  it("429 is worth retrying after the service's retry-after, and the SDK does not retry it itself", async () => {
    const k = key("sk-fail-429-");
    const { error } = await drain(engine(k), brief());
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: "openai", retryable: true, retryAfterSeconds: 7 });
    expect(await received(fakes.OPENAI_BASE_URL, k)).toHaveLength(1);
  });

  it("500 is worth retrying", async () => {
    const { error } = await drain(engine(key("sk-fail-500-")), brief());
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ retryable: true, retryAfterSeconds: undefined });
  });

  it.each([
    ["a connection destroyed mid-stream", "sk-fail-cut-"],
    ["an error object in the stream", "sk-fail-chunk-"],
    ["a body that ends without finish_reason", "sk-fail-early-"],
  ])("%s fails retryably after the deltas that came", async (_, prefix) => {
    const { deltas, error } = await drain(engine(key(prefix)), brief());
    expect(deltas).toEqual(fakeAnswer([BLAZER.product_name, SLACKS.product_name]).slice(0, 2));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: "openai", retryable: true });
  });

  it("401 is not worth retrying, names OpenAI and never shows the key", async () => {
    const k = key("sk-bad-");
    const { error } = await drain(engine(k), brief());
    expect(error).toBeInstanceOf(EngineError);
    const e = error as EngineError;
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(/OpenAI.*401.*OPENAI_API_KEY/);
    expect(e.message).not.toContain(k);
    expect(String(e)).not.toContain("sk-");
  });

  it("a service that cannot be reached is worth retrying", async () => {
    const unreachable = createOpenAIEngine({ apiKey: "sk-test-x", model: "gpt-4.1-mini", baseURL: "http://127.0.0.1:9/v1" });
    const { error } = await drain(unreachable, brief());
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ retryable: true });
  });

  it("stops at once when the caller aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const deltas: string[] = [];
    const run = (async () => {
      for await (const d of engine(key("sk-stall-")).write(brief(), controller.signal)) {
        deltas.push(d);
        controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(deltas).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a stream that goes silent fails retryably after the idle deadline", async () => {
    const { deltas, error } = await drain(engine(key("sk-stall-"), 300), brief());
    expect(deltas).toHaveLength(1);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toMatch(/OpenAI/);
  });
});
