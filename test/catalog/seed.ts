// Puts the demo catalog (the real generator, fewer products) into the test D1.
import { env } from "cloudflare:workers";
import { generateCatalog, type GeneratedProduct } from "../../scripts/catalog/generate.ts";
import { imageKeyFor, productStatements } from "../../worker/catalog/store.ts";

export async function seedCatalog(count = 600): Promise<GeneratedProduct[]> {
  const products = generateCatalog(count);
  const statements = products.flatMap(({ image: _image, ...row }) => productStatements(env.DB, row, imageKeyFor(row.product_id), "demo"));
  for (let i = 0; i < statements.length; i += 300) await env.DB.batch(statements.slice(i, i + 300));
  return products;
}
