// The OpenAI partner's session: instructions written from the scenario (persona, goal,
// questions, pushback by difficulty, closing), and the GA `session.update` with PCM16 24 kHz
// audio both ways, input transcription biased toward verbatim (a prompt with fillers in it,
// since transcription tends to drop them) and server VAD.
import { questionCount, type Difficulty, type Language, type Scenario } from "./scenarios.ts";

const LANGUAGE_NAME: Record<Language, string> = { ko: "Korean", en: "English" };
const PUSHBACK: Record<Difficulty, string> = {
  easy: "Be encouraging and patient. Do not push back; if an answer is thin, gently ask for one more detail.",
  normal: "Be realistic. Ask a follow-up when an answer is vague, and push back once in the conversation.",
  hard: "Be demanding. Whenever an answer is vague or lacks evidence, push back or ask for specifics before moving on.",
};
/** Fillers in the transcription prompt keep the model from tidying them away. */
const VERBATIM_PROMPT: Record<Language, string> = {
  ko: "음, 어, 그, 저, 뭐, 약간, 이제, 그러니까, 막… 말한 그대로 받아 적기.",
  en: "Um, uh, like, you know, I mean… transcribe verbatim, keeping every filler.",
};

export function instructions(s: Scenario, difficulty: Difficulty, language: Language, history: readonly { speaker: "user" | "partner"; text: string }[] = []): string {
  const questions = s.questions[language].slice(0, questionCount(s, difficulty, language));
  const lines = [
    `You are ${s.partner.name[language]}, ${s.partner.role[language]}, in a spoken role-play that helps the user rehearse: ${s.title.en}.`,
    `Persona: ${s.partner.persona[language]}`,
    `The user's goal: ${s.goal[language]}`,
    `Speak only ${LANGUAGE_NAME[language]}, naturally, in short turns (one to three sentences), and ask one question at a time.`,
    history.length ? "The conversation so far is below; continue it from where it stopped, without greeting again." : `Open with exactly: "${s.opening[language]}"`,
    `Then work through these questions in order, adapting to the answers:\n${questions.map((q, i) => `${i + 1}. ${q}`).join("\n")}`,
    `Ways you may push back: ${s.pushback[language].join(" / ")}`,
    PUSHBACK[difficulty],
    `When the questions are done, close with: "${s.closing[language]}"`,
    "Stay in character. Never give feedback, scores or coaching during the conversation: a report comes afterwards.",
  ];
  if (history.length) lines.push(`Conversation so far:\n${history.map((t) => `${t.speaker === "user" ? "User" : "You"}: ${t.text}`).join("\n")}`);
  return lines.join("\n\n");
}

export function sessionUpdate(
  s: Scenario,
  difficulty: Difficulty,
  language: Language,
  options: { model: string; transcribeModel: string },
  history: readonly { speaker: "user" | "partner"; text: string }[] = [],
) {
  return {
    type: "session.update",
    session: {
      type: "realtime",
      model: options.model,
      instructions: instructions(s, difficulty, language, history),
      output_modalities: ["audio"],
      audio: {
        input: {
          format: { type: "audio/pcm", rate: 24_000 },
          transcription: { model: options.transcribeModel, language, prompt: VERBATIM_PROMPT[language] },
          turn_detection: { type: "server_vad", silence_duration_ms: 700, create_response: true },
        },
        output: { format: { type: "audio/pcm", rate: 24_000 }, voice: s.voice },
      },
    },
  };
}
