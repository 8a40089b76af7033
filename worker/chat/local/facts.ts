// Sentences every voice of the offline stylist shares: a quoted knowledge note, the budget
// and what was left out (the user's exclusions, the weather's), pieces the catalog could not
// supply, the photo it cannot see, and the honest answer when nothing fits.
import type { Category, Subcategory, TpoTag } from "../../catalog/vocabulary.ts";
import type { Passage } from "../../knowledge/passages.ts";
import type { ExpertBrief, Language } from "../brief.ts";
import { RAIN_MATERIALS, weatherRules } from "../planner.ts";
import { josa } from "./josa.ts";
import { notesFor } from "./occasions.ts";
import { budgetWords, CATEGORY_LABEL, colorName, count, dotted, itemColor, list, material, OCCASION, subName, vary, won, type Bi } from "./words.ts";

const ko = (brief: ExpertBrief) => brief.language === "ko";

// ---------------------------------------------------------------------------- knowledge

/**
 * One sentence from the retrieved notes, in the user's language. The note is the one most
 * about what this voice cares for (`about`: the occasion, the trend, the skin tone; ties go
 * to the voice's own subjects); the sentence is the one sharing most words with those, the
 * weather and the picks, and not one that leans on a sentence before it ("It…", "이때…").
 */
export function quoteNote(brief: ExpertBrief, topics: string[], about: string[], seed: number): string | null {
  const keywords = keywordsOf(brief);
  const wanted = [...new Set(about.map((w) => w.toLowerCase()))];
  const hits = (text: string, words: string[]) => words.filter((w) => text.toLowerCase().includes(w)).length;
  // A note titled for the occasion beats one that only lists it among its tags.
  const relevance = (p: Passage) => 4 * hits(p.title, wanted) + 2 * hits(p.tags.join(" "), wanted) + hits(p.body, wanted);
  const ranked = brief.passages
    .map((p, i) => ({ p, i, relevance: relevance(p), topic: topics.includes(p.topic) ? topics.indexOf(p.topic) : topics.length }))
    .filter((x) => x.p.language === brief.language)
    .sort((a, b) => b.relevance - a.relevance || a.topic - b.topic || a.i - b.i);
  const note = ranked[0]?.p;
  if (!note) return null;
  const sentences = note.body
    .split(/(?<=[.!?])\s+/)
    .map((text, i) => ({ text: text.trim(), score: hits(text, keywords) + 2 * hits(text, wanted) - (LEANS_BACK.test(text) ? 5 : 0) - i * 0.01 }))
    .filter((x) => x.text.length > 20)
    .sort((a, b) => b.score - a.score);
  const sentence = sentences[0]?.text;
  if (!sentence) return null;
  return ko(brief)
    ? vary(seed, 11, [`참고 노트 「${note.title}」에 따르면, ${sentence}`, `「${note.title}」 노트에도 이렇게 나와 있어요. ${sentence}`])
    : vary(seed, 11, [`As our note "${note.title}" puts it: ${sentence}`, `From our notes on "${note.title}": ${sentence}`]);
}

// Hangul has no \b word edge, so the Korean openers are matched as prefixes.
const LEANS_BACK = /^(?:(?:it|this|these|that|they|such|keep it)\b|이때|이런|이럴|그래서|그러나|하지만|또한|다만)/i;

/** The words a note uses for an occasion, in both languages. */
const OCCASION_WORDS: Record<TpoTag, string[]> = {
  면접: ["면접", "interview"],
  출근: ["출근", "office", "work"],
  하객: ["하객", "결혼식", "wedding"],
  상견례: ["상견례", "parents"],
  소개팅: ["소개팅", "first date"],
  데이트: ["데이트", "date"],
  여행: ["여행", "travel", "trip"],
  데일리: ["데일리", "daily", "everyday"],
  캠퍼스: ["캠퍼스", "campus"],
  파티: ["파티", "party"],
  운동: ["운동", "workout", "exercise"],
  아웃도어: ["등산", "아웃도어", "hiking", "outdoor"],
  발표: ["발표", "presentation"],
};

/** The words that say a note is about this occasion or this weather. */
export function occasionTerms(brief: ExpertBrief): string[] {
  const { occasion, weather } = brief.intent;
  return [
    ...(occasion ? OCCASION_WORDS[occasion] : []),
    ...(weather.rain ? ["장마", "rain"] : []),
    ...(weather.cold ? ["겨울", "winter"] : []),
    ...(weather.hot ? ["여름", "summer"] : []),
  ];
}

function keywordsOf(brief: ExpertBrief): string[] {
  const { picks } = brief;
  const words = [
    ...occasionTerms(brief),
    ...picks.flatMap((p) => [p.subcategory_name.ko, p.subcategory_name.en.toLowerCase(), itemColor(p, "ko"), itemColor(p, "en")]),
  ];
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length > 1))];
}

// ---------------------------------------------------------------------------- constraints

const SKIRTS: Subcategory[] = ["pencil_skirt", "a_line_skirt", "pleated_skirt"];
const DRESSES: Subcategory[] = ["shirt_dress", "wrap_dress", "knit_dress", "slip_dress", "sundress"];
const TROUSERS: Subcategory[] = ["slacks", "jeans", "chinos", "wide_pants", "shorts", "joggers"];
const SUB_GROUPS: [Subcategory[], Bi][] = [
  [SKIRTS, { ko: "치마", en: "skirts" }],
  [DRESSES, { ko: "원피스", en: "dresses" }],
  [TROUSERS, { ko: "바지", en: "trousers" }],
  [["pumps"], { ko: "힐", en: "heels" }],
];
const MATERIAL_GROUPS: [string[], Bi][] = [
  [["울", "울 혼방"], { ko: "울", en: "wool" }],
  [["레더", "스웨이드"], { ko: "가죽", en: "leather" }],
  [["데님", "라이트 데님"], { ko: "데님", en: "denim" }],
];

function grouped<T>(items: T[], groups: [T[], Bi][], single: (x: T) => Bi, lang: Language): string[] {
  const left = new Set(items);
  const names: string[] = [];
  for (const [members, name] of groups) {
    if (members.every((m) => left.has(m))) {
      names.push(name[lang]);
      members.forEach((m) => left.delete(m));
    }
  }
  return [...names, ...[...left].map((x) => single(x)[lang])];
}

/** What the user asked to leave out, in their words ("치마", "heels", "울 소재"). */
function exclusionWords(brief: ExpertBrief): string[] {
  const lang = brief.language;
  const subs = grouped(brief.intent.excludeSubcategories, SUB_GROUPS, (s) => ({ ko: subName(s, "ko"), en: subName(s, "en") }), lang);
  const materials = grouped(brief.intent.excludeMaterials, MATERIAL_GROUPS, (m) => ({ ko: m, en: m }), lang).map((m) => (lang === "ko" ? `${m} 소재` : m));
  return [...subs, ...materials];
}

const isAlternatives = (brief: ExpertBrief) => brief.expert !== "fitting_coordinator" && brief.intent.categories.length === 1 && brief.picks.length > 1;

function budgetLine(brief: ExpertBrief): string | null {
  const max = brief.intent.budget.max;
  if (max === null || !brief.picks.length) return null;
  const lang = brief.language;
  const budget = budgetWords(max, lang);
  if (isAlternatives(brief)) {
    const top = Math.max(...brief.picks.map((p) => p.price));
    return lang === "ko" ? `${count(brief.picks.length, "ko")} 모두 예산 ${budget} 안이에요(가장 비싼 것이 ${won(top, "ko")}).` : `All ${brief.picks.length} are within your ${budget} budget (the priciest is ${won(top, "en")}).`;
  }
  const total = brief.picks.reduce((sum, p) => sum + p.price, 0);
  if (lang === "ko") return `${brief.picks.length > 1 ? `${count(brief.picks.length, "ko")} 합계 ` : ""}${josa(won(total, "ko"), "으로/로")} 예산 ${budget} 안이에요.`;
  return brief.picks.length > 1 ? `Together the ${count(brief.picks.length, "en")} come to ${won(total, "en")}, within your ${budget} budget.` : `It comes to ${won(total, "en")}, within your ${budget} budget.`;
}

function exclusionLine(brief: ExpertBrief): string | null {
  const lang = brief.language;
  const things = exclusionWords(brief);
  const colors = brief.intent.avoidColors.map((c) => colorName(c, lang));
  if (!things.length && !colors.length) return null;
  if (lang === "ko") {
    const parts = [things.length ? `말씀하신 대로 ${josa(dotted(things, "ko"), "은/는")} 빼고 골랐어요.` : null, colors.length ? `${dotted(colors, "ko")} 계열${things.length ? "도" : "은"} 피했어요.` : null];
    return parts.filter(Boolean).join(" ");
  }
  const parts = [things.length ? `no ${list(things, "en")}` : null, colors.length ? `nothing in ${list(colors, "en")}` : null].filter(Boolean);
  return `As you asked: ${parts.join(", and ")}.`;
}

/** Only weather the user mentioned; a season alone needs no explaining. */
function weatherLine(brief: ExpertBrief): string | null {
  const { weather } = brief.intent;
  const hasOuter = brief.picks.some((p) => p.category === "outer");
  const k = ko(brief);
  if (weather.rain) return k ? `비 소식이 있어 물에 약한 ${dotted(RAIN_MATERIALS, "ko")} 소재는 뺐어요.` : `With rain in the forecast, I left out ${list(RAIN_MATERIALS.map((m) => material(m, "en")), "en")}, which don't cope with water.`;
  if (weather.cold) return k ? `날이 추워서 ${hasOuter ? "아우터를 더하고 " : ""}샌들이나 반바지 같은 여름 아이템은 뺐어요.` : `It's cold, so ${hasOuter ? "there's a warm layer in the mix and " : ""}no sandals or shorts.`;
  if (weather.hot) return k ? "더운 날씨라 울이나 패딩처럼 두꺼운 소재는 뺐어요." : "It's hot, so nothing heavy: no wool or padding.";
  return null;
}

/** The pieces a full answer would have and this one lacks. */
function missingPieces(brief: ExpertBrief): Category[] {
  const { intent, picks, expert } = brief;
  const has = (c: Category) => picks.some((p) => p.category === c);
  if (intent.categories.length) return intent.categories.length === 1 ? [] : intent.categories.filter((c) => !has(c));
  const { needsOuter } = weatherRules(intent);
  const base: Category[] = has("dress") ? ["dress"] : ["top", "bottom"];
  const extra: Category[] = expert === "fitting_coordinator" ? ["shoes", ...(needsOuter ? (["outer"] as const) : [])] : [needsOuter ? "outer" : "shoes"];
  return [...base, ...extra].filter((c) => !has(c));
}

/**
 * What the user could loosen to get more: the budget when there is one (missing pieces are
 * nearly always a matter of money), else their exclusions and colours. Never the weather.
 */
function relaxHint(brief: ExpertBrief, everything: boolean): string {
  const k = ko(brief);
  const budget = brief.intent.budget.max !== null ? (k ? "예산" : "the budget") : null;
  const options = [
    budget,
    ...(everything || !budget
      ? [exclusionWords(brief).length ? (k ? "빼 달라고 하신 조건" : "one of the exclusions") : null, brief.intent.avoidColors.length ? (k ? "피하고 싶은 색" : "the colours to avoid") : null]
      : []),
  ].filter((x): x is string => x !== null);
  if (!options.length) return k ? "조건을 조금 바꿔 말씀해 주시면 다시 찾아볼게요." : "Tell me a little differently what you need and I'll look again.";
  if (k) return `${options.length > 1 ? `${dotted(options, "ko")} 중 하나를` : josa(options[0]!, "을/를")} 조금 풀어 주시면 다시 찾아볼게요.`;
  return `If you can loosen ${options.length > 1 ? `${options.slice(0, -1).join(", ")} or ${options.at(-1)}` : options[0]}, I'll look again.`;
}

function missingLine(brief: ExpertBrief): string | null {
  const missing = missingPieces(brief);
  if (!missing.length) return null;
  const k = ko(brief);
  const names = missing.map((c) => CATEGORY_LABEL[c][brief.language]);
  const own = missing.length === 1 && missing[0] === "shoes" ? (k ? " 가지고 계신 깔끔한 신발을 신으셔도 충분해요." : " A clean pair you already own will do.") : "";
  if (k) return `${josa(dotted(names, "ko"), "은/는")} 조건 안에서 알맞은 상품을 찾지 못했어요.${own} ${relaxHint(brief, false)}`;
  return `I couldn't find ${list(names, "en")} within your constraints.${own} ${relaxHint(brief, false)}`;
}

export function constraintLines(brief: ExpertBrief): string[] {
  return [budgetLine(brief), exclusionLine(brief), weatherLine(brief), missingLine(brief)].filter((x): x is string => x !== null);
}

// ---------------------------------------------------------------------------- photo, nothing found

export function photoLine(lang: Language): string {
  return lang === "ko"
    ? "보내 주신 사진은 가상 피팅에 쓸 수 있게 저장해 두었어요. 다만 저는 오프라인 스타일리스트라 사진을 직접 볼 수는 없어요. 사진 속 체형이나 옷 분석은 사진을 읽는 비전 엔진이 연결되면 해 드릴 수 있어요."
    : "I've saved your photo for the virtual try-on. I'm the offline stylist, though, and can't see images myself; a vision engine reads photos when one is connected.";
}

/** The honest answer when no product meets every constraint. */
export function nothingFound(brief: ExpertBrief, seed: number): string {
  const k = ko(brief);
  const { intent } = brief;
  const lang = brief.language;
  const conditions = [
    intent.occasion ? OCCASION[intent.occasion][lang] : null,
    intent.budget.max !== null ? (k ? `예산 ${budgetWords(intent.budget.max, lang)}` : `a ${budgetWords(intent.budget.max, lang)} budget`) : null,
    ...exclusionWords(brief).map((w) => (k ? `${w} 제외` : `no ${w}`)),
    ...intent.avoidColors.map((c) => (k ? `${colorName(c, lang)} 제외` : `no ${colorName(c, lang)}`)),
    intent.weather.rain ? (k ? "비 오는 날" : "rain") : null,
  ].filter((x): x is string => x !== null);
  const lead = k
    ? vary(seed, 3, ["죄송해요,", "아쉽지만"]) + ` 지금 카탈로그에는 ${conditions.length ? `말씀하신 조건(${conditions.join(", ")})을` : "말씀하신 조건을"} 모두 만족하는 상품이 없어요.`
    : `I'm sorry — nothing in our catalog meets every condition${conditions.length ? ` (${conditions.join(", ")})` : ""} right now.`;
  // Still worth knowing while they decide: what the occasion asks of an outfit.
  return [lead, relaxHint(brief, true), intent.occasion ? notesFor(intent.occasion).asks[lang] : null].filter(Boolean).join(" ");
}
