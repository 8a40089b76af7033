// Choosing catalog products for an answer. Every product comes from searchProducts under
// the intent's hard filters — budget, exclusions, avoided colours, gender, season, weather
// rules and what the occasion never allows — and only soft preferences (an expert's styles,
// colours, silhouettes, even the occasion tag) are relaxed when a search finds nothing.
// A panel expert gets 1–3 pieces through its lens (lenses.ts); the coordinator settles on
// one outfit from the panel's pieces by votes and colour harmony, filling gaps by search.
import type { PublicProduct } from "../catalog/products.ts";
import type { SearchFilters } from "../catalog/search.ts";
import { SUBCATEGORIES, type Category, type ColorKey, type Season, type Subcategory, type TpoTag } from "../catalog/vocabulary.ts";
import type { Passage } from "../knowledge/passages.ts";
import type { Intent, PeerAnswer, ProfileFacts } from "./brief.ts";
import { CandidateSearches } from "./candidates.ts";
import type { PanelExpertId } from "./experts.ts";
import { harmony, isDark, isLight, lensFor, mainColor, wantedStyles, type Item, type Lens, type LensContext } from "./lenses.ts";

// ---------------------------------------------------------------------------- hard filters

export const RAIN_MATERIALS = ["스웨이드", "캔버스", "린넨", "실크", "새틴"];

/** What the weather rules out (data/knowledge/fabric-weather-*.md), and whether a coat is needed. */
export function weatherRules(intent: Intent): { excludeMaterials: string[]; excludeSubcategories: Subcategory[]; needsOuter: boolean; season: Season | null } {
  const cold = intent.weather.cold || intent.season === "winter";
  const hot = intent.weather.hot || intent.season === "summer";
  const materials: string[] = [];
  const subs: Subcategory[] = [];
  // Suede stains, canvas stays wet, thin linen turns see-through, silk and satin water-spot.
  if (intent.weather.rain) materials.push(...RAIN_MATERIALS);
  if (cold) {
    materials.push("린넨", "시어서커", "메쉬");
    subs.push("sandals", "shorts", "sundress", "slip_dress");
  }
  if (hot) {
    materials.push("울", "울 혼방", "캐시미어", "트위드", "코듀로이", "기모 코튼", "덕다운");
    subs.push("padded_jacket", "wool_coat", "knit", "cardigan", "sweatshirt", "hoodie", "knit_dress");
  }
  return {
    excludeMaterials: [...new Set(materials)],
    excludeSubcategories: subs,
    needsOuter: cold && !hot,
    season: intent.season ?? (cold ? "winter" : hot ? "summer" : null),
  };
}

/** What an occasion never allows, whatever else is relaxed: no hoodie at an interview. */
const NEVER_AT: Partial<Record<TpoTag, Subcategory[]>> = {
  면접: ["tshirt", "polo", "sweatshirt", "hoodie", "shorts", "joggers", "jeans", "sneakers", "sandals", "cap", "denim_jacket", "windbreaker", "padded_jacket", "leather_jacket", "sundress", "slip_dress"],
  발표: ["tshirt", "sweatshirt", "hoodie", "shorts", "joggers", "sneakers", "sandals", "cap", "windbreaker", "padded_jacket", "sundress", "slip_dress"],
  상견례: ["tshirt", "sweatshirt", "hoodie", "shorts", "joggers", "sneakers", "sandals", "cap", "denim_jacket", "windbreaker", "padded_jacket", "leather_jacket", "slip_dress"],
  하객: ["tshirt", "sweatshirt", "hoodie", "shorts", "joggers", "sneakers", "cap", "windbreaker", "padded_jacket"],
  출근: ["shorts", "joggers", "hoodie", "cap", "slip_dress"],
  운동: ["slacks", "pencil_skirt", "pumps", "loafers", "derby_shoes", "blazer", "wool_coat", "blouse", "tie"],
  아웃도어: ["slacks", "pencil_skirt", "pleated_skirt", "pumps", "loafers", "derby_shoes", "flats", "blazer", "wool_coat", "blouse", "slip_dress", "tie"],
};

/** Colours an occasion rules out: at a Korean wedding, white and ivory belong to the bride. */
const NEVER_COLORS_AT: Partial<Record<TpoTag, string[]>> = { 하객: ["white", "ivory"] };

export type HardFilters = Pick<SearchFilters, "gender" | "season"> & { excludeSubcategories: Subcategory[]; excludeMaterials: string[]; excludeColors: string[] };

export function hardFilters(intent: Intent): HardFilters {
  const weather = weatherRules(intent);
  return {
    ...(intent.gender ? { gender: intent.gender } : {}),
    ...(weather.season ? { season: weather.season } : {}),
    excludeSubcategories: [...new Set([...intent.excludeSubcategories, ...weather.excludeSubcategories, ...(intent.occasion ? (NEVER_AT[intent.occasion] ?? []) : [])])],
    excludeMaterials: [...new Set([...intent.excludeMaterials, ...weather.excludeMaterials])],
    excludeColors: [...new Set([...intent.avoidColors, ...(intent.occasion ? (NEVER_COLORS_AT[intent.occasion] ?? []) : [])])],
  };
}

/** The same hard filters checked on a product in hand (the panel's picks reach the coordinator by id). */
export function meetsHardFilters(p: Item, hard: HardFilters): boolean {
  const color = mainColor(p);
  return (
    (!hard.gender || p.gender === hard.gender || p.gender === "any") &&
    (!hard.season || (p.seasons as string[]).includes(hard.season)) &&
    !hard.excludeSubcategories.includes(p.subcategory) &&
    !hard.excludeMaterials.includes(p.material) &&
    !(color && hard.excludeColors.includes(color))
  );
}

// ---------------------------------------------------------------------------- one piece

/** Pieces are shown top to toe, but chosen essentials first: a look needs a top and a bottom more than a coat. */
const DISPLAY: Category[] = ["top", "bottom", "dress", "outer", "shoes", "accessory"];
const FILL: Category[] = ["dress", "bottom", "top", "outer", "shoes", "accessory"];
/** A total budget is shared in these proportions (a coat costs more than a shirt). */
const WEIGHT: Record<Category, number> = { top: 3, bottom: 3, shoes: 3, outer: 5, dress: 6, accessory: 1 };
/** Kept back for each essential piece still to choose, so an earlier piece cannot spend it all. */
const RESERVE = 30_000;
const ESSENTIAL: Category[] = ["top", "bottom", "dress"];

type Plan = { searches: CandidateSearches; ctx: LensContext; hard: HardFilters };

/** The expert's knowledge passages; the plan's searches when the caller wants to read their stats afterwards. */
export type PlanOptions = { passages?: Passage[]; searches?: CandidateSearches };
type PieceSpec = { slot: Category; cap: number; min?: number; share: number; outfit: Item[]; siblings: Item[]; avoidIds: string[]; preferAvoidIds: string[] };

const byId = (a: Item, b: Item) => (a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : 0);

/** Mid-tones that sit as well near the face as below the waist. */
const EITHER: ColorKey[] = ["beige", "gray", "camel"];

/**
 * Colours the user asked for, where they belong: for a piece they named ("베이지 슬랙스"),
 * on it; in a whole outfit, light ones near the face and dark ones below.
 */
function anchorColors(intent: Intent, slot: Category): ColorKey[] {
  if (intent.categories.length) return intent.colors;
  const near = slot === "top" || slot === "dress";
  return intent.colors.filter((c) => EITHER.includes(c) || (near ? !isDark(c) : !isLight(c)));
}

function commonScore(plan: Plan, p: Item, spec: PieceSpec): number {
  const { intent } = plan.ctx;
  let s = harmony(p, spec.outfit, intent.occasion);
  if (intent.occasion && p.tpo_tags.includes(intent.occasion)) s += 3;
  if (intent.colors.includes(mainColor(p)!)) s += 3;
  // Over its share, a piece costs the rest of the look: the further over, the worse.
  if (p.price > spec.share) s -= 2 + 8 * (p.price / spec.share - 1);
  // The catalog has no sleeve field; its names say "반팔" (short sleeve), wrong for a cold day.
  if (p.product_name.includes("반팔")) s -= intent.weather.cold ? 10 : intent.season === "fall" || intent.season === "winter" ? 3 : 0;
  // Puddles splash: a pale hem is a poor bet in the rain.
  if (intent.weather.rain && p.category === "bottom" && isLight(mainColor(p))) s -= 2;
  // Alternatives of one kind should differ from each other.
  for (const sib of spec.siblings) s -= (sib.subcategory === p.subcategory ? 2 : 0) + (mainColor(sib) === mainColor(p) ? 1 : 0);
  return s;
}

/**
 * A slot's searches, loosest last: the lens's preferences first, then fewer of them, then
 * without the occasion tag; the hard filters and the price cap hold at every step. Ids the
 * lens would rather not repeat (another expert's picks) are avoided until nothing else is left.
 */
function ladder(plan: Plan, lens: Lens, spec: PieceSpec): SearchFilters[] {
  const prefs = lens.prefs(spec.slot, spec.outfit);
  const tpos = plan.ctx.intent.occasion ? [plan.ctx.intent.occasion] : [];
  const anchor = anchorColors(plan.ctx.intent, spec.slot);
  const steps: Partial<SearchFilters>[] = [
    ...(anchor.length ? [{ tpos, ...prefs, colors: anchor }] : []),
    { tpos, ...prefs },
    { tpos, subcategories: prefs.subcategories, colors: prefs.colors },
    { tpos, colors: prefs.colors },
    { tpos },
    {},
  ];
  // Kinds the user asked for ("슬랙스 추천") hold at every step; a lens may only narrow them.
  const asked = (plan.ctx.intent.subcategories ?? []).filter((s) => SUBCATEGORIES[s].category === spec.slot);
  const kinds = (preferred: Subcategory[] | undefined) => {
    if (!asked.length) return preferred;
    const both = (preferred ?? []).filter((s) => asked.includes(s));
    return both.length ? both : asked;
  };
  const seen = new Set<string>();
  return [spec.preferAvoidIds, []].flatMap((extraAvoid) =>
    steps
      .map(
        (step): SearchFilters => ({
          ...plan.hard,
          ...step,
          subcategories: kinds(step.subcategories),
          categories: [spec.slot],
          ...(Number.isFinite(spec.cap) ? { maxPrice: spec.cap } : {}),
          ...(spec.min ? { minPrice: spec.min } : {}),
          excludeIds: [...spec.avoidIds, ...extraAvoid],
        }),
      )
      .filter((f) => {
        const key = JSON.stringify(f);
        return !seen.has(key) && seen.add(key);
      }),
  );
}

/** One piece for a slot: the best the lens and the look score among the first search that finds any. */
async function pickPiece(plan: Plan, lens: Lens, spec: PieceSpec): Promise<Item | null> {
  if (spec.cap <= 0) return null;
  for (const filters of ladder(plan, lens, spec)) {
    const products = await plan.searches.find(filters);
    if (!products.length) continue;
    const scored = products.map((p) => ({ p, s: lens.score(p, spec.slot, spec.outfit) + commonScore(plan, p, spec) }));
    scored.sort((a, b) => b.s - a.s || byId(a.p, b.p));
    return scored[0]!.p;
  }
  return null;
}

/**
 * Fills slots in budget order. With one kind asked for ("신발 추천"), the slots are
 * alternatives, each within the whole budget; otherwise they are one look whose total stays
 * within it, each piece capped by what is left and nudged towards its share. Every slot's
 * first search starts at once, capped by the most it could be left (candidates.ts).
 */
async function fillSlots(plan: Plan, lens: Lens, slots: Category[], have: Item[], preferAvoidIds: string[]): Promise<Item[]> {
  const { budget } = plan.ctx.intent;
  const alternatives = slots.length > 1 && new Set(slots).size === 1;
  const order = alternatives ? slots : [...slots].sort((a, b) => FILL.indexOf(a) - FILL.indexOf(b));
  const outfit = [...have];
  const siblings: Item[] = [];
  let remaining = (budget.max ?? Infinity) - have.reduce((sum, p) => sum + p.price, 0);
  // Pieces the user asked for by name are all essential; otherwise shoes and coats can go.
  const essential = (s: Category) => plan.ctx.intent.categories.length > 0 || ESSENTIAL.includes(s);
  const specFor = (i: number): PieceSpec => {
    const slot = order[i]!;
    const later = order.slice(i + 1);
    return alternatives
      ? { slot, cap: budget.max ?? Infinity, min: budget.min ?? undefined, share: budget.max ?? Infinity, outfit: [], siblings, avoidIds: siblings.map((p) => p.product_id), preferAvoidIds }
      : {
          slot,
          cap: remaining - RESERVE * later.filter(essential).length,
          share: (remaining * WEIGHT[slot]) / (WEIGHT[slot] + later.reduce((sum, s) => sum + WEIGHT[s], 0)),
          outfit,
          siblings: [],
          // Only pieces of the slot's own kind could come up in its search.
          avoidIds: outfit.filter((p) => p.category === slot).map((p) => p.product_id),
          preferAvoidIds,
        };
  };
  for (let i = 0; i < order.length; i++) {
    const first = ladder(plan, lens, specFor(i))[0];
    if (first) plan.searches.prefetch(first);
  }
  for (let i = 0; i < order.length; i++) {
    const piece = await pickPiece(plan, lens, specFor(i));
    if (!piece) continue;
    if (alternatives) siblings.push(piece);
    else {
      outfit.push(piece);
      remaining -= piece.price;
    }
  }
  const added = alternatives ? siblings : outfit.slice(have.length);
  return alternatives ? added : added.sort((a, b) => DISPLAY.indexOf(a.category) - DISPLAY.indexOf(b.category));
}

// ---------------------------------------------------------------------------- panel

function panelSlots(intent: Intent, lens: Lens): Category[] {
  if (intent.categories.length === 1) return [intent.categories[0]!, intent.categories[0]!, intent.categories[0]!];
  if (intent.categories.length) return intent.categories.slice(0, 3);
  const { needsOuter } = weatherRules(intent);
  if (lens.dress) return needsOuter ? ["dress", "outer", "shoes"] : ["dress", "shoes"];
  return ["top", "bottom", needsOuter ? "outer" : "shoes"];
}

async function planWith(plan: Plan, expert: PanelExpertId, preferAvoidIds: string[]): Promise<Item[]> {
  const lens = lensFor(expert, plan.ctx);
  return fillSlots(plan, lens, panelSlots(plan.ctx.intent, lens), [], preferAvoidIds);
}

/** 1–3 products for one panel expert, each within every hard filter; fewer when the catalog has fewer. */
export async function planPicks(db: D1Database, intent: Intent, profile: ProfileFacts, expert: PanelExpertId, opts: PlanOptions = {}): Promise<PublicProduct[]> {
  const plan: Plan = { searches: opts.searches ?? new CandidateSearches(db), ctx: { intent, profile, passages: opts.passages ?? [] }, hard: hardFilters(intent) };
  if (expert !== "trend_expert") return planWith(plan, expert, []);
  // The trend expert shows other pieces than the style analyst where the catalog allows it.
  // The panel answers in parallel, so it replays the analyst's (deterministic) choice; its
  // own searches start meanwhile, before it knows which ids to avoid.
  const lens = lensFor(expert, plan.ctx);
  for (const slot of panelSlots(intent, lens)) {
    const first = ladder(plan, lens, { slot, cap: intent.budget.max ?? Infinity, share: Infinity, outfit: [], siblings: [], avoidIds: [], preferAvoidIds: [] })[0];
    if (first) plan.searches.prefetch(first);
  }
  const avoid = (await planWith(plan, "style_analyst", [])).map((p) => p.product_id);
  return planWith(plan, expert, avoid);
}

// ---------------------------------------------------------------------------- coordinator

type Structure = { required: Category[]; optional: Category[] };

function structures(intent: Intent, needsOuter: boolean): Structure[] {
  if (intent.categories.length) return [{ required: intent.categories, optional: [] }];
  const extra: Category[] = needsOuter ? ["shoes", "outer"] : ["shoes"];
  return [
    { required: ["top", "bottom"], optional: extra },
    { required: ["dress"], optional: extra },
  ];
}

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((combo) => list.map((x) => [...combo, x])), [[]]);
}

/**
 * The one outfit: every combination of the panel's pieces is scored by agreement (the same
 * item or colour chosen by several experts), fit to the occasion and the user's colours and
 * styles, harmony between the pieces (one accent colour, one pattern) and completeness, with
 * the total within the budget. Missing pieces are then searched for with what is left.
 */
export async function planOutfit(db: D1Database, intent: Intent, profile: ProfileFacts, peers: PeerAnswer[], opts: PlanOptions = {}): Promise<PublicProduct[]> {
  const plan: Plan = { searches: opts.searches ?? new CandidateSearches(db), ctx: { intent, profile, passages: opts.passages ?? [] }, hard: hardFilters(intent) };
  const { needsOuter } = weatherRules(intent);
  const max = intent.budget.max ?? Infinity;
  const pool = [...new Map(peers.flatMap((p) => p.products).map((p) => [p.product_id, p])).values()].filter((p) => meetsHardFilters(p, plan.hard) && p.price <= max).sort(byId);

  const idVotes = (p: Item) => peers.filter((peer) => peer.products.some((x) => x.product_id === p.product_id)).length;
  const colorVotes = (p: Item) => peers.filter((peer) => peer.products.some((x) => mainColor(x) === mainColor(p))).length;
  const styles = wantedStyles(plan.ctx);
  const itemScore = (p: Item) =>
    4 * Math.max(0, idVotes(p) - 1) +
    1.5 * Math.max(0, colorVotes(p) - 1) +
    (intent.occasion && p.tpo_tags.includes(intent.occasion) ? 2 : 0) +
    (intent.colors.includes(mainColor(p)!) ? 3 : 0) +
    Math.min(2, p.style_tags.filter((t) => styles.includes(t)).length);

  const combos: { items: Item[]; shape: Structure; score: number; key: string; essentials: number }[] = [];
  for (const shape of structures(intent, needsOuter)) {
    const slots = [...shape.required, ...shape.optional];
    const options = slots.map((slot) => [...pool.filter((p) => p.category === slot), null]);
    for (const combo of cartesian<Item | null>(options)) {
      const items = combo.filter((x): x is Item => x !== null);
      const missingRequired = shape.required.filter((_, i) => combo[i] === null).length;
      const total = items.reduce((sum, p) => sum + p.price, 0);
      if (total > max - RESERVE * missingRequired) continue;
      const essentials = (shape.required.length - missingRequired) / shape.required.length;
      let score = 20 * essentials;
      if (items.some((p) => p.category === "shoes")) score += 4;
      if (items.some((p) => p.category === "outer")) score += 6;
      items.forEach((p, i) => (score += itemScore(p) + harmony(p, items.slice(0, i), intent.occasion)));
      combos.push({ items, shape, score, key: items.map((p) => p.product_id).join(","), essentials });
    }
  }
  combos.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (!combos.length) combos.push({ items: [], shape: structures(intent, needsOuter)[0]!, score: 0, key: "", essentials: 0 });

  // The best combination, completed by search. When the search cannot add every piece within
  // what is left (no shoes, no coat), the next few combinations may leave more room for them,
  // as long as they keep as much of the panel's essentials (never a panel's top and bottom
  // traded for a searched dress just to have shoes).
  const tries = combos.filter((c) => c.essentials >= combos[0]!.essentials).slice(0, OUTFIT_TRIES);
  let fallback: Item[] | null = null;
  for (const combo of tries) {
    const outfit = await complete(plan, combo.shape, combo.items);
    const full = [...combo.shape.required, ...combo.shape.optional].every((slot) => outfit.some((p) => p.category === slot));
    if (full) return outfit;
    fallback ??= outfit;
  }
  return fallback!;
}

/** Combinations of the panel's pieces tried before settling for an outfit with a piece short. */
const OUTFIT_TRIES = 4;

/**
 * Fills an outfit's gaps by search. If an essential piece still cannot be had, the priciest
 * optional one (a coat, shoes) is given up to free the budget, and the gaps filled again.
 */
async function complete(plan: Plan, shape: Structure, start: Item[]): Promise<PublicProduct[]> {
  const lens = lensFor("style_analyst", plan.ctx);
  let items = start;
  for (;;) {
    const missing = [...shape.required, ...shape.optional].filter((slot) => !items.some((p) => p.category === slot));
    const outfit = [...items, ...(missing.length ? await fillSlots(plan, lens, missing, items, []) : [])];
    const whole = shape.required.every((slot) => outfit.some((p) => p.category === slot));
    const optional = items.filter((p) => !shape.required.includes(p.category)).sort((a, b) => b.price - a.price || byId(a, b));
    if (whole || !optional.length) return outfit.sort((a, b) => DISPLAY.indexOf(a.category) - DISPLAY.indexOf(b.category));
    items = items.filter((p) => p !== optional[0]);
  }
}
