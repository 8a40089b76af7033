// Writes products to a deployment's bindings (local or remote): the garment image to R2
// (only when its bytes changed), the rows and search documents to D1 in batches, and the
// KV cache entries of every written product dropped so readers see the new data.
import { createHash } from "node:crypto";
import type { ProductRow } from "../../worker/catalog/product-row.ts";
import { imageKeyFor, productCacheKey, productStatements } from "../../worker/catalog/store.ts";

export type CatalogBindings = { DB: D1Database; IMAGES: R2Bucket; PRODUCTS: KVNamespace };
export type ProductWithImage = { row: ProductRow; image: Uint8Array; contentType: "image/png" | "image/jpeg" | "image/webp" };

const BATCH = 25; // products per D1 batch (3 statements each)

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

export async function writeProducts(
  env: CatalogBindings,
  items: ProductWithImage[],
  source: "demo" | "import",
  onProgress?: (done: number, uploaded: number) => void,
): Promise<{ written: number; uploaded: number }> {
  let uploaded = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const slice = items.slice(i, i + BATCH);
    const statements: D1PreparedStatement[] = [];
    for (const { row, image, contentType } of slice) {
      const key = imageKeyFor(row.product_id, contentType);
      const hash = sha256(image);
      const existing = await env.IMAGES.head(key);
      if (existing?.customMetadata?.sha256 !== hash) {
        await env.IMAGES.put(key, image, { httpMetadata: { contentType, cacheControl: "public, max-age=86400" }, customMetadata: { sha256: hash } });
        uploaded++;
      }
      statements.push(...productStatements(env.DB, row, key, source));
    }
    await env.DB.batch(statements);
    await Promise.all(slice.map(({ row }) => env.PRODUCTS.delete(productCacheKey(row.product_id))));
    onProgress?.(Math.min(i + BATCH, items.length), uploaded);
  }
  return { written: items.length, uploaded };
}
