// Reading an import file: JSONL (one product object per line) or CSV (a header row with the
// same field names; list fields separated by "|", colors as "name:#hex"). Every row is
// validated with the catalog's ProductRow schema; bad rows are reported with their line.
import { parse } from "csv-parse/sync";
import { ProductRow } from "../../worker/catalog/product-row.ts";

export type GoodRow = { line: number; row: ProductRow };
export type BadRow = { line: number; errors: string[] };

const LIST_FIELDS = ["seasons", "style_tags", "tpo_tags"] as const;

function fromCsvRecord(record: Record<string, string>): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const v = value.trim();
    if (v === "") continue;
    if ((LIST_FIELDS as readonly string[]).includes(key)) out[key] = v.split("|").map((s) => s.trim()).filter(Boolean);
    else if (key === "colors") {
      out[key] = v.split("|").map((pair) => {
        const [name, hex] = pair.split(":").map((s) => s.trim());
        return { name, hex };
      });
    } else if (key === "price") out[key] = Number(v.replace(/[,₩\s]/g, ""));
    else out[key] = v;
  }
  return out;
}

function validate(line: number, value: unknown, good: GoodRow[], bad: BadRow[]) {
  const parsed = ProductRow.safeParse(value);
  if (!parsed.success) {
    bad.push({ line, errors: parsed.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`) });
  } else if (!parsed.data.image_url && !parsed.data.image_file) {
    bad.push({ line, errors: ["image_url or image_file: every product needs an image"] });
  } else {
    good.push({ line, row: parsed.data });
  }
}

export function readRows(text: string, format: "jsonl" | "csv"): { good: GoodRow[]; bad: BadRow[] } {
  const good: GoodRow[] = [];
  const bad: BadRow[] = [];
  if (format === "jsonl") {
    text.split(/\r?\n/).forEach((raw, i) => {
      if (!raw.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (err) {
        bad.push({ line: i + 1, errors: [`not valid JSON: ${(err as Error).message}`] });
        return;
      }
      validate(i + 1, value, good, bad);
    });
  } else {
    const records = parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, info: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    for (const { record, info } of records) validate(info.lines, fromCsvRecord(record), good, bad);
  }
  // The same product twice in one file: the later row wins, the earlier is reported.
  const lastLine = new Map(good.map((g) => [g.row.product_id, g.line]));
  for (const g of good) {
    if (lastLine.get(g.row.product_id) !== g.line) bad.push({ line: g.line, errors: [`product_id ${g.row.product_id}: repeated on line ${lastLine.get(g.row.product_id)}, which wins`] });
  }
  return { good: good.filter((g) => lastLine.get(g.row.product_id) === g.line), bad: bad.sort((a, b) => a.line - b.line) };
}
