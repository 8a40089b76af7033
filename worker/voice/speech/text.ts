// Counting speech: words (English), syllables (Korean: one Hangul block is one syllable),
// sentences, and the unit a speaking rate is measured in for each language.
import type { Language } from "../scenarios.ts";

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words as a listener hears them: letters and digits, with English contractions kept whole. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Korean syllables, plus one for each run of Latin letters or digits ("AWS", "3"): a floor. */
export function syllables(text: string): number {
  const hangul = text.match(HANGUL_SYLLABLE)?.length ?? 0;
  const other = text.match(/[A-Za-z]+|\d+(?:[.,]\d+)*/g)?.length ?? 0;
  return hangul + other;
}

/** What a speaking rate counts: words in English, syllables in Korean. */
export function speechUnits(text: string, language: Language): number {
  return language === "ko" ? syllables(text) : words(text).length;
}

/** Sentences, split after . ! ? … (and line breaks), keeping each one's own punctuation. */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?…\n]+(?:[.!?…]+|$)/gu) ?? []).map((s) => s.trim()).filter((s) => words(s).length > 0);
}
