// Filler words and phrases, counted only where they are fillers. "Um" and "음" always are;
// most others are also real words ("I like it", "그 사람", "뭐 먹을래?", "이제 끝났어요"), so
// each has a rule over its neighbours: a filler is set off by a pause (a comma, an ellipsis,
// the sentence's edge), follows or precedes another filler, or is doubled; the word keeps
// its meaning when it has its grammatical partner (a subject before "like", an object after
// "you know", a noun after "그", a verb after "막"). Transcription drops many fillers (Whisper
// and others tidy them away), so the counts are a floor: "at least".
import type { Language } from "../scenarios.ts";

export type FillerHit = { filler: string; start: number; end: number };

type Token = { text: string; lower: string; start: number; end: number; kind: "word" | "comma" | "pause" | "end" };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/(\.\.\.+|…+|[-–—]{1,2}|[,;:])|([.!?]+)|([\p{L}\p{N}]+(?:['’][\p{L}]+)*)/gu)) {
    const kind = m[1] ? (/[,;:]/.test(m[1]) ? "comma" : "pause") : m[2] ? "end" : "word";
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length, kind });
  }
  return tokens;
}

type Ctx = { tokens: Token[]; i: number; n: number };

const at = (c: Ctx, offset: number): Token | undefined => c.tokens[c.i + offset];
/** A pause or the sentence's edge right before the phrase. */
const pauseBefore = (c: Ctx) => {
  const t = at(c, -1);
  return !t || t.kind !== "word";
};
/** A pause or the sentence's edge right after the phrase (of n words). */
const pauseAfter = (c: Ctx) => {
  const t = at(c, c.n);
  return !t || t.kind !== "word";
};
const wordAfter = (c: Ctx) => {
  const t = at(c, c.n);
  return t?.kind === "word" ? t.lower : undefined;
};
const wordBefore = (c: Ctx) => {
  const t = at(c, -1);
  return t?.kind === "word" ? t.lower : undefined;
};
const sentenceEndsWithQuestion = (c: Ctx) => {
  for (let j = c.i; j < c.tokens.length; j++) if (c.tokens[j]!.kind === "end") return c.tokens[j]!.text.includes("?");
  return false;
};

type Rule = { phrase: string; filler: (c: Ctx, isFillerAt: (j: number) => boolean) => boolean };

const always = () => true;
const setOff = (c: Ctx) => pauseBefore(c) || pauseAfter(c);
const nearFiller = (c: Ctx, isFillerAt: (j: number) => boolean) => isFillerAt(c.i - 1) || isFillerAt(c.i + c.n);
const doubled = (c: Ctx) => wordAfter(c) === at(c, 0)!.lower || wordBefore(c) === at(c, 0)!.lower;

const EN_SUBJECTS = new Set(["i", "you", "we", "they", "he", "she", "it", "people", "would", "'d", "do", "don't", "does", "doesn't", "did", "didn't", "really", "also", "just", "not", "to", "who", "that"]);
/** "looks like rain", "something like that", "much like": like compares. */
const EN_COMPARING = new Set(["look", "looks", "looked", "sound", "sounds", "sounded", "seem", "seems", "seemed", "feel", "feels", "felt", "more", "much", "something", "anything", "nothing", "things", "exactly", "lot", "liked", "likes"]);
const EN_OBJECTS = new Set(["what", "that", "how", "why", "who", "where", "when", "if", "the", "a", "an", "him", "her", "them", "it", "me", "us", "this", "about", "whether", "which"]);

const EN: Rule[] = [
  ...["um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm"].map((phrase) => ({ phrase, filler: always })),
  { phrase: "ah", filler: (c) => setOff(c) },
  {
    phrase: "like",
    // "I like it", "would like to", "looks like rain", "like this" keep their meaning.
    filler: (c, f) => {
      const before = wordBefore(c);
      if (before && (EN_SUBJECTS.has(before) || EN_COMPARING.has(before))) return false;
      return (pauseBefore(c) && pauseAfter(c)) || pauseAfter(c) || nearFiller(c, f) || doubled(c) || ["was", "is", "were", "i'm", "he's", "she's", "it's", "'s"].includes(before ?? "");
    },
  },
  {
    phrase: "you know",
    filler: (c, f) => {
      const before = wordBefore(c);
      if (before && ["do", "did", "don't", "didn't", "if", "as", "would", "will", "and", "can", "could"].includes(before)) return false;
      const after = wordAfter(c);
      if (after && EN_OBJECTS.has(after)) return false;
      return pauseAfter(c) || pauseBefore(c) || nearFiller(c, f);
    },
  },
  { phrase: "i mean", filler: (c) => !["what", "that", "which"].includes(wordBefore(c) ?? "") && (pauseAfter(c) || (pauseBefore(c) && !["it", "that", "what", "to", "business"].includes(wordAfter(c) ?? ""))) },
  ...["basically", "literally", "actually", "honestly", "totally"].map((phrase) => ({ phrase, filler: (c: Ctx) => setOff(c) })),
  ...["sort of", "kind of"].map((phrase) => ({
    phrase,
    // "what kind of job", "a sort of puzzle" name a kind; "it's kind of hard" hedges.
    filler: (c: Ctx) => !["what", "which", "this", "that", "the", "a", "any", "some", "every", "each", "all", "same", "that's", "different"].includes(wordBefore(c) ?? ""),
  })),
  { phrase: "well", filler: (c) => pauseBefore(c) && pauseAfter(c) },
];

const KO_VERB_STEM = /^(해|했|하|먹|가|갔|와|왔|봐|봤|시작|도착|뛰|울|웃|써|쓰|던지|나와|들어)/u;

const KO: Rule[] = [
  ...["음", "으음", "음음", "흠", "어", "어어", "에", "에에", "아", "아아"].map((phrase) => ({ phrase, filler: always })),
  // "그 사람", "저 건물": a demonstrative before its noun; alone, doubled or before a filler, a filler.
  ...["그", "저"].map((phrase) => ({ phrase, filler: (c: Ctx, f: (j: number) => boolean) => pauseAfter(c) || nearFiller(c, f) || doubled(c) })),
  {
    phrase: "뭐",
    // "뭐 해요?": the question word.
    filler: (c, f) => pauseAfter(c) || nearFiller(c, f) || (!sentenceEndsWithQuestion(c) && !KO_VERB_STEM.test(wordAfter(c) ?? "")),
  },
  ...["뭐랄까", "뭐지", "뭐냐면", "뭐라고 할까", "그러니까", "있잖아", "있잖아요", "저기", "저기요"].map((phrase) => ({
    phrase,
    filler: (c: Ctx, f: (j: number) => boolean) => pauseAfter(c) || nearFiller(c, f) || (phrase.startsWith("뭐") && !sentenceEndsWithQuestion(c)),
  })),
  // "약간 짜요": a little; "약간, 좀 그런": a filler.
  { phrase: "약간", filler: (c, f) => pauseAfter(c) || nearFiller(c, f) || ["좀", "그런", "그렇게", "이런", "뭐"].includes(wordAfter(c) ?? "") },
  // "이제 끝났어요": now; "제가 이제 그 회사에서 이제": a filler.
  {
    phrase: "이제",
    filler: (c, f) => {
      if (pauseAfter(c) || nearFiller(c, f)) return true;
      let inSentence = 0;
      for (let j = c.i - 1; j >= 0 && c.tokens[j]!.kind !== "end"; j--) if (c.tokens[j]!.lower === "이제") inSentence++;
      for (let j = c.i + 1; j < c.tokens.length && c.tokens[j]!.kind !== "end"; j++) if (c.tokens[j]!.lower === "이제") inSentence++;
      return inSentence > 0;
    },
  },
  // "막 도착했어요": just now; "막 그렇게": a filler.
  { phrase: "막", filler: (c, f) => pauseAfter(c) || nearFiller(c, f) || doubled(c) || ["그냥", "그렇게", "이렇게", "되게", "엄청", "너무"].includes(wordAfter(c) ?? "") },
  { phrase: "그냥", filler: (c, f) => pauseAfter(c) || nearFiller(c, f) },
];

const RULES: Record<Language, Rule[]> = { en: EN, ko: KO };

/** Every filler in `text`, with where it is, in order. */
export function findFillers(text: string, language: Language): FillerHit[] {
  const tokens = tokenize(text);
  const rules = RULES[language];
  // First mark every token that could start a filler phrase; neighbours consult the marks
  // of tokens that are fillers by nature (um, 음) so "음 그" counts both.
  const matchAt = (i: number): Rule | undefined =>
    rules
      .filter((r) => {
        const parts = r.phrase.split(" ");
        return parts.every((p, k) => tokens[i + k]?.kind === "word" && tokens[i + k]!.lower === p);
      })
      .sort((a, b) => b.phrase.length - a.phrase.length)[0];
  const natural = (j: number) => {
    const r = j >= 0 ? matchAt(j) : undefined;
    return r !== undefined && r.filler === always;
  };
  const hits: FillerHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const rule = matchAt(i);
    if (!rule) continue;
    const n = rule.phrase.split(" ").length;
    if (rule.filler({ tokens, i, n }, natural)) {
      hits.push({ filler: rule.phrase, start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
      i += n - 1;
    }
  }
  return hits;
}

export type FillerCount = { word: string; count: number };

/** How many of each filler, most frequent first. */
export function countFillers(hits: readonly FillerHit[]): FillerCount[] {
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.filler, (counts.get(h.filler) ?? 0) + 1);
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}
