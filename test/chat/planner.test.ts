// The planner on the seeded demo catalog: every expert's picks and the coordinator's outfit
// keep every hard constraint (budget, exclusions, avoided colours, gender, season, weather,
// what the occasion never allows), relax only soft preferences, and stay deterministic.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { PublicProduct } from "../../worker/catalog/products";
import type { Intent, PeerAnswer, ProfileFacts } from "../../worker/chat/brief";
import { PANEL } from "../../worker/chat/experts";
import { readIntent } from "../../worker/chat/intent";
import { hardFilters, meetsHardFilters, planOutfit, planPicks, weatherRules } from "../../worker/chat/planner";
import { seedCatalog } from "../catalog/seed";
import { mainColorOf, profile, violations } from "./stylist-fixtures";

beforeAll(async () => {
  await seedCatalog(1200);
});

/** The intent as the brief builder makes it: read from the words, the season filled in. */
const intentOf = (question: string, p: ProfileFacts, season: Intent["season"] = "fall") => {
  const read = readIntent(question, [], p);
  return { ...read, season: read.season ?? season };
};

async function panel(intent: Intent, p: ProfileFacts): Promise<PeerAnswer[]> {
  return Promise.all(PANEL.map(async (expert) => ({ expert, text: "", products: await planPicks(env.DB, intent, p, expert) })));
}

const total = (ps: PublicProduct[]) => ps.reduce((sum, x) => sum + x.price, 0);

const SCENARIOS: { name: string; question: string; profile: ProfileFacts; season?: Intent["season"] }[] = [
  { name: "a Korean IT interview on ₩200,000 without skirts", question: "내일 IT 회사 면접인데 뭐 입지? 예산 20만원, 치마는 싫어요", profile: profile({ gender: "women", bodyShape: "triangle", skinTone: "warm", heightCm: 158 }) },
  { name: "a rainy date", question: "비 오는 날 데이트룩 추천해줘, 흰색은 빼고", profile: profile({ gender: "women", skinTone: "cool" }), season: "summer" },
  { name: "a freezing interview for a man", question: "영하 10도인 날 면접이에요. 30만원 안으로 부탁해요", profile: profile({ gender: "men", bodyShape: "inverted_triangle", heightCm: 168 }), season: "winter" },
  { name: "a hot office day", question: "폭염인데 출근룩 추천해줘", profile: profile({ gender: "women", preferredStyles: ["미니멀"] }), season: "summer" },
  { name: "an English wedding guest look", question: "Wedding guest outfit please, no white or black, under 250,000 won", profile: profile({ gender: "women", skinTone: "cool", bodyShape: "hourglass" }), season: "spring" },
  { name: "an English interview without heels", question: "Job interview next week, no heels and no skirts, budget ₩180,000", profile: profile({ gender: "women", skinTone: "neutral" }) },
  { name: "a cheap campus look", question: "저렴한 캠퍼스룩 추천", profile: profile({ gender: "men" }) },
];

describe("every pick keeps every hard constraint", () => {
  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const intent = intentOf(s.question, s.profile, s.season);
      const peers = await panel(intent, s.profile);
      for (const peer of peers) {
        expect(peer.products.length, `${peer.expert} found nothing`).toBeGreaterThan(0);
        expect(peer.products.length).toBeLessThanOrEqual(3);
        for (const p of peer.products) expect(violations(p, intent), `${peer.expert}: ${p.product_name}`).toEqual([]);
        if (intent.budget.max !== null) expect(total(peer.products)).toBeLessThanOrEqual(intent.budget.max);
      }
      const outfit = await planOutfit(env.DB, intent, s.profile, peers);
      for (const p of outfit) expect(violations(p, intent), `outfit: ${p.product_name}`).toEqual([]);
      if (intent.budget.max !== null) expect(total(outfit)).toBeLessThanOrEqual(intent.budget.max);
      const cats = outfit.map((p) => p.category);
      expect(cats.includes("dress") || (cats.includes("top") && cats.includes("bottom")), cats.join(",")).toBe(true);
      expect(new Set(cats).size).toBe(cats.length);
    });
  }
});

describe("the panel's lenses", () => {
  it("gives an interview plan no sneakers, hoodies, shorts or sandals, and no skirts when told", async () => {
    const p = profile({ gender: "women" });
    const intent = intentOf("면접룩 추천해줘, 치마 싫어", p);
    const picks = (await panel(intent, p)).flatMap((x) => x.products);
    for (const x of picks) {
      expect(["sneakers", "hoodie", "shorts", "sandals"]).not.toContain(x.subcategory);
      expect(x.subcategory).not.toMatch(/skirt/);
    }
  });

  it("keeps suede out in the rain, even for shoes asked for by name", async () => {
    const intent = intentOf("비 오는 날 신을 신발 추천해줘", profile());
    expect(intent.categories).toEqual(["shoes"]);
    const picks = (await panel(intent, profile())).flatMap((x) => x.products);
    expect(picks.length).toBeGreaterThan(0);
    for (const x of picks) {
      expect(x.category).toBe("shoes");
      expect(x.material).not.toBe("스웨이드");
    }
  });

  it("does not have every expert return the same items", async () => {
    const p = profile({ gender: "women", skinTone: "warm" });
    const peers = await panel(intentOf("소개팅 코디 추천해줘", p), p);
    const sets = peers.map((x) => x.products.map((y) => y.product_id).sort().join(","));
    expect(new Set(sets).size).toBeGreaterThan(1);
    // The trend expert avoids the style analyst's pieces where the catalog allows.
    const style = new Set(peers[0]!.products.map((x) => x.product_id));
    expect(peers[1]!.products.some((x) => style.has(x.product_id))).toBe(false);
  });

  it("adds a coat when it is cold and leaves it out when it is not", async () => {
    const p = profile({ gender: "men" });
    const cold = intentOf("추운 날 출근룩", p, "winter");
    expect(weatherRules(cold).needsOuter).toBe(true);
    const style = await planPicks(env.DB, cold, p, "style_analyst");
    expect(style.map((x) => x.category)).toEqual(["top", "bottom", "outer"]);
    const mild = intentOf("출근룩", p, "spring");
    expect((await planPicks(env.DB, mild, p, "style_analyst")).map((x) => x.category)).toEqual(["top", "bottom", "shoes"]);
  });

  it("follows the colour expert's palette: cool skin at an interview gets cool neutrals", async () => {
    const p = profile({ gender: "women", skinTone: "cool" });
    const picks = await planPicks(env.DB, intentOf("면접 코디", p), p, "color_expert");
    const cool = ["navy", "charcoal", "gray", "white", "lavender", "burgundy", "light_blue", "black"];
    expect(picks.filter((x) => cool.includes(mainColorOf(x)!)).length, picks.map((x) => x.colors[0]!.name).join(",")).toBeGreaterThanOrEqual(2);
  });

  it("gives three alternatives within the budget when one kind is asked for", async () => {
    const intent = intentOf("출근용 슬랙스만 추천해줘, 10만원 이하", profile({ gender: "women" }));
    const picks = await planPicks(env.DB, intent, profile({ gender: "women" }), "style_analyst");
    expect(picks).toHaveLength(3);
    expect(new Set(picks.map((x) => x.product_id)).size).toBe(3);
    for (const x of picks) {
      expect(x.category).toBe("bottom");
      expect(x.price).toBeLessThanOrEqual(100_000);
    }
  });

  it("returns fewer picks, never a broken constraint, when the budget cannot cover a look", async () => {
    const intent = intentOf("면접룩 5만원 이하로", profile({ gender: "men" }));
    const picks = await planPicks(env.DB, intent, profile({ gender: "men" }), "style_analyst");
    expect(total(picks)).toBeLessThanOrEqual(50_000);
    expect(picks.length).toBeLessThan(3);
  });

  it("is deterministic", async () => {
    const p = profile({ gender: "women", bodyShape: "hourglass" });
    const intent = intentOf("하객룩 추천, 20만원", p, "spring");
    const a = await planPicks(env.DB, intent, p, "trend_expert");
    const b = await planPicks(env.DB, intent, p, "trend_expert");
    expect(b.map((x) => x.product_id)).toEqual(a.map((x) => x.product_id));
  });
});

describe("the coordinator's one outfit", () => {
  it("takes what several experts agreed on", async () => {
    const p = profile({ gender: "women" });
    const intent = intentOf("출근룩", p);
    const peers = await panel(intent, p);
    // Two experts agreeing on a bottom outweighs the third's.
    const shared = peers[2]!.products.find((x) => x.category === "bottom")!;
    const agreed: PeerAnswer[] = [peers[0]!, { ...peers[1]!, products: [...peers[1]!.products.filter((x) => x.category !== "bottom"), shared] }, peers[2]!];
    const outfit = await planOutfit(env.DB, intent, p, agreed);
    expect(outfit.map((x) => x.product_id)).toContain(shared.product_id);
  });

  it("fills every piece by search when the panel brought nothing", async () => {
    const p = profile({ gender: "men" });
    const intent = intentOf("추운 겨울 데이트룩, 50만원", p, "winter");
    const outfit = await planOutfit(env.DB, intent, p, []);
    expect(outfit.map((x) => x.category)).toEqual(["top", "bottom", "outer", "shoes"]);
    expect(total(outfit)).toBeLessThanOrEqual(500_000);
  });

  it("never passes on a peer's piece that breaks a constraint", async () => {
    const p = profile({ gender: "women" });
    const intent = intentOf("면접룩, 치마 싫어요", p);
    const hard = hardFilters(intent);
    const skirt = (await planPicks(env.DB, intentOf("면접룩 치마 추천", p), p, "style_analyst")).find((x) => x.subcategory.endsWith("skirt"));
    expect(skirt).toBeDefined();
    expect(meetsHardFilters(skirt!, hard)).toBe(false);
    const outfit = await planOutfit(env.DB, intent, p, [{ expert: "style_analyst", text: "", products: [skirt!] }]);
    expect(outfit.map((x) => x.product_id)).not.toContain(skirt!.product_id);
  });

  it("is deterministic for the same inputs", async () => {
    const p = profile({ gender: "women", skinTone: "warm" });
    const intent = intentOf("소개팅룩 15만원", p);
    const peers = await panel(intent, p);
    const a = await planOutfit(env.DB, intent, p, peers);
    const b = await planOutfit(env.DB, intent, p, [...peers].reverse());
    expect(b.map((x) => x.product_id)).toEqual(a.map((x) => x.product_id));
  });
});
