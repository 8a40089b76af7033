// The offline stylist's words for catalog things in Korean and English: occasions, colours,
// materials, fits, categories, prices and lists, and a deterministic way to vary phrasing.
import type { PublicProduct } from "../../catalog/products.ts";
import { COLORS, SUBCATEGORIES, type Category, type ColorKey, type Subcategory, type TpoTag } from "../../catalog/vocabulary.ts";
import type { Language } from "../brief.ts";
import { mainColor } from "../lenses.ts";
import { josa } from "./josa.ts";

export type Bi = Record<Language, string>;

export const OCCASION: Record<TpoTag, Bi> = {
  면접: { ko: "면접", en: "interview" },
  출근: { ko: "출근", en: "workday at the office" },
  하객: { ko: "결혼식 하객", en: "wedding (as a guest)" },
  상견례: { ko: "상견례", en: "meeting with the family" },
  소개팅: { ko: "소개팅", en: "blind date" },
  데이트: { ko: "데이트", en: "date" },
  여행: { ko: "여행", en: "trip" },
  데일리: { ko: "데일리", en: "everyday look" },
  캠퍼스: { ko: "캠퍼스", en: "campus day" },
  파티: { ko: "파티", en: "party" },
  운동: { ko: "운동", en: "workout" },
  아웃도어: { ko: "등산·아웃도어", en: "hike" },
  발표: { ko: "발표", en: "presentation" },
};

export const SEASON: Record<"spring" | "summer" | "fall" | "winter", Bi> = {
  spring: { ko: "봄", en: "spring" },
  summer: { ko: "여름", en: "summer" },
  fall: { ko: "가을", en: "autumn" },
  winter: { ko: "겨울", en: "winter" },
};

export const CATEGORY_LABEL: Record<Category, Bi> = {
  top: { ko: "상의", en: "top" },
  bottom: { ko: "하의", en: "bottom" },
  outer: { ko: "아우터", en: "outer layer" },
  dress: { ko: "원피스", en: "dress" },
  shoes: { ko: "신발", en: "shoes" },
  accessory: { ko: "액세서리", en: "accessory" },
};

/** The catalog's materials (Korean as stored) in English. */
export const MATERIAL_EN: Record<string, string> = {
  코튼: "cotton", 린넨: "linen", 시어서커: "seersucker", 울: "wool", "울 혼방": "wool blend", 캐시미어: "cashmere", 트위드: "tweed", 코듀로이: "corduroy",
  폴리에스터: "polyester", 텐셀: "Tencel", 실크: "silk", 새틴: "satin", 저지: "jersey", "기모 코튼": "brushed cotton", 데님: "denim", "라이트 데님": "light denim",
  레더: "leather", "비건 레더": "vegan leather", 스웨이드: "suede", 나일론: "nylon", 덕다운: "duck down", 캔버스: "canvas", 메쉬: "mesh", 러버: "rubber-soled leather",
};

/** The catalog's fits (Korean as stored) in English. */
export const FIT_EN: Record<string, string> = {
  슬림핏: "slim fit", 레귤러핏: "regular fit", 릴렉스핏: "relaxed fit", 오버핏: "oversized fit", 스트레이트핏: "straight fit", 와이드핏: "wide fit", 테이퍼드핏: "tapered fit",
  "크롭 기장": "cropped length", "미디 기장": "midi length", "무릎 기장": "knee length", "미니 기장": "mini length", "롱 기장": "long length", "기본 사이즈": "true-to-size fit",
};

export const material = (name: string, lang: Language) => (lang === "ko" ? name : (MATERIAL_EN[name] ?? name));
export const fit = (name: string, lang: Language) => (lang === "ko" ? name : (FIT_EN[name] ?? name));
export const colorName = (key: ColorKey, lang: Language) => (lang === "ko" ? COLORS[key].ko : COLORS[key].en.toLowerCase());
export const subName = (sub: Subcategory | string, lang: Language) => {
  const s = SUBCATEGORIES[sub as Subcategory];
  return s ? (lang === "ko" ? s.ko : s.en.toLowerCase()) : sub;
};

/** A product by the name the catalog gives it in this language. */
export const itemName = (p: PublicProduct, lang: Language) => (lang === "ko" ? p.product_name : p.product_name_en || p.product_name);

export function itemColor(p: PublicProduct, lang: Language): string {
  const key = mainColor(p);
  return key ? colorName(key, lang) : (p.colors[0]?.name ?? "");
}

export function won(amount: number, lang: Language): string {
  const n = Math.round(amount).toLocaleString("en-US");
  return lang === "ko" ? `${n}원` : `₩${n}`;
}

/** A budget as people say it: "20만원", "₩200,000". */
export function budgetWords(amount: number, lang: Language): string {
  if (lang === "ko" && amount % 10_000 === 0) return `${(amount / 10_000).toLocaleString("en-US")}만원`;
  return won(amount, lang);
}

export function count(n: number, lang: Language): string {
  if (lang === "ko") return `${["", "한", "두", "세", "네", "다섯"][n] ?? n} 가지`;
  return `${["", "one piece", "two pieces", "three pieces", "four pieces", "five pieces"][n] ?? `${n} pieces`}`;
}

/** "A, B와 C" / "A, B and C". */
export function list(items: string[], lang: Language): string {
  if (items.length <= 1) return items[0] ?? "";
  const head = items.slice(0, -1).join(", ");
  return lang === "ko" ? `${josa(head, "과/와")} ${items.at(-1)}` : `${head}${items.length > 2 ? "," : ""} and ${items.at(-1)}`;
}

/** A tight list for materials or colours: "스웨이드·캔버스·린넨", "suede, canvas and linen". */
export const dotted = (items: string[], lang: Language) => (lang === "ko" ? items.join("·") : list(items, lang));

/** FNV-1a over the question: the same brief always reads the same, different questions vary. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** One of several phrasings, chosen by the seed and a per-sentence salt. */
export function vary<T>(seed: number, salt: number, options: readonly T[]): T {
  return options[((seed ^ Math.imul(salt + 1, 2654435761)) >>> 0) % options.length]!;
}
