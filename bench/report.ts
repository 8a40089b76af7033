// Writes one benchmark's section into BENCHMARKS.md (between markers, replacing the previous
// run's), headed with the machine and the date, so every figure says where it came from.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

const FILE = "BENCHMARKS.md";

export function writeSection(id: string, title: string, body: string): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const section = `<!-- bench:${id} -->\n## ${title}\n\n_Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}._\n\n${body}\n<!-- /bench:${id} -->`;
  let text = existsSync(FILE) ? readFileSync(FILE, "utf8") : "# Benchmarks\n\nFigures written by `npm run bench*`; each section is replaced by its latest run.\n";
  const pattern = new RegExp(`<!-- bench:${id} -->[\\s\\S]*?<!-- /bench:${id} -->`);
  text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, text);
}
