// The colour expert's voice: the palette that suits the skin tone, what the occasion's
// colours say, each piece's colour and its role (near the face, the base, the finish), and
// how the colours work together (contrast, tone-on-tone, one accent).
import type { PublicProduct } from "../../catalog/products.ts";
import type { Category } from "../../catalog/vocabulary.ts";
import type { ExpertBrief, Language } from "../brief.ts";
import { isAccent, isDark, isLight, mainColor, OCCASION_COLORS, PALETTES } from "../lenses.ts";
import { constraintLines, occasionTerms, quoteNote } from "./facts.ts";
import { josa } from "./josa.ts";
import { COLOR_IMPRESSION, TONE_NOTE } from "./notes.ts";
import { colorName, itemColor, itemName, OCCASION, type Bi } from "./words.ts";

const ROLE: Record<Category, Bi> = {
  top: { ko: "얼굴 가까이 오는 상의", en: "the top, closest to your face" },
  bottom: { ko: "무게중심을 잡아 주는 하의", en: "the bottom, which anchors the look" },
  outer: { ko: "전체 톤을 정리하는 아우터", en: "the outer layer, which sets the overall tone" },
  shoes: { ko: "룩을 마무리하는 신발", en: "the shoes, which finish it" },
  dress: { ko: "한 벌로 완성하는 원피스", en: "the dress, which does it all in one piece" },
  accessory: { ko: "포인트가 되는 액세서리", en: "the accessory, the finishing accent" },
};

function occasionColors(brief: ExpertBrief): string | null {
  const o = brief.intent.occasion;
  const conv = o ? OCCASION_COLORS[o] : undefined;
  if (!o || !conv) return null;
  const base = conv.base.find((c) => !brief.intent.avoidColors.includes(c));
  const face = conv.face.find((c) => !brief.intent.avoidColors.includes(c));
  if (!base || !face) return null;
  const [b, f] = [colorName(base, brief.language), colorName(face, brief.language)];
  if (brief.language === "ko") return `${OCCASION[o].ko}에서는 ${josa(b, "이/가")} ${josa(COLOR_IMPRESSION[base].ko, "을/를")}, ${josa(f, "이/가")} ${josa(COLOR_IMPRESSION[face].ko, "을/를")} 줘요.`;
  return `For your ${OCCASION[o].en}, ${b} says ${COLOR_IMPRESSION[base].en} and ${f} says ${COLOR_IMPRESSION[face].en}.`;
}

function pieceSentence(brief: ExpertBrief, p: PublicProduct): string {
  const lang = brief.language;
  const key = mainColor(p);
  const tone = brief.profile.skinTone;
  const palette = tone ? PALETTES[tone] : null;
  const flatters = key && palette && tone !== "neutral" && [...palette.face, ...palette.base, ...palette.shoes].includes(key);
  const color = itemColor(p, lang);
  const name = itemName(p, lang);
  const impression = key ? COLOR_IMPRESSION[key][lang] : null;
  if (lang === "ko") {
    return [
      `${josa(ROLE[p.category].ko, "은/는")} ${color} 컬러의 ${josa(name, "이에요/예요")}.`,
      impression ? `${josa(color, "은/는")} ${josa(impression, "을/를")} 주는 색이에요.` : null,
      flatters ? `${tone === "warm" ? "웜톤" : "쿨톤"} 피부에도 잘 받고요.` : null,
    ]
      .filter(Boolean)
      .join(" ");
  }
  return `For ${ROLE[p.category].en}: ${name} in ${color}${impression ? `, which reads as ${impression}` : ""}${flatters ? `; it flatters a ${tone} undertone` : ""}.`;
}

/** How the picked colours work together: contrast, one tone, or one accent on neutrals. */
export function colorHarmony(picks: PublicProduct[], lang: Language): string {
  const top = picks.find((p) => p.category === "top");
  const bottom = picks.find((p) => p.category === "bottom");
  const accent = picks.map(mainColor).find((c) => isAccent(c));
  const [t, b] = [top && mainColor(top), bottom && mainColor(bottom)];
  const ko = lang === "ko";
  if (t && b && isLight(t) && isDark(b)) return ko ? "밝은 상의와 어두운 하의의 명도 대비가 또렷하고 단정한 인상을 만들어요." : "The light top over a dark bottom gives a crisp contrast that reads as composed.";
  if (t && b && t === b) return ko ? "상하의를 같은 색으로 이어 세로선이 길고 차분해 보여요." : "Top and bottom in one colour draw a long, calm vertical line.";
  if (accent) return ko ? `포인트 컬러는 ${colorName(accent, "ko")} 하나만 두고 나머지는 뉴트럴로 받쳤어요.` : `The ${colorName(accent, "en")} is the one accent; everything else stays neutral.`;
  return ko ? "뉴트럴 컬러끼리 묶어 어떤 자리에서도 무난하고 정돈돼 보여요." : "Neutrals together look composed anywhere.";
}

export function writeColor(brief: ExpertBrief, seed: number): string {
  const lang = brief.language;
  const tone = brief.profile.skinTone ?? "unknown";
  const wanted = brief.intent.colors.flatMap((c) => {
    const p = brief.picks.find((x) => mainColor(x) === c);
    return p ? [lang === "ko" ? `원하신 ${josa(colorName(c, "ko"), "은/는")} ${itemName(p, "ko")}에 담았어요.` : `The ${colorName(c, "en")} you asked for is in ${itemName(p, "en")}.`] : [];
  });
  const opening = [TONE_NOTE[tone][lang], occasionColors(brief), ...wanted].filter(Boolean).join(" ");
  const pieces = brief.picks.map((p) => pieceSentence(brief, p)).join("\n");
  const toneWords = tone === "warm" ? ["웜톤", "warm"] : tone === "cool" ? ["쿨톤", "cool"] : [];
  const quote = quoteNote(brief, ["color"], [...occasionTerms(brief), ...toneWords], seed);
  return [opening, pieces, [colorHarmony(brief.picks, lang), quote].filter(Boolean).join(" "), constraintLines(brief).join(" ")].filter(Boolean).join("\n\n");
}
