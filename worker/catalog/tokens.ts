// Search tokens for FTS5, the same for indexed text and for queries (see
// migrations/0001_search_indexes.sql). Hangul runs become overlapping syllable bigrams, so
// "면접룩" is found by "면접" and "스트라이프셔츠" by "셔츠"; Latin words stay words (FTS5's
// porter stemmer folds "shirts" to "shirt"); everything is NFKC-normalised and lower-cased.

const HANGUL = /[\uac00-\ud7a3]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

function hangulBigrams(run: string): string[] {
  if (run.length === 1) return [run];
  const grams: string[] = [];
  for (let i = 0; i + 2 <= run.length; i++) grams.push(run.slice(i, i + 2));
  return grams;
}

/** The tokens of a text, in order, duplicates kept (they weigh in bm25). */
export function tokenize(text: string): string[] {
  const normal = text.normalize("NFKC").toLowerCase();
  const tokens: string[] = [];
  for (const word of normal.match(WORD) ?? []) {
    // A word may mix scripts ("t셔츠", "3단"): split it into Hangul runs and the rest.
    let last = 0;
    for (const m of word.matchAll(HANGUL)) {
      if (m.index > last) tokens.push(word.slice(last, m.index));
      tokens.push(...hangulBigrams(m[0]));
      last = m.index + m[0].length;
    }
    if (last < word.length) tokens.push(word.slice(last));
  }
  return tokens;
}

/** Text to store in an FTS5 column: the tokens separated by spaces. */
export function indexText(...parts: (string | string[] | undefined | null)[]): string {
  return tokenize(parts.flat().filter(Boolean).join(" ")).join(" ");
}

/**
 * An FTS5 MATCH expression for a user's query: every distinct token as a quoted string
 * (so no user input is read as FTS5 syntax), joined with OR; bm25 ranks documents that
 * match more of them higher. Null when the query has no searchable token.
 */
export function matchExpression(query: string): string | null {
  const tokens = [...new Set(tokenize(query))].slice(0, 32);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(" OR ");
}
