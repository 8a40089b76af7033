// Briefs as the expert job builds them, from catalog-shaped products, for the engine tests;
// and helpers to drain an engine and to read what a fake service received.
import { env } from "cloudflare:workers";
import { publicProduct, type PublicProduct } from "../../../worker/catalog/products.ts";
import type { ProductRecord } from "../../../worker/catalog/search.ts";
import type { ExpertBrief, Intent, PhotoInput } from "../../../worker/chat/brief.ts";
import type { ExpertEngine } from "../../../worker/chat/engines/engine.ts";
import { jpeg } from "../../images/fixtures.ts";

/** Test-only bindings (vitest.config.ts): the fakes' base URLs. */
export const fakes = env as unknown as { OPENAI_BASE_URL: string; ANTHROPIC_BASE_URL: string };

const record = (r: Partial<ProductRecord> & Pick<ProductRecord, "id" | "name_ko" | "name_en" | "subcategory" | "category">): PublicProduct =>
  publicProduct({
    brand: "Maison Dune",
    gender: "women",
    colors: [{ name: "네이비", hex: "#1f2c4c" }],
    pattern: "solid",
    material: "울",
    fit: "레귤러핏",
    seasons: ["fall", "winter"],
    price: 189900,
    style_tags: ["포멀", "클래식"],
    tpo_tags: ["면접", "출근"],
    description_ko: "네이비 울 소재의 싱글 블레이저입니다. 어깨선이 단정해 면접에서 신뢰감을 줍니다.",
    description_en: "A single-breasted blazer in navy wool. A neat shoulder line reads as trustworthy at an interview.",
    image_key: `products/${r.id}.png`,
    ...r,
  });

export const BLAZER = record({ id: "4000321", name_ko: "테일러드 싱글 블레이저 [네이비]", name_en: "TAILORED SINGLE BLAZER [NAVY]", category: "outer", subcategory: "blazer" });
export const SLACKS = record({
  id: "4000412",
  name_ko: "세미 와이드 슬랙스 [차콜]",
  name_en: "SEMI WIDE SLACKS [CHARCOAL]",
  brand: "Oak Avenue",
  category: "bottom",
  subcategory: "slacks",
  colors: [{ name: "차콜", hex: "#3c3f45" }],
  material: "폴리에스터",
  price: 79900,
  description_ko: "차콜 폴리에스터 소재의 세미 와이드 슬랙스입니다. 구김이 적어 하루 종일 단정합니다.",
  description_en: "Semi-wide slacks in charcoal polyester. They resist creasing and stay neat all day.",
});
export const LOAFERS = record({
  id: "4000518",
  name_ko: "페니 로퍼 [블랙]",
  name_en: "PENNY LOAFERS [BLACK]",
  brand: "Nord Atelier",
  category: "shoes",
  subcategory: "loafers",
  colors: [{ name: "블랙", hex: "#1c1c1e" }],
  material: "소가죽",
  price: 129000,
  description_ko: "블랙 소가죽 페니 로퍼입니다. 낮은 굽으로 오래 걸어도 편안합니다.",
  description_en: "Penny loafers in black calfskin. A low heel keeps them comfortable all day.",
});

const intent = (i: Partial<Intent> = {}): Intent => ({
  language: "ko",
  occasion: "면접",
  season: "fall",
  weather: { rain: true, cold: false, hot: false },
  colors: [],
  avoidColors: ["red"],
  styles: [],
  categories: [],
  excludeSubcategories: [],
  excludeMaterials: ["스웨이드"],
  budget: { min: null, max: 300000 },
  gender: "women",
  ...i,
});

export function brief(b: Partial<ExpertBrief> = {}): ExpertBrief {
  const language = b.language ?? "ko";
  return {
    expert: "style_analyst",
    language,
    question: language === "ko" ? "다음 주 금요일에 은행 면접이 있어요. 비 예보가 있는데 뭘 입을까요?" : "I have a bank interview next Friday and rain is forecast. What should I wear?",
    photo: null,
    history: [],
    profile: { nickname: "민지", heightCm: 163, bodyShape: "triangle", skinTone: "warm", gender: "women", preferredStyles: ["미니멀"] },
    intent: intent({ language }),
    passages: [
      {
        id: "dress-codes-ko#면접",
        topic: "dress-codes",
        language: "ko",
        title: "면접: 신뢰감을 주는 단정함",
        tags: ["면접", "정장"],
        body: "금융권 면접은 네이비나 차콜 같은 어두운 중립색 수트가 기본입니다. 과한 액세서리는 피하세요.",
        source: "dress-codes-ko.md",
      },
    ],
    picks: [BLAZER, SLACKS],
    peers: [],
    ...b,
  };
}

/** A photo as the upload route stores it: a real JPEG header and about 64 KB of data. */
export function photo(): PhotoInput {
  const head = jpeg(1024, 1536);
  const bytes = new Uint8Array(48_000);
  bytes.set(head);
  for (let i = head.length; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
  let binary = "";
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return { mediaType: "image/jpeg", base64: btoa(binary) };
}

/** The sentence the fakes answer with (test/fakes/openai.ts), as they split it into deltas. */
export function fakeAnswer(names: string[], image?: PhotoInput): string[] {
  const text = `Picks: ${names.join(" / ")}. Photo: ${image ? `${image.mediaType} ${image.base64.length} chars` : "none"}.`;
  return text.split(/(?<= )/);
}

/** Drains an engine's answer: every delta, and the error that ended it, if any. */
export async function drain(engine: ExpertEngine, b: ExpertBrief, signal?: AbortSignal) {
  const deltas: string[] = [];
  try {
    for await (const d of engine.write(b, signal)) deltas.push(d);
    return { deltas, error: undefined };
  } catch (error) {
    return { deltas, error };
  }
}

/** What a fake received for this API key. */
export async function received(baseUrl: string, key: string): Promise<{ path: string; headers: Record<string, string | undefined>; body: any }[]> {
  const res = await fetch(`${new URL(baseUrl).origin}/__requests?key=${encodeURIComponent(key)}`);
  return res.json();
}

export const key = (prefix: string) => `${prefix}${crypto.randomUUID()}`;
