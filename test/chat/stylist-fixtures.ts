// Shared by the stylist tests: the real knowledge base (data/knowledge/*.md) in the test D1,
// profiles, and the hard constraints every pick must meet, checked independently of the
// planner's own code.
import { env } from "cloudflare:workers";
import type { PublicProduct } from "../../worker/catalog/products";
import { COLORS, type ColorKey } from "../../worker/catalog/vocabulary";
import type { Intent, ProfileFacts } from "../../worker/chat/brief";
import { parseKnowledgeFile, passageStatements } from "../../worker/knowledge/passages";

const FILES = import.meta.glob<string>("../../data/knowledge/*.md", { query: "?raw", import: "default", eager: true });

export async function seedKnowledge(): Promise<number> {
  const passages = Object.entries(FILES).flatMap(([path, text]) => parseKnowledgeFile(path.split("/").at(-1)!, text));
  await env.DB.batch(passages.flatMap((p) => passageStatements(env.DB, p)));
  return passages.length;
}

export function profile(facts: Partial<ProfileFacts> = {}): ProfileFacts {
  return { nickname: "지수", heightCm: null, bodyShape: null, skinTone: null, gender: null, preferredStyles: [], ...facts };
}

const COLOR_OF = new Map(Object.entries(COLORS).map(([key, c]) => [c.ko as string, key as ColorKey]));
export const mainColorOf = (p: PublicProduct) => COLOR_OF.get(p.colors[0]!.name);

const SUEDE_CANVAS_LINEN = ["스웨이드", "캔버스", "린넨"];

/** Every hard constraint a product breaks, in words (empty: it is fine). */
export function violations(p: PublicProduct, intent: Intent): string[] {
  const out: string[] = [];
  if (intent.budget.max !== null && p.price > intent.budget.max) out.push(`price ${p.price} over ${intent.budget.max}`);
  if (intent.excludeSubcategories.includes(p.subcategory as never)) out.push(`excluded ${p.subcategory}`);
  if (intent.excludeMaterials.includes(p.material)) out.push(`excluded material ${p.material}`);
  if (intent.avoidColors.includes(mainColorOf(p)!)) out.push(`avoided colour ${p.colors[0]!.name}`);
  if (intent.gender && p.gender !== intent.gender && p.gender !== "any") out.push(`gender ${p.gender}`);
  if (intent.season && !p.seasons.includes(intent.season)) out.push(`season ${p.seasons.join("/")}`);
  if (intent.weather.rain && SUEDE_CANVAS_LINEN.includes(p.material)) out.push(`${p.material} in the rain`);
  if (intent.weather.cold && ["sandals", "shorts"].includes(p.subcategory)) out.push(`${p.subcategory} in the cold`);
  if (intent.weather.hot && ["울", "캐시미어", "덕다운"].includes(p.material)) out.push(`${p.material} in the heat`);
  if (intent.occasion === "면접" && ["sneakers", "hoodie", "shorts", "sandals", "sweatshirt", "joggers"].includes(p.subcategory)) out.push(`${p.subcategory} at an interview`);
  return out;
}
