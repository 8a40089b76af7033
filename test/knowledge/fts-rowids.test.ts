// A knowledge passage's search document lives under the passage's own rowid
// (worker/knowledge/passages.ts), so retrieval joins the index to the passages by rowid
// (worker/knowledge/retrieve.ts). Writing a passage keeps one document under that rowid, and
// migrations/0007_knowledge_fts_rowids.sql moves the documents of a database written before
// (rowids of their own, a passage indexed twice, a document whose passage is gone) under
// their passages' rowids.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { migrationNamed, runMigration } from "../db/migrations";
import { parseKnowledgeFile, passageStatements } from "../../worker/knowledge/passages";
import { retrievePassages } from "../../worker/knowledge/retrieve";

const passages = parseKnowledgeFile(
  "dress-codes-ko.md",
  `---
topic: dress-codes
language: ko
---
## 금융권 면접 복장
tags: 면접, 금융, 정장

금융권 면접에는 네이비나 차콜 정장에 흰 셔츠가 가장 무난합니다.

## 상견례 복장
tags: 상견례, 단정

상견례에서는 차분한 색의 단정한 옷을 입습니다.

## 장마철 신발
tags: 장마, 비, 스웨이드

장마철에는 스웨이드와 캔버스 신발을 피하세요.
`,
);

async function write(ps: typeof passages) {
  await env.DB.batch(ps.flatMap((p) => passageStatements(env.DB, p)));
}

/** Each document with its rowid and its passage's (null: no such passage). */
async function documents() {
  const { results } = await env.DB.prepare(
    "select f.rowid as doc, f.passage_id, p.rowid as passage from knowledge_fts f left join knowledge_passages p on p.id = f.passage_id order by f.rowid",
  ).all<{ doc: number; passage_id: string; passage: number | null }>();
  return results;
}

const found = async (q: string) => (await retrievePassages(env.DB, q, { limit: 10 })).map((p) => p.id);

describe("knowledge documents under their passages' rowids", () => {
  it("writes one document per passage, under its rowid, and keeps it there when the passage is written again", async () => {
    await write(passages);
    const before = await documents();
    expect(before).toHaveLength(passages.length);
    for (const d of before) expect(d.doc).toBe(d.passage);

    const edited = { ...passages[1]!, body: "상견례에는 벚꽃빛 원피스도 좋습니다." };
    await write([edited]);
    const after = await documents();
    expect(after).toHaveLength(passages.length);
    for (const d of after) expect(d.doc).toBe(d.passage);
    expect(await found("벚꽃빛")).toEqual([edited.id]);
    expect(await found("차분한")).toEqual([]);
  });

  it("moves an older database's documents under their passages' rowids (migration 0007)", async () => {
    await write(passages);
    // As an older database has them: the documents (as written) under rowids of their own, one
    // passage indexed twice (its older document first) and a document whose passage was removed.
    const { results: docs } = await env.DB.prepare("select passage_id, title, tags, body from knowledge_fts order by rowid").all<{ passage_id: string; title: string; tags: string; body: string }>();
    expect(docs).toHaveLength(passages.length);
    const insert = (rowid: number, d: (typeof docs)[number]) =>
      env.DB.prepare("insert into knowledge_fts (rowid, passage_id, title, tags, body) values (?, ?, ?, ?, ?)").bind(rowid, d.passage_id, d.title, d.tags, d.body);
    await env.DB.batch([
      env.DB.prepare("delete from knowledge_fts"),
      insert(500, { ...docs[0]!, body: "낡은 문서" }),
      ...docs.map((d, i) => insert(1000 + 3 * (docs.length - i), d)),
      insert(5000, { ...docs[1]!, passage_id: "gone#passage", body: "사라진 문서" }),
    ]);
    expect((await documents()).filter((d) => d.doc === d.passage)).toHaveLength(0);
    // Joined by rowid, misplaced documents find nothing.
    expect(await found("스웨이드")).toEqual([]);

    const migration = migrationNamed("0007_");
    expect(migration?.name).toBe("0007_knowledge_fts_rowids.sql");
    await runMigration(migration!);

    const after = await documents();
    expect(after).toHaveLength(passages.length);
    for (const d of after) expect(d.doc).toBe(d.passage);
    // The passage indexed twice kept its latest document; each passage is found by its own words.
    expect(await found("낡은")).toEqual([]);
    expect(await found("사라진")).toEqual([]);
    expect(await found("스웨이드")).toEqual([passages[2]!.id]);
    expect(await found("금융권 정장")).toContain(passages[0]!.id);
  });
});
