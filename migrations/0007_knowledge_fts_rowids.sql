-- Each knowledge passage's search document moves under the passage's own rowid, as the
-- products' did in 0006 (hand-written: drizzle cannot express virtual tables). Retrieval then
-- joins the index's rowids to knowledge_passages directly: reading the document's stored
-- `passage_id` meant a lookup in knowledge_fts_content for every match before ranking (1.5–2.2
-- ms a query against 0.5–0.7 ms, 127 passages; a brief runs two). worker/knowledge/passages.ts
-- writes documents this way from now on; `passage_id` stays in the document for readers of it.
-- A passage with more than one document keeps its latest; documents of no passage go.
CREATE TABLE `knowledge_fts_realign` AS
  SELECT p.rowid AS `rid`, f.passage_id, f.title, f.tags, f.body
  FROM knowledge_fts f JOIN knowledge_passages p ON p.id = f.passage_id
  WHERE f.rowid IN (SELECT max(rowid) FROM knowledge_fts GROUP BY passage_id);
--> statement-breakpoint
DELETE FROM knowledge_fts;
--> statement-breakpoint
INSERT INTO knowledge_fts (rowid, passage_id, title, tags, body)
  SELECT rid, passage_id, title, tags, body FROM knowledge_fts_realign;
--> statement-breakpoint
DROP TABLE `knowledge_fts_realign`;
