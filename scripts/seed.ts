// Seeds the local D1, R2 and KV (the same .wrangler/state the dev server uses) with the demo
// catalog, its garment images and the knowledge base. Idempotent: each part carries a
// content hash in the `meta` table, and an unchanged part is skipped; images are uploaded
// only when their bytes changed; changed products are dropped from the KV cache.
//   node scripts/seed.ts [--count 2400] [--force]
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import type { ProductRow } from "../worker/catalog/product-row.ts";
import { imageKeyFor, productCacheKey, productStatements } from "../worker/catalog/store.ts";
import { parseKnowledgeFile, passageStatements, type Passage } from "../worker/knowledge/passages.ts";
import { generateCatalog } from "./catalog/generate.ts";
import { renderGarmentPng } from "./catalog/render.ts";

const { values: args } = parseArgs({ options: { count: { type: "string", default: "2400" }, force: { type: "boolean", default: false } } });
const BATCH = 25; // products per D1 batch (3 statements each)

type SeedEnv = { DB: D1Database; IMAGES: R2Bucket; PRODUCTS: KVNamespace };

const sha = (value: unknown) => createHash("sha256").update(typeof value === "string" ? value : JSON.stringify(value)).digest("hex");

async function metaValue(db: D1Database, key: string) {
  return (await db.prepare("select value from meta where key = ?").bind(key).first<{ value: string }>())?.value;
}

function setMeta(db: D1Database, key: string, value: string) {
  return db.prepare("insert into meta (key, value) values (?1, ?2) on conflict (key) do update set value = ?2, updated_at = unixepoch('subsec') * 1000").bind(key, value);
}

async function seedCatalog(env: SeedEnv, count: number, force: boolean) {
  const products = generateCatalog(count);
  const version = sha(products);
  if (!force && (await metaValue(env.DB, "catalog:demo")) === version) {
    console.log(`catalog: ${products.length} demo products already seeded`);
    return;
  }
  const started = Date.now();
  let uploaded = 0;
  for (let i = 0; i < products.length; i += BATCH) {
    const slice = products.slice(i, i + BATCH);
    const statements: D1PreparedStatement[] = [];
    for (const { image, ...row } of slice) {
      const key = imageKeyFor(row.product_id);
      const png = renderGarmentPng(image);
      const hash = sha(png);
      const existing = await env.IMAGES.head(key);
      if (existing?.customMetadata?.sha256 !== hash) {
        await env.IMAGES.put(key, png, { httpMetadata: { contentType: "image/png", cacheControl: "public, max-age=86400" }, customMetadata: { sha256: hash } });
        uploaded++;
      }
      statements.push(...productStatements(env.DB, row as ProductRow, key, "demo"));
    }
    await env.DB.batch(statements);
    await Promise.all(slice.map((p) => env.PRODUCTS.delete(productCacheKey(p.product_id))));
    process.stdout.write(`\rcatalog: ${Math.min(i + BATCH, products.length)}/${products.length} products, ${uploaded} images uploaded`);
  }
  // Demo products that a newer generator no longer makes go away (imported ones stay).
  const ids = JSON.stringify(products.map((p) => p.product_id));
  const stale = await env.DB.prepare("select id from products where source = 'demo' and id not in (select value from json_each(?))").bind(ids).all<{ id: string }>();
  await env.DB.batch([
    env.DB.prepare("delete from products_fts where product_id in (select id from products where source = 'demo' and id not in (select value from json_each(?)))").bind(ids),
    env.DB.prepare("delete from products where source = 'demo' and id not in (select value from json_each(?))").bind(ids),
    setMeta(env.DB, "catalog:demo", version),
  ]);
  await Promise.all(stale.results.map((r) => env.PRODUCTS.delete(productCacheKey(r.id))));
  console.log(`\ncatalog: seeded ${products.length} products (${stale.results.length} stale removed) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seedKnowledge(env: SeedEnv, dir: string, force: boolean) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
  const passages: Passage[] = files.flatMap((f) => parseKnowledgeFile(f, readFileSync(join(dir, f), "utf8")));
  const version = sha(passages);
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

const proxy = await getPlatformProxy<SeedEnv>({ configPath: "wrangler.toml", persist: true, remoteBindings: false, envFiles: [] });
try {
  await seedCatalog(proxy.env, Number(args.count), args.force);
  await seedKnowledge(proxy.env, "data/knowledge", args.force);
} finally {
  await proxy.dispose();
}
