// The rehearsal report: scores 0–100 for politeness, clarity, speaking pace and filler words
// and an overall score, each with what was measured, quotes from the user's own turns and
// one to three concrete suggestions, in the session's language. The scores here come from the
// measured metrics by fixed rules (heuristic); a model's rubric, when there is one, is merged
// on top (feedback/judge.ts).
import type { Language } from "../scenarios.ts";
import { measure, MIN_SPEECH_MS, type Metrics, type TranscriptTurn } from "./metrics.ts";
import type { Register } from "../scenarios.ts";

export type Dimension = { score: number; explanation: string; quotes: string[]; suggestions: string[] };

export type Report = {
  overall: { score: number; summary: string };
  politeness: Dimension;
  clarity: Dimension;
  pace: Dimension & { measured: boolean; rate: number | null; unit: "wpm" | "spm"; good_range: [number, number]; per_turn: { at_ms: number; rate: number }[] };
  filler_words: Dimension & { total: number; per_minute: number | null; at_least: true; list: { word: string; count: number }[] };
  /** "heuristic": the measured rules alone; otherwise the model that judged the rubric. */
  judged_by: string;
  metrics: Metrics;
};

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const quote = (s: string, max = 140) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

export function buildReport(turns: readonly TranscriptTurn[], language: Language, register: Register): Report {
  const m = measure(turns, language, register);
  const T = TEXT[language];
  const textOf = new Map(turns.map((t) => [t.seq, t.text]));

  // ---- filler words: 100 with none, −10 for each one a minute. Typed turns have no speaking
  // time: it is estimated from their length at the middle of the comfortable rate.
  const estimatedMinutes = m.units / ((m.pace.good.low + m.pace.good.high) / 2);
  const fillerLoad = m.fillers.perMinute ?? (estimatedMinutes > 0 ? m.fillers.total / estimatedMinutes : 0);
  const fillerScore = m.userTurns ? clamp(100 - fillerLoad * 10) : 0;
  const fillerQuotes = [...m.fillers.byTurn]
    .sort((a, b) => b.hits.length - a.hits.length)
    .slice(0, 2)
    .map((f) => quote(textOf.get(f.seq) ?? ""));
  const top = m.fillers.list[0];
  const fillerSuggestions = m.fillers.total === 0 ? [T.fillers.keep] : [T.fillers.pause, ...(top ? [T.fillers.top(top.word)] : []), ...(m.fillers.total > 5 ? [T.fillers.record] : [])];

  // ---- pace: 100 inside the comfortable range, less the further outside; long pauses cost
  const { low, high } = m.pace.good;
  const mid = (low + high) / 2;
  const pausePenalty = Math.min(25, m.pauses.long.length * 5);
  const rate = m.pace.rate;
  const off = rate === null ? 0 : rate < low ? low - rate : rate > high ? rate - high : 0;
  const paceScore = rate === null ? clamp(70 - pausePenalty) : clamp(100 - (off / mid) * 220 - pausePenalty);
  const byRate = [...m.pace.perTurn].sort((a, b) => Math.abs(b.rate - mid) - Math.abs(a.rate - mid));
  const paceQuotes = byRate.slice(0, 1).map((p) => quote(textOf.get(p.seq) ?? ""));
  const paceSuggestions =
    rate === null
      ? [m.pace.speechMs > 0 ? T.pace.longer : T.pace.speak]
      : [...(rate > high ? [T.pace.slower] : rate < low ? [T.pace.faster] : [T.pace.keep]), ...(m.pauses.long.length ? [T.pace.pauses] : [])];

  // ---- clarity: long sentences, repetition, hedges, vague or too-short answers
  const avgOver = Math.max(0, m.sentences.average - (language === "ko" ? 10 : 18));
  const longShare = m.sentences.count ? m.sentences.long.length / m.sentences.count : 0;
  const concreteShare = m.specifics.answers ? m.specifics.concrete / m.specifics.answers : 0;
  const shortShare = m.specifics.answers ? m.specifics.short.length / m.specifics.answers : 0;
  const clarityScore = m.userTurns
    ? clamp(
        100 -
          Math.min(20, avgOver * 2) -
          longShare * 25 -
          Math.min(15, m.repetition.length * 5) -
          Math.min(20, (m.hedges.total / m.userTurns) * 8) -
          (concreteShare < 0.3 ? 12 : 0) -
          shortShare * 20,
      )
    : 0;
  const clarityQuotes = [
    ...(m.sentences.long[0] ? [quote(m.sentences.long[0].text)] : []),
    ...(m.hedges.list[0] ? [quote(textOf.get(m.hedges.list[0].seq) ?? "")] : []),
  ].slice(0, 2);
  const claritySuggestions: string[] = [
    ...(m.sentences.long.length ? [T.clarity.shorter] : []),
    ...(concreteShare < 0.5 ? [T.clarity.example] : []),
    ...(m.hedges.total > m.userTurns / 2 ? [T.clarity.hedge] : []),
    ...(m.repetition.length ? [T.clarity.repeat(m.repetition[0]!.word)] : []),
    ...(shortShare > 0.3 ? [T.clarity.fuller] : []),
  ].slice(0, 3);
  if (!claritySuggestions.length) claritySuggestions.push(T.clarity.keep);

  // ---- politeness: courtesy markers, rude words, and (Korean) the expected honorific level
  const h = m.honorifics;
  const judged = h ? h.polite + h.casual : 0;
  const slipShare = h && judged && h.expected !== "casual" ? h.slips.length / judged : 0;
  const slipWeight = h?.expected === "formal" ? 60 : 30;
  const politenessScore = m.userTurns ? clamp(82 + Math.min(18, m.politeness.markers.length * 6) - m.politeness.rude.length * 25 - slipShare * slipWeight) : 0;
  const politenessQuotes = [
    ...(h?.slips[0] ? [quote(h.slips[0].text)] : []),
    ...(m.politeness.rude[0] ? [quote(textOf.get(m.politeness.rude[0].seq) ?? "")] : []),
    ...(m.politeness.markers[0] ? [quote(textOf.get(m.politeness.markers[0].seq) ?? "")] : []),
  ].slice(0, 2);
  const politenessSuggestions: string[] = [
    ...(h?.slips.length ? [T.politeness.honorific] : []),
    ...(m.politeness.rude.length ? [T.politeness.rude] : []),
    ...(m.politeness.markers.length === 0 ? [T.politeness.thanks] : []),
  ].slice(0, 3);
  if (!politenessSuggestions.length) politenessSuggestions.push(T.politeness.keep);

  const scores = { politeness: politenessScore, clarity: clarityScore, pace: paceScore, filler_words: fillerScore };
  const overall = m.userTurns ? overallOf(scores, rate !== null) : 0;
  const weakest = (Object.keys(scores) as (keyof typeof scores)[]).reduce((a, b) => (scores[b] < scores[a] ? b : a));
  const strongest = (Object.keys(scores) as (keyof typeof scores)[]).reduce((a, b) => (scores[b] > scores[a] ? b : a));

  return {
    overall: { score: overall, summary: m.userTurns ? T.summary(T.names[strongest], T.names[weakest], overall) : T.empty },
    politeness: { score: politenessScore, explanation: T.politeness.explain(m), quotes: politenessQuotes, suggestions: politenessSuggestions },
    clarity: { score: clarityScore, explanation: T.clarity.explain(m), quotes: clarityQuotes, suggestions: claritySuggestions },
    pace: {
      score: paceScore,
      explanation: T.pace.explain(m),
      quotes: paceQuotes,
      suggestions: paceSuggestions,
      measured: m.pace.measured,
      rate,
      unit: m.pace.unit,
      good_range: [low, high],
      per_turn: m.pace.perTurn.map((p) => ({ at_ms: p.atMs, rate: p.rate })),
    },
    filler_words: {
      score: fillerScore,
      explanation: T.fillers.explain(m),
      quotes: fillerQuotes,
      suggestions: fillerSuggestions.slice(0, 3),
      total: m.fillers.total,
      per_minute: m.fillers.perMinute,
      at_least: true,
      list: m.fillers.list,
    },
    judged_by: "heuristic",
    metrics: m,
  };
}

/** The overall score: a weighted mean of the four (pace weighs less when it could not be measured). */
export function overallOf(scores: Record<keyof Names, number>, paceMeasured: boolean): number {
  const weights = { politeness: 0.25, clarity: 0.3, pace: paceMeasured ? 0.2 : 0.1, filler_words: 0.25 };
  const keys = Object.keys(weights) as (keyof Names)[];
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  return clamp(keys.reduce((s, k) => s + scores[k] * weights[k], 0) / sum);
}

type Names = Record<"politeness" | "clarity" | "pace" | "filler_words", string>;

const TEXT = {
  en: {
    names: { politeness: "politeness", clarity: "clarity", pace: "pace", filler_words: "filler words" } satisfies Names,
    empty: "You didn't say anything in this session, so there is nothing to score yet.",
    summary: (best: string, worst: string, score: number) =>
      score >= 80 ? `A strong run: your ${best} stood out. Polish your ${worst} next.` : `Your ${best} was the strongest part. Work on your ${worst} first: that's where the most points are.`,
    fillers: {
      explain: (m: Metrics) =>
        m.fillers.total === 0
          ? "No filler words found in what you said."
          : `At least ${m.fillers.total} filler word${m.fillers.total === 1 ? "" : "s"}${m.fillers.perMinute !== null ? ` (${m.fillers.perMinute} a minute)` : ""}, most often "${m.fillers.list[0]!.word}". Transcription drops some, so the real count may be higher.`,
      keep: "Keep it up: a short silent pause works better than any filler.",
      pause: "When you need a moment, pause silently instead of saying \"um\": a second of silence sounds confident.",
      top: (w: string) => `Watch for "${w}" in particular: it was your most frequent filler.`,
      record: "Record one answer and listen back: hearing your own fillers is the fastest way to drop them.",
    },
    pace: {
      explain: (m: Metrics) =>
        m.pace.rate === null
          ? m.pace.speechMs > 0
            ? `Speaking pace could not be measured: ${seconds(m.pace.speechMs)} s of speech, and it takes at least ${seconds(MIN_SPEECH_MS)} s.`
            : "Speaking pace could not be measured: there was no timed speech (typed turns have no speaking time)."
          : `You spoke at about ${m.pace.rate} words a minute; ${m.pace.good.low}–${m.pace.good.high} is comfortable to follow.${m.pauses.long.length ? ` ${m.pauses.long.length} long pause${m.pauses.long.length === 1 ? "" : "s"} (over 3 s) before answering.` : ""}`,
      speak: "Answer out loud with the microphone next time so your pace can be measured.",
      longer: "Give fuller spoken answers (a reason and an example each) so there is enough speech to time your pace.",
      slower: "Slow down a little: finish each sentence, then breathe before the next.",
      faster: "Pick up the pace slightly: prepare the first sentence of your answer so you can start without hesitating.",
      keep: "Your pace is easy to follow: keep it.",
      pauses: "If you need time to think, say so briefly (\"Let me think for a second\") rather than a long silence.",
    },
    clarity: {
      explain: (m: Metrics) =>
        `${m.sentences.count} sentences averaging ${m.sentences.average} words; ${m.sentences.long.length} were long (over 28 words). ${m.specifics.concrete} of ${m.specifics.answers} answers had an example or a figure${m.hedges.total ? `; ${m.hedges.total} hedge${m.hedges.total === 1 ? "" : "s"} ("I think", "maybe")` : ""}.`,
      shorter: "Split long sentences: one idea per sentence, point first.",
      example: "Back each claim with a specific example or a number (what happened, what you did, the result).",
      hedge: "Drop hedges like \"I think\" and \"maybe\" when you mean it: state it plainly.",
      repeat: (w: string) => `You repeated "${w}" a lot: vary the wording or say it once, clearly.`,
      fuller: "Several answers were very short: add a reason or an example to each.",
      keep: "Clear and concrete: keep leading with the point.",
    },
    politeness: {
      explain: (m: Metrics) =>
        `${m.politeness.markers.length} courtesy phrase${m.politeness.markers.length === 1 ? "" : "s"} ("thank you", "could you"…)${m.politeness.rude.length ? `, ${m.politeness.rude.length} rude or harsh word${m.politeness.rude.length === 1 ? "" : "s"}` : ", nothing rude"}.`,
      honorific: "Keep the same polite register throughout.",
      rude: "Leave out harsh words, even when the other side pushes: they cost more than they win.",
      thanks: "Thank them for their time or their question at least once: it sets a good tone.",
      keep: "Courteous throughout: well done.",
    },
  },
  ko: {
    names: { politeness: "예의", clarity: "명료성", pace: "말하기 속도", filler_words: "군말(필러)" } satisfies Names,
    empty: "이번 연습에서 말씀하신 내용이 없어 아직 평가할 것이 없습니다.",
    summary: (best: string, worst: string, score: number) =>
      score >= 80 ? `아주 좋았어요. 특히 ${best}이(가) 돋보였어요. 다음에는 ${worst}을(를) 다듬어 보세요.` : `${best}이(가) 가장 좋았어요. ${worst}부터 연습하면 점수가 가장 많이 오를 거예요.`,
    fillers: {
      explain: (m: Metrics) =>
        m.fillers.total === 0
          ? "말씀하신 내용에서 군말(음, 어, 그 …)이 보이지 않았어요."
          : `군말이 최소 ${m.fillers.total}번${m.fillers.perMinute !== null ? ` (1분에 ${m.fillers.perMinute}번)` : ""} 나왔고, 가장 많이 쓴 말은 "${m.fillers.list[0]!.word}"예요. 음성 인식이 군말을 일부 빼므로 실제로는 더 많을 수 있어요.`,
      keep: "지금처럼 해 주세요. 군말 대신 짧게 쉬는 것이 가장 좋아요.",
      pause: "생각할 시간이 필요할 때는 '음', '어' 대신 잠깐 조용히 쉬어 보세요. 1초의 침묵이 더 자신 있게 들려요.",
      top: (w: string) => `특히 "${w}"을(를) 의식해 보세요. 가장 자주 나온 군말이에요.`,
      record: "답변 하나를 녹음해서 들어 보세요. 자신의 군말을 직접 듣는 것이 가장 빨리 줄이는 방법이에요.",
    },
    pace: {
      explain: (m: Metrics) =>
        m.pace.rate === null
          ? m.pace.speechMs > 0
            ? `말한 시간이 ${seconds(m.pace.speechMs)}초라서 말하기 속도를 잴 수 없었어요. 최소 ${seconds(MIN_SPEECH_MS)}초가 필요해요.`
            : "음성으로 말한 시간이 없어 말하기 속도를 잴 수 없었어요 (입력한 답은 말한 시간이 없어요)."
          : `1분에 약 ${m.pace.rate}음절로 말했어요. 듣기 편한 속도는 ${m.pace.good.low}–${m.pace.good.high}음절이에요.${m.pauses.long.length ? ` 답하기 전에 3초 넘게 멈춘 적이 ${m.pauses.long.length}번 있었어요.` : ""}`,
      speak: "다음에는 마이크로 소리 내어 답해 보세요. 그래야 말하기 속도를 잴 수 있어요.",
      longer: "이유와 예를 하나씩 붙여 조금 더 길게 말로 답해 보세요. 그래야 말하기 속도를 잴 수 있어요.",
      slower: "조금 천천히 말해 보세요. 한 문장을 끝내고 숨을 한 번 쉰 다음 이어 가세요.",
      faster: "조금만 더 빠르게 말해 보세요. 답의 첫 문장을 미리 정해 두면 망설임 없이 시작할 수 있어요.",
      keep: "듣기 편한 속도예요. 지금처럼 유지하세요.",
      pauses: "생각할 시간이 필요하면 '잠시 생각해 보겠습니다'처럼 짧게 말하고 정리하세요.",
    },
    clarity: {
      explain: (m: Metrics) =>
        `문장 ${m.sentences.count}개, 평균 ${m.sentences.average}어절이고 긴 문장(16어절 초과)이 ${m.sentences.long.length}개였어요. 답변 ${m.specifics.answers}개 중 ${m.specifics.concrete}개에 구체적인 예나 숫자가 있었어요${m.hedges.total ? `. '~것 같아요', '아마' 같은 얼버무림이 ${m.hedges.total}번 나왔어요` : ""}.`,
      shorter: "긴 문장은 나눠 보세요. 한 문장에 한 가지 생각, 결론부터.",
      example: "주장마다 구체적인 사례나 숫자를 붙여 보세요 (상황, 내가 한 일, 결과).",
      hedge: "확신이 있는 내용은 '~것 같아요' 대신 '~입니다'로 분명하게 말해 보세요.",
      repeat: (w: string) => `"${w}"을(를) 여러 번 반복했어요. 다른 표현을 쓰거나 한 번만 분명하게 말해 보세요.`,
      fuller: "답이 아주 짧은 경우가 많았어요. 이유나 예를 한 가지씩 덧붙여 보세요.",
      keep: "명확하고 구체적이에요. 지금처럼 결론부터 말하세요.",
    },
    politeness: {
      explain: (m: Metrics) => {
        const h = m.honorifics;
        const level =
          h && h.expected !== "casual" && h.polite + h.casual > 0
            ? ` 존댓말로 끝난 문장 ${h.polite}개, 반말로 끝난 문장 ${h.casual}개예요.`
            : h?.expected === "casual"
              ? " 편한 사이라 반말도 자연스러운 상황이에요."
              : "";
        return `감사·사과·부탁 표현이 ${m.politeness.markers.length}번 나왔어요${m.politeness.rude.length ? `. 거친 표현이 ${m.politeness.rude.length}번 있었어요` : ""}.${level}`;
      },
      honorific: "이 상황에서는 끝까지 존댓말(~요, ~습니다)을 유지하세요. 반말이 섞이면 무례하게 들릴 수 있어요.",
      rude: "상대가 몰아붙여도 거친 표현은 빼세요. 얻는 것보다 잃는 것이 많아요.",
      thanks: "시간을 내 주셔서, 질문해 주셔서 감사하다는 말을 한 번은 해 보세요. 분위기가 좋아져요.",
      keep: "처음부터 끝까지 예의 있었어요. 잘하셨어요.",
    },
  },
} as const;
