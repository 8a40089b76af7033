// What both real engines send a model (system prompt + user content) and the failure rules
// they share; plus the engines' settings in config(env).
import { describe, expect, it } from "vitest";
import { config } from "../../../worker/config.ts";
import { EXPERTS, type ExpertId } from "../../../worker/chat/experts.ts";
import { EngineError } from "../../../worker/chat/engines/engine.ts";
import { buildPrompt, httpFailure, PROMPT_LIMITS, redact, retryAfterSeconds, systemPrompt } from "../../../worker/chat/engines/prompt.ts";
import { BLAZER, brief, LOAFERS, photo, SLACKS } from "./briefs.ts";

const IDS = Object.keys(EXPERTS) as ExpertId[];

describe("system prompt", () => {
  it("is one per expert and language, in that language, with the expert's name and the rules", () => {
    const prompts = new Set<string>();
    for (const id of IDS) {
      const ko = systemPrompt(id, "ko");
      const en = systemPrompt(id, "en");
      prompts.add(ko).add(en);
      expect(ko).toContain(EXPERTS[id].name.ko);
      expect(ko).toContain("한국어로");
      expect(ko).toMatch(/3~6문장/);
      expect(ko).toMatch(/URL/);
      expect(en).toContain(EXPERTS[id].name.en);
      expect(en).toMatch(/Answer in English/);
      expect(en).toMatch(/3–6 sentences/);
      expect(en).toMatch(/Never invent or recommend products/);
    }
    expect(prompts.size).toBe(IDS.length * 2);
  });
});

describe("user content", () => {
  it("lists every pick with its facts, but no ids or URLs", () => {
    const { user } = buildPrompt(brief({ picks: [BLAZER, SLACKS, LOAFERS] }));
    for (const [i, p] of [BLAZER, SLACKS, LOAFERS].entries()) {
      expect(user).toContain(`추천 ${i + 1}: ${p.product_name} — ${p.brand}`);
      expect(user).toContain(`${p.price.toLocaleString("en-US")}원`);
      expect(user).toContain(p.material);
      expect(user).toContain(p.colors[0]!.name);
      expect(user).not.toContain(p.product_id);
      expect(user).not.toContain(p.image_url);
    }
    expect(user).toContain("포멀, 클래식");
  });

  it("writes English names, colours and occasions for an English brief", () => {
    const { user } = buildPrompt(brief({ language: "en" }));
    expect(user).toContain(`Pick 1: ${BLAZER.product_name_en} — Maison Dune; ₩189,900; Blazer; colours: Navy`);
    expect(user).toContain("Occasion: interview");
    expect(user).toContain("Weather: rain");
    expect(user).toContain("Budget: up to ₩300,000");
    expect(user).toContain("Season: autumn");
    expect(user).toContain("Colours to avoid: Red");
    expect(user).toContain(BLAZER.comprehensive_description_en.slice(0, 40));
  });

  it("carries the profile, the occasion, the notes and the question, the question last", () => {
    const b = brief();
    const { user } = buildPrompt(b);
    expect(user).toContain("키: 163 cm");
    expect(user).toContain("피부톤: 웜톤");
    expect(user).toContain("계절: 가을");
    expect(user).toContain("예산: 최대 300,000원");
    expect(user).toContain("자리: 면접");
    expect(user).toContain("날씨: 비");
    expect(user).toContain("제외: 스웨이드");
    expect(user).toContain("면접: 신뢰감을 주는 단정함");
    expect(user.trimEnd().endsWith(`[${b.question}]`)).toBe(true);
  });

  it("says when a photo came with the question and hands the photo over", () => {
    const image = photo();
    const p = buildPrompt(brief({ photo: image }));
    expect(p.photo).toBe(image);
    expect(p.user).toContain("사진");
    expect(buildPrompt(brief()).user).not.toContain("사진을 함께");
  });

  it("gives only the coordinator the panel's answers", () => {
    const peers = [{ expert: "trend_expert" as const, text: "세미 와이드 슬랙스가 이번 시즌의 기본이에요.", products: [SLACKS] }];
    expect(buildPrompt(brief({ expert: "fitting_coordinator", peers })).user).toContain(`트렌드 전문가: [${peers[0]!.text}]`);
    expect(buildPrompt(brief({ expert: "color_expert", peers })).user).not.toContain(peers[0]!.text);
  });

  it("says so when there is nothing to recommend, instead of listing products", () => {
    expect(buildPrompt(brief({ picks: [], language: "en" })).user).toContain("(no catalog item matched)");
  });

  it("keeps the latest history, names who spoke, and does not repeat the question", () => {
    const b = brief({
      history: [
        ...Array.from({ length: 10 }, (_, i) => ({ role: "user" as const, text: `이전 질문 ${i}` })),
        { role: "expert", expert: "color_expert", text: "웜톤에는 카멜이 잘 어울려요." },
      ],
    });
    b.history.push({ role: "user", text: b.question });
    const { user } = buildPrompt(b);
    expect(user).not.toContain("이전 질문 4");
    expect(user).toContain("이전 질문 9");
    expect(user).toContain("컬러 전문가: [웜톤에는 카멜이 잘 어울려요.]");
    expect(user.split(b.question)).toHaveLength(2); // once, as the question
  });

  it("stays bounded however long the conversation, the notes and the panel's answers get", () => {
    const long = "아주 긴 문장입니다. ".repeat(500);
    const b = brief({
      expert: "fitting_coordinator",
      question: long,
      history: Array.from({ length: 50 }, () => ({ role: "user" as const, text: long })),
      passages: Array.from({ length: 20 }, (_, i) => ({ ...brief().passages[0]!, id: `p${i}`, title: long, body: long })),
      peers: (["style_analyst", "trend_expert", "color_expert"] as const).map((expert) => ({ expert, text: long, products: [] })),
      picks: [BLAZER, SLACKS, LOAFERS, { ...BLAZER, product_name: long, comprehensive_description: long }],
    });
    const { system, user } = buildPrompt(b);
    expect(system.length + user.length).toBeLessThan(7500);
    expect(user.match(/^- 사용자:/gm)).toHaveLength(PROMPT_LIMITS.historyItems);
    expect(user).toContain("…");
  });
});

describe("failures", () => {
  const S = { engine: "openai" as const, label: "OpenAI", keyVar: "OPENAI_API_KEY" };

  it("reads retry-after as milliseconds, seconds or an HTTP date", () => {
    expect(retryAfterSeconds(new Headers({ "retry-after-ms": "1500" }))).toBe(2);
    expect(retryAfterSeconds(new Headers({ "retry-after": "7" }))).toBe(7);
    const at = new Date(Date.now() + 30_000).toUTCString();
    expect(retryAfterSeconds(new Headers({ "retry-after": at }))).toBeGreaterThanOrEqual(28);
    expect(retryAfterSeconds(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });

  it("maps statuses to retryable or not", () => {
    const h = new Headers({ "retry-after": "3" });
    expect(httpFailure(S, 429, h, null, "k")).toMatchObject({ retryable: true, retryAfterSeconds: 3 });
    for (const status of [500, 502, 503, 529, 408]) expect(httpFailure(S, status, null, null, "k").retryable).toBe(true);
    for (const status of [400, 401, 403, 404, 422]) expect(httpFailure(S, status, null, null, "k").retryable).toBe(false);
    expect(httpFailure(S, 404, null, null, "k")).toBeInstanceOf(EngineError);
  });

  it("quotes a request error's reason without any key in it", () => {
    const key = "sk-proj-abcdefghijklmnop";
    const e = httpFailure(S, 400, null, `Invalid image for key ${key} (also sk-abc***xyz)`, key);
    expect(e.message).toMatch(/^OpenAI rejected the request \(400\): Invalid image/);
    expect(e.message).not.toContain("sk-");
    expect(redact(`key=${key}`, key)).toBe("key=[key]");
  });
});

describe("engine settings", () => {
  it("are present with a key, with default models and no base URL unless set", () => {
    const c = config({ APP_ENV: "test", OPENAI_API_KEY: "sk-1", ANTHROPIC_API_KEY: "sk-ant-1", OPENAI_BASE_URL: "", ANTHROPIC_MODEL: "" });
    expect(c.llm.openai).toEqual({ apiKey: "sk-1", model: "gpt-4.1-mini", baseURL: undefined, idleMs: 30_000 });
    expect(c.llm.anthropic).toEqual({ apiKey: "sk-ant-1", model: "claude-sonnet-5-5", baseURL: undefined, idleMs: 30_000 });
    expect(config({ OPENAI_API_KEY: "sk-1", LLM_IDLE_SECONDS: "2" }).llm.openai?.idleMs).toBe(2_000);
    expect(config({ APP_ENV: "test" }).llm).toMatchObject({ openai: undefined, anthropic: undefined });
  });

  it("take a model and a base URL from the environment, and refuse a malformed URL", () => {
    const c = config({ OPENAI_API_KEY: "sk-1", OPENAI_MODEL: "gpt-5.4-mini", OPENAI_BASE_URL: "https://gateway.example/v1/openai" });
    expect(c.llm.openai).toMatchObject({ model: "gpt-5.4-mini", baseURL: "https://gateway.example/v1/openai" });
    expect(() => config({ ANTHROPIC_BASE_URL: "not a url" })).toThrow(/ANTHROPIC_BASE_URL/);
  });
});
