// Facet tokens: the structured filters of a product written as exact ASCII words into the
// FTS index's `facets` column ("cattop genmen seawinter tpo4 sty2 colnavy"), so filtering
// is an index lookup. Tags are numbered by their place in the vocabulary (Hangul would be
// split into bigrams by the tokenizer); append new tags at the end to keep numbers stable.
import { COLORS, STYLE_TAGS, TPO_TAGS } from "./vocabulary.ts";

const STYLE_INDEX = new Map(Object.keys(STYLE_TAGS).map((t, i) => [t, i]));
const TPO_INDEX = new Map(Object.keys(TPO_TAGS).map((t, i) => [t, i]));
const COLOR_KEY_BY_NAME = new Map<string, string>(
  Object.entries(COLORS).flatMap(([key, c]) => [
    [c.ko, key],
    [c.en.toLowerCase(), key],
    [key, key],
  ]),
);

const ascii = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

export const facet = {
  category: (c: string) => `cat${ascii(c)}`,
  subcategory: (s: string) => `sub${ascii(s)}`,
  gender: (g: string) => `gen${ascii(g)}`,
  season: (s: string) => `sea${ascii(s)}`,
  style: (t: string) => (STYLE_INDEX.has(t) ? `sty${STYLE_INDEX.get(t)}` : null),
  tpo: (t: string) => (TPO_INDEX.has(t) ? `tpo${TPO_INDEX.get(t)}` : null),
  /** Known colors by key, Korean or English name; others by a hash of their name. */
  color: (name: string) => {
    const key = COLOR_KEY_BY_NAME.get(name.trim().toLowerCase()) ?? COLOR_KEY_BY_NAME.get(name.trim());
    return key ? `col${ascii(key)}` : `colx${hash(name.trim().toLowerCase())}`;
  },
  /** The first color only: "no black" means no black garment, not no black stripes. */
  mainColor: (name: string) => `main${facet.color(name)}`,
  material: (name: string) => `mat${hash(name.trim().toLowerCase())}`,
  all: "all",
};

function hash(s: string): string {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return (h >>> 0).toString(36);
}

export function productFacets(p: {
  category: string;
  subcategory: string;
  gender: string;
  seasons: string[];
  style_tags: string[];
  tpo_tags: string[];
  colors: { name: string }[];
  material: string;
}): string {
  return [
    facet.all,
    facet.category(p.category),
    facet.subcategory(p.subcategory),
    facet.gender(p.gender),
    ...p.seasons.map(facet.season),
    ...p.style_tags.map(facet.style),
    ...p.tpo_tags.map(facet.tpo),
    ...p.colors.map((c) => facet.color(c.name)),
    ...(p.colors[0] ? [facet.mainColor(p.colors[0].name)] : []),
    facet.material(p.material),
  ]
    .filter(Boolean)
    .join(" ");
}
