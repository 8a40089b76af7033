// Voice rehearsal: the scenarios, the user's sessions, the live socket (held by the session's
// VoiceSession object), ending a session with its scored report, the report, and the user's
// progress over time. Every session is read only by its owner.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireUser } from "../auth/session";
import { config } from "../config";
import { db } from "../db/client";
import { ok } from "../http/envelope";
import { AppError } from "../http/errors";
import { router, type AppEnv } from "../http/hono";
import { log } from "../http/logger";
import { cookieAuth, envelope, errors, failureResponse } from "../http/openapi";
import { checkLimit } from "../http/rate-limit";
import { pageOf, PageQuery, readCursor } from "../http/time-cursor";
import { record } from "../metrics/record";
import { ownOccasion } from "../occasions/store";
import { judgeFor } from "../voice/feedback/judge";
import { scoreSession } from "../voice/feedback/score";
import { DIFFICULTIES, LANGUAGES, SCENARIOS, scenario, type Scenario } from "../voice/scenarios";
import { META_HEADER, type SessionMeta } from "../voice/session";
import { createSession, listSessions, loadReport, loadTurns, markEnded, ownSession, progressOf, saveReport, type SessionRow } from "../voice/store";

const voice = router();
voice.use("/api/voice/*", requireUser);

const Text = z.object({ ko: z.string(), en: z.string() });
const Lines = z.object({ ko: z.array(z.string()), en: z.array(z.string()) });
const ScenarioSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: Text,
    summary: Text,
    partner: z.object({ name: Text, role: Text }),
    goal: Text,
    opening: Text,
    good_looks_like: Lines,
    register: z.enum(["formal", "polite", "casual"]),
    minutes: z.number(),
    difficulties: z.array(z.enum(DIFFICULTIES)),
    languages: z.array(z.enum(LANGUAGES)),
  })
  .openapi("VoiceScenario");

const publicScenario = (s: Scenario): z.infer<typeof ScenarioSchema> => ({
  id: s.id,
  kind: s.kind,
  title: s.title,
  summary: s.summary,
  partner: { name: s.partner.name, role: s.partner.role },
  goal: s.goal,
  opening: s.opening,
  good_looks_like: { ko: [...s.goodLooksLike.ko], en: [...s.goodLooksLike.en] },
  register: s.register,
  minutes: s.minutes,
  difficulties: [...DIFFICULTIES],
  languages: [...LANGUAGES],
});

const Turn = z.object({ seq: z.number(), speaker: z.enum(["user", "partner"]), text: z.string(), start_ms: z.number(), end_ms: z.number(), input: z.enum(["speech", "text"]) });
const Session = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    language: z.enum(LANGUAGES),
    difficulty: z.enum(DIFFICULTIES),
    engine: z.enum(["openai", "local"]),
    occasionId: z.string().nullable(),
    status: z.enum(["created", "live", "ended", "failed"]),
    endReason: z.string().nullable(),
    createdAt: z.number(),
    startedAt: z.number().nullable(),
    endedAt: z.number().nullable(),
    overall: z.number().nullable().optional(),
  })
  .openapi("VoiceSession");
const SessionWithTurns = Session.extend({ scenario: ScenarioSchema, turns: z.array(Turn) }).openapi("VoiceSessionDetail");

const publicSession = (row: SessionRow & { overall?: number | null }) => ({
  id: row.id,
  scenarioId: row.scenarioId,
  language: row.language,
  difficulty: row.difficulty,
  engine: row.engine,
  occasionId: row.occasionId,
  status: row.status,
  endReason: row.endReason,
  createdAt: row.createdAt,
  startedAt: row.startedAt,
  endedAt: row.endedAt,
  ...(row.overall !== undefined ? { overall: row.overall } : {}),
});

const sessionNotFound = () => new AppError(404, "연습 세션을 찾을 수 없습니다. (Voice session not found)");

async function mine(c: Context<AppEnv>, id: string): Promise<SessionRow> {
  const row = await ownSession(db(c.env), c.get("user").id, id);
  if (!row) throw sessionNotFound();
  return row;
}

voice.openapi(
  createRoute({
    method: "get",
    path: "/api/voice/scenarios",
    tags: ["Voice"],
    summary: "The rehearsal scenarios, each in Korean and English",
    security: cookieAuth,
    responses: { 200: envelope(z.object({ scenarios: z.array(ScenarioSchema) })), 401: errors[401] },
  }),
  (c) => ok(c, { scenarios: SCENARIOS.map(publicScenario) }),
);

const CreateBody = z
  .object({
    scenarioId: z.string().trim().min(1).max(64),
    language: z.enum(LANGUAGES).default("ko"),
    difficulty: z.enum(DIFFICULTIES).default("normal"),
    /** The occasion this rehearsal is for (one of the user's). */
    occasionId: z.string().trim().min(1).max(64).optional(),
  })
  .openapi("CreateVoiceSession");

voice.openapi(
  createRoute({
    method: "post",
    path: "/api/voice/sessions",
    tags: ["Voice"],
    summary: "Start a rehearsal: then open its socket at /api/voice/sessions/{id}/ws",
    security: cookieAuth,
    request: { body: { required: true, content: { "application/json": { schema: CreateBody } } } },
    responses: { 201: envelope(Session, "The new session"), 400: errors[400], 401: errors[401], 404: failureResponse("No such scenario"), 429: errors[429] },
  }),
  async (c) => {
    const body = c.req.valid("json");
    if (!scenario(body.scenarioId)) throw new AppError(404, `scenarioId: 연습 상황을 찾을 수 없습니다. (No scenario "${body.scenarioId}")`);
    if (body.occasionId && !(await ownOccasion(db(c.env), c.get("user").id, body.occasionId))) throw new AppError(404, "occasionId: 일정을 찾을 수 없습니다. (Occasion not found)");
    await checkLimit(c, "voice");
    const row = await createSession(db(c.env), {
      id: crypto.randomUUID(),
      userId: c.get("user").id,
      scenarioId: body.scenarioId,
      language: body.language,
      difficulty: body.difficulty,
      engine: config(c.env).voice.engine,
      occasionId: body.occasionId ?? null,
    });
    record(c.env, { kind: "voice_session", engine: row.engine, event: "created", reason: "", scenario: row.scenarioId, ms: 0, turns: 0 });
    return c.json({ status: "success" as const, message: "요청 성공", data: publicSession(row) }, 201);
  },
);

voice.openapi(
  createRoute({
    method: "get",
    path: "/api/voice/sessions",
    tags: ["Voice"],
    summary: "Your rehearsals, newest first, with their overall score once scored",
    security: cookieAuth,
    request: { query: PageQuery },
    responses: { 200: envelope(z.object({ sessions: z.array(Session), has_more: z.boolean(), next_cursor: z.string().nullable() })), 400: errors[400], 401: errors[401] },
  }),
  async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const rows = await listSessions(db(c.env), c.get("user").id, limit + 1, readCursor(cursor));
    const { page, ...more } = pageOf(rows, limit);
    return ok(c, { sessions: page.map(publicSession), ...more });
  },
);

const IdParams = z.object({ id: z.string().min(1).max(64) });

voice.openapi(
  createRoute({
    method: "get",
    path: "/api/voice/sessions/{id}",
    tags: ["Voice"],
    summary: "One of your rehearsals, with its scenario and its transcript so far",
    security: cookieAuth,
    request: { params: IdParams },
    responses: { 200: envelope(SessionWithTurns), 401: errors[401], 404: errors[404] },
  }),
  async (c) => {
    const row = await mine(c, c.req.valid("param").id);
    const turns = await loadTurns(db(c.env), row.id);
    return ok(c, {
      ...publicSession(row),
      scenario: publicScenario(scenario(row.scenarioId)!),
      turns: turns.map((t) => ({ seq: t.seq, speaker: t.speaker, text: t.text, start_ms: t.startMs, end_ms: t.endMs, input: t.input })),
    });
  },
);

// The live socket. Not an OpenAPI route: a WebSocket upgrade.
voice.get("/api/voice/sessions/:id/ws", async (c) => {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw new AppError(426, "WebSocket upgrade expected (Upgrade: websocket)", "upgrade_required");
  // A page on another site must not open a socket with the user's cookie.
  const origin = c.req.header("origin");
  if (origin !== undefined && origin !== new URL(c.req.url).origin) throw new AppError(403, "Cross-origin WebSocket refused", "cross_origin");
  const row = await mine(c, c.req.param("id"));
  if (row.status === "ended" || row.status === "failed") throw new AppError(410, "이미 끝난 연습입니다. (This session has ended.)", "session_ended");
  const occasion = row.occasionId ? await ownOccasion(db(c.env), row.userId, row.occasionId) : undefined;
  const meta: SessionMeta = {
    sessionId: row.id,
    userId: row.userId,
    scenarioId: row.scenarioId,
    language: row.language,
    difficulty: row.difficulty,
    engine: row.engine,
    occasion: occasion && { title: occasion.title, company: occasion.details.company, role: occasion.details.role, place: occasion.place ?? undefined },
  };
  const stub = c.env.VOICE_SESSION.get(c.env.VOICE_SESSION.idFromName(row.id));
  const headers = new Headers(c.req.raw.headers);
  // Header values are ASCII: the occasion's details may be Korean.
  headers.set(META_HEADER, encodeURIComponent(JSON.stringify(meta)));
  const res = await stub.fetch(new Request(c.req.raw.url, { headers }));
  if (res.status === 101) return res;
  const why = await res.text();
  throw new AppError(res.status as 409 | 410, why, res.status === 409 ? "already_open" : "session_ended");
});

const Dimension = z.object({ score: z.number(), explanation: z.string(), quotes: z.array(z.string()), suggestions: z.array(z.string()) });
const Report = z
  .object({
    session_id: z.string(),
    overall: z.object({ score: z.number(), summary: z.string() }),
    politeness: Dimension,
    clarity: Dimension,
    pace: Dimension.extend({
      measured: z.boolean(),
      rate: z.number().nullable(),
      unit: z.enum(["wpm", "spm"]),
      good_range: z.tuple([z.number(), z.number()]),
      per_turn: z.array(z.object({ at_ms: z.number(), rate: z.number() })),
    }),
    filler_words: Dimension.extend({
      total: z.number(),
      per_minute: z.number().nullable(),
      at_least: z.literal(true),
      list: z.array(z.object({ word: z.string(), count: z.number() })),
    }),
    judged_by: z.string(),
    metrics: z.record(z.string(), z.unknown()),
    created_at: z.number(),
  })
  .openapi("VoiceReport");

async function reportFor(c: Context<AppEnv>, row: SessionRow) {
  const d = db(c.env);
  const turns = await loadTurns(d, row.id);
  const s = scenario(row.scenarioId)!;
  const judgeWith = judgeFor(config(c.env));
  const report = await scoreSession(turns, s, row.language, judgeWith, (call) => {
    record(c.env, { kind: "llm_call", engine: judgeWith!.provider, expert: "voice_judge", outcome: call.error ? "failed" : "ok", model: judgeWith!.model, ms: call.ms, chars: call.chars, attempt: 1 });
    if (call.error) log(c, "warn", "voice judge failed", { scenario: s.id, model: judgeWith!.model, error: call.error });
  });
  await saveReport(d, row.id, row.userId, report);
  return (await loadReport(d, row.id))!;
}

voice.openapi(
  createRoute({
    method: "post",
    path: "/api/voice/sessions/{id}/end",
    tags: ["Voice"],
    summary: "End the rehearsal (closing its socket) and score it; ending again returns the same report",
    security: cookieAuth,
    request: { params: IdParams },
    responses: { 200: envelope(Report), 401: errors[401], 404: errors[404] },
  }),
  async (c) => {
    const row = await mine(c, c.req.valid("param").id);
    const existing = row.status === "ended" || row.status === "failed" ? await loadReport(db(c.env), row.id) : undefined;
    if (existing) return ok(c, { session_id: row.id, ...existing });
    if (row.status !== "ended" && row.status !== "failed") await c.env.VOICE_SESSION.get(c.env.VOICE_SESSION.idFromName(row.id)).finish();
    // A session never connected has no object state to end: the row is closed here.
    await markEnded(db(c.env), row.id, "ended", false);
    const fresh = (await ownSession(db(c.env), row.userId, row.id))!;
    return ok(c, { session_id: row.id, ...(await reportFor(c, fresh)) });
  },
);

voice.openapi(
  createRoute({
    method: "get",
    path: "/api/voice/sessions/{id}/feedback",
    tags: ["Voice"],
    summary: "The rehearsal's report (scored when the session ended)",
    security: cookieAuth,
    request: { params: IdParams },
    responses: { 200: envelope(Report), 401: errors[401], 404: errors[404], 409: failureResponse("The session is still going: end it first") },
  }),
  async (c) => {
    const row = await mine(c, c.req.valid("param").id);
    const report = await loadReport(db(c.env), row.id);
    if (report) return ok(c, { session_id: row.id, ...report });
    // Ended by itself (idle, the cap, the upstream): scored on first read.
    if (row.status === "ended" || row.status === "failed") return ok(c, { session_id: row.id, ...(await reportFor(c, row)) });
    throw new AppError(409, "아직 진행 중인 연습입니다. 먼저 종료해 주세요. (The session is still going: end it first.)", "session_live");
  },
);

voice.openapi(
  createRoute({
    method: "get",
    path: "/api/voice/progress",
    tags: ["Voice"],
    summary: "Your scores over time, per scenario",
    security: cookieAuth,
    responses: {
      200: envelope(
        z.object({
          scenarios: z.array(
            z.object({
              scenarioId: z.string(),
              title: Text,
              sessions: z.array(
                z.object({ sessionId: z.string(), createdAt: z.number(), language: z.string(), difficulty: z.string(), overall: z.number(), politeness: z.number(), clarity: z.number(), pace: z.number(), filler_words: z.number() }),
              ),
            }),
          ),
        }),
      ),
      401: errors[401],
    },
  }),
  async (c) => {
    const rows = await progressOf(db(c.env), c.get("user").id);
    const groups = new Map<string, { scenarioId: string; title: { ko: string; en: string }; sessions: { sessionId: string; createdAt: number; language: string; difficulty: string; overall: number; politeness: number; clarity: number; pace: number; filler_words: number }[] }>();
    for (const r of rows) {
      const s = scenario(r.scenarioId);
      if (!s) continue;
      let g = groups.get(r.scenarioId);
      if (!g) groups.set(r.scenarioId, (g = { scenarioId: r.scenarioId, title: s.title, sessions: [] }));
      g.sessions.push({ sessionId: r.sessionId, createdAt: r.createdAt, language: r.language, difficulty: r.difficulty, overall: r.overall, politeness: r.politeness, clarity: r.clarity, pace: r.pace, filler_words: r.fillers });
    }
    return ok(c, { scenarios: [...groups.values()] });
  },
);

export default voice;
