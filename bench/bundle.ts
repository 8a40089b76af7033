// `npm run bench:bundle`: what a deploy ships (scripts/bundle-size.ts, the same build as
// `npm run deploy`), with what each dependency of the Worker costs, next to the same build
// with the Worker unminified (how it shipped before issue 9). `npm run size` checks the budgets.
import { BUDGETS, kib, measure, overBudget } from "../scripts/bundle-size.ts";
import { writeSection } from "./report.ts";
import { reportTargets } from "./targets.ts";

const baseline = await measure({ minifyWorker: false });
const sizes = await measure({ withDependencies: true });

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const lines = [
  "`npm run bench:bundle` (sizes are deterministic: `npm run size`, part of `npm test`, fails past a budget). The production build (`vite build`, as `npm run deploy`); gzip at level 9, per file, as a browser or Cloudflare receives each.",
  "",
  "| what | baseline: Worker unminified | this build | budget |",
  "| --- | ---: | ---: | --- |",
  `| Worker, all modules, gzip | ${kib(baseline.worker.gzip)} | **${kib(sizes.worker.gzip)}** | ≤ ${kib(BUDGETS.workerGzip)} |`,
  `| Worker, all modules, bytes | ${kib(baseline.worker.bytes)} | ${kib(sizes.worker.bytes)} | |`,
  `| Worker, its entry module (evaluated at every cold start), gzip | ${kib(baseline.worker.entryGzip)} | ${kib(sizes.worker.entryGzip)} | |`,
  ...sizes.pages.map((p, i) => `| SPA first load, ${p.page}: JS gzip${p.laterGzip ? ` (+ after first render)` : ""} | ${kib(baseline.pages[i]!.gzip)} | **${kib(p.gzip)}**${p.laterGzip ? ` (+ ${kib(p.laterGzip)})` : ""} in ${p.files.length} files | ≤ ${kib(BUDGETS.firstLoadGzip)} |`),
  `| SPA stylesheets, gzip | ${kib(baseline.css)} | ${kib(sizes.css)} | |`,
  "",
  `The Worker's modules (lazily imported ones are evaluated only when a request first needs them):`,
  "",
  "| module | gzip | bytes |",
  "| --- | ---: | ---: |",
  ...sizes.worker.modules.map((m) => `| \`${m.file}\` | ${kib(m.gzip)} | ${kib(m.bytes)} |`),
  "",
  "What each package (or folder of the app) costs in the Worker: its modules minified and gzip-compressed on their own, roughly what leaving it out would save (together they compress better than apart, so the column sums to more than the total).",
  "",
  "| package or folder | minified | gzip alone | share of the gzip column |",
  "| --- | ---: | ---: | ---: |",
  ...(() => {
    const sum = sizes.dependencies.reduce((s, d) => s + d.gzip, 0);
    return sizes.dependencies.filter((d) => d.gzip >= 512).map((d) => `| ${d.name} | ${kib(d.minified)} | ${kib(d.gzip)} | ${pct(d.gzip, sum)} |`);
  })(),
];
const problems = overBudget(sizes);
if (problems.length) lines.push("", ...problems.map((p) => `**Over budget:** ${p}`));
writeSection("bundle", "Delivery: Worker bundle and SPA first load", lines.join("\n"));
reportTargets("bundle", [
  { what: "Worker bundle, gzip", measured: kib(sizes.worker.gzip), target: `≤ ${kib(BUDGETS.workerGzip)}`, met: sizes.worker.gzip <= BUDGETS.workerGzip },
  ...sizes.pages.map((p) => ({ what: `SPA first load JS, ${p.page}`, measured: kib(p.gzip), target: `≤ ${kib(BUDGETS.firstLoadGzip)}`, met: p.gzip <= BUDGETS.firstLoadGzip })),
]);
console.log(lines.join("\n"));
