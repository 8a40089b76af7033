// `npm run bench` (quick) or `npm run bench -- --full`: every benchmark, one after another
// (they share the machine's two cores, so never side by side), each writing its own section of
// BENCHMARKS.md; then one table of every target and this run's figure, printed and written as
// the summary section. A benchmark that fails does not stop the others; the exit code says.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { writeSection } from "./report.ts";
import { RESULTS_DIR, type Verdict } from "./targets.ts";

const FULL = process.argv.includes("--full");
const BENCHES = ["bundle", "lighthouse", "catalog", "history", "chat", "fanout", "voice", "load", "faults"] as const;
const only = process.env.BENCH_ONLY?.split(",");

const started = Date.now();
const runs: { bench: string; status: number | null; seconds: number }[] = [];
for (const bench of BENCHES.filter((b) => !only || only.includes(b))) {
  if (!existsSync(`bench/${bench}.ts`)) continue;
  console.log(`\n=== bench:${bench}${FULL ? " --full" : ""}`);
  const t = Date.now();
  const run = spawnSync(process.execPath, [`bench/${bench}.ts`, ...(FULL ? ["--full"] : [])], { stdio: "inherit" });
  runs.push({ bench, status: run.status, seconds: Math.round((Date.now() - t) / 1000) });
}

const rows: string[] = [];
for (const { bench, status, seconds } of runs) {
  const file = `${RESULTS_DIR}/targets-${bench}.json`;
  const result = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { at: number; verdicts: Verdict[] }) : null;
  const fresh = result && result.at >= started ? result.verdicts : [];
  if (status !== 0) rows.push(`| ${bench} | **the benchmark failed** (exit ${status}) | | | ✗ |`);
  for (const v of fresh) rows.push(`| ${bench} | ${v.what} | ${v.measured} | ${v.target} | ${v.met ? "✓" : "✗"} |`);
  if (status === 0 && fresh.length === 0) rows.push(`| ${bench} | (no targets; figures in its section) | | | |`);
  void seconds;
}
const table = [
  `\`npm run bench${FULL ? " -- --full" : ""}\`: ${runs.map((r) => `${r.bench} ${r.seconds} s`).join(", ")}. Each line is this run's figure; the sections below have the baselines measured beside it.`,
  "",
  "| bench | target | this run | budget | met |",
  "| --- | --- | ---: | --- | :---: |",
  ...rows,
].join("\n");
console.log(`\n${table}`);
if (!only) writeSection("summary", `Summary: every target (${FULL ? "full" : "quick"} run)`, table);
process.exit(runs.some((r) => r.status !== 0) ? 1 : 0);
