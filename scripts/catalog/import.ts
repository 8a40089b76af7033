// `npm run catalog:import -- <file.jsonl|file.csv> [--remote production] [--persist-to DIR]`
// Imports a real catalog: validates every row (bad rows are reported with their line number
// and skipped), loads each product's image (image_url over http(s), or image_file relative
// to the import file), checks it is a PNG, JPEG or WebP by its bytes, then writes the good
// rows to D1 + R2 and drops their KV cache entries. Local by default; --remote ENV writes to
// that wrangler environment's deployed resources. Exit code 0: all rows imported; 3: some
// rows were bad (the good ones are imported); 1: nothing could be imported.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sniffImage } from "../../worker/images/sniff.ts";
import { openBindings } from "./bindings.ts";
import { readRows, type BadRow, type GoodRow } from "./rows.ts";
import { sha256, writeProducts, type ProductWithImage } from "./write.ts";

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { remote: { type: "string" }, "persist-to": { type: "string" }, "dry-run": { type: "boolean", default: false } },
});
const file = positionals[0];
if (!file) {
  console.error("usage: npm run catalog:import -- <file.jsonl|file.csv> [--remote production] [--persist-to DIR] [--dry-run]");
  process.exit(1);
}
const format = extname(file).toLowerCase() === ".csv" ? "csv" : "jsonl";
const { good, bad } = readRows(readFileSync(file, "utf8"), format);

const IMAGE_TIMEOUT_MS = 15_000;
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

async function loadImage(g: GoodRow): Promise<ProductWithImage> {
  let bytes: Uint8Array;
  if (g.row.image_file) {
    bytes = new Uint8Array(readFileSync(resolve(dirname(file!), g.row.image_file)));
  } else {
    const res = await fetch(g.row.image_url!, { signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`image_url: answered ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  }
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new Error("image: larger than 10 MB");
  const kind = sniffImage(bytes.subarray(0, 64 * 1024));
  if ("refused" in kind) throw new Error(`image: not a PNG, JPEG or WebP (${kind.refused})`);
  return { row: g.row, image: { version: sha256(bytes), contentType: kind.type, bytes: () => bytes } };
}

const items: ProductWithImage[] = [];
for (const g of good) {
  try {
    items.push(await loadImage(g));
  } catch (err) {
    bad.push({ line: g.line, errors: [(err as Error).message] });
  }
}
bad.sort((a: BadRow, b: BadRow) => a.line - b.line);

for (const b of bad) console.error(`line ${b.line}: ${b.errors.join("; ")}`);
console.log(`${file}: ${items.length} valid, ${bad.length} rejected`);

if (items.length > 0 && !opts["dry-run"]) {
  if (!opts.remote) {
    const persist = opts["persist-to"] ? ["--persist-to", opts["persist-to"]] : [];
    const migrated = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "-c", "wrangler.toml", ...persist], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CI: "true" },
    });
    if (migrated.status !== 0) process.exit(1);
  }
  const target = opts.remote ? `remote (${opts.remote})` : "local";
  const bindings = await openBindings({ remote: opts.remote, persistTo: opts["persist-to"] ? `${opts["persist-to"]}/v3` : undefined });
  try {
    const { written, uploaded } = await writeProducts(bindings.env, items, "import");
    console.log(`imported ${written} products into the ${target} catalog (${uploaded} images uploaded, cache entries invalidated)`);
  } finally {
    await bindings.close();
  }
}
process.exit(items.length === 0 ? 1 : bad.length > 0 ? 3 : 0);
