// The trend expert's voice: this season's look for the occasion, why each piece is current
// (its silhouette, mood or colour), and how far to take a trend for this occasion.
import type { PublicProduct } from "../../catalog/products.ts";
import { STYLE_TAGS, type Subcategory } from "../../catalog/vocabulary.ts";
import type { ExpertBrief } from "../brief.ts";
import { FORMAL_OCCASIONS, mainColor, TREND_LOOKS, trendColors, trendLookFor } from "../lenses.ts";
import { constraintLines, occasionTerms, quoteNote } from "./facts.ts";
import { josa } from "./josa.ts";
import { TREND_NOTE, weatherReason } from "./notes.ts";
import { colorName, dotted, fit, itemName, list, OCCASION, SEASON, vary, type Bi } from "./words.ts";

function reasons(brief: ExpertBrief, p: PublicProduct, index: number, seed: number): Bi[] {
  const lookName = trendLookFor(brief.intent.occasion);
  const look = TREND_LOOKS[lookName];
  const name = TREND_NOTE[lookName].name;
  const color = mainColor(p);
  const styles = p.style_tags.filter((s) => (look.styles as string[]).includes(s));
  const subs = Object.values(look.subs).flat() as Subcategory[];
  const found = [
    subs.includes(p.subcategory)
      ? vary(seed, 50 + index, [
          { ko: `${name.ko} 무드의 대표 아이템이에요`, en: `it is a signature ${name.en} piece` },
          { ko: `${name.ko} 스타일링에 빠지지 않는 아이템이에요`, en: `no ${name.en} wardrobe is without one` },
        ])
      : null,
    (look.fits as string[]).includes(p.fit) ? { ko: `요즘 자리 잡은 ${p.fit} 실루엣이라 지금 입기 좋아요`, en: `its ${fit(p.fit, "en")} is exactly where silhouettes are now` } : null,
    color && trendColors({ intent: brief.intent, profile: brief.profile, passages: brief.passages }).includes(color)
      ? vary(seed, 60 + index, [
          { ko: `이번 시즌 자주 보이는 ${colorName(color, "ko")} 컬러예요`, en: `${colorName(color, "en")} is one of the season's colours` },
          { ko: `${josa(colorName(color, "ko"), "은/는")} 요즘 가장 세련돼 보이는 색 중 하나예요`, en: `${colorName(color, "en")} is among the colours that look most current` },
        ])
      : null,
    styles.length ? { ko: `${dotted(styles, "ko")} 무드가 이번 시즌 흐름과 맞아요`, en: `its ${list(styles.map((s) => STYLE_TAGS[s]), "en")} feel is right on trend` } : null,
  ].filter((r): r is Bi => r !== null);
  // Rotate so that three pieces don't open with the same reason.
  const rotated = [...found.slice(index % Math.max(1, found.length)), ...found.slice(0, index % Math.max(1, found.length))];
  const weather = weatherReason(p.material, brief.intent.weather);
  const out = [...rotated.slice(0, weather ? 1 : 2), ...(weather ? [weather] : [])];
  return out.length ? out : [{ ko: "유행을 타지 않는 기본 디자인이라 트렌드 아이템과 섞기 좋아요", en: "it is a timeless base to mix with the trend pieces" }];
}

function pieceSentence(brief: ExpertBrief, p: PublicProduct, index: number, seed: number): string {
  const [first, second] = reasons(brief, p, index, seed);
  const name = itemName(p, brief.language);
  if (brief.language === "ko") return `${josa(name, "은/는")} ${first!.ko}.${second ? ` ${second.ko}.` : ""}`;
  return `${name}: ${first!.en}${second ? `; ${second.en}` : ""}.`;
}

export function writeTrend(brief: ExpertBrief, seed: number): string {
  const lang = brief.language;
  const { intent } = brief;
  const note = TREND_NOTE[trendLookFor(intent.occasion)];
  const occasion = intent.occasion ? OCCASION[intent.occasion][lang] : null;
  const season = intent.season ? SEASON[intent.season][lang] : null;
  const formal = intent.occasion !== null && FORMAL_OCCASIONS.includes(intent.occasion);
  const opening =
    lang === "ko"
      ? `${season ? `이번 ${season}` : "요즘"} ${occasion ? `${occasion}룩` : "스타일"}의 트렌드 키워드는 ${josa(`'${note.name.ko}'`, "이에요/예요")}. ${note.what.ko}.` +
        (formal ? ` 다만 ${occasion}처럼 중요한 자리에서는 트렌드를 많아야 한 가지만 쓰는 게 안전해요.` : "")
      : `The trend word for ${occasion ? `your ${occasion}` : "your look"}${season ? ` this ${season}` : " right now"} is ${note.name.en}: ${note.what.en}.` +
        (formal ? ` For an occasion like this, one trend piece at most is the safe choice.` : "");
  const lead = lang === "ko" ? vary(seed, 4, ["지금 입기 좋은 아이템은 이거예요.", "이번 시즌 감각으로 골라 봤어요."]) : vary(seed, 4, ["Here's how to wear it now.", "Pieces that feel current:"]);
  const pieces = [lead, ...brief.picks.map((p, i) => pieceSentence(brief, p, i, seed))].join("\n");
  const quote = quoteNote(brief, ["trends"], [...TREND_LOOKS[trendLookFor(intent.occasion)].words, ...occasionTerms(brief)], seed);
  return [opening, pieces, [note.wear[lang], quote].filter(Boolean).join(" "), constraintLines(brief).join(" ")].filter(Boolean).join("\n\n");
}
