// Scoring a finished rehearsal: the measured report always, the model's rubric merged on top
// when an LLM is configured and answers in time (a failure leaves the measured report, which
// says it was judged by the rules alone). How the judge's call went is told to `judged`, for
// the caller's log line and metrics.
import type { Language, Scenario } from "../scenarios.ts";
import { judge, mergeRubric, type JudgeOptions } from "./judge.ts";
import type { TranscriptTurn } from "./metrics.ts";
import { buildReport, type Report } from "./report.ts";

export type JudgeCall = { ms: number; chars: number; error?: string };

export async function scoreSession(
  turns: readonly TranscriptTurn[],
  s: Scenario,
  language: Language,
  judgeWith: JudgeOptions | undefined,
  judged?: (call: JudgeCall) => void,
): Promise<Report> {
  const report = buildReport(turns, language, s.register);
  if (!judgeWith || !report.metrics.userTurns) return report;
  const started = Date.now();
  const answer = await judge(turns, s, report, judgeWith);
  if ("rubric" in answer) {
    judged?.({ ms: Date.now() - started, chars: JSON.stringify(answer.rubric).length });
    return mergeRubric(report, answer.rubric, turns, judgeWith.model);
  }
  judged?.({ ms: Date.now() - started, chars: 0, error: answer.error.slice(0, 300) });
  return report;
}
