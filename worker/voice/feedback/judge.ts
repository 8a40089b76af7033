// A model's rubric for the two dimensions rules judge least well: politeness (tone, respect,
// how pushback was met) and clarity (structure, answering what was asked, concrete support).
// Asked for as a structured output of the stylists' LLM (OpenAI's strict JSON schema response
// format, or Anthropic's JSON schema output format, both made from the zod schema below by
// the SDKs' zod helpers and the answer validated with it), then merged with the measured
// report: the scores averaged with the rules', the model's explanation first, its quotes
// kept only when they are the user's own words, its suggestions before the rules'. Pace and
// filler words stay measured (a model reading a transcript cannot time speech or count what
// transcription dropped). Any failure (no answer, a refusal, an answer that does not fit the
// schema) leaves the measured report as it is: the judge can add to a report, never lose one.
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Scenario } from "../scenarios.ts";
import type { TranscriptTurn } from "./metrics.ts";
import { overallOf, type Dimension, type Report } from "./report.ts";

const Judged = z.object({
  score: z.number().int().min(0).max(100),
  explanation: z.string(),
  /** The user's own words, verbatim. */
  quotes: z.array(z.string()).max(3),
  suggestions: z.array(z.string()).min(1).max(3),
});

export const Rubric = z.object({
  politeness: Judged,
  clarity: Judged,
  /** Two sentences on the whole rehearsal: what went well, what to work on first. */
  summary: z.string(),
});
export type Rubric = z.infer<typeof Rubric>;

export type JudgeOptions = { provider: "openai" | "anthropic"; apiKey: string; model: string; baseURL?: string | undefined; timeoutMs?: number };

/** The judge is the stylists' LLM (config's llm.engine); none offline. */
export function judgeFor(c: Config): JudgeOptions | undefined {
  const { engine, openai, anthropic } = c.llm;
  if (engine === "anthropic" && anthropic) return { provider: "anthropic", ...anthropic };
  if (engine === "openai" && openai) return { provider: "openai", ...openai };
  return undefined;
}

/** The transcript given to the model is cut here (about 20 minutes of talk). */
const MAX_TRANSCRIPT_CHARS = 16_000;
const TIMEOUT_MS = 20_000;
const MAX_TOKENS = 1_200;

/** The model's rubric for this rehearsal, or why there is none. */
export async function judge(
  turns: readonly TranscriptTurn[],
  s: Scenario,
  report: Report,
  options: JudgeOptions,
): Promise<{ rubric: Rubric } | { error: string }> {
  const system = systemPrompt(s, report);
  const user = transcriptOf(turns, s, report.metrics.language);
  const timeout = options.timeoutMs ?? TIMEOUT_MS;
  try {
    const rubric = options.provider === "anthropic" ? await askAnthropic(options, system, user, timeout) : await askOpenAI(options, system, user, timeout);
    return typeof rubric === "string" ? { error: rubric } : { rubric };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

async function askOpenAI(o: JudgeOptions, system: string, user: string, timeout: number): Promise<Rubric | string> {
  const [{ OpenAI }, { zodResponseFormat }] = await Promise.all([import("openai"), import("openai/helpers/zod")]);
  const client = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL ?? null, maxRetries: 1, timeout });
  const completion = await client.chat.completions.parse({
    model: o.model,
    temperature: 0,
    max_completion_tokens: MAX_TOKENS,
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
    response_format: zodResponseFormat(Rubric, "rehearsal_rubric"),
  });
  const message = completion.choices[0]?.message;
  if (message?.refusal) return `refused: ${message.refusal}`;
  return message?.parsed ?? "no structured answer";
}

async function askAnthropic(o: JudgeOptions, system: string, user: string, timeout: number): Promise<Rubric | string> {
  const [{ Anthropic }, { zodOutputFormat }] = await Promise.all([import("@anthropic-ai/sdk"), import("@anthropic-ai/sdk/helpers/zod")]);
  const client = new Anthropic({ apiKey: o.apiKey, baseURL: o.baseURL ?? null, maxRetries: 1, timeout });
  const message = await client.messages.parse({
    model: o.model,
    max_tokens: MAX_TOKENS,
    system,
    messages: [{ role: "user", content: user }],
    output_config: { format: zodOutputFormat(Rubric) },
  });
  if (message.stop_reason === "refusal") return "refused";
  return message.parsed_output ?? "no structured answer";
}

/** The measured report with the model's rubric folded in. */
export function mergeRubric(report: Report, rubric: Rubric, turns: readonly TranscriptTurn[], model: string): Report {
  const own = turns.filter((t) => t.speaker === "user").map((t) => normalize(t.text));
  const isOwn = (quote: string) => {
    const q = normalize(quote).replace(/…$/u, "");
    return q.length >= 2 && own.some((text) => text.includes(q));
  };
  const merge = (measured: Dimension, judged: Rubric["politeness"]): Dimension => ({
    score: Math.round((measured.score + judged.score) / 2),
    explanation: `${judged.explanation.trim()} ${measured.explanation}`.trim(),
    quotes: unique([...judged.quotes.filter(isOwn), ...measured.quotes]).slice(0, 3),
    suggestions: unique([...judged.suggestions.map((x) => x.trim()).filter(Boolean), ...measured.suggestions]).slice(0, 3),
  });
  const politeness = merge(report.politeness, rubric.politeness);
  const clarity = merge(report.clarity, rubric.clarity);
  const scores = { politeness: politeness.score, clarity: clarity.score, pace: report.pace.score, filler_words: report.filler_words.score };
  return {
    ...report,
    politeness,
    clarity,
    overall: { score: overallOf(scores, report.pace.rate !== null), summary: rubric.summary.trim() || report.overall.summary },
    judged_by: model,
  };
}

function systemPrompt(s: Scenario, report: Report): string {
  const lang = report.metrics.language;
  const m = report.metrics;
  const register =
    lang === "ko"
      ? { formal: "존댓말(합쇼체/해요체) throughout", polite: "해요체, an occasional slip tolerated", casual: "반말 is natural here" }[s.register]
      : "courteous, natural English";
  return [
    "You are a communication coach scoring a spoken rehearsal. The user practised this scenario with an AI partner:",
    `Scenario: ${s.title[lang]}. Partner: ${s.partner.role[lang]} — ${s.partner.persona[lang]}`,
    `The user's goal: ${s.goal[lang]}`,
    `What good looks like: ${s.goodLooksLike[lang].join(" / ")}`,
    `Expected register: ${register}.`,
    "",
    "Score only the USER's turns, 0–100, on two criteria:",
    "- politeness: respect and warmth suited to this partner, courtesy under pushback, no dismissive or harsh wording" +
      (lang === "ko" ? ", consistent honorifics for the expected register" : "") +
      ".",
    "- clarity: answers the question asked, leads with the point, is structured and concrete (examples, figures, results), no rambling.",
    "90+ is exemplary, 70–89 good with small issues, 50–69 mixed, below 50 poor. Be strict and specific.",
    "For each criterion: an explanation of one or two sentences, up to three short quotes copied verbatim from the user's turns, and one to three concrete suggestions the user can apply next time.",
    `Write the explanations, suggestions and summary in ${lang === "ko" ? "Korean" : "English"}.`,
    "",
    `Measured already (do not re-score these): ${m.fillers.total} filler words, ${m.hedges.total} hedges, ${m.sentences.long.length} long sentences` +
      (m.pace.rate !== null ? `, pace ${m.pace.rate} ${m.pace.unit}` : "") +
      (m.honorifics ? `, ${m.honorifics.slips.length} sentences in 반말` : "") +
      ".",
  ].join("\n");
}

function transcriptOf(turns: readonly TranscriptTurn[], s: Scenario, lang: "ko" | "en"): string {
  const partner = s.partner.name[lang];
  const lines = turns.filter((t) => t.text.trim()).map((t) => `${t.speaker === "user" ? "USER" : `PARTNER (${partner})`}: ${t.text.trim()}`);
  let text = lines.join("\n");
  if (text.length > MAX_TRANSCRIPT_CHARS) text = `${text.slice(0, MAX_TRANSCRIPT_CHARS)}\n[…transcript cut]`;
  return `Transcript:\n${text}`;
}

const normalize = (s: string) => s.normalize("NFC").replace(/[\s"'“”‘’]+/gu, " ").trim().toLowerCase();
const unique = (list: string[]) => [...new Set(list.filter(Boolean))];
