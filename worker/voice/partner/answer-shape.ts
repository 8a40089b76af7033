// What the local partner hears in an answer: how long it is, whether it is a question, and
// whether it is concrete (an example, a figure) or vague.
import type { Language } from "../scenarios.ts";
import { sentences, speechUnits } from "../speech/text.ts";

export type AnswerShape = {
  /** Words (English) or syllables (Korean). */
  units: number;
  /** Too short to judge: under ~10 English words or ~18 Korean syllables. */
  short: boolean;
  isQuestion: boolean;
  /** Has an example or a figure in it. */
  specific: boolean;
  /** The first figure with its unit ("30%", "3 months", "두 달"), for the partner to notice. */
  figure: string | null;
};

const SHORT = { en: 10, ko: 18 } as const;

const EXAMPLE = {
  en: /\b(for example|for instance|such as|e\.g\.|specifically|last (?:year|month|week|quarter)|in (?:19|20)\d\d)\b/i,
  ko: /(예를 들|예컨대|구체적으로|실제로|작년|지난달|지난 분기|당시)/u,
};

const FIGURE =
  /\d[\d,.]*\s?(?:%|percent\b|퍼센트|배|명|건|개월|주일?|일|시간|분|만\s?원|천\s?만\s?원|억\s?원?|원|달러|times\b|x\b|people\b|users\b|customers\b|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|dollars?\b|million\b|thousand\b)|\$\d[\d,.]*(?:\s?(?:k|m|million|thousand)\b)?/iu;

export function answerShape(text: string, language: Language): AnswerShape {
  const units = speechUnits(text, language);
  const last = sentences(text).at(-1) ?? "";
  const figure = text.match(FIGURE)?.[0]?.trim() ?? null;
  return {
    units,
    short: units < SHORT[language],
    isQuestion: last.endsWith("?"),
    specific: figure !== null || /\d/.test(text) || EXAMPLE[language].test(text),
    figure,
  };
}
