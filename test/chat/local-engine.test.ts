// The offline stylist on real briefs (seeded catalog, real knowledge base): it answers in the
// user's language and the expert's voice, names the occasion and every pick, keeps to the
// budget and says what it left out, is honest when nothing fits or when a photo is attached,
// and streams small pieces that join to the whole answer, the same every time.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExpertBrief, PeerAnswer } from "../../worker/chat/brief";
import { buildBrief } from "../../worker/chat/brief-builder";
import { composeAnswer, createLocalEngine } from "../../worker/chat/engines/local";
import { PANEL, type ExpertId } from "../../worker/chat/experts";
import { FITS, MATERIALS } from "../../scripts/catalog/templates";
import { josa } from "../../worker/chat/local/josa";
import { FIT_EN, MATERIAL_EN } from "../../worker/chat/local/words";
import { seedCatalog } from "../catalog/seed";
import { seedKnowledge } from "./stylist-fixtures";

const NOW = new Date("2026-10-20T03:00:00Z");
let minji: number;
let alex: number;

async function newUser(nickname: string, facts: { height?: number; shape?: string; tone?: string; gender?: string; styles?: string[] }) {
  const row = await env.DB.prepare(
    "insert into users (provider, provider_user_id, nickname, height_cm, body_shape, skin_tone, gender, preferred_styles) values ('dev', ?, ?, ?, ?, ?, ?, ?) returning id",
  )
    .bind(nickname.toLowerCase(), nickname, facts.height ?? null, facts.shape ?? null, facts.tone ?? null, facts.gender ?? null, JSON.stringify(facts.styles ?? []))
    .first<{ id: number }>();
  return row!.id;
}

async function newRoom(userId: number) {
  return (await env.DB.prepare("insert into chat_rooms (user_id) values (?) returning id").bind(userId).first<{ id: number }>())!.id;
}

/** A whole turn: the panel's briefs in order, then the coordinator's from their answers. */
async function turn(userId: number, question: string, photoKey: string | null = null): Promise<Record<ExpertId, ExpertBrief>> {
  const roomId = await newRoom(userId);
  const base = { userId, roomId, turnId: "turn-1", question, photoKey };
  const briefs = {} as Record<ExpertId, ExpertBrief>;
  const peers: PeerAnswer[] = [];
  for (const expert of PANEL) {
    briefs[expert] = await buildBrief(env, { ...base, expert, peers: [] }, NOW);
    peers.push({ expert, text: composeAnswer(briefs[expert]), products: briefs[expert].picks });
  }
  briefs.fitting_coordinator = await buildBrief(env, { ...base, expert: "fitting_coordinator", peers }, NOW);
  return briefs;
}

async function stream(brief: ExpertBrief, signal?: AbortSignal): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of createLocalEngine().write(brief, signal)) pieces.push(piece);
  return pieces;
}

const hangulShare = (text: string) => {
  const letters = text.match(/[A-Za-z\uac00-\ud7a3]/g) ?? [];
  return letters.filter((c) => /[\uac00-\ud7a3]/.test(c)).length / letters.length;
};

beforeAll(async () => {
  await seedCatalog(1200);
  await seedKnowledge();
  minji = await newUser("민지", { height: 158, shape: "triangle", tone: "warm", gender: "women", styles: ["미니멀"] });
  alex = await newUser("Alex", { gender: "men", tone: "cool" });
});

describe("a Korean interview question", () => {
  let briefs: Record<ExpertId, ExpertBrief>;
  beforeAll(async () => {
    briefs = await turn(minji, "내일 IT 회사 면접인데 뭐 입지? 예산 20만원, 치마는 싫어요");
  });

  it.each([...PANEL, "fitting_coordinator"] as ExpertId[])("%s answers in Korean, naming the occasion, every pick, the budget and the exclusion", (expert) => {
    const brief = briefs[expert];
    const text = composeAnswer(brief);
    expect(brief.picks.length).toBeGreaterThan(0);
    expect(hangulShare(text)).toBeGreaterThan(0.8);
    expect(text).toContain("면접");
    for (const p of brief.picks) expect(text).toContain(p.product_name);
    expect(text).toContain("예산 20만원");
    expect(text).toMatch(/합계 [\d,]+원/);
    expect(text).toContain("치마는 빼고");
  });

  it("gives each expert its own voice", () => {
    const [style, trend, color, coordinator] = [...PANEL, "fitting_coordinator" as const].map((e) => composeAnswer(briefs[e]));
    expect(style).toContain("삼각형 체형");
    expect(trend).toContain("트렌드 키워드");
    expect(color).toContain("웜톤");
    expect(coordinator).toMatch(/딱 하나|한 벌/);
    expect(coordinator).toContain("체크리스트");
  });

  it("quotes the knowledge base in the user's language", () => {
    const text = composeAnswer(briefs.style_analyst);
    const quoted = briefs.style_analyst.passages.filter((p) => p.language === "ko").some((p) => text.includes(`「${p.title}」`));
    expect(quoted).toBe(true);
  });

  it("lists every piece of the one outfit with its price", () => {
    const brief = briefs.fitting_coordinator;
    const text = composeAnswer(brief);
    const cats = brief.picks.map((p) => p.category);
    expect(cats.includes("dress") || (cats.includes("top") && cats.includes("bottom"))).toBe(true);
    for (const p of brief.picks) expect(text).toContain(`${p.product_name} (${p.price.toLocaleString("en-US")}원)`);
  });
});

describe("an English question", () => {
  let briefs: Record<ExpertId, ExpertBrief>;
  beforeAll(async () => {
    briefs = await turn(alex, "Job interview at a bank next week, rain is forecast. Budget under 400,000 won.");
  });

  it.each([...PANEL, "fitting_coordinator"] as ExpertId[])("%s answers in English with the English names", (expert) => {
    const brief = briefs[expert];
    const text = composeAnswer(brief);
    expect(brief.language).toBe("en");
    expect(hangulShare(text)).toBeLessThan(0.05);
    expect(text).toContain("interview");
    for (const p of brief.picks) expect(text).toContain(p.product_name_en);
    expect(text).toContain("₩400,000");
    expect(text).toContain("With rain in the forecast");
  });

  it("has the coordinator name the one outfit", () => {
    const text = composeAnswer(briefs.fitting_coordinator);
    expect(text).toMatch(/^Here's the one outfit for your interview:/);
    for (const p of briefs.fitting_coordinator.picks) expect(text).toContain(p.product_name_en);
  });
});

describe("honesty", () => {
  it("says nothing fits and what to loosen when there are no picks", async () => {
    const briefs = await turn(minji, "면접룩 3만원 이하로, 치마는 싫어요");
    const brief = briefs.style_analyst;
    expect(brief.picks).toEqual([]);
    const text = composeAnswer(brief);
    expect(text).toContain("상품이 없어요");
    expect(text).toContain("예산 3만원");
    expect(text).toContain("풀어 주시면");
    const en = composeAnswer({ ...brief, language: "en" });
    expect(en).toContain("nothing in our catalog meets every condition");
  });

  it("says it cannot see a photo, and that it is kept for the try-on", async () => {
    await env.IMAGES.put(`users/${alex}/uploads/me.png`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { httpMetadata: { contentType: "image/png" } });
    const briefs = await turn(alex, "What should I wear for a date? Here's my photo", `users/${alex}/uploads/me.png`);
    expect(briefs.trend_expert.photo?.mediaType).toBe("image/png");
    const text = composeAnswer(briefs.trend_expert);
    expect(text).toContain("saved your photo for the virtual try-on");
    expect(text).toContain("can't see images");
    const ko = composeAnswer({ ...briefs.trend_expert, language: "ko" });
    expect(ko).toContain("가상 피팅");
    expect(ko).toContain("볼 수는 없어요");
  });
});

describe("streaming", () => {
  let brief: ExpertBrief;
  beforeAll(async () => {
    brief = (await turn(minji, "주말 소개팅 코디 추천해줘, 예산 25만원")).fitting_coordinator;
  });

  it("sends small pieces that join to the whole answer", async () => {
    const pieces = await stream(brief);
    expect(pieces.join("")).toBe(composeAnswer(brief));
    expect(pieces.length).toBeGreaterThan(20);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(14);
    expect(pieces.filter((p) => p.length >= 3).length / pieces.length).toBeGreaterThan(0.9);
  });

  it("writes the same answer for the same brief", async () => {
    expect(await stream(brief)).toEqual(await stream(brief));
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    await expect(
      (async () => {
        for await (const piece of createLocalEngine().write(brief, controller.signal)) {
          pieces.push(piece);
          controller.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(pieces).toHaveLength(1);
  });

  it("names itself for the UI", () => {
    const engine = createLocalEngine();
    expect(engine.name).toBe("local");
    expect(engine.model).toBe("debut-stylist-1");
  });
});

describe("words", () => {
  it.each([
    ["셔츠", "은/는", "셔츠는"],
    ["패딩", "은/는", "패딩은"],
    ["블레이저", "이/가", "블레이저가"],
    ["울", "으로/로", "울로"],
    ["린넨", "으로/로", "린넨으로"],
    ["187,000원", "으로/로", "187,000원으로"],
    ["에센셜 셔츠 [네이비]", "이에요/예요", "에센셜 셔츠 [네이비]예요"],
    ["체크 헤리티지 슬랙스 [차콜]", "이에요/예요", "체크 헤리티지 슬랙스 [차콜]이에요"],
    ["'콰이어트 럭셔리'", "이에요/예요", "'콰이어트 럭셔리'예요"],
  ] as const)("%s + %s → %s", (word, particle, expected) => expect(josa(word, particle)).toBe(expected));

  it("knows every material and fit the catalog uses, in English", () => {
    for (const m of Object.values(MATERIALS)) expect(MATERIAL_EN[m.ko], m.ko).toBeDefined();
    for (const f of Object.values(FITS)) expect(FIT_EN[f.ko], f.ko).toBeDefined();
  });
});
