// The chat benchmarks' data: a generated catalog of `products` and the knowledge passages
// (data/knowledge), written to the app's D1 the way the seed script lays them out.
import { readdirSync, readFileSync } from "node:fs";
import { generateCatalog } from "../scripts/catalog/generate.ts";
import { imageKeyFor, productStatements } from "../worker/catalog/store.ts";
import { parseKnowledgeFile, passageStatements } from "../worker/knowledge/passages.ts";

export async function seed(db: D1Database, products: number) {
  const rows = generateCatalog(products);
  for (let i = 0; i < rows.length; i += 50) {
    await db.batch(rows.slice(i, i + 50).flatMap(({ image: _image, ...row }) => productStatements(db, row, imageKeyFor(row.product_id), "demo")));
  }
  const passages = readdirSync("data/knowledge")
    .filter((f) => f.endsWith(".md"))
    .flatMap((f) => parseKnowledgeFile(f, readFileSync(`data/knowledge/${f}`, "utf8")));
  for (let i = 0; i < passages.length; i += 30) await db.batch(passages.slice(i, i + 30).flatMap((p) => passageStatements(db, p)));
}
