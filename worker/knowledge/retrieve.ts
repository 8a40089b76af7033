// Retrieval for the stylists (RAG): the passages of the knowledge base that best match a
// question, by FTS5 bm25 over tags, title and body, preferring the user's language.
import { matchExpression } from "../catalog/tokens.ts";
import type { Passage } from "./passages.ts";

type Row = Omit<Passage, "tags"> & { tags: string };

export async function retrievePassages(
  db: D1Database,
  question: string,
  opts: { language?: "ko" | "en"; limit?: number; topics?: string[] } = {},
): Promise<Passage[]> {
  const match = matchExpression(question, { any: true });
  if (!match) return [];
  const topics = opts.topics?.length ? opts.topics : null;
  // bm25 is negative (lower is better); scaling a same-language passage by 1.3 favours it
  // without letting a weak match in the right language beat a strong one in the other.
  // A document's rowid is its passage's (passages.ts, migration 0007): joined by rowid, not by
  // the stored passage_id, whose read costs a content lookup for every match.
  const rows = await db
    .prepare(
      `select p.id, p.topic, p.language, p.title, p.body, p.tags, p.source
       from knowledge_fts f join knowledge_passages p on p.rowid = f.rowid
       where knowledge_fts match ?1 and (?2 is null or p.topic in (select value from json_each(?2)))
       order by bm25(knowledge_fts, 0, 3, 4, 1) * (case when p.language = ?3 then 1.3 else 1.0 end)
       limit ?4`,
    )
    .bind(match, topics ? JSON.stringify(topics) : null, opts.language ?? "ko", opts.limit ?? 5)
    .all<Row>();
  return rows.results.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}
