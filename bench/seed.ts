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

/** What the benches' users ask the stylists (a mix of occasions, in Korean and English). */
export const QUESTIONS = [
  "다음 주 IT 회사 면접인데 뭐 입으면 좋을까요? 예산은 30만원이에요",
  "What should I wear for a first date this weekend?",
  "친구 결혼식 하객룩 추천해 주세요",
  "출근룩으로 입을 슬랙스랑 셔츠 골라 주세요",
  "A smart casual outfit for a team dinner in autumn",
  "여행 갈 때 편하게 입을 옷",
];
