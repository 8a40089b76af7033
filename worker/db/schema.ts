// The D1 data model (drizzle). Migrations in migrations/ are generated from this file by
// drizzle-kit; the FTS5 indexes, which drizzle cannot express, are hand-written migrations.
// Times are epoch milliseconds; JSON columns hold arrays and small objects.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "number" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

// ---------------------------------------------------------------------------- people

/** Profile facts the stylists may use (the seed's "체형, 피부톤, 선호도"). */
export const BODY_SHAPES = ["rectangle", "triangle", "inverted_triangle", "oval", "hourglass"] as const;
export const SKIN_TONES = ["warm", "cool", "neutral"] as const;
export const GENDERS = ["women", "men", "any"] as const;
export const AUTH_PROVIDERS = ["kakao", "dev"] as const;

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider", { enum: AUTH_PROVIDERS }).notNull(),
    /** Kakao's 64-bit id kept as text; for the dev login, the lower-cased nickname. */
    providerUserId: text("provider_user_id").notNull(),
    nickname: text("nickname").notNull(),
    profileImageUrl: text("profile_image_url"),
    heightCm: integer("height_cm"),
    bodyShape: text("body_shape", { enum: BODY_SHAPES }),
    skinTone: text("skin_tone", { enum: SKIN_TONES }),
    gender: text("gender", { enum: GENDERS }),
    preferredStyles: text("preferred_styles", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("users_provider_identity").on(t.provider, t.providerUserId)],
);

/** One row per signed-in browser; logout revokes it, so a stolen cookie dies with it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(), // the JWT's jti
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "number" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "number" }),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

// ---------------------------------------------------------------------------- chat

/** The seed's sender types; `*_PRODUCT` rows carry one recommended product each. */
export const SENDER_TYPES = [
  "USER",
  "STYLE",
  "TREND",
  "COLOR",
  "FITTING_COORDINATOR",
  "STYLE_PRODUCT",
  "TREND_PRODUCT",
  "COLOR_PRODUCT",
  "FITTING_COORDINATOR_PRODUCT",
] as const;

export const chatRooms = sqliteTable(
  "chat_rooms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title"),
    createdAt: createdAt(),
    /** Time of the last message, for the history list. */
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("chat_rooms_user_updated").on(t.userId, t.updatedAt)],
);

export const chatMessages = sqliteTable(
  "chat_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roomId: integer("room_id")
      .notNull()
      .references(() => chatRooms.id, { onDelete: "cascade" }),
    senderType: text("sender_type", { enum: SENDER_TYPES }).notNull(),
    message: text("message").notNull().default(""),
    /** The user's uploaded photo (USER rows). */
    imageUrl: text("image_url"),
    /** One recommended product's image and id (`*_PRODUCT` rows). */
    productImageUrl: text("product_image_url"),
    productId: text("product_id"),
    /** Groups the user message and the answers of one turn. */
    turnId: text("turn_id"),
    /** Which engine wrote an answer: local, openai, anthropic. */
    engine: text("engine"),
    createdAt: createdAt(),
  },
  (t) => [
    // Cursor pagination: newest first within a room, ties broken by id.
    index("chat_messages_room_created").on(t.roomId, t.createdAt, t.id),
    index("chat_messages_turn").on(t.turnId),
  ],
);

// ---------------------------------------------------------------------------- catalog

export const PRODUCT_CATEGORIES = ["top", "bottom", "outer", "dress", "shoes", "accessory"] as const;

export const products = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(), // numeric string, like the seed's "4227290"
    nameKo: text("name_ko").notNull(),
    nameEn: text("name_en").notNull(),
    brand: text("brand").notNull(),
    gender: text("gender", { enum: GENDERS }).notNull(),
    category: text("category", { enum: PRODUCT_CATEGORIES }).notNull(),
    subcategory: text("subcategory").notNull(),
    colors: text("colors", { mode: "json" }).$type<{ name: string; hex: string }[]>().notNull(),
    pattern: text("pattern").notNull(),
    material: text("material").notNull(),
    fit: text("fit").notNull(),
    seasons: text("seasons", { mode: "json" }).$type<string[]>().notNull(),
    price: integer("price").notNull(), // KRW
    styleTags: text("style_tags", { mode: "json" }).$type<string[]>().notNull(),
    tpoTags: text("tpo_tags", { mode: "json" }).$type<string[]>().notNull(),
    descriptionKo: text("description_ko").notNull(),
    descriptionEn: text("description_en").notNull(),
    /** R2 key of the cut-out garment image. */
    imageKey: text("image_key").notNull(),
    /** `demo` for the generated catalog (re-seeded as a whole), `import` for imported rows. */
    source: text("source", { enum: ["demo", "import"] }).notNull().default("import"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index("products_category_price").on(t.category, t.price),
    index("products_gender_category").on(t.gender, t.category),
  ],
);

/** Passages of the fashion knowledge base (data/*.md), the experts' grounding (RAG). */
export const knowledgePassages = sqliteTable(
  "knowledge_passages",
  {
    id: text("id").primaryKey(), // "<file>#<slug>"
    topic: text("topic").notNull(),
    language: text("language", { enum: ["ko", "en"] }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    source: text("source").notNull(),
  },
  (t) => [index("knowledge_topic").on(t.topic)],
);

// ---------------------------------------------------------------------------- images & try-on

export const uploads = sqliteTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    r2Key: text("r2_key").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    width: integer("width"),
    height: integer("height"),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_user_created").on(t.userId, t.createdAt)],
);

export const FITTING_STATUSES = ["queued", "processing", "completed", "failed"] as const;

export const fittingTasks = sqliteTable(
  "fitting_tasks",
  {
    id: text("id").primaryKey(), // our task id, returned as taskId
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["single", "combo"] }).notNull(),
    upperProductId: text("upper_product_id"),
    lowerProductId: text("lower_product_id"),
    modelUploadId: text("model_upload_id")
      .notNull()
      .references(() => uploads.id),
    hdMode: integer("hd_mode", { mode: "boolean" }).notNull().default(false),
    provider: text("provider", { enum: ["fitroom", "local"] }).notNull(),
    providerTaskId: text("provider_task_id"),
    status: text("status", { enum: FITTING_STATUSES }).notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    resultKey: text("result_key"),
    error: text("error"),
    roomId: integer("room_id").references(() => chatRooms.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    completedAt: integer("completed_at", { mode: "number" }),
  },
  (t) => [index("fitting_tasks_user_created").on(t.userId, t.createdAt)],
);

// ---------------------------------------------------------------------------- occasions

/** What a person is getting ready for (worker/occasions/kinds.ts says what each one brings). */
export const OCCASION_KINDS = ["interview", "first_date", "boss_meeting", "meeting_parents", "wedding_guest", "presentation", "customer_meeting", "difficult_talk", "other"] as const;

export type OccasionDetails = { company?: string; role?: string; dressCode?: string; weather?: string };
export type ChecklistItem = { id: string; text: string; done: boolean };
/** The outfit chosen for an occasion: the coordinator's pick or one the user pinned. */
export type OccasionOutfit = { productIds: string[]; source: "coordinator" | "pinned"; messageId?: number | undefined };

export const occasions = sqliteTable(
  "occasions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: OCCASION_KINDS }).notNull(),
    title: text("title").notNull(),
    /** When it starts (epoch ms) and the IANA time zone it was entered in (for display and the calendar). */
    startsAt: integer("starts_at", { mode: "number" }).notNull(),
    timeZone: text("time_zone").notNull().default("Asia/Seoul"),
    language: text("language", { enum: ["ko", "en"] }).notNull().default("ko"),
    place: text("place"),
    notes: text("notes"),
    details: text("details", { mode: "json" }).$type<OccasionDetails>().notNull().default({}),
    checklist: text("checklist", { mode: "json" }).$type<ChecklistItem[]>().notNull().default([]),
    outfit: text("outfit", { mode: "json" }).$type<OccasionOutfit>(),
    /** The stylist room opened for it. */
    roomId: integer("room_id").references(() => chatRooms.id, { onDelete: "set null" }),
    tryOnTaskId: text("try_on_task_id"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("occasions_user_starts").on(t.userId, t.startsAt)],
);

// ---------------------------------------------------------------------------- voice

export const VOICE_STATUSES = ["created", "live", "ended", "failed"] as const;

export const voiceSessions = sqliteTable(
  "voice_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Scenarios are defined in code (worker/voice/scenarios); this is their id. */
    scenarioId: text("scenario_id").notNull(),
    language: text("language", { enum: ["ko", "en"] }).notNull(),
    difficulty: text("difficulty", { enum: ["easy", "normal", "hard"] }).notNull(),
    engine: text("engine", { enum: ["openai", "local"] }).notNull(),
    /** The occasion this rehearsal is for: its details are folded into the partner's persona. */
    occasionId: text("occasion_id").references(() => occasions.id, { onDelete: "set null" }),
    status: text("status", { enum: VOICE_STATUSES }).notNull().default("created"),
    /** Why a live session stopped: "ended" (asked), "idle_timeout", "session_expired", "upstream_error". */
    endReason: text("end_reason"),
    createdAt: createdAt(),
    startedAt: integer("started_at", { mode: "number" }),
    endedAt: integer("ended_at", { mode: "number" }),
  },
  (t) => [index("voice_sessions_user_created").on(t.userId, t.createdAt)],
);

export const voiceTurns = sqliteTable(
  "voice_turns",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => voiceSessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    speaker: text("speaker", { enum: ["user", "partner"] }).notNull(),
    text: text("text").notNull(),
    /** Milliseconds from the start of the session. */
    startMs: integer("start_ms").notNull(),
    endMs: integer("end_ms").notNull(),
    /** A user turn spoken (timed: it counts for the speaking rate) or typed. */
    input: text("input", { enum: ["speech", "text"] }).notNull().default("speech"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const feedbackReports = sqliteTable(
  "feedback_reports",
  {
    sessionId: text("session_id")
      .primaryKey()
      .references(() => voiceSessions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    overall: real("overall").notNull(),
    politeness: real("politeness").notNull(),
    clarity: real("clarity").notNull(),
    pace: real("pace").notNull(),
    fillers: real("fillers").notNull(),
    /** Measured figures: words/syllables per minute, filler counts, pauses… */
    metrics: text("metrics", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** Per-dimension quotes from the transcript and suggestions. */
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    engine: text("engine").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("feedback_reports_user_created").on(t.userId, t.createdAt)],
);

/**
 * A queue job that failed for good (its last delivery, or an error not worth retrying): the
 * app's own record beside the dead-letter queue, so a user-facing retry and the operator
 * both find it. `subject` names what failed, e.g. "room:12/turn:…/expert:color_expert".
 */
export const failedJobs = sqliteTable(
  "failed_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    queue: text("queue").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    body: text("body", { mode: "json" }).$type<unknown>().notNull(),
    error: text("error").notNull(),
    attempts: integer("attempts").notNull(),
    createdAt: createdAt(),
    resolvedAt: integer("resolved_at", { mode: "number" }),
  },
  (t) => [index("failed_jobs_subject").on(t.subject), index("failed_jobs_user_created").on(t.userId, t.createdAt)],
);

// ---------------------------------------------------------------------------- bookkeeping

/** Small facts about the data itself, e.g. the version of the seeded demo catalog. */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at", { mode: "number" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});
