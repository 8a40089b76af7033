// Each benchmark's verdicts on its targets (issue 9), kept for `npm run bench`'s summary:
// what was measured, the figure, the target and whether this run met it. Written to
// bench/results/ (git-ignored); bench/all.ts reads the ones this run wrote.
import { mkdirSync, writeFileSync } from "node:fs";

export type Verdict = { what: string; measured: string; target: string; met: boolean };

export const RESULTS_DIR = "bench/results";

export function reportTargets(bench: string, verdicts: Verdict[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${RESULTS_DIR}/targets-${bench}.json`, JSON.stringify({ bench, at: Date.now(), full: process.argv.includes("--full"), verdicts }, null, 2));
}
