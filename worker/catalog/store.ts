// Writing catalog products to D1: the row itself and its full-text document, as prepared
// statements so callers batch them (the seed script, the import command, tests). Uses the
// raw D1 API, which Wrangler's platform proxy also offers to Node scripts.
import type { ProductRow } from "./product-row.ts";
import { productFacets } from "./facets.ts";
import { indexText } from "./tokens.ts";
import { CATEGORIES, COLORS, PATTERNS, SEASONS, STYLE_TAGS, SUBCATEGORIES, TPO_TAGS } from "./vocabulary.ts";

const COLOR_EN = new Map<string, string>(Object.values(COLORS).map((c) => [c.ko, c.en]));

/** The FTS columns of a product: name (brand, kind), tags and description (weighted for
 * relevance), and the exact facet tokens used for filtering. */
export function productSearchDocument(p: ProductRow) {
  const sub = SUBCATEGORIES[p.subcategory];
  const category = CATEGORIES[sub.category];
  return {
    name: indexText(p.name_ko, p.name_en, p.brand, sub.ko, sub.en, category.ko, category.en),
    tags: indexText(
      p.style_tags,
      p.style_tags.map((t) => STYLE_TAGS[t]),
      p.tpo_tags,
      p.tpo_tags.map((t) => TPO_TAGS[t]),
      p.colors.map((c) => `${c.name} ${COLOR_EN.get(c.name) ?? ""}`),
      PATTERNS[p.pattern].ko,
      PATTERNS[p.pattern].en,
      p.material,
      p.fit,
      p.seasons,
      p.seasons.map((s) => SEASONS[s]),
    ),
    body: indexText(p.comprehensive_description, p.comprehensive_description_en),
    facets: productFacets({ ...p, category: sub.category }),
  };
}

export function imageKeyFor(productId: string, contentType = "image/png"): string {
  return `catalog/${productId}.${contentType === "image/jpeg" ? "jpg" : contentType === "image/webp" ? "webp" : "png"}`;
}

/** Upsert a product and replace its search document (under the product's rowid). */
export function productStatements(db: D1Database, p: ProductRow, imageKey: string, source: "demo" | "import"): D1PreparedStatement[] {
  const doc = productSearchDocument(p);
  const category = SUBCATEGORIES[p.subcategory].category;
  return [
    db
      .prepare(
        `insert into products (id, name_ko, name_en, brand, gender, category, subcategory, colors, pattern, material, fit, seasons, price, style_tags, tpo_tags, description_ko, description_en, image_key, source)
         values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
         on conflict (id) do update set name_ko = ?2, name_en = ?3, brand = ?4, gender = ?5, category = ?6, subcategory = ?7, colors = ?8,
           pattern = ?9, material = ?10, fit = ?11, seasons = ?12, price = ?13, style_tags = ?14, tpo_tags = ?15, description_ko = ?16,
           description_en = ?17, image_key = ?18, source = ?19, updated_at = unixepoch('subsec') * 1000`,
      )
      .bind(
        p.product_id, p.name_ko, p.name_en, p.brand, p.gender, category, p.subcategory, JSON.stringify(p.colors), p.pattern, p.material, p.fit,
        JSON.stringify(p.seasons), p.price, JSON.stringify(p.style_tags), JSON.stringify(p.tpo_tags), p.comprehensive_description,
        p.comprehensive_description_en, imageKey, source,
      ),
    // The search document's rowid is the product's (kept by the upsert above): searches join
    // the index's rowids to products without reading the document's stored product_id
    // (migrations/0006_fts_rowids.sql), and this delete is a lookup rather than a scan.
    db.prepare("delete from products_fts where rowid = (select rowid from products where id = ?)").bind(p.product_id),
    db
      .prepare("insert into products_fts (rowid, product_id, name, tags, body, facets) values ((select rowid from products where id = ?1), ?1, ?2, ?3, ?4, ?5)")
      .bind(p.product_id, doc.name, doc.tags, doc.body, doc.facets),
  ];
}

/** The KV cache key of a product (the seed's `product_id:{id}`). */
export const productCacheKey = (id: string) => `product_id:${id}`;
