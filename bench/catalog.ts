// `npm run bench:catalog` (`-- --full`: more rounds): search latency over 10,000 products
// (Korean and English queries, with and without filters) and the cost of a product read from
// the KV cache versus D1, in the app's workerd. Targets (issues 3 and 9): search p50 ≤ 5 ms,
// cached read ≤ 1 ms. The baseline in the same run is GET /api/health (the round trip with no
// real work). Each query's own figures follow, to show which ones take the time.
import { generateCatalog } from "../scripts/catalog/generate.ts";
import { imageKeyFor, productStatements } from "../worker/catalog/store.ts";
import { ms, startApp, stats, time, type Stats } from "./harness.ts";
import { writeSection } from "./report.ts";
import { reportTargets } from "./targets.ts";

const COUNT = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (process.argv.includes("--full") ? 2_100 : 840));

const QUERIES = [
  "q=면접 셔츠", "q=소개팅 원피스", "q=네이비 블레이저", "q=린넨", "q=출근룩 슬랙스", "q=하객 원피스&gender=women",
  "q=트렌치 코트&max_price=300000", "q=스니커즈&tpo=여행", "q=navy blazer", "q=linen shirts&season=summer",
  "q=interview shoes", "q=wedding guest dress", "q=minimal knit&category=top", "q=wool coat&color=camel",
  "category=bottom&tpo=면접&max_price=100000", "style=미니멀&gender=men&limit=20", "q=데일리 니트&min_price=50000&max_price=150000",
  "q=rain jacket", "q=가을 데이트", "q=상견례 구두", "limit=20",
];

const { mf, db, kv } = await startApp();
const products = generateCatalog(COUNT);
// Statements are prepared per batch: each one is a handle in the Node↔workerd proxy, and
// preparing tens of thousands up front broke the proxy's connection.
for (let i = 0; i < products.length; i += 50) {
  await db.batch(products.slice(i, i + 50).flatMap(({ image: _image, ...row }) => productStatements(db, row, imageKeyFor(row.product_id), "demo")));
}
console.log(`seeded ${products.length} products`);

const appTimes = new Map<string, number[]>();
/** GET a path; records the Worker's own time (Server-Timing) under `label`. */
const get = async (path: string, label?: string) => {
  const res = await mf.dispatchFetch(`http://localhost${path}`);
  await res.arrayBuffer();
  // (Two of the queries used to carry a second `limit`, answered 400 in no time and counted as searches.)
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  const dur = Number(/app;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1]);
  if (label && Number.isFinite(dur)) appTimes.set(label, [...(appTimes.get(label) ?? []), dur]);
};

/** A query's URL with a page of 20 (a query's own `limit` wins). */
const searchPath = (query: string) => {
  const params = new URLSearchParams(query);
  if (!params.has("limit")) params.set("limit", "20");
  return `/api/products/search?${params}`;
};

// Warm up the isolate and SQLite's page cache.
for (let i = 0; i < 50; i++) await get(searchPath(QUERIES[i % QUERIES.length]!));

const health: number[] = [];
const search: number[] = [];
const hits: number[] = [];
/** Each query's own samples (round trip, in Worker), for the profile below. */
const perQuery = QUERIES.map(() => ({ roundTrip: [] as number[], inWorker: [] as number[], total: 0 }));
for (let r = 0; r < ROUNDS; r++) {
  health.push(await time(() => get("/api/health", "health")));
  const i = r % QUERIES.length;
  const before = appTimes.get("search")?.length ?? 0;
  const t = await time(() => get(searchPath(QUERIES[i]!), "search"));
  search.push(t);
  perQuery[i]!.roundTrip.push(t);
  const dur = appTimes.get("search")!;
  if (dur.length > before) perQuery[i]!.inWorker.push(dur.at(-1)!);
}
for (const [i, query] of QUERIES.entries()) {
  const res = await mf.dispatchFetch(`http://localhost${searchPath(query)}`);
  perQuery[i]!.total = ((await res.json()) as { data: { total: number } }).data.total;
}
const ids = products.filter((_, i) => i % Math.ceil(products.length / 400) === 0).map((p) => p.product_id);
const misses: number[] = [];
for (const id of ids) {
  await kv.delete(`product_id:${id}`);
  misses.push(await time(() => get(`/api/chat/product/${id}`, "miss")));
  hits.push(await time(() => get(`/api/chat/product/${id}`, "hit")));
}
await mf.dispose();

const rows: [string, string, Stats, string][] = [
  ["GET /api/health (baseline: D1 `select 1`)", "health", stats(health), ""],
  [`search, ${COUNT.toLocaleString("en")} products, ${QUERIES.length} mixed queries`, "search", stats(search), "p50 ≤ 5 ms"],
  ["product read, KV miss → D1 + KV fill", "miss", stats(misses), ""],
  ["product read, KV hit", "hit", stats(hits), "≤ 1 ms"],
];
const table = [
  "| measurement | n | in Worker p50 | in Worker mean | in Worker p99 | round trip p50 | round trip p99 | target |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...rows.map(([name, label, s, target]) => {
    const app = stats(appTimes.get(label) ?? [NaN]);
    return `| ${name} | ${s.n} | ${ms(app.p50)} | ${ms(app.mean)} | ${ms(app.p99)} | ${ms(s.p50)} | ${ms(s.p99)} | ${target} |`;
  }),
].join("\n");
console.log(table);
// Where the time goes: each query's figures (the mean of whole-millisecond Server-Timing readings is the finer figure).
const profile = [
  "| query | matches | n | in Worker p50 | in Worker mean | round trip p50 |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...QUERIES.map((query, i) => {
    const q = perQuery[i]!;
    const app = stats(q.inWorker.length ? q.inWorker : [NaN]);
    return `| \`${query}\` | ${q.total.toLocaleString("en")} | ${q.inWorker.length} | ${ms(app.p50)} | ${ms(app.mean)} | ${ms(stats(q.roundTrip).p50)} |`;
  }),
].join("\n");
console.log(profile);
const searchApp = stats(appTimes.get("search") ?? [NaN]);
reportTargets("catalog", [
  { what: `catalog search at ${COUNT.toLocaleString("en")} products, p50 in Worker`, measured: ms(searchApp.p50), target: "≤ 5 ms", met: searchApp.p50 <= 5 },
  { what: "product read from the KV cache, p50 in Worker", measured: ms(stats(appTimes.get("hit") ?? [NaN]).p50), target: "≤ 1 ms", met: stats(appTimes.get("hit") ?? [NaN]).p50 <= 1 },
]);
writeSection(
  "catalog",
  "Catalog search and product cache",
  `Command: \`npm run bench:catalog\`. The app's Worker bundle in workerd through Miniflare's API (no dev proxy), in-memory D1/KV,
${COUNT.toLocaleString("en")} generated products. "In Worker" is the app's own Server-Timing (request in → response out,
D1/KV I/O included; whole milliseconds: Workers clocks have no finer resolution, so the per-query means are the finer figure);
"round trip" is timed from Node around \`dispatchFetch\` and adds the Node↔workerd hop and log piping.

${table}

Each query's share (${ROUNDS} rounds over ${QUERIES.length} queries, \`limit=20\`; "matches" is the answer's \`total\`):

${profile}`,
);
