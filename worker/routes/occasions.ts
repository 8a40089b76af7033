// Occasions: the moment a person is getting ready for, with the outfit chosen for it, its
// try-on, the rehearsals made for it and a readiness checklist, listed upcoming first, and
// exported to a calendar. Every occasion is read and changed only by its owner.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireUser } from "../auth/session";
import { getProduct, type PublicProduct } from "../catalog/products";
import { db } from "../db/client";
import { OCCASION_KINDS, type ChecklistItem } from "../db/schema";
import { ownTask, publicTask } from "../fitting/tasks";
import { ok, success } from "../http/envelope";
import { AppError } from "../http/errors";
import { router, type AppEnv } from "../http/hono";
import { cookieAuth, envelope, errors, failureResponse } from "../http/openapi";
import { icsFor } from "../occasions/calendar";
import { KINDS, scenariosFor, type OccasionKind } from "../occasions/kinds";
import { createRoom } from "../chat/store";
import { coordinatorPick, createOccasion, deleteOccasion, latestTryOnIn, listOccasions, occasionOfRoom, ownOccasion, rehearsalsOf, updateOccasion, type OccasionRow } from "../occasions/store";
import { scenario } from "../voice/scenarios";

const occasionsApi = router();
occasionsApi.use("/api/occasions/*", requireUser);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "not an IANA time zone (e.g. Asia/Seoul)");

const Details = z
  .object({ company: text(120).optional(), role: text(120).optional(), dressCode: text(120).optional(), weather: text(120).optional() })
  .strict();

const CreateBody = z
  .object({
    kind: z.enum(OCCASION_KINDS),
    title: text(120),
    startsAt: z.iso.datetime({ offset: true }).describe("ISO 8601 with its offset, e.g. 2026-12-10T14:00:00+09:00"),
    timeZone: TimeZone.default("Asia/Seoul"),
    language: z.enum(["ko", "en"]).default("ko"),
    place: optionalText(200),
    notes: optionalText(2_000),
    details: Details.default({}),
  })
  .openapi("CreateOccasion");

const ChecklistPatch = z
  .array(z.object({ id: z.string().max(16).optional(), text: text(200), done: z.boolean().default(false) }).strict())
  .max(20);

const PatchBody = z
  .object({
    kind: z.enum(OCCASION_KINDS),
    title: text(120),
    startsAt: z.iso.datetime({ offset: true }),
    timeZone: TimeZone,
    language: z.enum(["ko", "en"]),
    place: optionalText(200),
    notes: optionalText(2_000),
    details: Details,
    /** The preparation steps, as the user keeps them: ticked, added, reworded or removed. */
    checklist: ChecklistPatch,
    /** Pin an outfit (products from the catalog), or null to unpin. */
    outfit: z.object({ productIds: z.array(z.string().trim().min(1).max(64)).min(1).max(4) }).strict().nullable(),
    /** The try-on to show for it (one of the user's), or null. */
    tryOnTaskId: z.string().trim().min(1).max(64).nullable(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, "nothing to change")
  .openapi("UpdateOccasion");

const Text = z.object({ ko: z.string(), en: z.string() });
const Product = z.object({ product_id: z.string(), product_name: z.string(), product_name_en: z.string(), image_url: z.string(), price: z.number(), category: z.string() });
const Occasion = z
  .object({
    id: z.string(),
    kind: z.enum(OCCASION_KINDS),
    kind_name: Text,
    title: z.string(),
    startsAt: z.number(),
    timeZone: z.string(),
    language: z.enum(["ko", "en"]),
    place: z.string().nullable(),
    notes: z.string().nullable(),
    details: z.object({ company: z.string().optional(), role: z.string().optional(), dressCode: z.string().optional(), weather: z.string().optional() }),
    roomId: z.number().nullable(),
    outfit: z.object({ source: z.enum(["coordinator", "pinned"]), products: z.array(Product) }).nullable(),
    tryOn: z.object({ taskId: z.string(), status: z.string(), downloadUrl: z.string().nullable() }).nullable(),
    rehearsals: z.array(z.object({ sessionId: z.string(), scenarioId: z.string(), status: z.string(), createdAt: z.number(), overall: z.number().nullable() })),
    /** Last scored rehearsal's overall score minus the first's (null with fewer than two). */
    trend: z.number().nullable(),
    checklist: z.array(z.object({ id: z.string(), text: z.string(), done: z.boolean(), auto: z.boolean() })),
    readiness: z.object({ done: z.number(), total: z.number(), percent: z.number() }),
    scenarios: z.array(z.object({ id: z.string(), title: Text })),
    past: z.boolean(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("Occasion");

const notFound = () => new AppError(404, "일정을 찾을 수 없습니다. (Occasion not found)");

async function mine(c: Context<AppEnv>, id: string): Promise<OccasionRow> {
  const row = await ownOccasion(db(c.env), c.get("user").id, id);
  if (!row) throw notFound();
  return row;
}

const AUTO_STEPS = {
  outfit: { ko: "입을 옷 정하기", en: "Choose the outfit" },
  tryOn: { ko: "가상 피팅으로 입어 보기", en: "Try it on virtually" },
  rehearse: { ko: "말하기 연습 한 번 이상 하기", en: "Rehearse at least once" },
};

type Rehearsal = Awaited<ReturnType<typeof rehearsalsOf>>[number];

/** The outfit the user pinned, else the fitting coordinator's latest pick in the occasion's room, with its products. */
async function outfitOf(c: Context<AppEnv>, row: OccasionRow): Promise<{ source: "coordinator" | "pinned"; products: PublicProduct[] } | null> {
  const chosen = row.outfit ?? (row.roomId ? await coordinatorPick(db(c.env), row.roomId) : undefined);
  if (!chosen) return null;
  const products = (await Promise.all(chosen.productIds.map((id) => getProduct(c.env, id, c.executionCtx)))).filter((p): p is PublicProduct => p !== null);
  return products.length ? { source: chosen.source, products } : null;
}

/** The occasion as the API shows it: the outfit's products, the try-on, rehearsals, checklist, readiness. */
async function view(c: Context<AppEnv>, row: OccasionRow, rehearsals: Rehearsal[], now = Date.now()): Promise<z.infer<typeof Occasion>> {
  const outfit = await outfitOf(c, row);
  // The try-on the user chose, else the latest one made from the occasion's room.
  const taskId = row.tryOnTaskId ?? (row.roomId ? await latestTryOnIn(db(c.env), row.userId, row.roomId) : undefined);
  const task = taskId ? await ownTask(db(c.env), row.userId, taskId) : undefined;
  const tryOn = task ? publicTask(task) : null;
  const scored = rehearsals.filter((r) => r.overall !== null);
  const scenarios = scenariosFor(row.kind, row.details.role).flatMap((id) => {
    const s = scenario(id);
    return s ? [{ id, title: s.title }] : [];
  });
  const lang = row.language;
  const auto: (ChecklistItem & { auto: boolean })[] = [
    { id: "outfit", text: AUTO_STEPS.outfit[lang], done: outfit !== null, auto: true },
    { id: "try-on", text: AUTO_STEPS.tryOn[lang], done: tryOn?.status === "completed", auto: true },
    ...(scenarios.length ? [{ id: "rehearse", text: AUTO_STEPS.rehearse[lang], done: scored.length > 0, auto: true }] : []),
  ];
  const checklist = [...auto, ...row.checklist.map((i) => ({ ...i, auto: false }))];
  const done = checklist.filter((i) => i.done).length;
  return {
    id: row.id,
    kind: row.kind,
    kind_name: KINDS[row.kind].name,
    title: row.title,
    startsAt: row.startsAt,
    timeZone: row.timeZone,
    language: row.language,
    place: row.place,
    notes: row.notes,
    details: row.details,
    roomId: row.roomId,
    outfit: outfit && { source: outfit.source, products: outfit.products.map(({ product_id, product_name, product_name_en, image_url, price, category }) => ({ product_id, product_name, product_name_en, image_url, price, category })) },
    tryOn: tryOn ? { taskId: tryOn.taskId, status: tryOn.status, downloadUrl: tryOn.downloadUrl } : null,
    rehearsals: rehearsals.map(({ occasionId: _o, ...r }) => r),
    trend: scored.length >= 2 ? scored.at(-1)!.overall! - scored[0]!.overall! : null,
    checklist,
    readiness: { done, total: checklist.length, percent: Math.round((done / checklist.length) * 100) },
    scenarios,
    past: row.startsAt < now,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const stepsFor = (kind: OccasionKind, lang: "ko" | "en"): ChecklistItem[] => KINDS[kind].steps.map((s, i) => ({ id: `s${i + 1}`, text: s[lang], done: false }));

occasionsApi.openapi(
  createRoute({
    method: "post",
    path: "/api/occasions",
    tags: ["Occasions"],
    summary: "Plan for a moment that matters: its kind, title, time, place and details; opens a stylist room that knows it",
    security: cookieAuth,
    request: { body: { required: true, content: { "application/json": { schema: CreateBody } } } },
    responses: { 201: envelope(Occasion, "The new occasion"), 400: errors[400], 401: errors[401] },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const userId = c.get("user").id;
    // Its stylist room: the experts read the occasion before the conversation (occasions/brief-note.ts).
    const roomId = await createRoom(c.env.DB, userId, body.title);
    const row = await createOccasion(db(c.env), {
      id: crypto.randomUUID(),
      userId,
      roomId,
      kind: body.kind,
      title: body.title,
      startsAt: Date.parse(body.startsAt),
      timeZone: body.timeZone,
      language: body.language,
      place: body.place,
      notes: body.notes,
      details: body.details,
      checklist: stepsFor(body.kind, body.language),
    });
    return c.json(success(await view(c, row, [])), 201);
  },
);

occasionsApi.openapi(
  createRoute({
    method: "get",
    path: "/api/occasions",
    tags: ["Occasions"],
    summary: "Your occasions: upcoming ones soonest first, then past ones most recent first",
    security: cookieAuth,
    responses: { 200: envelope(z.object({ upcoming: z.array(Occasion), past: z.array(Occasion) })), 401: errors[401] },
  }),
  async (c) => {
    const userId = c.get("user").id;
    const rows = await listOccasions(db(c.env), userId);
    const rehearsals = await rehearsalsOf(db(c.env), userId);
    const now = Date.now();
    const views = await Promise.all(rows.map((r) => view(c, r, rehearsals.filter((x) => x.occasionId === r.id), now)));
    return ok(c, { upcoming: views.filter((v) => !v.past), past: views.filter((v) => v.past).reverse() });
  },
);

const IdParams = z.object({ id: z.string().min(1).max(64) });

occasionsApi.openapi(
  createRoute({
    method: "get",
    path: "/api/occasions/for-room/{roomId}",
    tags: ["Occasions"],
    summary: "The occasion a stylist room was opened for (null when none), so its answers can be pinned to it",
    security: cookieAuth,
    request: { params: z.object({ roomId: z.coerce.number().int().positive() }) },
    responses: { 200: envelope(z.object({ occasion: z.object({ id: z.string(), title: z.string() }).nullable() })), 400: errors[400], 401: errors[401] },
  }),
  async (c) => {
    const row = await occasionOfRoom(db(c.env), c.get("user").id, c.req.valid("param").roomId);
    return ok(c, { occasion: row ? { id: row.id, title: row.title } : null });
  },
);

occasionsApi.openapi(
  createRoute({
    method: "get",
    path: "/api/occasions/{id}",
    tags: ["Occasions"],
    summary: "One of your occasions at a glance",
    security: cookieAuth,
    request: { params: IdParams },
    responses: { 200: envelope(Occasion), 401: errors[401], 404: errors[404] },
  }),
  async (c) => {
    const row = await mine(c, c.req.valid("param").id);
    return ok(c, await view(c, row, await rehearsalsOf(db(c.env), row.userId, row.id)));
  },
);

occasionsApi.openapi(
  createRoute({
    method: "patch",
    path: "/api/occasions/{id}",
    tags: ["Occasions"],
    summary: "Change an occasion: its details, the checklist, the pinned outfit, the try-on to show",
    security: cookieAuth,
    request: { params: IdParams, body: { required: true, content: { "application/json": { schema: PatchBody } } } },
    responses: { 200: envelope(Occasion), 400: errors[400], 401: errors[401], 404: failureResponse("No such occasion, product or try-on") },
  }),
  async (c) => {
    const row = await mine(c, c.req.valid("param").id);
    const { startsAt, checklist, outfit, tryOnTaskId, ...rest } = c.req.valid("json");
    const patch: Parameters<typeof updateOccasion>[3] = { ...rest };
    if (startsAt !== undefined) patch.startsAt = Date.parse(startsAt);
    if (checklist !== undefined) {
      const used = new Set(checklist.map((i) => i.id).filter(Boolean));
      let n = 0;
      const fresh = () => {
        while (used.has(`u${++n}`));
        return `u${n}`;
      };
      patch.checklist = checklist.map((i) => ({ id: i.id ?? fresh(), text: i.text, done: i.done }));
    }
    if (outfit !== undefined) {
      if (outfit) {
        const found = await Promise.all(outfit.productIds.map((id) => getProduct(c.env, id, c.executionCtx)));
        const missing = outfit.productIds.filter((_, i) => !found[i]);
        if (missing.length) throw new AppError(404, `outfit.productIds: 상품을 찾을 수 없습니다. (No product ${missing.join(", ")})`);
      }
      patch.outfit = outfit ? { productIds: [...new Set(outfit.productIds)], source: "pinned" } : null;
    }
    if (tryOnTaskId !== undefined) {
      if (tryOnTaskId && !(await ownTask(db(c.env), row.userId, tryOnTaskId))) throw new AppError(404, "tryOnTaskId: 가상 피팅을 찾을 수 없습니다. (Try-on not found)");
      patch.tryOnTaskId = tryOnTaskId;
    }
    const updated = await updateOccasion(db(c.env), row.userId, row.id, patch);
    if (!updated) throw notFound();
    return ok(c, await view(c, updated, await rehearsalsOf(db(c.env), row.userId, row.id)));
  },
);

occasionsApi.openapi(
  createRoute({
    method: "delete",
    path: "/api/occasions/{id}",
    tags: ["Occasions"],
    summary: "Delete an occasion (its rehearsals, room and try-on stay)",
    security: cookieAuth,
    request: { params: IdParams },
    responses: { 200: envelope(z.object({ deleted: z.literal(true) })), 401: errors[401], 404: errors[404] },
  }),
  async (c) => {
    if (!(await deleteOccasion(db(c.env), c.get("user").id, c.req.valid("param").id))) throw notFound();
    return ok(c, { deleted: true as const });
  },
);

occasionsApi.openapi(
  createRoute({
    method: "get",
    path: "/api/occasions/{id}/calendar.ics",
    tags: ["Occasions"],
    summary: "The occasion as a calendar file (.ics) with the outfit and a reminder to rehearse the day before",
    security: cookieAuth,
    request: { params: IdParams },
    responses: { 200: { description: "text/calendar", content: { "text/calendar": { schema: z.string() } } }, 401: errors[401], 404: errors[404] },
  }),
  async (c) => {
    const row = await mine(c, c.req.valid("param").id);
    const ko = row.language === "ko";
    const url = `${new URL(c.req.url).origin}/occasions/${row.id}`;
    const outfit = (await outfitOf(c, row))?.products.map((p) => (ko ? p.product_name : p.product_name_en)).join(", ");
    const description = [
      ...(outfit ? [`${ko ? "입을 옷" : "Outfit"}: ${outfit}`] : []),
      ...(row.details.dressCode ? [`${ko ? "드레스 코드" : "Dress code"}: ${row.details.dressCode}`] : []),
      ...(row.notes ? [row.notes] : []),
      `Debut: ${url}`,
    ].join("\n");
    const body = icsFor({
      uid: `${row.id}@debut`,
      title: row.title,
      startsAt: row.startsAt,
      minutes: KINDS[row.kind].minutes,
      place: row.place,
      description,
      reminder: ko ? `내일은 "${row.title}"이에요. 오늘 한 번 더 말하기 연습을 해 보세요.` : `"${row.title}" is tomorrow. Rehearse once more today.`,
      url,
    });
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="debut-${row.id.slice(0, 8)}.ics"`,
    });
  },
);

export default occasionsApi;
