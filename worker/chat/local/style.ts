// The style analyst's voice: the occasion's demands, the user's body and taste, and for each
// piece its silhouette, fit and fabric and why that suits the occasion and the weather.
import type { PublicProduct } from "../../catalog/products.ts";
import { STYLE_TAGS } from "../../catalog/vocabulary.ts";
import type { ExpertBrief, Language } from "../brief.ts";
import { BODY_RULES, heightClass, userStyles, wantedStyles } from "../lenses.ts";
import { constraintLines, occasionTerms, quoteNote } from "./facts.ts";
import { josa } from "./josa.ts";
import { BODY_NOTE, FIT_EFFECT, heightNote, SHOE_EFFECT, weatherReason } from "./notes.ts";
import { notesFor } from "./occasions.ts";
import { CATEGORY_LABEL, dotted, fit, itemName, list, material, OCCASION, subName, vary, type Bi } from "./words.ts";

const SHAPE_NAME = {
  triangle: { ko: "삼각형", en: "pear" },
  inverted_triangle: { ko: "역삼각형", en: "inverted-triangle" },
  oval: { ko: "사과형", en: "oval" },
  hourglass: { ko: "모래시계", en: "hourglass" },
  rectangle: { ko: "일자형", en: "rectangle" },
} as const;

/** "울 혼방 소재의 와이드핏 슬랙스" / "wide-fit slacks in wool blend" / "a regular-fit shirt in cotton". */
function makeOf(p: PublicProduct, lang: Language): string {
  const showFit = p.fit && p.fit !== "기본 사이즈";
  if (lang === "ko") return `${material(p.material, "ko")} 소재의 ${showFit ? `${p.fit} ` : ""}${subName(p.subcategory, "ko")}`;
  const noun = subName(p.subcategory, "en");
  const plural = /[^s]s$/.test(noun);
  const phrase = `${showFit ? `${fit(p.fit, "en").replace(" ", "-")} ` : ""}${noun} in ${material(p.material, "en")}`;
  return plural ? phrase : `${/^[aeiou]/.test(phrase) ? "an" : "a"} ${phrase}`;
}

/** What the piece's shape does: a shoe by its kind, anything else by its fit. */
function effectOf(p: PublicProduct): Bi {
  return (p.category === "shoes" ? SHOE_EFFECT[p.subcategory] : FIT_EFFECT[p.fit]) ?? { ko: "기본에 충실해 어디에나 잘 어울려요", en: "a clean basic that works anywhere" };
}

/** The reasons beyond the cut, rotated per piece so three pieces don't repeat one refrain. */
function extraReasons(brief: ExpertBrief, p: PublicProduct, index: number, seed: number): Bi[] {
  const { intent, profile } = brief;
  const shape = profile.bodyShape;
  const rule = shape ? BODY_RULES[shape][p.category] : undefined;
  const own = userStyles({ intent, profile }).length > 0;
  const styles = wantedStyles({ intent, profile }).filter((s) => p.style_tags.includes(s));
  const occasion = intent.occasion ? OCCASION[intent.occasion] : null;
  const quality = intent.occasion && p.tpo_tags.includes(intent.occasion) ? notesFor(intent.occasion).quality : null;
  const reasons: (Bi | null)[] = [
    shape && rule && (rule.subs.includes(p.subcategory) || rule.fits.includes(p.fit))
      ? vary(seed, 20 + index, [
          { ko: `${SHAPE_NAME[shape].ko} 체형의 균형을 잡아 주는 선택이기도 해요.`, en: `It also balances a ${SHAPE_NAME[shape].en} shape.` },
          { ko: `${SHAPE_NAME[shape].ko} 체형의 비율을 살려 주는 아이템이에요.`, en: `It flatters a ${SHAPE_NAME[shape].en} frame.` },
        ])
      : null,
    quality
      ? vary(seed, 30 + index, [
          { ko: `${occasion!.ko} 자리에 맞는 ${quality.ko}도 갖췄어요.`, en: `It has the ${quality.en}.` },
          { ko: `${occasion!.ko}에 필요한 ${josa(quality.ko, "을/를")} 챙겨 줘요.`, en: `It brings the ${quality.en}.` },
        ])
      : null,
    styles.length && own
      ? vary(seed, 40 + index, [
          { ko: `${dotted(styles, "ko")} 무드라 원하시는 스타일과도 맞아요.`, en: `Its ${list(styles.map((s) => STYLE_TAGS[s]), "en")} feel matches the style you want.` },
          { ko: `좋아하시는 ${dotted(styles, "ko")} 느낌도 그대로 살아 있어요.`, en: `It keeps the ${list(styles.map((s) => STYLE_TAGS[s]), "en")} look you like.` },
        ])
      : styles.length && occasion
        ? { ko: `${dotted(styles, "ko")} 무드가 ${occasion.ko} 분위기와 잘 맞아요.`, en: `Its ${list(styles.map((s) => STYLE_TAGS[s]), "en")} feel suits the occasion.` }
        : null,
  ];
  const present = reasons.filter((r): r is Bi => r !== null);
  const rotated = [...present.slice(index % Math.max(1, present.length)), ...present.slice(0, index % Math.max(1, present.length))].slice(0, 2);
  const weather = weatherReason(p.material, intent.weather);
  return weather ? [...rotated.slice(0, 1), { ko: `게다가 ${weather.ko}.`, en: `And ${weather.en}.` }] : rotated;
}

const ORDINAL = { ko: ["첫 번째 추천", "두 번째 추천", "세 번째 추천"], en: ["First option", "Second option", "Third option"] };

function pieceSentences(brief: ExpertBrief, p: PublicProduct, index: number, seed: number): string {
  const lang = brief.language;
  const name = itemName(p, lang);
  // Three of one kind are options, named by order rather than all "the shoes".
  const options = brief.intent.categories.length === 1 && brief.picks.length > 1;
  const effect = effectOf(p);
  const extra = extraReasons(brief, p, index, seed).map((r) => r[lang]);
  if (lang === "ko") {
    const label = options ? ORDINAL.ko[index]! : CATEGORY_LABEL[p.category].ko;
    return [`${josa(label, "은/는")} ${josa(name, "이에요/예요")}.`, `${josa(makeOf(p, "ko"), "이라/라")} ${effect.ko}.`, ...extra].join(" ");
  }
  const label = options ? ORDINAL.en[index]! : `For the ${CATEGORY_LABEL[p.category].en}`;
  return [`${label}: ${name}, ${makeOf(p, "en")}; ${effect.en}.`, ...extra].join(" ");
}

/** Body notes speak about clothes; for shoes or a bag alone they would be noise. */
const bodyMatters = (brief: ExpertBrief) => !brief.intent.categories.length || brief.intent.categories.some((c) => c !== "shoes" && c !== "accessory");

export function writeStyle(brief: ExpertBrief, seed: number): string {
  const lang = brief.language;
  const { profile, intent } = brief;
  const height = heightClass(profile);
  const greeting = lang === "ko" ? vary(seed, 1, [`${profile.nickname}님,`, `${profile.nickname}님, 스타일 분석가예요.`]) : vary(seed, 1, [`Hi ${profile.nickname}!`, `Hello ${profile.nickname}.`]);
  const opening = [
    `${greeting} ${notesFor(intent.occasion).asks[lang]}`,
    profile.bodyShape && bodyMatters(brief) ? BODY_NOTE[profile.bodyShape][lang] : null,
    height && profile.heightCm && bodyMatters(brief) ? heightNote(height, profile.heightCm)[lang] : null,
  ]
    .filter(Boolean)
    .join(" ");
  const lead = lang === "ko" ? vary(seed, 2, ["그래서 이렇게 골랐어요.", "이 기준으로 고른 아이템이에요."]) : vary(seed, 2, ["Here is what I picked.", "With that in mind:"]);
  const pieces = [lead, ...brief.picks.map((p, i) => pieceSentences(brief, p, i, seed))].join("\n");
  const about = [...occasionTerms(brief), ...(profile.bodyShape ? [SHAPE_NAME[profile.bodyShape].ko, SHAPE_NAME[profile.bodyShape].en] : [])];
  return [opening, pieces, quoteNote(brief, ["dress-codes", "body-shape", "fit-proportion"], about, seed), constraintLines(brief).join(" ")].filter(Boolean).join("\n\n");
}
