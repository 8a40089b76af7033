// What each expert looks for in the catalog, as data and small scoring functions: the style
// analyst reads the occasion, the user's styles and body (shape, height); the trend expert
// this season's looks for the occasion; the colour expert a palette from skin tone and the
// occasion's colour conventions. The planner searches under the hard filters and lets a
// lens rank the candidates; a lens never loosens a constraint.
import type { PublicProduct } from "../catalog/products.ts";
import { COLORS, STYLE_TAGS, type Category, type ColorKey, type StyleTag, type Subcategory, type TpoTag } from "../catalog/vocabulary.ts";
import type { Passage } from "../knowledge/passages.ts";
import type { Intent, ProfileFacts } from "./brief.ts";
import type { ExpertId, PanelExpertId } from "./experts.ts";
import { colorsIn } from "./intent.ts";

export type Item = PublicProduct;
export type Prefs = { styles?: StyleTag[]; colors?: ColorKey[]; subcategories?: Subcategory[] };
export type Lens = {
  /** Soft search filters for one slot; the planner drops them one by one when nothing matches. */
  prefs(slot: Category, chosen: Item[]): Prefs;
  /** How well a candidate suits this expert's view (higher is better). */
  score(p: Item, slot: Category, chosen: Item[]): number;
  /** This expert dresses the user in a dress rather than a top and a bottom. */
  dress: boolean;
};
export type LensContext = { intent: Intent; profile: ProfileFacts; passages: Passage[] };

// ---------------------------------------------------------------------------- colours

const COLOR_KEY = new Map<string, ColorKey>(
  (Object.entries(COLORS) as [ColorKey, (typeof COLORS)[ColorKey]][]).flatMap(([key, c]) => [
    [c.ko, key],
    [c.en.toLowerCase(), key],
    [key, key],
  ]),
);

/** A product's main colour as a vocabulary key (catalog rows store the Korean name). */
export function mainColor(p: Pick<Item, "colors">): ColorKey | null {
  const name = p.colors[0]?.name.trim();
  return name ? (COLOR_KEY.get(name) ?? COLOR_KEY.get(name.toLowerCase()) ?? null) : null;
}

/** Colours that draw the eye; an outfit carries at most one of them. */
const ACCENTS: ColorKey[] = ["red", "green", "blue", "mustard", "burgundy", "pink", "lavender", "butter_yellow", "mint"];
export const isAccent = (c: ColorKey | null) => c !== null && ACCENTS.includes(c);
const LIGHT: ColorKey[] = ["white", "ivory", "beige", "light_blue", "pink", "lavender", "mint", "butter_yellow", "gray"];
const DARK: ColorKey[] = ["black", "charcoal", "navy", "brown", "burgundy", "olive", "khaki", "denim", "green"];
export const isLight = (c: ColorKey | null) => c !== null && LIGHT.includes(c);
export const isDark = (c: ColorKey | null) => c !== null && DARK.includes(c);

/** Skin-tone palettes: colours near the face, base colours (bottoms, coats) and shoes. */
export const PALETTES: Record<"warm" | "cool" | "neutral", { face: ColorKey[]; base: ColorKey[]; shoes: ColorKey[] }> = {
  warm: { face: ["ivory", "beige", "camel", "mustard", "olive", "butter_yellow"], base: ["brown", "camel", "khaki", "olive", "beige"], shoes: ["brown", "camel", "beige"] },
  cool: { face: ["white", "light_blue", "lavender", "gray", "pink"], base: ["navy", "charcoal", "gray", "burgundy"], shoes: ["black", "burgundy", "navy"] },
  neutral: { face: ["ivory", "white", "beige", "light_blue", "gray"], base: ["navy", "charcoal", "beige", "camel", "gray"], shoes: ["black", "brown", "beige"] },
};

/** What each occasion expects near the face and as a base (the knowledge base's colour notes). */
export const OCCASION_COLORS: Partial<Record<TpoTag, { face: ColorKey[]; base: ColorKey[] }>> = {
  면접: { face: ["white", "light_blue", "ivory"], base: ["navy", "charcoal", "gray", "beige", "black"] },
  발표: { face: ["white", "light_blue"], base: ["navy", "charcoal", "gray"] },
  출근: { face: ["white", "light_blue", "ivory", "beige"], base: ["navy", "gray", "beige", "charcoal", "camel"] },
  상견례: { face: ["ivory", "light_blue", "pink", "white"], base: ["navy", "beige", "gray", "camel"] },
  하객: { face: ["pink", "lavender", "light_blue", "butter_yellow", "mint"], base: ["navy", "beige", "gray", "camel"] },
  소개팅: { face: ["ivory", "pink", "light_blue", "lavender", "beige"], base: ["beige", "navy", "camel", "gray"] },
  데이트: { face: ["ivory", "pink", "light_blue", "butter_yellow", "beige"], base: ["denim", "beige", "navy", "camel"] },
  파티: { face: ["burgundy", "black", "green"], base: ["black", "navy", "burgundy"] },
  운동: { face: ["gray", "white", "black"], base: ["black", "gray", "navy"] },
  아웃도어: { face: ["olive", "khaki", "gray"], base: ["black", "khaki", "olive", "navy"] },
};

/** Occasions where the top should sit lighter than the bottom (a crisp, trustworthy contrast). */
const CONTRAST_OCCASIONS: TpoTag[] = ["면접", "발표", "출근", "상견례"];
export const FORMAL_OCCASIONS: TpoTag[] = ["면접", "발표", "상견례"];

/** Colours that dull a skin tone (stark black and white on warm skin, earth tones on cool). */
const UNFLATTERING: Record<"warm" | "cool", ColorKey[]> = { warm: ["black", "charcoal", "white"], cool: ["mustard", "camel", "olive", "khaki", "brown"] };

/**
 * The palette for a slot, best first: the occasion's convention that also suits the skin
 * tone, then the rest of the convention, then the tone's own colours; colours that dull the
 * tone come last rather than never (a navy-or-charcoal interview still needs a suit).
 */
function slotPalette(ctx: LensContext, slot: Category): ColorKey[] {
  const tone = ctx.profile.skinTone ?? "neutral";
  const palette = PALETTES[tone];
  const dull = tone === "neutral" ? [] : UNFLATTERING[tone];
  const occasion = ctx.intent.occasion ? OCCASION_COLORS[ctx.intent.occasion] : undefined;
  const mine = slot === "top" || slot === "dress" ? palette.face : slot === "shoes" || slot === "accessory" ? palette.shoes : palette.base;
  const convention = slot === "top" || slot === "dress" ? (occasion?.face ?? []) : (occasion?.base ?? []);
  const ordered = [...convention.filter((c) => mine.includes(c)), ...convention.filter((c) => !dull.includes(c)), ...mine, ...convention];
  return [...new Set(ordered)].filter((c) => !ctx.intent.avoidColors.includes(c));
}

// ---------------------------------------------------------------------------- harmony

/**
 * How well a piece sits with what is already chosen: one accent colour and one pattern at
 * most, shared style tags, and for sober occasions a top lighter than the bottom.
 */
export function harmony(p: Item, chosen: Item[], occasion: TpoTag | null): number {
  let score = 0;
  const color = mainColor(p);
  if (isAccent(color) && chosen.some((c) => isAccent(mainColor(c)))) score -= 5;
  if (p.pattern !== "solid" && chosen.some((c) => c.pattern !== "solid")) score -= 4;
  for (const c of chosen) score += Math.min(2, p.style_tags.filter((t) => c.style_tags.includes(t)).length) * 0.5;
  if (occasion && CONTRAST_OCCASIONS.includes(occasion)) {
    // Whichever is chosen first, lean towards a light top over a dark bottom.
    if (p.category === "top" && isLight(color)) score += 1;
    if (p.category === "bottom" && isDark(color)) score += 1;
    const bottom = chosen.find((c) => c.category === "bottom");
    const top = chosen.find((c) => c.category === "top");
    if (p.category === "top" && bottom && isLight(color) && isDark(mainColor(bottom))) score += 2;
    if (p.category === "bottom" && top && isDark(color) && isLight(mainColor(top))) score += 2;
  }
  return score;
}

// ---------------------------------------------------------------------------- body

type FitRule = { subs: Subcategory[]; fits: string[]; avoid: string[] };
type BodyRules = Partial<Record<Category, FitRule>>;
const rule = (subs: Subcategory[], fits: string[] = [], avoid: string[] = []): FitRule => ({ subs, fits, avoid });

/** The knowledge base's body-shape notes as catalog terms (fit names as the catalog writes them). */
export const BODY_RULES: Record<NonNullable<ProfileFacts["bodyShape"]>, BodyRules> = {
  // Balance the hips: structure up top, A-line or wide below.
  triangle: { top: rule(["blouse", "shirt"], ["레귤러핏"]), bottom: rule(["wide_pants", "a_line_skirt", "slacks"], ["와이드핏", "스트레이트핏", "미디 기장"], ["슬림핏", "미니 기장"]), outer: rule(["blazer", "trench_coat"], ["크롭 기장", "레귤러핏"]), dress: rule(["wrap_dress", "shirt_dress"], ["미디 기장"]) },
  // Quiet the shoulders: simple tops, volume below.
  inverted_triangle: { top: rule(["knit", "tshirt", "blouse"], ["레귤러핏", "릴렉스핏"], ["오버핏"]), bottom: rule(["wide_pants", "pleated_skirt", "a_line_skirt"], ["와이드핏"], ["슬림핏"]), outer: rule(["trench_coat", "wool_coat"], ["레귤러핏"], ["오버핏"]), dress: rule(["shirt_dress", "wrap_dress"]) },
  // Long vertical lines and a little ease at the middle.
  oval: { top: rule(["shirt", "blouse"], ["레귤러핏", "릴렉스핏"], ["슬림핏"]), bottom: rule(["slacks", "wide_pants"], ["스트레이트핏", "와이드핏"], ["슬림핏"]), outer: rule(["blazer", "trench_coat"], ["레귤러핏"]), dress: rule(["shirt_dress", "wrap_dress"], [], ["슬림핏"]) },
  // Follow the waist.
  hourglass: { top: rule(["blouse", "knit", "shirt"], ["슬림핏", "레귤러핏"], ["오버핏"]), bottom: rule(["pencil_skirt", "slacks"], ["슬림핏", "스트레이트핏"]), outer: rule(["blazer", "trench_coat"], ["슬림핏", "레귤러핏"], ["오버핏"]), dress: rule(["wrap_dress", "knit_dress"]) },
  // Create shape: layers, pleats, a defined waist.
  rectangle: { top: rule(["cardigan", "knit", "shirt"], ["레귤러핏"]), bottom: rule(["pleated_skirt", "wide_pants", "slacks"], ["와이드핏"]), outer: rule(["blazer", "trench_coat"], ["레귤러핏"]), dress: rule(["wrap_dress"]) },
};

/** Petite: one line from top to toe, high rises, nothing that swamps the frame. */
const SHORT_RULES: BodyRules = { bottom: rule([], ["스트레이트핏", "슬림핏", "테이퍼드핏"], ["롱 기장"]), outer: rule([], ["크롭 기장", "레귤러핏"], ["롱 기장", "오버핏"]), dress: rule([], ["무릎 기장", "미디 기장"], ["롱 기장"]) };
/** Tall: length and volume can be used rather than avoided. */
const TALL_RULES: BodyRules = { bottom: rule([], ["와이드핏"]), outer: rule([], ["롱 기장", "오버핏"]) };

export function heightClass(profile: ProfileFacts): "short" | "tall" | null {
  const h = profile.heightCm;
  if (!h) return null;
  const [short, tall] = profile.gender === "men" ? [170, 183] : profile.gender === "women" ? [160, 172] : [165, 178];
  return h < short ? "short" : h >= tall ? "tall" : null;
}

function bodyRules(profile: ProfileFacts, slot: Category): FitRule[] {
  const height = heightClass(profile);
  return [profile.bodyShape ? BODY_RULES[profile.bodyShape][slot] : undefined, height === "short" ? SHORT_RULES[slot] : height === "tall" ? TALL_RULES[slot] : undefined].filter((r): r is FitRule => r !== undefined);
}

// ---------------------------------------------------------------------------- styles

/** What an occasion usually asks of a look, when the user named no style of their own. */
const OCCASION_STYLES: Partial<Record<TpoTag, StyleTag[]>> = {
  면접: ["포멀", "클래식", "미니멀", "모던"],
  발표: ["포멀", "모던", "미니멀"],
  출근: ["모던", "미니멀", "클래식", "심플 베이직"],
  상견례: ["클래식", "포멀", "미니멀"],
  하객: ["페미닌", "클래식", "모던"],
  소개팅: ["모던", "페미닌", "댄디", "미니멀"],
  데이트: ["캐주얼", "모던", "러블리", "페미닌"],
  캠퍼스: ["캐주얼", "심플 베이직", "스트릿"],
  여행: ["캐주얼", "심플 베이직"],
  운동: ["스포티"],
  아웃도어: ["고프코어", "스포티"],
};

/** The styles the user asked for or keeps in their profile. */
export function userStyles(ctx: Pick<LensContext, "intent" | "profile">): StyleTag[] {
  return [...new Set([...ctx.intent.styles, ...ctx.profile.preferredStyles.filter((s): s is StyleTag => Object.hasOwn(STYLE_TAGS, s))])];
}

/** The user's own styles, else what the occasion usually asks for. */
export function wantedStyles(ctx: Pick<LensContext, "intent" | "profile">): StyleTag[] {
  const mine = userStyles(ctx);
  if (mine.length) return mine;
  return ctx.intent.occasion ? (OCCASION_STYLES[ctx.intent.occasion] ?? []) : [];
}

// ---------------------------------------------------------------------------- trends

/** This season's looks (data/knowledge/trends-*.md) by the kind of occasion they suit; `words` find their notes. */
export const TREND_LOOKS = {
  quietLuxury: { words: ["콰이어트 럭셔리", "quiet luxury", "올드머니", "old money"], styles: ["미니멀", "모던", "클래식"], fits: ["와이드핏", "릴렉스핏", "스트레이트핏"], colors: ["camel", "ivory", "navy", "gray"], subs: { top: ["knit", "shirt"], bottom: ["wide_pants", "slacks"], outer: ["trench_coat", "wool_coat", "blazer"], shoes: ["loafers"], dress: ["knit_dress", "shirt_dress"] } },
  balletcore: { words: ["발레코어", "balletcore", "발레", "ballet"], styles: ["페미닌", "러블리", "모던"], fits: ["와이드핏", "릴렉스핏", "미디 기장"], colors: ["pink", "ivory", "butter_yellow", "burgundy"], subs: { top: ["cardigan", "blouse", "knit"], bottom: ["wide_pants", "pleated_skirt", "a_line_skirt", "jeans"], outer: ["trench_coat", "leather_jacket"], shoes: ["flats", "loafers"], dress: ["wrap_dress", "slip_dress"] } },
  gorpcore: { words: ["고프코어", "gorpcore", "테크웨어", "techwear"], styles: ["고프코어", "스트릿", "캐주얼"], fits: ["와이드핏", "오버핏", "릴렉스핏"], colors: ["olive", "khaki", "butter_yellow", "burgundy"], subs: { top: ["sweatshirt", "tshirt", "knit"], bottom: ["wide_pants", "jeans", "joggers"], outer: ["windbreaker", "padded_jacket", "denim_jacket"], shoes: ["sneakers"] } },
} satisfies Record<string, { words: string[]; styles: StyleTag[]; fits: string[]; colors: ColorKey[]; subs: Partial<Record<Category, Subcategory[]>> }>;
export type TrendLook = keyof typeof TREND_LOOKS;

export function trendLookFor(occasion: TpoTag | null): TrendLook {
  if (occasion === "소개팅" || occasion === "데이트" || occasion === "파티" || occasion === "하객") return "balletcore";
  if (occasion === "캠퍼스" || occasion === "여행" || occasion === "아웃도어" || occasion === "운동" || occasion === "데일리") return "gorpcore";
  return "quietLuxury";
}

/**
 * The experts whose picks depend on their knowledge notes: the trend lens takes the season's
 * colours from them (trendColors). The others' picks do not wait for the notes.
 */
export const PICKS_READ_NOTES: ReadonlySet<ExpertId> = new Set<ExpertId>(["trend_expert"]);

/** The season's colours as the retrieved trend notes name them, else the look's own. */
export function trendColors(ctx: LensContext): ColorKey[] {
  const look = TREND_LOOKS[trendLookFor(ctx.intent.occasion)];
  const fromNotes = ctx.passages.filter((p) => p.topic === "trends").slice(0, 2).flatMap((p) => colorsIn(`${p.tags.join(", ")}. ${p.body}`));
  const colors = [...new Set([...fromNotes.filter((c) => (look.colors as ColorKey[]).includes(c) || !isAccent(c)), ...look.colors])];
  return colors.filter((c) => !ctx.intent.avoidColors.includes(c));
}

// ---------------------------------------------------------------------------- lenses

const DRESS_OCCASIONS: TpoTag[] = ["하객", "파티", "데이트", "소개팅", "상견례"];

function dressAllowed(ctx: LensContext): boolean {
  const { intent } = ctx;
  return intent.gender === "women" && intent.categories.length === 0 && intent.occasion !== null && DRESS_OCCASIONS.includes(intent.occasion) && !intent.excludeSubcategories.includes("wrap_dress");
}

const fitScore = (p: Item, rules: FitRule[]) => rules.reduce((s, r) => s + (r.subs.includes(p.subcategory) ? 3 : 0) + (r.fits.includes(p.fit) ? 2 : 0) - (r.avoid.includes(p.fit) ? 2 : 0), 0);
const styleScore = (p: Item, styles: readonly StyleTag[]) => Math.min(2, p.style_tags.filter((t) => styles.includes(t)).length) * 2;

function styleLens(ctx: LensContext): Lens {
  const styles = wantedStyles(ctx);
  const short = heightClass(ctx.profile) === "short";
  return {
    dress: dressAllowed(ctx) && (ctx.profile.bodyShape === "hourglass" || ctx.profile.bodyShape === "rectangle"),
    prefs: (slot) => ({ styles, subcategories: bodyRules(ctx.profile, slot).flatMap((r) => r.subs) }),
    score: (p, slot, chosen) => {
      let s = styleScore(p, styles) + fitScore(p, bodyRules(ctx.profile, slot));
      // One colour from top to toe makes a petite frame look longer.
      if (short && chosen.some((c) => (c.category === "top" || c.category === "bottom") && mainColor(c) === mainColor(p))) s += 3;
      return s;
    },
  };
}

function trendLens(ctx: LensContext): Lens {
  const lookName = trendLookFor(ctx.intent.occasion);
  const look = TREND_LOOKS[lookName];
  const colors = trendColors(ctx);
  const subsFor = (slot: Category): Subcategory[] => (look.subs as Partial<Record<Category, Subcategory[]>>)[slot] ?? [];
  return {
    dress: dressAllowed(ctx) && (ctx.intent.occasion === "하객" || ctx.intent.occasion === "파티"),
    prefs: (slot) => ({
      styles: [...look.styles],
      subcategories: subsFor(slot),
      // The season's accent goes on the top; everything else stays in its neutrals.
      colors: slot === "top" || slot === "dress" ? colors : colors.filter((c) => !isAccent(c)),
    }),
    score: (p, slot) => styleScore(p, look.styles) + (subsFor(slot).includes(p.subcategory) ? 3 : 0) + (look.fits.includes(p.fit) ? 1 : 0) + (colors.includes(mainColor(p)!) ? 2 : 0),
  };
}

function colorLens(ctx: LensContext): Lens {
  const formal = ctx.intent.occasion !== null && FORMAL_OCCASIONS.includes(ctx.intent.occasion);
  return {
    dress: false,
    prefs: (slot) => ({ colors: slotPalette(ctx, slot) }),
    score: (p, slot) => {
      const palette = slotPalette(ctx, slot);
      const rank = palette.indexOf(mainColor(p)!);
      return (rank < 0 ? 0 : Math.max(1, 6 - rank)) + (formal && p.pattern === "solid" ? 1 : 0);
    },
  };
}

export function lensFor(expert: PanelExpertId, ctx: LensContext): Lens {
  return expert === "style_analyst" ? styleLens(ctx) : expert === "trend_expert" ? trendLens(ctx) : colorLens(ctx);
}
