// The offline partner: plays the scenario's person in text. It works through the scenario's
// questions one at a time and listens to each answer: a too-short answer gets a probe for
// detail, a vague one gets the scenario's pushback (once on normal, each time on hard, never
// on easy), a question from the user gets the partner's own answer, and a concrete figure in
// an interview or a report is noticed. When the questions run out it closes the conversation.
import { questionCount, type Difficulty, type Language, type Scenario } from "../scenarios.ts";
import { answerShape } from "./answer-shape.ts";

export type PartnerState = {
  /** Questions asked so far (the opening counts as the first). */
  asked: number;
  /** Whether the current question has been probed already. */
  probed: boolean;
  pushbacks: number;
  done: boolean;
};

export const FRESH: PartnerState = { asked: 0, probed: false, pushbacks: 0, done: false };

const ACKS: Record<Scenario["kind"] | "default", Record<Language, readonly string[]>> = {
  interview: { ko: ["네, 잘 들었습니다.", "그렇군요.", "네, 알겠습니다."], en: ["Thank you, that's clear.", "I see.", "Okay, got it."] },
  work: { ko: ["알겠어요.", "음, 그렇군요.", "네."], en: ["Okay.", "Right.", "I see."] },
  presentation: { ko: ["네, 알겠습니다.", "그렇군요."], en: ["Understood.", "I see."] },
  date: { ko: ["아, 그렇구나!", "오, 좋네요!", "와, 재밌다."], en: ["Oh, nice!", "Ha, I love that.", "That sounds fun."] },
  relationship: { ko: ["그랬구나.", "응, 알겠어.", "…그래."], en: ["Okay.", "I hear you.", "…Right."] },
  customer: { ko: ["…네.", "그래요.", "알겠어요."], en: ["…Fine.", "Okay.", "Right."] },
  family: { ko: ["그래요, 그렇구나.", "아유, 그랬어요?", "고마워요."], en: ["Oh, I see.", "How lovely.", "Thank you, dear."] },
  default: { ko: ["네."], en: ["I see."] },
};

const NOTICE: Record<Language, (figure: string) => string> = {
  ko: (figure) => `${figure}, 구체적이라 좋네요.`,
  en: (figure) => `${figure}, that's concrete. Good.`,
};

/** Kinds where the partner remarks on a concrete figure in the answer. */
const NOTICES_FIGURES = new Set<Scenario["kind"]>(["interview", "work", "presentation"]);

/** The partner's next line after the user said `text`, and its new state. */
export function reply(s: Scenario, difficulty: Difficulty, language: Language, state: PartnerState, text: string): { line: string; state: PartnerState } {
  if (state.done) return { line: s.closing[language], state };
  const shape = answerShape(text, language);
  const questions = s.questions[language];
  const total = questionCount(s, difficulty, language);
  const next = (prefix: string): { line: string; state: PartnerState } => {
    // `asked` counts the opening; questions[asked - 1] is the next one to ask.
    if (state.asked - 1 >= total) return { line: join(prefix, s.closing[language]), state: { ...state, done: true } };
    return { line: join(prefix, questions[state.asked - 1]!), state: { ...state, asked: state.asked + 1, probed: false } };
  };

  if (shape.isQuestion) return next(s.answerToQuestion[language]);
  if (shape.units === 0) return { line: s.probe[language][0]!, state };
  if (shape.short && !state.probed) return { line: pick(s.probe[language], state.asked), state: { ...state, probed: true } };

  const pushbacks = s.pushback[language];
  const budget = difficulty === "easy" ? 0 : difficulty === "normal" ? 1 : pushbacks.length;
  if (!shape.specific && state.pushbacks < budget && state.asked >= 2 && !state.probed) {
    return { line: pushbacks[state.pushbacks % pushbacks.length]!, state: { ...state, pushbacks: state.pushbacks + 1, probed: true } };
  }

  const ack = pick((ACKS[s.kind] ?? ACKS.default)[language], state.asked);
  const noticed = shape.figure && NOTICES_FIGURES.has(s.kind) ? NOTICE[language](shape.figure) : ack;
  return next(noticed);
}

/** The partner's first line. */
export function opening(s: Scenario, language: Language): { line: string; state: PartnerState } {
  return { line: s.opening[language], state: { ...FRESH, asked: 1 } };
}

function pick(lines: readonly string[], n: number): string {
  return lines[n % lines.length]!;
}

function join(a: string, b: string): string {
  return a ? `${a} ${b}` : b;
}
