// The catalog's words in the current language: product names and tags (the API sends both
// languages), vocabulary names (shared with the Worker), prices and counts.
import type { Product } from "../api/catalog";
import { groupDigits } from "../i18n/format";
import { lang, t } from "../i18n/lang";
import { COLORS, PATTERNS, SEASONS, STYLE_TAGS, TPO_TAGS } from "../../../worker/catalog/vocabulary";

export { CATEGORIES, COLORS, SEASONS, STYLE_TAGS, TPO_TAGS } from "../../../worker/catalog/vocabulary";

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const productName = (p: Product) => (lang() === "ko" ? p.product_name : p.product_name_en);
export const otherProductName = (p: Product) => (lang() === "ko" ? p.product_name_en : p.product_name);
export const productDescription = (p: Product) => (lang() === "ko" ? p.comprehensive_description : p.comprehensive_description_en);
export const styleTags = (p: Product) => (lang() === "ko" ? p.style_tags : p.style_tags_en.map(capitalize));
export const tpoTags = (p: Product) => (lang() === "ko" ? p.tpo_tags : p.tpo_tags_en.map(capitalize));

/** A Korean style or TPO tag (the API's filter value) as a label. */
export const styleLabel = (tag: keyof typeof STYLE_TAGS) => (lang() === "ko" ? tag : capitalize(STYLE_TAGS[tag]));
export const tpoLabel = (tag: keyof typeof TPO_TAGS) => (lang() === "ko" ? tag : capitalize(TPO_TAGS[tag]));

/** Products name their colors in Korean; the vocabulary knows the English name. */
export function colorName(name: string): string {
  const known = Object.values(COLORS).find((color) => color.ko === name);
  return known ? known[lang()] : name;
}

export const patternName = (key: string) => (key in PATTERNS ? PATTERNS[key as keyof typeof PATTERNS][lang()] : key);
export const seasonName = (key: string) => (key in SEASONS ? (lang() === "ko" ? SEASONS[key as keyof typeof SEASONS] : capitalize(key)) : key);

/** 39,000원 in Korean, ₩39,000 in English. */
export function formatPrice(won: number): string {
  const amount = groupDigits(won);
  return lang() === "ko" ? `${amount}원` : `₩${amount}`;
}

export const formatCount = (count: number) =>
  count === 1 ? t("catalog.count.one") : t("catalog.count", { count: groupDigits(count) });
