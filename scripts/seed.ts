// Seeds the local D1, R2 and KV (the same .wrangler/state the dev server uses) with the demo
// catalog, its garment images and the knowledge base. Idempotent: each part carries a
// content hash in the `meta` table, and an unchanged part is skipped; images are uploaded
// only when their bytes changed; changed products are dropped from the KV cache.
//   node scripts/seed.ts [--count 2400] [--force]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { ProductRow } from "../worker/catalog/product-row.ts";
import { productCacheKey } from "../worker/catalog/store.ts";
import { parseKnowledgeFile, passageStatements, type Passage } from "../worker/knowledge/passages.ts";
import { generateCatalog } from "./catalog/generate.ts";
import { openBindings } from "./catalog/bindings.ts";
import { garmentSource, renderSvgPng } from "./catalog/render.ts";
import { sha256, writeProducts, type CatalogBindings } from "./catalog/write.ts";

const { values: args } = parseArgs({ options: { count: { type: "string", default: "2400" }, force: { type: "boolean", default: false } } });

async function metaValue(db: D1Database, key: string) {
  return (await db.prepare("select value from meta where key = ?").bind(key).first<{ value: string }>())?.value;
}

function setMeta(db: D1Database, key: string, value: string) {
  return db.prepare("insert into meta (key, value) values (?1, ?2) on conflict (key) do update set value = ?2, updated_at = unixepoch('subsec') * 1000").bind(key, value);
}

async function seedCatalog(env: CatalogBindings, count: number, force: boolean) {
  const products = generateCatalog(count);
  const svgs = products.map((p) => garmentSource(p.image));
  // The drawings are part of the version: a change to them re-renders the changed images.
  const version = sha256(JSON.stringify(products) + sha256(svgs.join("")));
  if (!force && (await metaValue(env.DB, "catalog:demo")) === version) {
    console.log(`catalog: ${products.length} demo products already seeded`);
    return;
  }
  const started = Date.now();
  const items = products.map(({ image: _spec, ...row }, i) => ({
    row: row as ProductRow,
    image: { version: sha256(svgs[i]!), contentType: "image/png" as const, bytes: () => renderSvgPng(svgs[i]!) },
  }));
  const { uploaded } = await writeProducts(env, items, "demo", (done, up) =>
    process.stdout.write(`\rcatalog: ${done}/${products.length} products, ${up} images uploaded`),
  );
  // Demo products that a newer generator no longer makes go away (imported ones stay).
  const ids = JSON.stringify(products.map((p) => p.product_id));
  const stale = await env.DB.prepare("select id from products where source = 'demo' and id not in (select value from json_each(?))").bind(ids).all<{ id: string }>();
  await env.DB.batch([
    env.DB.prepare("delete from products_fts where rowid in (select rowid from products where source = 'demo' and id not in (select value from json_each(?)))").bind(ids),
    env.DB.prepare("delete from products where source = 'demo' and id not in (select value from json_each(?))").bind(ids),
    setMeta(env.DB, "catalog:demo", version),
  ]);
  await Promise.all(stale.results.map((r) => env.PRODUCTS.delete(productCacheKey(r.id))));
  console.log(`\ncatalog: seeded ${products.length} products (${uploaded} images uploaded, ${stale.results.length} stale removed) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seedKnowledge(env: CatalogBindings, dir: string, force: boolean) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
  const passages: Passage[] = files.flatMap((f) => parseKnowledgeFile(f, readFileSync(join(dir, f), "utf8")));
  const version = sha256(JSON.stringify(passages));
  if (!force && (await metaValue(env.DB, "knowledge")) === version) {
    console.log(`knowledge: ${passages.length} passages already seeded`);
    return;
  }
  const ids = JSON.stringify(passages.map((p) => p.id));
  await env.DB.batch([
    env.DB.prepare("delete from knowledge_fts where passage_id not in (select value from json_each(?))").bind(ids),
    env.DB.prepare("delete from knowledge_passages where id not in (select value from json_each(?))").bind(ids),
  ]);
  for (let i = 0; i < passages.length; i += 30) {
    await env.DB.batch(passages.slice(i, i + 30).flatMap((p) => passageStatements(env.DB, p)));
  }
  await setMeta(env.DB, "knowledge", version).run();
  console.log(`knowledge: seeded ${passages.length} passages from ${files.length} files`);
}

const bindings = await openBindings({});
try {
  await seedCatalog(bindings.env, Number(args.count), args.force);
  await seedKnowledge(bindings.env, "data/knowledge", args.force);
} finally {
  await bindings.close();
}
