// What the fake models (test/fakes/openai.ts, anthropic.ts) answer the rehearsal judge: a
// rubric that reads the transcript's USER lines — politeness 90 with a thank-you in them, else
// 60; clarity 80 with a figure, else 55 — quoting the first line and one line the user never
// said. "[[judge-garbage]]" in the transcript makes the politeness score out of range.
export function fakeRubric(transcript: string) {
  const said = [...transcript.matchAll(/^USER: (.+)$/gm)].map((m) => m[1]!);
  const first = said[0] ?? "";
  return {
    politeness: {
      score: transcript.includes("[[judge-garbage]]") ? 150 : said.some((l) => /thank|감사/i.test(l)) ? 90 : 60,
      explanation: "Fake judge: warm and respectful.",
      quotes: [first.slice(0, 40), "A line the user never said"],
      suggestions: ["Fake judge: name the interviewer once."],
    },
    clarity: {
      score: said.some((l) => /\d/.test(l)) ? 80 : 55,
      explanation: "Fake judge: the point came first.",
      quotes: [first.slice(0, 40)],
      suggestions: ["Fake judge: open with your strongest result."],
    },
    summary: `Fake judge read ${said.length} user turns.`,
  };
}
