// Catalog search over D1: FTS5 relevance (bm25 over name, tags and description, see
// tokens.ts) plus hard filters — category, gender, colors, style and TPO tags, season,
// price range, and exclusions such as "no skirts" or "no suede in the rain" — then a
// variety pass so a page is not ten near-identical items. Filters are SQL, never hints.
import { COLORS, type Category, type Season, type StyleTag, type Subcategory, type TpoTag } from "./vocabulary.ts";
import { ftsPhrase, matchExpression } from "./tokens.ts";

export type SearchFilters = {
  q?: string;
  categories?: Category[];
  subcategories?: Subcategory[];
  excludeSubcategories?: Subcategory[];
  gender?: "women" | "men";
  /** Color keys (navy), Korean names (네이비) or English names (Navy). */
  colors?: string[];
  excludeColors?: string[];
  styles?: StyleTag[];
  tpos?: TpoTag[];
  season?: Season;
  /** Korean material names as stored (스웨이드, 린넨). */
  excludeMaterials?: string[];
  minPrice?: number;
  maxPrice?: number;
  excludeIds?: string[];
};

export type ProductRecord = {
  id: string;
  name_ko: string;
  name_en: string;
  brand: string;
  gender: "women" | "men" | "any";
  category: Category;
  subcategory: Subcategory;
  colors: { name: string; hex: string }[];
  pattern: string;
  material: string;
  fit: string;
  seasons: Season[];
  price: number;
  style_tags: StyleTag[];
  tpo_tags: TpoTag[];
  description_ko: string;
  description_en: string;
  image_key: string;
};

export type SearchPage = { products: ProductRecord[]; total: number; nextCursor: string | null };

/** Candidates are diversified in fixed blocks of ranked results, so pages stay stable. */
const BLOCK = 60;

/** Korean stored names for any way a caller names a color. */
function colorNames(inputs: string[]): string[] {
  const names = new Set<string>();
  for (const raw of inputs) {
    const input = raw.trim().toLowerCase();
    for (const [key, c] of Object.entries(COLORS)) {
      if (key === input || c.ko === raw.trim() || c.en.toLowerCase() === input) names.add(c.ko);
    }
    names.add(raw.trim());
  }
  return [...names];
}

function whereClause(f: SearchFilters): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const inJson = (column: string, values: unknown[], negate = false) => {
    sql.push(`${column} ${negate ? "not in" : "in"} (select value from json_each(?))`);
    params.push(JSON.stringify(values));
  };
  const anyTag = (column: string, values: string[]) => {
    sql.push(`exists (select 1 from json_each(p.${column}) t where t.value in (select value from json_each(?)))`);
    params.push(JSON.stringify(values));
  };
  if (f.categories?.length) inJson("p.category", f.categories);
  if (f.subcategories?.length) inJson("p.subcategory", f.subcategories);
  if (f.excludeSubcategories?.length) inJson("p.subcategory", f.excludeSubcategories, true);
  if (f.excludeMaterials?.length) inJson("p.material", f.excludeMaterials, true);
  if (f.excludeIds?.length) inJson("p.id", f.excludeIds, true);
  if (f.gender) {
    sql.push("p.gender in (?, 'any')");
    params.push(f.gender);
  }
  if (f.colors?.length) {
    sql.push("exists (select 1 from json_each(p.colors) c where json_extract(c.value, '$.name') in (select value from json_each(?)))");
    params.push(JSON.stringify(colorNames(f.colors)));
  }
  if (f.excludeColors?.length) {
    // Only the main color decides: a navy shirt with white stripes is still a navy shirt.
    sql.push("json_extract(p.colors, '$[0].name') not in (select value from json_each(?))");
    params.push(JSON.stringify(colorNames(f.excludeColors)));
  }
  if (f.styles?.length) anyTag("style_tags", f.styles);
  if (f.tpos?.length) anyTag("tpo_tags", f.tpos);
  if (f.season) anyTag("seasons", [f.season]);
  if (f.minPrice !== undefined) {
    sql.push("p.price >= ?");
    params.push(f.minPrice);
  }
  if (f.maxPrice !== undefined) {
    sql.push("p.price <= ?");
    params.push(f.maxPrice);
  }
  return { sql, params };
}

const COLUMNS =
  "p.id, p.name_ko, p.name_en, p.brand, p.gender, p.category, p.subcategory, p.colors, p.pattern, p.material, p.fit, p.seasons, p.price, p.style_tags, p.tpo_tags, p.description_ko, p.description_en, p.image_key";

type Row = Omit<ProductRecord, "colors" | "seasons" | "style_tags" | "tpo_tags"> & { colors: string; seasons: string; style_tags: string; tpo_tags: string };

export function toRecord({ total: _total, ...r }: Row & { total?: number }): ProductRecord {
  return { ...r, colors: JSON.parse(r.colors), seasons: JSON.parse(r.seasons), style_tags: JSON.parse(r.style_tags), tpo_tags: JSON.parse(r.tpo_tags) };
}

/**
 * Reorders one block of ranked candidates for variety: greedily takes the best remaining
 * item after a penalty for each already-taken item of the same subcategory, brand or main
 * color. Relevance still leads; near-duplicates sink within the block.
 */
export function diversify<T extends { subcategory: string; brand: string; colors: { name: string }[] }>(ranked: T[]): T[] {
  const left = ranked.map((item, rank) => ({ item, rank }));
  const out: T[] = [];
  const seen = { sub: new Map<string, number>(), brand: new Map<string, number>(), color: new Map<string, number>() };
  while (left.length) {
    let best = 0;
    let bestScore = Infinity;
    for (let i = 0; i < left.length; i++) {
      const { item, rank } = left[i]!;
      const score =
        rank +
        4 * (seen.sub.get(item.subcategory) ?? 0) +
        2 * (seen.brand.get(item.brand) ?? 0) +
        2 * (seen.color.get(item.colors[0]?.name ?? "") ?? 0);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const [{ item }] = left.splice(best, 1) as [{ item: T; rank: number }];
    out.push(item);
    seen.sub.set(item.subcategory, (seen.sub.get(item.subcategory) ?? 0) + 1);
    seen.brand.set(item.brand, (seen.brand.get(item.brand) ?? 0) + 1);
    seen.color.set(item.colors[0]?.name ?? "", (seen.color.get(item.colors[0]?.name ?? "") ?? 0) + 1);
  }
  return out;
}

export function encodeCursor(offset: number): string {
  return btoa(JSON.stringify({ o: offset })).replace(/=+$/, "");
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(atob(cursor)) as { o: unknown };
    return typeof o === "number" && Number.isInteger(o) && o >= 0 && o <= 10_000 ? o : 0;
  } catch {
    return 0;
  }
}

/**
 * An FTS5 prefilter for the tag-like filters (style, TPO, color): the tags column holds
 * them, so FTS narrows 10,000 rows to a few hundred before the exact JSON checks in SQL
 * (which stay the authority: a phrase could also match a material or fit name).
 */
function tagPrefilter(f: SearchFilters): string | null {
  const groups: string[] = [];
  for (const values of [f.styles, f.tpos, f.colors]) {
    const phrases = (values ?? []).map((v) => ftsPhrase(v)).filter((p): p is string => p !== null);
    if (phrases.length) groups.push(`{tags} : (${phrases.join(" OR ")})`);
  }
  return groups.length ? groups.join(" AND ") : null;
}

async function run(db: D1Database, f: SearchFilters, match: string | null, ranked: boolean, offset: number, limit: number) {
  const where = whereClause(f);
  const firstBlock = Math.floor(offset / BLOCK) * BLOCK;
  const lastBlockEnd = Math.ceil((offset + limit) / BLOCK) * BLOCK;
  // The matches are scored once in a materialized CTE (bm25 weights: product_id 0, name 4,
  // tags 3, description 1), and CROSS JOIN keeps them the outer loop: SQLite would otherwise
  // walk products in id order and probe the index once per row.
  const cte = match ? "with m as materialized (select product_id, bm25(products_fts, 0, 4, 3, 1) as score from products_fts where products_fts match ?) " : "";
  const from = match ? "m cross join products p on p.id = m.product_id" : "products p";
  const params = [...(match ? [match] : []), ...where.params];
  const whereSql = where.sql.length ? `where ${where.sql.join(" and ")}` : "";
  // Without a text query, newest first (ids grow with time) keeps browsing stable.
  const order = ranked ? "m.score, p.id" : "p.id desc";
  // One pass over the matches: the window count rides along with the page.
  const rows = await db
    .prepare(`${cte}select ${COLUMNS}, count(*) over () as total from ${from} ${whereSql} order by ${order} limit ? offset ?`)
    .bind(...params, lastBlockEnd - firstBlock, firstBlock)
    .all<Row & { total: number }>();
  let total = rows.results[0]?.total;
  if (total === undefined) {
    // Past the last page (or nothing matched): count separately.
    total = (await db.prepare(`${cte}select count(*) as n from ${from} ${whereSql}`).bind(...params).first<{ n: number }>())?.n ?? 0;
  }
  const candidates = rows.results.map(toRecord);
  const diversified: ProductRecord[] = [];
  for (let i = 0; i < candidates.length; i += BLOCK) diversified.push(...diversify(candidates.slice(i, i + BLOCK)));
  return { products: diversified.slice(offset - firstBlock, offset - firstBlock + limit), total };
}

export async function searchProducts(db: D1Database, f: SearchFilters, page: { limit: number; cursor?: string }): Promise<SearchPage> {
  const offset = decodeCursor(page.cursor);
  const tags = tagPrefilter(f);
  const strict = f.q ? matchExpression(f.q) : null;
  const both = (text: string | null) => [text && `(${text})`, tags].filter(Boolean).join(" AND ") || null;
  let result = await run(db, f, both(strict), strict !== null, offset, page.limit);
  // Nothing has every word: rank by how many of the words match instead.
  if (strict && result.total === 0) result = await run(db, f, both(matchExpression(f.q!, { any: true })), true, offset, page.limit);
  const next = offset + result.products.length;
  return { products: result.products, total: result.total, nextCursor: next < result.total && result.products.length > 0 ? encodeCursor(next) : null };
}
