// Reading the occasion and the constraints from a conversation: pure and deterministic, in
// Korean and English. The user's messages are read oldest first and each one updates what
// is known, so a follow-up ("좀 더 저렴한 걸로") keeps the occasion, the budget and the "no
// skirts" of earlier messages, while naming a new occasion starts a new look (its season,
// weather, colours, styles and asked-for categories reset; budget and dislikes stay).
import type { ColorKey, Subcategory } from "../catalog/vocabulary.ts";
import type { HistoryItem, Intent, Language, ProfileFacts } from "./brief.ts";
import { OCCASION_RANK, scan, SKIRTS, TROUSERS, type Meaning } from "./mentions.ts";

// ---------------------------------------------------------------------------- budget

const KO_DIGIT: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };
const AMOUNT = new RegExp(
  [
    String.raw`(?<range1>\d+)\s*(?:만\s*원?)?\s*[~\-–]\s*(?<range2>\d+)\s*만\s*원?`,
    String.raw`(?<man>\d+(?:\.\d+)?|[일이삼사오육칠팔구]?[십백])\s*만\s*(?:(?<cheon>\d)\s*천\s*)?원?`,
    String.raw`(?<won>\d{1,3}(?:,\d{3})+|\d{4,})\s*(?:원|won|krw)`,
    String.raw`(?:₩|krw\s?)\s*(?<prefixed>\d{1,3}(?:,\d{3})+|\d+)(?<k>k)?`,
    String.raw`(?<kwon>\d+)\s*k\s*(?:won|krw|원)`,
  ].join("|"),
  "giu",
);

function manValue(s: string): number {
  if (/^\d/.test(s)) return Number(s);
  const unit = s.endsWith("백") ? 100 : 10;
  return (KO_DIGIT[s.slice(0, -1)] ?? 1) * unit;
}

/** The budget a message states, or null: "20만원 이하", "5만원대", "10~20만원", "under ₩150,000". */
export function readBudget(text: string): Intent["budget"] | null {
  const amounts: { value: number; start: number; end: number; range?: [number, number] }[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const g = m.groups!;
    const at = { start: m.index, end: m.index + m[0].length };
    if (g.range1) amounts.push({ ...at, value: Number(g.range2) * 10_000, range: [Number(g.range1) * 10_000, Number(g.range2) * 10_000] });
    else if (g.man) amounts.push({ ...at, value: Math.round(manValue(g.man) * 10_000 + Number(g.cheon ?? 0) * 1_000) });
    else if (g.won) amounts.push({ ...at, value: Number(g.won.replace(/,/g, "")) });
    else if (g.prefixed) amounts.push({ ...at, value: Number(g.prefixed.replace(/,/g, "")) * (g.k ? 1_000 : 1) });
    else if (g.kwon) amounts.push({ ...at, value: Number(g.kwon) * 1_000 });
  }
  const usable = amounts.filter((a) => a.value >= 1_000);
  if (!usable.length) return null;
  const [a, b] = usable;
  if (a!.range) return { min: Math.min(...a!.range), max: Math.max(...a!.range) };
  const between = b ? text.slice(a!.end, b.start) : "";
  if (b && /^\s*(원)?\s*(에서|부터|~|-|–|to|and)\s*$/i.test(between)) return { min: Math.min(a!.value, b.value), max: Math.max(a!.value, b.value) };
  const after = text.slice(a!.end, a!.end + 8);
  const before = text.slice(Math.max(0, a!.start - 24), a!.start);
  if (/^\s*대/u.test(after)) return { min: a!.value, max: a!.value + nextPlace(a!.value) - 1 };
  if (/^\s*(이상|넘|초과|부터|위로)/u.test(after) || /\b(over|above|more than|at least|min(imum)?|from|starting at)\s*$/i.test(before)) return { min: a!.value, max: null };
  return { min: null, max: a!.value };
}

/** "5만원대" spans 50,000–59,999; "10만원대" 100,000–199,999. */
const nextPlace = (n: number) => 10 ** Math.floor(Math.log10(n));

/** "Cheaper" lowers a known budget by this share; with none known, this caps the outfit. */
const CHEAPER = 0.7;
const CHEAP_OUTFIT_MAX = 150_000;

/** The total an earlier answer quoted ("합계 187,000원", "come to ₩187,000"), for "cheaper". */
function quotedTotal(text: string): number | null {
  const m = /(합계|총|total|comes? to)[^\d₩]{0,12}₩?\s*(\d{1,3}(?:,\d{3})+|\d{4,})/iu.exec(text);
  return m ? Number(m[2]!.replace(/,/g, "")) : null;
}

const roundDown = (n: number) => Math.max(10_000, Math.floor(n / 10_000) * 10_000);

// ---------------------------------------------------------------------------- reading

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;

export function languageOf(text: string): Language {
  return HANGUL.test(text) ? "ko" : "en";
}

/** Positive colour mentions in a text (used to read colours out of knowledge passages too). */
export function colorsIn(text: string): ColorKey[] {
  return unique(scan(text).flatMap((m) => (m.meaning.kind === "color" && !m.negated ? [m.meaning.color] : [])));
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const without = <T>(xs: T[], drop: T[]): T[] => xs.filter((x) => !drop.includes(x));

type State = Omit<Intent, "language" | "gender" | "subcategories"> & { gender: Intent["gender"]; subcategories: Subcategory[]; lastTotal: number | null };

function emptyState(): State {
  return {
    occasion: null,
    season: null,
    weather: { rain: false, cold: false, hot: false },
    colors: [],
    avoidColors: [],
    styles: [],
    categories: [],
    subcategories: [],
    excludeSubcategories: [],
    excludeMaterials: [],
    budget: { min: null, max: null },
    gender: null,
    lastTotal: null,
  };
}

/** One user message read on top of what the conversation already said. */
function readMessage(s: State, text: string): void {
  const mentions = scan(text);
  const positive = mentions.filter((m) => !m.negated);
  const of = <K extends Meaning["kind"]>(kind: K, list = positive) => list.map((m) => m.meaning).filter((x): x is Extract<Meaning, { kind: K }> => x.kind === kind);

  const occasions = of("occasion").sort((a, b) => OCCASION_RANK.get(a.tpo)! - OCCASION_RANK.get(b.tpo)!);
  const occasion = occasions[0]?.tpo ?? null;
  if (occasion && occasion !== s.occasion) {
    // A new occasion is a new look: what was said about the last one's look no longer holds.
    Object.assign(s, { season: null, weather: { rain: false, cold: false, hot: false }, colors: [], styles: [], categories: [], subcategories: [] });
    s.occasion = occasion;
  }

  const season = of("season").at(-1)?.season;
  if (season) s.season = season;
  for (const w of of("weather")) s.weather[w.weather] = true;

  const wanted = of("color").map((c) => c.color);
  const avoided = of("color", mentions.filter((m) => m.negated)).map((c) => c.color);
  s.avoidColors = unique([...without(s.avoidColors, wanted), ...avoided]);
  s.colors = without(unique([...s.colors, ...wanted]), s.avoidColors);
  s.styles = unique([...s.styles, ...of("style").flatMap((x) => x.styles)]);

  const garmentMentions = mentions.filter((m) => m.meaning.kind === "garment");
  const excluded = garmentMentions.filter((m) => m.negated).flatMap((m) => (m.meaning as Extract<Meaning, { kind: "garment" }>).subs);
  const asked = garmentMentions.filter((m) => m.asked || m.only).map((m) => m.meaning as Extract<Meaning, { kind: "garment" }>);
  const askedSubs = asked.flatMap((g) => g.subs);
  // "바지만" / "pants only": trousers and nothing else below the waist.
  const onlyTrousers = garmentMentions.some((m) => m.only && m.meaning.kind === "garment" && m.meaning.subs.length > 0 && m.meaning.subs.every((x) => TROUSERS.includes(x)));
  const rulesOut = of("rules-out");
  // Asking for a kind again ("스커트 추천해줘") lifts an earlier "no skirts".
  s.excludeSubcategories = unique([...without(s.excludeSubcategories, askedSubs), ...excluded, ...rulesOut.flatMap((r) => r.subs), ...(onlyTrousers ? SKIRTS : [])]);
  s.excludeMaterials = unique([...s.excludeMaterials, ...of("material", mentions.filter((m) => m.negated)).flatMap((x) => x.materials), ...rulesOut.flatMap((r) => r.materials)]);

  const categories = unique(asked.map((g) => g.category));
  if (categories.length) {
    s.categories = categories;
    s.subcategories = unique(askedSubs);
  } else if (occasion || of("outfit").length) {
    s.categories = [];
    s.subcategories = [];
  }

  const gender = of("gender").at(-1)?.gender;
  if (gender) s.gender = gender;

  const stated = readBudget(text);
  if (stated) s.budget = stated;
  else if (of("cheap").length || of("pricey", mentions.filter((m) => m.negated)).length) {
    const known = s.budget.max ?? s.lastTotal;
    s.budget = { min: null, max: known !== null ? roundDown(known * CHEAPER) : CHEAP_OUTFIT_MAX };
  }
}

/**
 * The intent of the current question in its conversation. The profile's gender comes first;
 * words in the messages ("남자 옷", "women's") decide only when the profile has none.
 */
export function readIntent(question: string, history: HistoryItem[], profile: ProfileFacts): Intent {
  const s = emptyState();
  for (const item of history) {
    if (item.role === "user") readMessage(s, item.text);
    else s.lastTotal = quotedTotal(item.text) ?? s.lastTotal;
  }
  readMessage(s, question);
  const { lastTotal: _lastTotal, gender, ...rest } = s;
  return {
    language: languageOf(question),
    ...rest,
    gender: profile.gender === "women" || profile.gender === "men" ? profile.gender : gender,
  };
}
