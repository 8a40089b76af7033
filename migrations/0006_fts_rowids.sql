-- Each product's search document moves under the product's own rowid (hand-written: drizzle
-- cannot express virtual tables). A search then joins the index's rowids to products
-- directly: reading the document's stored `product_id` meant a lookup in products_fts_content
-- (the whole tokenized document) for every match before ranking, which was most of a search's
-- time in D1 (e.g. 3,830 matches of "가을 데이트" at 10,000 products). worker/catalog/store.ts
-- writes documents this way from now on; `product_id` stays in the document for readers of it.
-- A product with more than one document keeps its latest; documents of no product go.
CREATE TABLE `products_fts_realign` AS
  SELECT p.rowid AS `rid`, f.product_id, f.name, f.tags, f.body, f.facets
  FROM products_fts f JOIN products p ON p.id = f.product_id
  WHERE f.rowid IN (SELECT max(rowid) FROM products_fts GROUP BY product_id);
--> statement-breakpoint
DELETE FROM products_fts;
--> statement-breakpoint
INSERT INTO products_fts (rowid, product_id, name, tags, body, facets)
  SELECT rid, product_id, name, tags, body, facets FROM products_fts_realign;
--> statement-breakpoint
DROP TABLE `products_fts_realign`;
