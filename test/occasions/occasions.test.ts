// Occasions through the public API: creating one (validated, with the kind's preparation steps),
// listing upcoming before past, the checklist, pinning an outfit from the catalog, the try-on to
// show, rehearsals made for it with their trend, the calendar file, deleting, and nobody else's.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedProduct } from "../../scripts/catalog/generate";
import { categoryOf } from "../../worker/catalog/product-row";
import { fold } from "../../worker/occasions/calendar";
import { withOccasion } from "../../worker/voice/occasion-context";
import { instructions } from "../../worker/voice/instructions";
import { scenario } from "../../worker/voice/scenarios";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { connect } from "../voice/socket";

type Item = { id: string; text: string; done: boolean; auto: boolean };
type Occasion = {
  id: string;
  kind: string;
  title: string;
  startsAt: number;
  checklist: Item[];
  readiness: { done: number; total: number; percent: number };
  scenarios: { id: string }[];
  outfit: { source: string; products: { product_id: string }[] } | null;
  tryOn: { taskId: string } | null;
  rehearsals: { sessionId: string; overall: number | null }[];
  trend: number | null;
  past: boolean;
};

let products: GeneratedProduct[];
beforeAll(async () => {
  products = await seedCatalog(200);
});

async function signedIn(name: string) {
  const b = new Browser();
  await b.devLogin(`${name}-${crypto.randomUUID().slice(0, 6)}`);
  return b;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace("Z", "+00:00");

async function create(b: Browser, body: object) {
  const { res, body: out } = await b.json<Occasion>("/api/occasions", { method: "POST", body });
  expect(res.status, out.message).toBe(201);
  return out.data;
}

const interview = { kind: "interview", title: "Toss backend interview", startsAt: inDays(7), language: "en", place: "Gangnam, Seoul", details: { company: "Toss", role: "Backend developer", dressCode: "smart casual" } };

describe("occasions", () => {
  it("creates an occasion with its kind's steps and scenarios, and refuses bad input in the envelope", async () => {
    const b = await signedIn("occ");
    const o = await create(b, interview);
    expect(o).toMatchObject({ kind: "interview", title: "Toss backend interview", past: false, outfit: null, tryOn: null, rehearsals: [], trend: null });
    // The developer role puts the developer interview first.
    expect(o.scenarios.map((s) => s.id)).toEqual(["interview-developer", "interview-general"]);
    expect(o.checklist.filter((i) => i.auto).map((i) => i.id)).toEqual(["outfit", "try-on", "rehearse"]);
    expect(o.checklist.filter((i) => !i.auto).map((i) => i.text)).toContain("Prepare two or three questions to ask them");
    expect(o.readiness).toEqual({ done: 0, total: o.checklist.length, percent: 0 });

    for (const [body, field] of [
      [{ ...interview, kind: "party" }, "kind"],
      [{ ...interview, title: "" }, "title"],
      [{ ...interview, startsAt: "next tuesday" }, "startsAt"],
      [{ ...interview, startsAt: "2026-12-10T14:00:00" }, "startsAt"],
      [{ ...interview, timeZone: "Mars/Olympus" }, "timeZone"],
      [{ ...interview, details: { company: "x", salary: 1 } }, "details"],
    ] as const) {
      const { res, body: out } = await b.json("/api/occasions", { method: "POST", body });
      expect(res.status, field).toBe(400);
      expect(out).toMatchObject({ status: "fail", data: null });
      expect(out.message).toContain(field);
    }
    expect((await new Browser().json("/api/occasions")).res.status).toBe(401);
  });

  it("lists upcoming occasions soonest first, then past ones latest first", async () => {
    const b = await signedIn("list");
    const later = await create(b, { ...interview, title: "later", startsAt: inDays(10) });
    const soon = await create(b, { kind: "first_date", title: "soon", startsAt: inDays(1) });
    const longAgo = await create(b, { kind: "presentation", title: "long ago", startsAt: inDays(-30) });
    const lastWeek = await create(b, { kind: "wedding_guest", title: "last week", startsAt: inDays(-7) });
    const { body } = await b.json<{ upcoming: Occasion[]; past: Occasion[] }>("/api/occasions");
    expect(body.data.upcoming.map((o) => o.id)).toEqual([soon.id, later.id]);
    expect(body.data.past.map((o) => o.id)).toEqual([lastWeek.id, longAgo.id]);
    // A wedding guest has nothing to rehearse: no rehearsal step.
    expect(body.data.past[0]!.scenarios).toEqual([]);
    expect(body.data.past[0]!.checklist.map((i) => i.id)).not.toContain("rehearse");
  });

  it("keeps the checklist as the user ticks, adds and removes steps, and readiness follows", async () => {
    const b = await signedIn("check");
    const o = await create(b, interview);
    const manual = o.checklist.filter((i) => !i.auto);
    const next = [
      { id: manual[0]!.id, text: manual[0]!.text, done: true },
      { id: manual[1]!.id, text: manual[1]!.text, done: false },
      { text: "Iron the shirt", done: true },
    ];
    const { res, body } = await b.json<Occasion>(`/api/occasions/${o.id}`, { method: "PATCH", body: { checklist: next } });
    expect(res.status, body.message).toBe(200);
    const items = body.data.checklist.filter((i) => !i.auto);
    expect(items.map((i) => [i.text, i.done])).toEqual([
      [manual[0]!.text, true],
      [manual[1]!.text, false],
      ["Iron the shirt", true],
    ]);
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
    expect(body.data.readiness).toEqual({ done: 2, total: 6, percent: 33 });
    const bad = await b.json(`/api/occasions/${o.id}`, { method: "PATCH", body: { checklist: [{ text: "x".repeat(300) }] } });
    expect(bad.res.status).toBe(400);
    expect((await b.json(`/api/occasions/${o.id}`, { method: "PATCH", body: {} })).res.status).toBe(400);
  });

  it("pins an outfit from the catalog and shows the user's own try-on only", async () => {
    const b = await signedIn("pin");
    const o = await create(b, interview);
    const top = products.find((p) => categoryOf(p.subcategory) === "top")!;
    const bottom = products.find((p) => categoryOf(p.subcategory) === "bottom")!;
    const { body } = await b.json<Occasion>(`/api/occasions/${o.id}`, { method: "PATCH", body: { outfit: { productIds: [top.product_id, bottom.product_id] } } });
    expect(body.data.outfit).toMatchObject({ source: "pinned", products: [{ product_id: top.product_id }, { product_id: bottom.product_id }] });
    expect(body.data.checklist.find((i) => i.id === "outfit")!.done).toBe(true);
    const missing = await b.json(`/api/occasions/${o.id}`, { method: "PATCH", body: { outfit: { productIds: ["NOPE-1"] } } });
    expect(missing.res.status).toBe(404);
    expect(missing.body.message).toContain("NOPE-1");

    // Someone else's try-on cannot be attached.
    const other = await signedIn("pin-other");
    const otherId = (await other.json<{ userId: number }>("/api/auth/me")).body.data.userId;
    const taskId = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare("insert into uploads (id, user_id, r2_key, content_type, size) values (?, ?, 'x', 'image/jpeg', 1)").bind(taskId, otherId),
      env.DB.prepare("insert into fitting_tasks (id, user_id, kind, model_upload_id, status, provider) values (?, ?, 'single', ?, 'completed', 'local')").bind(taskId, otherId, taskId),
    ]);
    expect((await b.json(`/api/occasions/${o.id}`, { method: "PATCH", body: { tryOnTaskId: taskId } })).res.status).toBe(404);
    const unpinned = await b.json<Occasion>(`/api/occasions/${o.id}`, { method: "PATCH", body: { outfit: null } });
    expect(unpinned.body.data.outfit).toBeNull();
  });

  it("gathers the rehearsals made for it, with their trend", async () => {
    const b = await signedIn("reh");
    const o = await create(b, interview);
    const sessions: string[] = [];
    for (const overall of [55, 72]) {
      const { res, body } = await b.json<{ id: string; occasionId: string }>("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-developer", language: "en", occasionId: o.id } });
      expect(res.status, body.message).toBe(201);
      expect(body.data.occasionId).toBe(o.id);
      sessions.push(body.data.id);
      await env.DB.prepare(
        "insert into feedback_reports (session_id, user_id, overall, politeness, clarity, pace, fillers, metrics, details, engine) select id, user_id, ?, 70, 70, 70, 70, '{}', '{}', 'heuristic' from voice_sessions where id = ?",
      )
        .bind(overall, body.data.id)
        .run();
      await new Promise((r) => setTimeout(r, 5));
    }
    const { body } = await b.json<Occasion>(`/api/occasions/${o.id}`);
    expect(body.data.rehearsals.map((r) => [r.sessionId, r.overall])).toEqual([
      [sessions[0], 55],
      [sessions[1], 72],
    ]);
    expect(body.data.trend).toBe(17);
    expect(body.data.checklist.find((i) => i.id === "rehearse")!.done).toBe(true);
    // Another user's occasion cannot take a rehearsal.
    const other = await signedIn("reh-other");
    expect((await other.json("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general", occasionId: o.id } })).res.status).toBe(404);
  });

  it("folds the occasion's company and role into the partner: its first line and its persona", async () => {
    const b = await signedIn("persona");
    const o = await create(b, { ...interview, language: "ko", details: { company: "토스", role: "백엔드 개발자" } });
    const { body } = await b.json<{ id: string }>("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general", language: "ko", occasionId: o.id } });
    const socket = await connect(b, body.data.id);
    await socket.nth("response.done");
    expect(socket.partnerLines()[0]).toBe("안녕하세요, 와 주셔서 감사합니다. 토스 백엔드 개발자 면접입니다. 편하게 앉으세요. 먼저 간단하게 자기소개 부탁드립니다.");
    socket.close();

    // A rehearsal without an occasion keeps the scenario's own line.
    const plain = await b.json<{ id: string }>("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general", language: "ko" } });
    const other = await connect(b, plain.body.data.id);
    await other.nth("response.done");
    expect(other.partnerLines()[0]).toBe(scenario("interview-general")!.opening.ko);
    other.close();

    // The OpenAI partner's instructions carry the same details.
    const s = withOccasion(scenario("interview-general")!, { title: "Toss interview", company: "Toss", role: "Backend developer", place: "Gangnam" });
    const text = instructions(s, "normal", "en");
    expect(text).toContain("company: Toss, role: Backend developer, place: Gangnam");
    expect(text).toContain('Open with exactly: "Hello, thanks for coming in. This is the interview for the Backend developer position at Toss. Please have a seat.');
  });

  it("exports a calendar file with the outfit and a reminder the day before", async () => {
    const b = await signedIn("ics");
    const o = await create(b, { ...interview, title: "Interview; Toss, backend", startsAt: "2026-12-10T14:00:00+09:00", notes: "Bring the portfolio,\nand the ID card\rand a pen" });
    const top = products.find((p) => categoryOf(p.subcategory) === "top")!;
    await b.json(`/api/occasions/${o.id}`, { method: "PATCH", body: { outfit: { productIds: [top.product_id] } } });
    const res = await b.fetch(`/api/occasions/${o.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="debut-[0-9a-f]{8}\.ics"$/);
    const ics = await res.text();
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("DTSTART:20261210T050000Z");
    expect(unfolded).toContain("DTEND:20261210T060000Z");
    expect(unfolded).toContain("SUMMARY:Interview\\; Toss\\, backend");
    expect(unfolded).toContain("LOCATION:Gangnam\\, Seoul");
    expect(unfolded).toContain(`Outfit: ${top.name_en}`);
    expect(unfolded).toContain("Bring the portfolio\\,\\nand the ID card\\nand a pen");
    expect(/\r(?!\n)/.test(ics)).toBe(false); // no line break but CRLF, even from a lone CR in the notes
    expect(unfolded).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\nDESCRIPTION:"Interview\\; Toss\\, backend" is tomorrow\. Rehearse once more today\.\r\nEND:VALARM/);
  });

  it("folds long lines between characters, never inside one", () => {
    const line = `DESCRIPTION:${"면접 준비 ".repeat(20)}`;
    const folded = fold(line).split("\r\n");
    expect(folded.length).toBeGreaterThan(1);
    expect(folded.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(line);
  });

  it("shows, changes and deletes only the owner's occasions", async () => {
    const a = await signedIn("own-a");
    const b = await signedIn("own-b");
    const o = await create(a, interview);
    for (const [method, path, body] of [
      ["GET", `/api/occasions/${o.id}`, undefined],
      ["PATCH", `/api/occasions/${o.id}`, { title: "mine now" }],
      ["GET", `/api/occasions/${o.id}/calendar.ics`, undefined],
      ["DELETE", `/api/occasions/${o.id}`, undefined],
    ] as const) {
      const res = await b.fetch(path, { method, ...(body ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await new Browser().fetch(path, { method })).status, `${method} ${path} signed out`).toBe(401);
    }
    expect((await b.json<{ upcoming: Occasion[] }>("/api/occasions")).body.data.upcoming).toEqual([]);
    expect((await a.json<Occasion>(`/api/occasions/${o.id}`)).body.data.title).toBe("Toss backend interview");
    expect((await a.json(`/api/occasions/${o.id}`, { method: "DELETE" })).res.status).toBe(200);
    expect((await a.json(`/api/occasions/${o.id}`)).res.status).toBe(404);
  });
});
