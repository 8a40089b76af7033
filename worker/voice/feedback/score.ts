// Scoring a finished rehearsal: the measured report always, the model's rubric merged on top
// when an LLM is configured and answers in time (a failure is logged and leaves the measured
// report, which says it was judged by the rules alone).
import type { Language, Scenario } from "../scenarios.ts";
import { judge, mergeRubric, type JudgeOptions } from "./judge.ts";
import type { TranscriptTurn } from "./metrics.ts";
import { buildReport, type Report } from "./report.ts";

export async function scoreSession(turns: readonly TranscriptTurn[], s: Scenario, language: Language, judgeWith: JudgeOptions | undefined): Promise<Report> {
  const report = buildReport(turns, language, s.register);
  if (!judgeWith || !report.metrics.userTurns) return report;
  const judged = await judge(turns, s, report, judgeWith);
  if ("rubric" in judged) return mergeRubric(report, judged.rubric, turns, judgeWith.model);
  console.log(JSON.stringify({ level: "warn", event: "voice_judge_failed", scenario: s.id, model: judgeWith.model, error: judged.error.slice(0, 300) }));
  return report;
}
