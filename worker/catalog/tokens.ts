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

/** Words that carry no product meaning in a shopping query ("면접 셔츠 추천해줘"). */
const STOPWORDS = new Set([
  "추천", "추천해", "추천해줘", "추천해주세요", "해줘", "해주세요", "알려줘", "좀", "입을", "입고", "옷", "뭐", "어떤", "무슨", "내일", "오늘", "이번",
  "a", "an", "the", "for", "to", "of", "and", "or", "with", "in", "on", "my", "me", "i", "what", "wear", "outfit", "outfits", "some", "please", "recommend",
]);

const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** The tokens of one text as an FTS5 phrase ("네이비" → "네이 이비"), or null. */
export function ftsPhrase(text: string): string | null {
  const tokens = tokenize(text);
  return tokens.length ? quote(tokens.join(" ")) : null;
}

/**
 * How one query word may match. A Hangul word matches as a whole (its bigrams as a
 * phrase) or without its last one or two syllables, so a suffix or particle in the query
 * ("면접룩", "출근에", "블레이저를") does not hide the stem, while a long word still needs
 * most of itself ("스트라이프" is not found by "스트릿"). Other words match as themselves.
 */
function wordMatch(word: string): string | null {
  if (/^[\uac00-\ud7a3]+$/u.test(word) && word.length >= 3) {
    const forms = [word, word.slice(0, -1), ...(word.length >= 4 ? [word.slice(0, -2)] : [])];
    return `(${forms.map((f) => quote(tokenize(f).join(" "))).join(" OR ")})`;
  }
  const tokens = [...new Set(tokenize(word))];
  if (tokens.length === 0) return null;
  return tokens.length === 1 ? quote(tokens[0]!) : `(${tokens.map(quote).join(" OR ")})`;
}

/**
 * An FTS5 MATCH expression for a user's query: every word must match (AND; see wordMatch),
 * stopwords dropped. With `any`, one matching word is enough (OR) and bm25 ranks documents
 * matching more words higher — the fallback when the strict form finds nothing, and the form
 * for retrieval by a whole question. All tokens are quoted, so no user input is read as
 * FTS5 syntax. Null when the query has no searchable word.
 */
export function matchExpression(query: string, opts: { any?: boolean } = {}): string | null {
  const words = query
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOPWORDS.has(w));
  const groups = [...new Set(words)]
    .slice(0, 12)
    .map(wordMatch)
    .filter((g): g is string => g !== null);
  if (groups.length === 0) return null;
  return groups.join(opts.any ? " OR " : " AND ");
}
