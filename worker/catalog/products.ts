// Reading products: the public JSON shape (the seed's product fields plus image, price and
// colors) and a read-through KV cache under the seed's key `product_id:{id}`.
import { record } from "../metrics/record.ts";
import { productCacheKey } from "./store.ts";
import { toRecord, type ProductRecord } from "./search.ts";
import { CATEGORIES, STYLE_TAGS, SUBCATEGORIES, TPO_TAGS } from "./vocabulary.ts";

const CACHE_TTL_SECONDS = 24 * 60 * 60;
const PRODUCT_COLUMNS = "id, name_ko, name_en, brand, gender, category, subcategory, colors, pattern, material, fit, seasons, price, style_tags, tpo_tags, description_ko, description_en, image_key";

export const imageUrlFor = (imageKey: string) => `/api/images/${imageKey}`;

export function publicProduct(p: ProductRecord) {
  const image = imageUrlFor(p.image_key);
  return {
    product_id: p.id,
    product_name: p.name_ko,
    product_name_en: p.name_en,
    brand: p.brand,
    comprehensive_description: p.description_ko,
    comprehensive_description_en: p.description_en,
    style_tags: p.style_tags,
    style_tags_en: p.style_tags.map((t) => STYLE_TAGS[t] ?? t),
    tpo_tags: p.tpo_tags,
    tpo_tags_en: p.tpo_tags.map((t) => TPO_TAGS[t] ?? t),
    image_url: image,
    product_url: image,
    price: p.price,
    currency: "KRW" as const,
    colors: p.colors,
    gender: p.gender,
    category: p.category,
    category_name: CATEGORIES[p.category],
    subcategory: p.subcategory,
    subcategory_name: { ko: SUBCATEGORIES[p.subcategory]?.ko ?? p.subcategory, en: SUBCATEGORIES[p.subcategory]?.en ?? p.subcategory },
    pattern: p.pattern,
    material: p.material,
    fit: p.fit,
    seasons: p.seasons,
  };
}

export type PublicProduct = ReturnType<typeof publicProduct>;

/** One product by id: KV first, then D1 (and fill KV); null when the catalog has no such id. */
export async function getProduct(env: Pick<Env, "DB" | "PRODUCTS" | "METRICS">, id: string, ctx?: Pick<ExecutionContext, "waitUntil">): Promise<PublicProduct | null> {
  return (await getProducts(env, [id], ctx))[0] ?? null;
}

/**
 * Several products by id (at most 100), in the order asked (an unknown id is left out): one
 * bulk KV read, then the ones KV did not have in a single D1 query (one round trip however
 * many) and KV filled with them (after the answer when `ctx` is given).
 */
export async function getProducts(env: Pick<Env, "DB" | "PRODUCTS" | "METRICS">, ids: readonly string[], ctx?: Pick<ExecutionContext, "waitUntil">): Promise<PublicProduct[]> {
  const started = Date.now();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = new Map<string, PublicProduct>();
  // KV's bulk read (up to 100 keys): one call for them all.
  const cached = await env.PRODUCTS.get<PublicProduct>(unique.map(productCacheKey), "json");
  unique.forEach((id) => {
    const hit = cached.get(productCacheKey(id));
    if (hit) found.set(id, hit);
  });
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) {
    const { results } = await env.DB.prepare(`select ${PRODUCT_COLUMNS} from products where id in (${missing.map(() => "?").join(", ")})`)
      .bind(...missing)
      .all();
    const fills = results.map((row) => {
      const product = publicProduct(toRecord(row as Parameters<typeof toRecord>[0]));
      found.set(product.product_id, product);
      return env.PRODUCTS.put(productCacheKey(product.product_id), JSON.stringify(product), { expirationTtl: CACHE_TTL_SECONDS });
    });
    const filled = Promise.all(fills);
    if (ctx) ctx.waitUntil(filled);
    else await filled;
  }
  const ms = Date.now() - started;
  for (const id of unique) record(env, { kind: "product_lookup", cache: missing.includes(id) ? "miss" : "hit", found: found.has(id) ? "yes" : "no", ms });
  return ids.flatMap((id) => found.get(id) ?? []);
}
