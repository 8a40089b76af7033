// The fashion knowledge base: Markdown files in data/knowledge/ (front matter with topic and
// language, then `## title`, a `tags:` line and a short body per passage) parsed into
// passages, and the D1 statements that store them with their full-text document.
import { indexText } from "../catalog/tokens.ts";

export type Passage = { id: string; topic: string; language: "ko" | "en"; title: string; tags: string[]; body: string; source: string };

export const KNOWLEDGE_TOPICS = ["dress-codes", "color", "body-shape", "fabric-weather", "fit-proportion", "trends"] as const;

/** Parses one knowledge file; throws with the file and line on anything malformed. */
export function parseKnowledgeFile(source: string, text: string): Passage[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const fail = (line: number, why: string): never => {
    throw new Error(`${source}:${line + 1}: ${why}`);
  };
  if (lines[0]?.trim() !== "---") fail(0, "expected front matter starting with ---");
  const end = lines.indexOf("---", 1);
  if (end < 0) fail(0, "front matter is not closed with ---");
  const front = Object.fromEntries(
    lines.slice(1, end).map((l) => {
      const i = l.indexOf(":");
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    }),
  );
  const topic = front.topic ?? "";
  const language = front.language;
  if (!(KNOWLEDGE_TOPICS as readonly string[]).includes(topic)) fail(1, `unknown topic "${topic}"`);
  if (language !== "ko" && language !== "en") fail(1, `language must be ko or en, not "${language}"`);

  const passages: Passage[] = [];
  let i = end + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.startsWith("## ")) {
      if (line.trim()) fail(i, "text outside a passage (expected a `## title`)");
      i++;
      continue;
    }
    const title = line.slice(3).trim();
    const start = i;
    i++;
    while (i < lines.length && !lines[i]!.trim()) i++;
    const tagLine = lines[i] ?? "";
    if (!tagLine.startsWith("tags:")) fail(i, `passage "${title}" needs a tags: line`);
    const tags = tagLine.slice(5).split(",").map((t) => t.trim()).filter(Boolean);
    i++;
    const body: string[] = [];
    while (i < lines.length && !lines[i]!.startsWith("## ")) body.push(lines[i++]!);
    const text = body.join("\n").trim().replace(/\s*\n\s*/g, " ");
    if (!text) fail(start, `passage "${title}" has no body`);
    passages.push({ id: `${source.replace(/\.md$/, "")}#${slug(title)}`, topic, language: language as "ko" | "en", title, tags, body: text, source });
  }
  return passages;
}

function slug(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

export function passageStatements(db: D1Database, p: Passage): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `insert into knowledge_passages (id, topic, language, title, body, tags, source) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         on conflict (id) do update set topic = ?2, language = ?3, title = ?4, body = ?5, tags = ?6, source = ?7`,
      )
      .bind(p.id, p.topic, p.language, p.title, p.body, JSON.stringify(p.tags), p.source),
    // The document lives under the passage's rowid (migration 0007): retrieval joins by it.
    db.prepare("delete from knowledge_fts where rowid = (select rowid from knowledge_passages where id = ?)").bind(p.id),
    db
      .prepare("insert into knowledge_fts (rowid, passage_id, title, tags, body) values ((select rowid from knowledge_passages where id = ?1), ?1, ?2, ?3, ?4)")
      .bind(p.id, indexText(p.title), indexText(p.tags), indexText(p.body)),
  ];
}
