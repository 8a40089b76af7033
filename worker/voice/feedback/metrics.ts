// The measured side of a rehearsal report, from the transcript alone and the same every time:
// speaking rate over the user's own speech time, fillers, long pauses before answering,
// hedges, Korean honorific consistency against what the scenario expects, sentence length,
// repetition, politeness markers and answers with something concrete in them.
import type { Language, Register } from "../scenarios.ts";
import { answerShape } from "../partner/answer-shape.ts";
import { sentences, speechUnits, words } from "../speech/text.ts";
import { countFillers, findFillers, type FillerCount, type FillerHit } from "./fillers.ts";

export type TranscriptTurn = {
  seq: number;
  speaker: "user" | "partner";
  text: string;
  /** Milliseconds from the start of the session. */
  startMs: number;
  endMs: number;
  /** How the user's turn arrived: spoken (timed speech) or typed (no speaking time). */
  input: "speech" | "text";
};

/**
 * Comfortable speaking rates. English: about 150 words a minute in conversation (the US
 * National Center for Voice and Speech) and 140–160 on radio and in lectures (Tauroza & Allison
 * 1990, "Speech rates in British English"); we count 120–165 wpm as easy to follow. Korean:
 * adult conversational speech is reported at roughly 4–5.5 syllables a second (e.g. 신문자·
 * 한숙자 2003, 정상 성인의 말속도 연구), so 240–330 syllables a minute; both are approximate.
 */
export const GOOD_RATE: Record<Language, { low: number; high: number; unit: "wpm" | "spm" }> = {
  en: { low: 120, high: 165, unit: "wpm" },
  ko: { low: 240, high: 330, unit: "spm" },
};

/** A silence longer than this before the user answers counts as a long pause. */
export const LONG_PAUSE_MS = 3_000;
/** Spoken time below this is too little to judge a speaking rate on. */
export const MIN_SPEECH_MS = 8_000;
/** A sentence longer than this (English words, Korean 어절) is hard to follow by ear. */
export const LONG_SENTENCE: Record<Language, number> = { en: 28, ko: 16 };

const HEDGES: Record<Language, RegExp> = {
  en: /\b(i think|i guess|i suppose|maybe|probably|perhaps|i'm not sure|not really sure|a little bit|i feel like|somewhat|more or less)\b/giu,
  ko: /(것 같(?:아요|습니다|네요|은데요)|거 같(?:아요|은데요)|아마(?:도)?|글쎄(?:요)?|잘 모르겠|혹시|어쩌면|나름)/gu,
};

const POLITE_MARKERS: Record<Language, RegExp> = {
  en: /\b(please|thank you|thanks|sorry|i apologi[sz]e|i appreciate|would you|could you|if you don't mind|i understand|excuse me)\b/giu,
  ko: /(감사합니다|감사드립니다|고맙습니다|죄송합니다|죄송해요|미안해|고마워|실례지만|부탁드립니다|부탁드려요|괜찮으시다면|말씀|이해합니다)/gu,
};

const RUDE: Record<Language, RegExp> = {
  en: /\b(shut up|whatever|stupid|idiot|dumb|damn|hell|crap|shit|fuck\w*|bullshit)\b/giu,
  ko: /(닥쳐|시끄러워|짜증나|젠장|씨발|시발|개같|병신|미친|꺼져|됐거든)/gu,
};

/** Korean sentence endings: 해요체/합쇼체, and common 반말 endings. */
const POLITE_END = /(요|니다|니까|십시오|세요|죠)$/u;
const CASUAL_END = /(어|아|야|지|냐|니|래|해|했다|한다|거든|잖아|군|네|걸|자|게|까|다)$/u;

export type Metrics = ReturnType<typeof measure>;

export function measure(turns: readonly TranscriptTurn[], language: Language, register: Register) {
  const mine = turns.filter((t) => t.speaker === "user" && t.text.trim());
  const spoken = mine.filter((t) => t.input === "speech" && t.endMs > t.startMs);

  // ---- pace
  const speechMs = spoken.reduce((sum, t) => sum + (t.endMs - t.startMs), 0);
  const spokenUnits = spoken.reduce((sum, t) => sum + speechUnits(t.text, language), 0);
  const measured = speechMs >= MIN_SPEECH_MS;
  const rate = measured ? Math.round((spokenUnits / speechMs) * 60_000) : null;
  const perTurn = spoken.map((t) => ({ seq: t.seq, atMs: t.startMs, rate: Math.round((speechUnits(t.text, language) / (t.endMs - t.startMs)) * 60_000) }));

  // ---- fillers
  const fillerHits = mine.map((t) => ({ seq: t.seq, hits: findFillers(t.text, language) }));
  const all: FillerHit[] = fillerHits.flatMap((f) => f.hits);
  const units = mine.reduce((sum, t) => sum + speechUnits(t.text, language), 0);
  const wordCount = mine.reduce((sum, t) => sum + words(t.text).length, 0);

  // ---- pauses: from the end of the partner's line to the start of the user's answer
  const longPauses: { seq: number; ms: number }[] = [];
  for (let i = 1; i < turns.length; i++) {
    const prev = turns[i - 1]!;
    const turn = turns[i]!;
    if (turn.speaker !== "user" || prev.speaker !== "partner" || turn.input !== "speech") continue;
    const gap = turn.startMs - prev.endMs;
    if (gap > LONG_PAUSE_MS) longPauses.push({ seq: turn.seq, ms: gap });
  }

  // ---- sentences, hedges, politeness, honorifics, repetition, specifics
  const sentenceList = mine.flatMap((t) => sentences(t.text).map((text) => ({ seq: t.seq, text, length: words(text).length })));
  const longest = sentenceList.reduce<(typeof sentenceList)[number] | null>((best, s) => (!best || s.length > best.length ? s : best), null);
  const hedges = mine.flatMap((t) => [...t.text.matchAll(HEDGES[language])].map((m) => ({ seq: t.seq, phrase: m[0].toLowerCase() })));
  const markers = mine.flatMap((t) => [...t.text.matchAll(POLITE_MARKERS[language])].map((m) => ({ seq: t.seq, phrase: m[0].toLowerCase() })));
  const rude = mine.flatMap((t) => [...t.text.matchAll(RUDE[language])].map((m) => ({ seq: t.seq, word: m[0].toLowerCase() })));

  const endings = language === "ko" ? sentenceList.map((s) => ({ ...s, style: endingStyle(s.text) })) : [];
  const polite = endings.filter((s) => s.style === "polite").length;
  const casual = endings.filter((s) => s.style === "casual");
  const slips = register === "casual" ? [] : casual.map(({ seq, text }) => ({ seq, text }));

  const repeats = mine.flatMap((t) => repeatedWords(t.text, language).map((r) => ({ seq: t.seq, ...r })));
  const answers = mine.map((t) => ({ seq: t.seq, ...answerShape(t.text, language) }));

  return {
    language,
    register,
    userTurns: mine.length,
    units,
    words: wordCount,
    pace: { measured, speechMs, spokenUnits, rate, unit: GOOD_RATE[language].unit, good: GOOD_RATE[language], perTurn },
    fillers: {
      total: all.length,
      perMinute: measured ? round1(all.length / (speechMs / 60_000)) : null,
      per100Words: wordCount ? round1((all.length / wordCount) * 100) : 0,
      list: countFillers(all) satisfies FillerCount[],
      byTurn: fillerHits.filter((f) => f.hits.length),
    },
    pauses: { thresholdMs: LONG_PAUSE_MS, long: longPauses },
    hedges: { total: hedges.length, list: hedges },
    honorifics: language === "ko" ? { expected: register, polite, casual: casual.length, slips } : null,
    sentences: {
      count: sentenceList.length,
      average: sentenceList.length ? round1(sentenceList.reduce((s, x) => s + x.length, 0) / sentenceList.length) : 0,
      long: sentenceList.filter((s) => s.length > LONG_SENTENCE[language]).map(({ seq, text, length }) => ({ seq, text, length })),
      longest,
    },
    repetition: repeats,
    politeness: { markers, rude },
    specifics: { answers: answers.length, concrete: answers.filter((a) => a.specific).length, short: answers.filter((a) => a.short).map((a) => a.seq) },
  };
}

function endingStyle(sentence: string): "polite" | "casual" | "unknown" {
  const bare = sentence.replace(/[.!?…~\s]+$/u, "");
  const last = bare.split(/\s+/).at(-1) ?? "";
  if (!/[\uAC00-\uD7A3]$/u.test(last)) return "unknown";
  if (POLITE_END.test(last)) return "polite";
  // One-word answers ("네", "삼성전자") say little about register.
  if (words(bare).length < 2) return "unknown";
  return CASUAL_END.test(last) ? "casual" : "unknown";
}

const STOP: Record<Language, Set<string>> = {
  en: new Set("i a an the and or but so to of in on at for with is are was were be been it that this my me we you they he she them our your their do did have has had not as if then there here about from by just really very can could would will".split(" ")),
  ko: new Set("저 제가 저는 나 내가 그 이 것 수 있 있어요 있습니다 그리고 그래서 하지만 그런데 네 아니요 좀 더 잘 정말 너무 되게 많이 때 거".split(" ")),
};

/** A content word said three times or more in one turn, or a word or a pair of words said twice in a row. */
function repeatedWords(text: string, language: Language): { word: string; count: number }[] {
  const list = words(text).map((w) => w.toLowerCase());
  const counts = new Map<string, number>();
  const stutters = new Set<string>();
  list.forEach((w, i) => {
    counts.set(w, (counts.get(w) ?? 0) + 1);
    if (i > 0 && list[i - 1] === w && w.length > 0) stutters.add(w);
  });
  const found = [...counts].filter(([w, n]) => n >= 3 && !STOP[language].has(w) && w.length > 1).map(([word, count]) => ({ word, count }));
  // A pair of words said twice running ("the project the project").
  for (let i = 0; i + 3 < list.length; i++) {
    if (list[i] === list[i + 2] && list[i + 1] === list[i + 3] && list[i] !== list[i + 1]) stutters.add(`${list[i]} ${list[i + 1]}`);
  }
  for (const w of stutters) if (!found.some((f) => f.word === w)) found.push({ word: w.includes(" ") ? w : `${w} ${w}`, count: 2 });
  return found;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
