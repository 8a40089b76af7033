// The rehearsal report from hand-made transcripts: speaking rate over the user's own speech
// time, long pauses, honorifics against the scenario's register, clarity signals, and scores
// that move the right way with quotes taken from the user's turns only.
import { describe, expect, test } from "vitest";
import { measure, type TranscriptTurn } from "../../worker/voice/feedback/metrics";
import { buildReport } from "../../worker/voice/feedback/report";

let seq = 0;
const partner = (text: string, startMs: number, endMs: number): TranscriptTurn => ({ seq: seq++, speaker: "partner", text, startMs, endMs, input: "speech" });
const user = (text: string, startMs: number, endMs: number, input: "speech" | "text" = "speech"): TranscriptTurn => ({ seq: seq++, speaker: "user", text, startMs, endMs, input });
/** n words of plain English. */
const words = (n: number) => Array.from({ length: n }, (_, i) => ["we", "built", "the", "new", "billing", "system", "together"][i % 7]).join(" ") + ".";

describe("measured metrics", () => {
  test("English pace is words over the user's speech time; the partner's time does not count", () => {
    const m = measure([partner("Tell me about yourself.", 0, 2_000), user(words(30), 2_500, 14_500), partner("Why us?", 15_000, 16_000), user(words(45), 16_500, 34_500)], "en", "formal");
    // 75 words in 30 s of the user's own speech.
    expect(m.pace).toMatchObject({ measured: true, rate: 150, unit: "wpm", speechMs: 30_000 });
    expect(m.pace.perTurn.map((p) => p.rate)).toEqual([150, 150]);
  });

  test("Korean pace is syllables a minute, English words and digits in it one each", () => {
    // 23 Hangul syllables + "AWS" + "3" = 25 units in 5 s, twice.
    const line = "저는 AWS에서 3년 동안 결제 시스템을 개발하고 운영했습니다.";
    const m = measure([user(line, 0, 5_000), user(line, 6_000, 11_000)], "ko", "formal");
    expect(m.pace.spokenUnits).toBe(50);
    expect(m.pace.rate).toBe(300);
  });

  test("typed turns have no speaking time: pace is not measured, fillers are counted per word", () => {
    const m = measure([user("Um, I think I did, um, fine.", 0, 0, "text"), user("Uh, yes.", 0, 0, "text")], "en", "formal");
    expect(m.pace).toMatchObject({ measured: false, rate: null });
    expect(m.fillers.total).toBe(3);
    expect(m.fillers.perMinute).toBeNull();
    expect(m.fillers.per100Words).toBeCloseTo((3 / 9) * 100, 1);
  });

  test("a report on too little speech says how much there was, and typed turns say they have no time", () => {
    const spoken = buildReport([user(words(11), 0, 3_500)], "en", "formal");
    expect(spoken.pace.rate).toBeNull();
    expect(spoken.pace.explanation).toBe("Speaking pace could not be measured: 3.5 s of speech, and it takes at least 8 s.");
    expect(spoken.pace.suggestions[0]).toMatch(/fuller spoken answers/);
    const typed = buildReport([user(words(11), 0, 0, "text")], "ko", "formal");
    expect(typed.pace.explanation).toContain("입력한 답은 말한 시간이 없어요");
    expect(typed.pace.suggestions[0]).toContain("마이크로 소리 내어");
  });

  test("a silence over three seconds before an answer is a long pause", () => {
    const m = measure([partner("Why us?", 0, 1_000), user(words(10), 5_500, 9_000), partner("And?", 9_500, 10_000), user(words(10), 11_000, 14_000)], "en", "formal");
    expect(m.pauses.long).toEqual([{ seq: expect.any(Number), ms: 4_500 }]);
  });

  test("Korean honorifics: 반말 in a formal scenario is a slip, in a talk with one's partner it is not", () => {
    const turns = [user("제가 그 프로젝트를 맡았어요. 그건 제가 한 거야. 네.", 0, 6_000)];
    const formal = measure(turns, "ko", "formal");
    expect(formal.honorifics).toMatchObject({ polite: 1, casual: 1, slips: [{ text: "그건 제가 한 거야." }] });
    expect(measure(turns, "ko", "casual").honorifics?.slips).toEqual([]);
  });

  test("clarity signals: long sentences, hedges, repetition and answers with something concrete", () => {
    const long = `${words(35).slice(0, -1)} and then we shipped it.`;
    const m = measure([user(long, 0, 15_000), user("I think maybe the project the project went fine.", 16_000, 20_000), user("We cut costs by 30% in 2 months.", 21_000, 24_000)], "en", "formal");
    expect(m.sentences.long).toHaveLength(1);
    expect(m.hedges.list.map((h) => h.phrase)).toEqual(["i think", "maybe"]);
    expect(m.repetition.map((r) => r.word)).toContain("the project");
    expect(m.specifics).toMatchObject({ answers: 3, concrete: 1 });
  });
});

describe("the report", () => {
  const good = [
    partner("자기소개 부탁드립니다.", 0, 3_000),
    user("안녕하세요, 시간 내 주셔서 감사합니다. 저는 결제 시스템을 5년 동안 개발한 백엔드 개발자입니다.", 3_500, 11_000),
    partner("가장 자랑할 만한 성과는요?", 11_500, 13_000),
    user("작년에 결제 실패율을 30% 줄였습니다. 원인을 분석해서 재시도 구조를 새로 설계했습니다.", 13_500, 21_000),
  ];
  const poor = [
    partner("자기소개 부탁드립니다.", 0, 3_000),
    user("음, 어, 그, 저는 뭐랄까 약간 좀 개발자 같은 거 하는 것 같아요. 그냥 뭐 그래.", 8_000, 13_000),
    partner("가장 자랑할 만한 성과는요?", 13_500, 15_000),
    user("어 그러니까 음 그건 잘 모르겠어. 짜증나.", 20_000, 25_000),
  ];

  test("a polite, concrete, evenly paced answer outscores a hesitant, rude, rushed one in every dimension", () => {
    const a = buildReport(good, "ko", "formal");
    const b = buildReport(poor, "ko", "formal");
    for (const key of ["politeness", "clarity", "pace", "filler_words"] as const) expect(a[key].score, key).toBeGreaterThan(b[key].score);
    expect(a.overall.score).toBeGreaterThanOrEqual(80);
    expect(b.overall.score).toBeLessThan(55);
  });

  test("every dimension has an explanation, 1–3 suggestions, and quotes only from the user's own turns", () => {
    const r = buildReport(poor, "ko", "formal");
    const userText = poor.filter((t) => t.speaker === "user").map((t) => t.text);
    for (const key of ["politeness", "clarity", "pace", "filler_words"] as const) {
      expect(r[key].explanation.length, key).toBeGreaterThan(10);
      expect(r[key].suggestions.length, key).toBeGreaterThanOrEqual(1);
      expect(r[key].suggestions.length, key).toBeLessThanOrEqual(3);
      for (const q of r[key].quotes) expect(userText.some((t) => t.startsWith(q.replace(/…$/, "")) || t.includes(q)), q).toBe(true);
    }
    expect(r.filler_words).toMatchObject({ at_least: true, total: r.metrics.fillers.total });
    expect(r.filler_words.list.slice(0, 2)).toEqual([
      { word: "어", count: 2 },
      { word: "음", count: 2 },
    ]);
    expect(r.filler_words.per_minute).not.toBeNull();
    expect(r.politeness.quotes[0]).toContain("그래");
    expect(r.judged_by).toBe("heuristic");
  });

  test("English reports speak English; a session with nothing said scores 0 and says so", () => {
    const r = buildReport([partner("Hello?", 0, 1_000)], "en", "formal");
    expect(r.overall).toEqual({ score: 0, summary: expect.stringMatching(/didn't say anything/) });
    const spoken = buildReport([partner("Why us?", 0, 1_000), user("Um, like, I, uh, you know, want it, um.", 1_500, 4_000)], "en", "formal");
    expect(spoken.filler_words.explanation).toMatch(/^At least 5 filler words/);
  });
});
