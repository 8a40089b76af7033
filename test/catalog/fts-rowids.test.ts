// A product's search document lives under the product's own rowid (worker/catalog/store.ts),
// so searches join the index to products by rowid (worker/catalog/search.ts). Writing a
// product keeps one document under that rowid, and migrations/0006_fts_rowids.sql moves the
// documents of a database written before (rowids of their own, a product indexed twice, a
// document whose product is gone) under their products' rowids.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { migrationNamed, runMigration } from "../db/migrations";
import { generateCatalog } from "../../scripts/catalog/generate.ts";
import { searchProducts } from "../../worker/catalog/search";
import { imageKeyFor, productSearchDocument, productStatements } from "../../worker/catalog/store.ts";

const products = generateCatalog(40).map(({ image: _image, ...row }) => row);

async function write(rows: typeof products) {
  await env.DB.batch(rows.flatMap((row) => productStatements(env.DB, row, imageKeyFor(row.product_id), "demo")));
}

/** Each document with its rowid and its product's (null: no such product). */
async function documents() {
  const { results } = await env.DB.prepare("select f.rowid as doc, f.product_id, p.rowid as product from products_fts f left join products p on p.id = f.product_id order by f.rowid").all<{
    doc: number;
    product_id: string;
    product: number | null;
  }>();
  return results;
}

const found = async (q: string) => (await searchProducts(env.DB, { q }, { limit: 50 })).products.map((p) => p.id);

describe("search documents under their products' rowids", () => {
  it("writes one document per product, under its rowid, and keeps it there when the product is written again", async () => {
    await write(products);
    const before = await documents();
    expect(before).toHaveLength(products.length);
    for (const d of before) expect(d.doc).toBe(d.product);

    const renamed = { ...products[7]!, name_ko: "벚꽃빛 특별한 재킷", name_en: "Rainbow special jacket" };
    await write([renamed]);
    const after = await documents();
    expect(after).toHaveLength(products.length);
    for (const d of after) expect(d.doc).toBe(d.product);
    expect(await found("벚꽃빛")).toEqual([renamed.product_id]);
    expect(await found("rainbow jacket")).toEqual([renamed.product_id]);
  });

  it("moves an older database's documents under their products' rowids (migration 0006)", async () => {
    await write(products);
    // As an older database has them: the documents under rowids of their own, one product
    // indexed twice (its older document first) and a document whose product was removed.
    const docs = products.map((row) => ({ id: row.product_id, ...productSearchDocument(row) }));
    const insert = (rowid: number, d: (typeof docs)[number]) =>
      env.DB.prepare("insert into products_fts (rowid, product_id, name, tags, body, facets) values (?, ?, ?, ?, ?, ?)").bind(rowid, d.id, d.name, d.tags, d.body, d.facets);
    const stale = { ...docs[3]!, name: "낡은 이름" };
    const orphan = { ...docs[5]!, id: "99999999" };
    await env.DB.batch([
      env.DB.prepare("delete from products_fts"),
      insert(500, stale),
      ...docs.map((d, i) => insert(1000 + 3 * (docs.length - i), d)),
      insert(5000, orphan),
    ]);
    expect((await documents()).filter((d) => d.doc === d.product)).toHaveLength(0);

    const migration = migrationNamed("0006_");
    expect(migration?.name).toBe("0006_fts_rowids.sql");
    await runMigration(migration!);

    const after = await documents();
    expect(after).toHaveLength(products.length);
    for (const d of after) expect(d.doc).toBe(d.product);
    // The product indexed twice kept its latest document; every product is found by its own name.
    expect(await found("낡은")).toEqual([]);
    for (const row of [products[3]!, products[5]!, products[20]!]) expect(await found(row.name_en)).toContain(row.product_id);
  });
});
