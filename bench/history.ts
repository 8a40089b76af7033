// `npm run bench:history` (quick) or `npm run bench:history -- --full` (more rounds): a chat
// room's message history (GET /api/chat/rooms/{id}/messages, the seed's infinite scroll) with
// 100,000 messages in the room, in the app's workerd (Miniflare's API, the Worker on its own
// socket: no dev proxy, no entry worker). Timed: the newest page, pages 10 %, 50 % and 90 %
// deep (reached through the route's own `next_cursor` format) and the oldest page, against two
// baselines in the same run: GET /api/health (the round trip with a D1 `select 1`) and the
// newest page of a room with 100 messages. Target (issue 9): p50 ≤ 5 ms in the Worker.
//
// The room's rows are what the app stores: a few real turns are run first through the app
// (POST /api/chat/send with the offline stylists over a generated catalog, answers saved by
// the room), and their rows — the user's question, the four experts' answers and one
// `*_PRODUCT` row per recommended product — are copied into the big room turn after turn, five
// minutes apart, oldest first (ids grow with time, as in the app). Rows go in through D1
// directly, 1,000 per statement (`insert … select … from json_each(?)`, one bound parameter).
// BENCH_MESSAGES and BENCH_ROUNDS override.
import { ms, startApp, stats } from "./harness.ts";
import { writeSection } from "./report.ts";
import { reportTargets } from "./targets.ts";
import { QUESTIONS, seed } from "./seed.ts";

const FULL = process.argv.includes("--full");
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const SMALL = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (FULL ? 1_000 : 200));
const LIMIT = 20; // the SPA's page (web/src/api/chat.ts)
const TURN_GAP_MS = 5 * 60_000;

let shownLogs = 0;
const app = await startApp({ LLM_ENGINE: "local", LOCAL_STREAM_PACE_MS: "0" }, {
  unlimited: true,
  onLog: (log) => {
    if (["warn", "error"].includes(log.level) && shownLogs++ < 20) console.error(`  [workerd ${log.level}] ${log.message.slice(0, 300)}`);
  },
});
const { db, url } = app;

async function call(path: string, init: RequestInit = {}) {
  const t = performance.now();
  const res = await fetch(`${url}${path}`, init);
  const body = await res.text();
  const roundTrip = performance.now() - t;
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${body.slice(0, 200)}`);
  const inWorker = Number(/app;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1]);
  return { res, body, roundTrip, inWorker };
}

// ------------------------------------------------------------------ real turns as templates

await seed(db, 2_000);
const login = await call("/api/auth/dev-login", { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ nickname: "history" }) });
const cookie = login.res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const userId = (JSON.parse(login.body) as { data: { userId: number } }).data.userId;

const templateTurns: string[] = [];
let templateRoom = 0;
for (const question of QUESTIONS) {
  const sent = await call("/api/chat/send", {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: url },
    body: JSON.stringify({ content: question, ...(templateRoom ? { room_id: templateRoom } : {}) }),
  });
  const { room_id, turn_id } = (JSON.parse(sent.body) as { data: { room_id: number; turn_id: string } }).data;
  templateRoom = room_id;
  templateTurns.push(turn_id);
  // The turn is saved when the coordinator's answer is in D1.
  for (let i = 0; ; i++) {
    const saved = await db.prepare("select count(*) as n from chat_messages where turn_id = ? and sender_type = 'FITTING_COORDINATOR'").bind(turn_id).first<{ n: number }>();
    if (saved?.n) break;
    if (i > 600) throw new Error(`turn ${turn_id} was not saved within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Row = { sender_type: string; message: string; image_url: string | null; product_image_url: string | null; product_id: string | null; engine: string | null; created_at: number };
/** Each template turn's rows in the order the app stored them, times relative to the question. */
const templates = await Promise.all(
  templateTurns.map(async (turnId) => {
    const rows = (
      await db
        .prepare("select sender_type, message, image_url, product_image_url, product_id, engine, created_at from chat_messages where turn_id = ? order by id")
        .bind(turnId)
        .all<Row>()
    ).results;
    const asked = rows.find((r) => r.sender_type === "USER")!.created_at;
    return rows.map((r) => ({ ...r, created_at: r.created_at - asked }));
  }),
);
const perTurn = templates.map((t) => t.filter((r) => !r.sender_type.endsWith("_PRODUCT")).length);
const productRows = templates.reduce((s, t) => s + t.length, 0) - perTurn.reduce((s, n) => s + n, 0);
console.log(`template turns: ${templates.length}, ${perTurn.join("/")} messages, ${productRows} product rows in all`);

// ------------------------------------------------------------------ the rooms

async function fillRoom(messages: number): Promise<number> {
  const now = Date.now();
  const room = await db.prepare("insert into chat_rooms (user_id, title, created_at, updated_at) values (?, ?, ?, ?) returning id").bind(userId, QUESTIONS[0]!.slice(0, 39), now, now).first<{ id: number }>();
  const roomId = room!.id;
  const turns = Math.ceil(messages / 5);
  const start = now - turns * TURN_GAP_MS;
  const insert = `insert into chat_messages (room_id, sender_type, message, image_url, product_image_url, product_id, turn_id, engine, created_at)
    select ${roomId}, value ->> '$[0]', value ->> '$[1]', value ->> '$[2]', value ->> '$[3]', value ->> '$[4]', value ->> '$[5]', value ->> '$[6]', value ->> '$[7]' from json_each(?)`;
  let pending: unknown[][] = [];
  let statements: D1PreparedStatement[] = [];
  let stored = 0;
  const flush = async (force: boolean) => {
    if (pending.length >= 1_000 || (force && pending.length)) {
      statements.push(db.prepare(insert).bind(JSON.stringify(pending)));
      pending = [];
    }
    if (statements.length >= 10 || (force && statements.length)) {
      await db.batch(statements);
      statements = [];
    }
  };
  for (let t = 0; t < turns && stored < messages; t++) {
    const template = templates[t % templates.length]!;
    const asked = start + t * TURN_GAP_MS;
    const turnId = crypto.randomUUID();
    for (const r of template) {
      const isMessage = !r.sender_type.endsWith("_PRODUCT");
      if (isMessage && stored === messages) break;
      if (isMessage) stored++;
      pending.push([r.sender_type, r.message, r.image_url, r.product_image_url, r.product_id, turnId, r.engine, asked + r.created_at]);
    }
    await flush(false);
  }
  await flush(true);
  await db.prepare("update chat_rooms set updated_at = (select max(created_at) from chat_messages where room_id = ?1) where id = ?1").bind(roomId).run();
  return roomId;
}

const seeding = performance.now();
const bigRoom = await fillRoom(MESSAGES);
const smallRoom = await fillRoom(SMALL);
const counted = await db
  .prepare("select count(*) as n, sum(sender_type not like '%\\_PRODUCT' escape '\\') as messages from chat_messages where room_id = ?")
  .bind(bigRoom)
  .first<{ n: number; messages: number }>();
const bytes = await db.prepare("select sum(length(message)) as b from chat_messages where room_id = ?").bind(bigRoom).first<{ b: number }>();
console.log(
  `room ${bigRoom}: ${counted!.messages.toLocaleString("en")} messages + ${(counted!.n - counted!.messages).toLocaleString("en")} product rows (${(bytes!.b / 2 ** 20).toFixed(0)} MiB of text) in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
);

// ------------------------------------------------------------------ the pages

/** The route's cursor for a page that starts `depth` messages from the newest (found with OFFSET here, untimed). */
async function cursorAt(roomId: number, depth: number): Promise<string | null> {
  if (depth === 0) return null;
  const row = await db
    .prepare(
      "select id, created_at from chat_messages where room_id = ? and sender_type not like '%\\_PRODUCT' escape '\\' order by created_at desc, id desc limit 1 offset ?",
    )
    .bind(roomId, depth - 1)
    .first<{ id: number; created_at: number }>();
  return `${new Date(row!.created_at).toISOString()}_${row!.id}`;
}

type Page = { messages: { id: number }[]; has_more: boolean; next_cursor: string | null; count: number };
const pagePath = (roomId: number, cursor: string | null) => `/api/chat/rooms/${roomId}/messages?limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;

const total = counted!.messages;
const cases: { label: string; path: string; target: string; expect?: { count: number; has_more: boolean } }[] = [
  { label: "GET /api/health (baseline: D1 `select 1`)", path: "/api/health", target: "" },
  { label: `newest page, room of ${SMALL} messages (baseline)`, path: pagePath(smallRoom, null), target: "", expect: { count: LIMIT, has_more: true } },
];
for (const [name, depth] of [
  ["newest page", 0],
  ["10 % deep", Math.round(total * 0.1)],
  ["50 % deep", Math.round(total * 0.5)],
  ["90 % deep", Math.round(total * 0.9)],
  ["oldest page", total - LIMIT],
] as const) {
  cases.push({
    label: `${name}, room of ${total.toLocaleString("en")} messages`,
    path: pagePath(bigRoom, await cursorAt(bigRoom, depth)),
    target: "p50 ≤ 5 ms",
    expect: { count: LIMIT, has_more: depth + LIMIT < total },
  });
}

// Each page is checked once: the right size, and where the cursor says it starts.
for (const c of cases) {
  if (!c.expect) continue;
  const page = (JSON.parse((await call(c.path, { headers: { cookie } })).body) as { data: Page }).data;
  if (page.count !== c.expect.count || page.has_more !== c.expect.has_more) throw new Error(`${c.label}: ${page.count} messages, has_more ${page.has_more}`);
}

// Warm up (isolate, SQLite's page cache), then every case in turn, round after round.
for (let i = 0; i < 30; i++) for (const c of cases) await call(c.path, { headers: { cookie } });
const samples = cases.map(() => ({ inWorker: [] as number[], roundTrip: [] as number[] }));
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, c] of cases.entries()) {
    const t = await call(c.path, { headers: { cookie } });
    samples[i]!.inWorker.push(t.inWorker);
    samples[i]!.roundTrip.push(t.roundTrip);
  }
}
await app.mf.dispose();

const table = [
  "| measurement | n | in Worker p50 | in Worker mean | in Worker p99 | round trip p50 | round trip p99 | target |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...cases.map((c, i) => {
    const w = stats(samples[i]!.inWorker);
    const rt = stats(samples[i]!.roundTrip);
    return `| ${c.label} | ${w.n} | ${ms(w.p50)} | ${ms(w.mean)} | ${ms(w.p99)} | ${ms(rt.p50)} | ${ms(rt.p99)} | ${c.target} |`;
  }),
].join("\n");
console.log(table);
reportTargets(
  "history",
  cases.flatMap((c, i) => {
    if (!c.target) return [];
    const p50 = stats(samples[i]!.inWorker).p50;
    return [{ what: `message history: ${c.label}, p50 in Worker`, measured: ms(p50), target: "≤ 5 ms", met: p50 <= 5 }];
  }),
);

writeSection(
  "history",
  "Message history at 100,000 messages",
  `\`npm run bench:history\` (quick: ${FULL ? 1_000 : 200} rounds) or \`npm run bench:history -- --full\` (1,000 rounds); this run: ${FULL ? "full" : "quick"}, ${ROUNDS} rounds.
The app's Worker bundle in workerd through Miniflare's API (its own socket: no dev proxy, no entry worker), in-memory D1.
One room of ${total.toLocaleString("en")} messages (${(counted!.n - counted!.messages).toLocaleString("en")} \`*_PRODUCT\` rows besides, ${(bytes!.b / 2 ** 20).toFixed(0)} MiB of text):
the rows of ${templates.length} real turns (the offline stylists over 2,000 generated products: the question, four answers and
their product rows, as the app stores them) copied turn after turn, five minutes apart. Pages of ${LIMIT} (the SPA's), signed in
with a session cookie; the deep pages are reached with the route's own cursor (\`<ISO time>_<id>\` of the previous page's oldest
message). Every case is checked once (size, \`has_more\`), warmed up, then timed round-robin.

"In Worker" is the app's Server-Timing (\`app;dur=\`, request in → response out). Workers clocks have whole-millisecond
resolution (\`Date.now()\` and \`performance.now()\` alike; in production they also stand still between I/O events), so a
p50 is a whole number of milliseconds; the mean of the differences of two such readings is unbiased and is the sub-millisecond
figure. "Round trip" is timed from Node with \`performance.now()\` (HTTP on loopback, keep-alive).

${table}`,
);
