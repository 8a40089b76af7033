// Catalog search over D1: FTS5 relevance (bm25 over name, tags and description, see
// tokens.ts) plus hard filters — category, gender, colors, style and TPO tags, season,
// price range, and exclusions such as "no skirts" or "no suede in the rain" — then a
// variety pass so a page is not ten near-identical items. Filters are SQL, never hints.
import { type Category, type Season, type StyleTag, type Subcategory, type TpoTag } from "./vocabulary.ts";
import { facet } from "./facets.ts";
import { matchExpression } from "./tokens.ts";

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

/**
 * The structured filters as an FTS5 expression over the exact facet tokens (facets.ts): every
 * filter must hold (AND), any of its values will do (OR), exclusions are NOT. Every product
 * carries the token `all`, the left side for a search that only excludes.
 */
export function facetMatch(f: SearchFilters): string | null {
  const groups: string[] = [];
  const anyOf = (tokens: (string | null)[]) => {
    const t = [...new Set(tokens.filter((x): x is string => x !== null))];
    groups.push(t.length === 0 ? "none" : t.length === 1 ? t[0]! : `(${t.join(" OR ")})`);
  };
  if (f.categories?.length) anyOf(f.categories.map(facet.category));
  if (f.subcategories?.length) anyOf(f.subcategories.map(facet.subcategory));
  if (f.gender) anyOf([facet.gender(f.gender), facet.gender("any")]);
  if (f.season) anyOf([facet.season(f.season)]);
  if (f.styles?.length) anyOf(f.styles.map(facet.style));
  if (f.tpos?.length) anyOf(f.tpos.map(facet.tpo));
  if (f.colors?.length) anyOf(f.colors.map(facet.color));
  const excluded = [
    ...(f.excludeSubcategories ?? []).map(facet.subcategory),
    ...(f.excludeMaterials ?? []).map(facet.material),
    ...(f.excludeColors ?? []).map(facet.mainColor),
  ];
  if (groups.length === 0 && excluded.length === 0) return null;
  const positive = groups.length ? groups.join(" AND ") : facet.all;
  const expr = excluded.length ? `(${positive}) NOT (${excluded.join(" OR ")})` : positive;
  return `{facets} : (${expr})`;
}

/** Filters the index cannot answer: checked in SQL on the products the index found. */
function productClause(f: SearchFilters): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.excludeIds?.length) {
    sql.push("p.id not in (select value from json_each(?))");
    params.push(JSON.stringify(f.excludeIds));
  }
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
 * One page of matches: ids with their scores from the index, then their rows. `exact: false`
 * asks no count where it would cost a second walk of the index: `total` is then the number of
 * matches when they all fit in the blocks read, and null when there are more.
 */
async function run(db: D1Database, f: SearchFilters, match: string | null, ranked: boolean, offset: number, limit: number, exact = true) {
  const product = productClause(f);
  const firstBlock = Math.floor(offset / BLOCK) * BLOCK;
  const span = Math.ceil((offset + limit) / BLOCK) * BLOCK - firstBlock;
  let rows: (Row & { total?: number })[];
  let total: number | null | undefined;

  if (match && product.sql.length === 0) {
    // The index answers alone: rank (bm25: name 4, tags 3, description 1) or newest first
    // over the index, then join just the page's rows to products; the count rides in the
    // same batch, so the whole search is one round trip to D1 (a search that needs no exact
    // count, the planner's, skips that second walk of the index).
    // (FTS5 walks `rowid desc` natively; a computed key would sort every match.) A document's
    // rowid is its product's (catalog/store.ts): the matches are joined by rowid, never by the
    // document's stored product_id, whose read costs a content lookup for every match.
    const inner = ranked ? "bm25(products_fts, 0, 4, 3, 1, 0) as s from products_fts where products_fts match ?1 order by s" : "-rowid as s from products_fts where products_fts match ?1 order by rowid desc";
    const page = db
      .prepare(`select ${COLUMNS} from (select rowid as r, ${inner} limit ?2 offset ?3) m cross join products p on p.rowid = m.r order by m.s`)
      .bind(match, span, firstBlock);
    if (exact) {
      const [found, count] = await db.batch<Row | { n: number }>([page, db.prepare("select count(*) as n from products_fts where products_fts match ?").bind(match)]);
      rows = found!.results as Row[];
      total = (count!.results[0] as { n: number }).n;
    } else {
      rows = (await page.all<Row>()).results;
      total = rows.length < span ? firstBlock + rows.length : null;
    }
  } else {
    // Price or id filters live in products (or nothing is asked: browsing). The index's
    // matches, scored once in a materialized CTE, are joined to products by rowid, or every
    // product is read; the sort and the count see narrow rows (the rowid and the sort keys)
    // and only the page's rows are read whole, after the limit. (Whole rows in a window
    // `count(*) over ()` were buffered and sorted: 85 ms to browse 10,000 products, 20 ms for
    // a text search with a price range; a count in a subquery joined every match again.)
    // The count of matches is a window over the narrow rows; when browsing, a count of
    // products, which SQLite answers from an index.
    const cte = match ? "with m as materialized (select rowid as r, bm25(products_fts, 0, 4, 3, 1, 0) as score from products_fts where products_fts match ?) " : "";
    const from = match ? "m cross join products p on p.rowid = m.r" : "products p";
    const whereSql = product.sql.length ? `where ${product.sql.join(" and ")}` : "";
    // Browsing everything: the catalog is stored category by category, so a fixed
    // multiplicative hash of the rowid deals the kinds out evenly instead.
    const [keys, order, outer] = match
      ? ranked
        ? ["m.score as k1, p.id as k2", "m.score, p.id", "h.k1, h.k2"]
        : ["m.r as k1", "m.r desc", "h.k1 desc"]
      : ["(p.rowid * 2654435761) % 1000003 as k1", "(p.rowid * 2654435761) % 1000003", "h.k1"];
    const count = match ? "count(*) over ()" : `(select count(*) from products p ${whereSql})`;
    const params = match ? [match, ...product.params] : [...product.params, ...product.params];
    rows = (
      await db
        .prepare(
          `${cte}select ${COLUMNS}, h.total
           from (select p.rowid as pr, ${keys}, ${count} as total from ${from} ${whereSql} order by ${order} limit ? offset ?) h
           cross join products p on p.rowid = h.pr order by ${outer}`,
        )
        .bind(...params, span, firstBlock)
        .all<Row & { total: number }>()
    ).results;
    total = rows[0]?.total;
    // No row on the first page means no match at all; past it, the count needs asking.
    if (total === undefined) {
      const counted = firstBlock === 0 ? null : await db.prepare(`${cte}select count(*) as n from ${from} ${whereSql}`).bind(...(match ? [match] : []), ...product.params).first<{ n: number }>();
      total = counted?.n ?? 0;
    }
  }

  const candidates = rows.map(toRecord);
  const diversified: ProductRecord[] = [];
  for (let i = 0; i < candidates.length; i += BLOCK) diversified.push(...diversify(candidates.slice(i, i + BLOCK)));
  return { products: diversified.slice(offset - firstBlock, offset - firstBlock + limit), total };
}

/** Every word must match; when nothing has every word, matches are ranked by how many of the words they have. */
async function matchWords(db: D1Database, f: SearchFilters, offset: number, limit: number, exact: boolean) {
  const facets = facetMatch(f);
  const strict = f.q ? matchExpression(f.q) : null;
  const both = (text: string | null) => [text && `(${text})`, facets].filter(Boolean).join(" AND ") || null;
  const result = await run(db, f, both(strict), strict !== null, offset, limit, exact);
  return strict && result.total === 0 ? run(db, f, both(matchExpression(f.q!, { any: true })), true, offset, limit, exact) : result;
}

export async function searchProducts(db: D1Database, f: SearchFilters, page: { limit: number; cursor?: string }): Promise<SearchPage> {
  const offset = decodeCursor(page.cursor);
  const result = await matchWords(db, f, offset, page.limit, true);
  const total = result.total ?? 0; // counted (exact)
  const next = offset + result.products.length;
  return { products: result.products, total, nextCursor: next < total && result.products.length > 0 ? encodeCursor(next) : null };
}

/**
 * The first `limit` matches in the order searchProducts gives them, and whether they are every
 * match there is, without counting the rest (the planner's candidates, chat/candidates.ts).
 */
export async function searchCandidates(db: D1Database, f: SearchFilters, limit: number): Promise<{ products: ProductRecord[]; all: boolean }> {
  const { products, total } = await matchWords(db, f, 0, limit, false);
  return { products, all: total !== null && products.length >= total };
}
