// Writes products to a deployment's bindings (local or remote): the garment image to R2
// (rendered or read only when its version changed), the rows and search documents to D1 in
// batches, and the KV cache entries of written products dropped so readers see new data.
// R2 and KV are listed once up front rather than asked once per product.
import { createHash } from "node:crypto";
import type { ProductRow } from "../../worker/catalog/product-row.ts";
import { imageKeyFor, productCacheKey, productStatements } from "../../worker/catalog/store.ts";

export type CatalogBindings = { DB: D1Database; IMAGES: R2Bucket; PRODUCTS: KVNamespace };
export type ContentType = "image/png" | "image/jpeg" | "image/webp";
/** `version` identifies the image's content (a hash of its source); `bytes` makes it on demand. */
export type ProductWithImage = { row: ProductRow; image: { version: string; contentType: ContentType; bytes: () => Uint8Array } };

const BATCH = 25; // products per D1 batch (3 statements each)

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

async function storedVersions(images: R2Bucket): Promise<Map<string, string | undefined>> {
  const versions = new Map<string, string | undefined>();
  let cursor: string | undefined;
  do {
    const page = await images.list({ prefix: "catalog/", cursor, include: ["customMetadata"] } as R2ListOptions);
    for (const o of page.objects) versions.set(o.key, o.customMetadata?.version);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return versions;
}

async function cachedKeys(kv: KVNamespace): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await kv.list({ prefix: "product_id:", cursor });
    for (const k of page.keys) keys.add(k.name);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return keys;
}

export async function writeProducts(
  env: CatalogBindings,
  items: ProductWithImage[],
  source: "demo" | "import",
  onProgress?: (done: number, uploaded: number) => void,
): Promise<{ written: number; uploaded: number }> {
  const [versions, cached] = await Promise.all([storedVersions(env.IMAGES), cachedKeys(env.PRODUCTS)]);
  let uploaded = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const slice = items.slice(i, i + BATCH);
    const statements: D1PreparedStatement[] = [];
    const puts: Promise<unknown>[] = [];
    for (const { row, image } of slice) {
      const key = imageKeyFor(row.product_id, image.contentType);
      if (versions.get(key) !== image.version) {
        puts.push(
          env.IMAGES.put(key, image.bytes(), {
            httpMetadata: { contentType: image.contentType, cacheControl: "public, max-age=86400" },
            customMetadata: { version: image.version },
          }),
        );
      }
      statements.push(...productStatements(env.DB, row, key, source));
    }
    // The uploads of a batch go in parallel, alongside its D1 batch.
    await Promise.all([...puts, env.DB.batch(statements)]);
    uploaded += puts.length;
    const stale = slice.map(({ row }) => productCacheKey(row.product_id)).filter((k) => cached.has(k));
    await Promise.all(stale.map((k) => env.PRODUCTS.delete(k)));
    onProgress?.(Math.min(i + BATCH, items.length), uploaded);
  }
  return { written: items.length, uploaded };
}
