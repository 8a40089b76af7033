// The virtual try-on (the seed's fitting API): POST /api/fitting/try-on (one garment) and
// /try-on/combo (a top and a bottom), multipart, answering `{success, message, downloadUrl,
// taskId}` once the result is ready — or, past FITTING_WAIT_MS (or with `?wait=false`), a 202
// with the taskId for GET /api/fitting/status/{taskId}. Plus the user's try-on history and
// deleting one. The work itself is a FITTING_JOBS message (fitting/job.ts).
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireUser } from "../auth/session";
import { config } from "../config";
import { db } from "../db/client";
import { resolveOutfit } from "../fitting/garments";
import type { FittingJob } from "../fitting/job";
import { modelPhotoOf } from "../fitting/photo";
import { selectProvider } from "../fitting/providers/select";
import { createTask, deleteTask, listTasks, markFailed, ownTask, publicTask, type PublicTask } from "../fitting/tasks";
import { failure, ok } from "../http/envelope";
import { AppError } from "../http/errors";
import { router, type AppEnv } from "../http/hono";
import { log } from "../http/logger";
import { refuseOversize } from "../http/limits";
import { checkLimit } from "../http/rate-limit";
import { pageOf, PageQuery, readCursor } from "../http/time-cursor";
import { cookieAuth, envelope, errors, failureResponse } from "../http/openapi";
import { MAX_UPLOAD_BYTES } from "../images/uploads";
import { ownsRoom } from "../chat/store";
import { record } from "../metrics/record";

const fitting = router();

fitting.use("/api/fitting/try-on", requireUser, refuseOversize(MAX_UPLOAD_BYTES, "model_image"));
fitting.use("/api/fitting/try-on/*", requireUser, refuseOversize(MAX_UPLOAD_BYTES, "model_image"));
fitting.use("/api/fitting/status/*", requireUser);
fitting.use("/api/fitting/tasks", requireUser);
fitting.use("/api/fitting/tasks/*", requireUser);

const productId = z.string().trim().min(1).max(64);
const TryOnForm = z
  .object({
    model_image: z.any().optional().openapi({ type: "string", format: "binary", description: "The photo of the person (JPEG or PNG; WebP with FitRoom)" }),
    model_upload_id: z.string().max(64).optional().openapi({ description: "Or one of your earlier uploads, by id" }),
    model_image_url: z.string().max(2048).optional().openapi({ description: "Or one of your earlier uploads, by its image URL" }),
    upper_product_id: productId.optional(),
    lower_product_id: productId.optional(),
    hd_mode: z.enum(["true", "false"]).optional(),
    room_id: z.coerce.number().int().positive().optional().openapi({ description: "The chat room the outfit came from: its watchers hear when the try-on is done" }),
  })
  .openapi("TryOnForm");
const WaitQuery = z.object({ wait: z.enum(["true", "false"]).optional().openapi({ description: "false: answer 202 at once and poll the status" }) });

const Task = z
  .object({
    taskId: z.string(),
    status: z.enum(["queued", "processing", "completed", "failed"]),
    progress: z.number(),
    kind: z.enum(["single", "combo"]),
    upperProductId: z.string().nullable(),
    lowerProductId: z.string().nullable(),
    hdMode: z.boolean(),
    provider: z.enum(["fitroom", "local"]),
    modelUploadId: z.string(),
    modelImageUrl: z.string().nullable(),
    downloadUrl: z.string().nullable(),
    error: z.string().nullable(),
    roomId: z.number().nullable(),
    createdAt: z.number(),
    completedAt: z.number().nullable(),
  })
  .openapi("TryOnTask");
const TryOnAnswer = Task.extend({ success: z.boolean(), message: z.string() }).openapi("TryOnAnswer");

const tryOnResponses = {
  200: envelope(TryOnAnswer, "The try-on is done: downloadUrl is the result"),
  202: envelope(TryOnAnswer, "Still running: poll GET /api/fitting/status/{taskId}"),
  400: errors[400],
  401: errors[401],
  404: failureResponse("No such product"),
  413: failureResponse("Photo larger than 10 MB"),
  415: failureResponse("Not an image this try-on can read"),
  422: failureResponse("Image dimensions out of range"),
  429: errors[429],
  502: failureResponse("The try-on failed; the message says why"),
  503: failureResponse("The try-on could not be queued; the photo is kept, try again"),
} as const;

const MESSAGES = {
  single: "가상피팅이 완료되었습니다.",
  combo: "콤보 가상피팅이 완료되었습니다.",
  running: "가상피팅을 진행하고 있어요. 상태 주소로 결과를 확인해 주세요. (Still working: poll the status.)",
} as const;

async function startTryOn(c: Context<AppEnv>, kind: "single" | "combo", form: z.infer<typeof TryOnForm>, wait: boolean) {
  const user = c.get("user");
  const cfg = config(c.env);
  const provider = selectProvider(cfg);
  // Everything that can be refused is checked before the photo is stored.
  const outfit = await resolveOutfit(c.env, kind, { upper: form.upper_product_id, lower: form.lower_product_id });
  if (form.room_id !== undefined && !(await ownsRoom(c.env.DB, user.id, form.room_id))) throw new AppError(404, "room_id: 채팅방을 찾을 수 없습니다. (Chat room not found)");
  await checkLimit(c, "tryon");
  const photo = await modelPhotoOf(c.env, user.id, { file: form.model_image, uploadId: form.model_upload_id, imageUrl: form.model_image_url });
  if (provider.name === "local" && photo.contentType === "image/webp") {
    throw new AppError(415, "model_image: 미리보기 피팅은 JPEG나 PNG 사진만 읽을 수 있어요. (The offline preview reads JPEG and PNG photos only.)", "unsupported_image");
  }
  const d = db(c.env);
  const task = await createTask(d, {
    id: crypto.randomUUID(),
    userId: user.id,
    kind: outfit.clothType === "combo" ? "combo" : "single",
    upperProductId: outfit.upper?.product.product_id ?? null,
    lowerProductId: outfit.lower?.product.product_id ?? null,
    modelUploadId: photo.uploadId,
    hdMode: form.hd_mode === "true",
    provider: provider.name,
    roomId: form.room_id ?? null,
  });
  try {
    await c.env.FITTING_JOBS.send({ taskId: task.id, requestId: c.var.requestId } satisfies FittingJob);
  } catch (err) {
    log(c, "error", "could not queue a try-on", { task: task.id, error: String(err) });
    await markFailed(d, task.id, "queue unavailable");
    record(c.env, { kind: "tryon", provider: provider.name, outcome: "failed", clothType: task.kind, cause: "queue", ms: Date.now() - task.createdAt, runMs: 0, attempt: 0 });
    return c.json({ ...failure("가상피팅을 시작하지 못했어요. 사진은 저장되었으니 다시 시도해 주세요. (Could not start the try-on; your photo is kept: try again.)", { taskId: task.id, modelUploadId: photo.uploadId }), code: "unavailable" }, 503);
  }
  const done = wait ? await waitFor(c, task.id, cfg.fitting.waitMs) : null;
  const now = done ?? publicTask({ ...task, modelKey: photo.key });
  return answer(c, now, MESSAGES[now.kind]);
}

/** Polls the task's row, more slowly as time goes on, until it is finished or `ms` have passed. */
async function waitFor(c: Context<AppEnv>, taskId: string, ms: number): Promise<PublicTask | null> {
  const until = Date.now() + ms;
  let pause = 100;
  for (;;) {
    const row = await ownTask(db(c.env), c.get("user").id, taskId);
    if (!row) return null;
    if (row.status === "completed" || row.status === "failed" || Date.now() + pause > until) return publicTask(row);
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(1_000, Math.round(pause * 1.5));
  }
}

function answer(c: Context<AppEnv>, task: PublicTask, doneMessage: string) {
  if (task.status === "failed") {
    return c.json({ ...failure(task.error ?? "가상피팅에 실패했습니다. (The try-on failed.)", task), code: "fitting_failed" }, 502);
  }
  if (task.status === "completed") return ok(c, { ...task, success: true, message: doneMessage }, doneMessage);
  return c.json({ status: "success" as const, message: MESSAGES.running, data: { ...task, success: false, message: MESSAGES.running } }, 202);
}

fitting.openapi(
  createRoute({
    method: "post",
    path: "/api/fitting/try-on",
    tags: ["Fitting"],
    summary: "Try one garment on your photo (a top, an outer layer, a dress or a bottom); with both ids it runs as a combo",
    security: cookieAuth,
    request: { query: WaitQuery, body: { required: true, content: { "multipart/form-data": { schema: TryOnForm } } } },
    responses: tryOnResponses,
  }),
  async (c) => (await startTryOn(c, "single", c.req.valid("form"), c.req.valid("query").wait !== "false")) as never,
);

fitting.openapi(
  createRoute({
    method: "post",
    path: "/api/fitting/try-on/combo",
    tags: ["Fitting"],
    summary: "Try a top and a bottom on your photo together",
    security: cookieAuth,
    request: { query: WaitQuery, body: { required: true, content: { "multipart/form-data": { schema: TryOnForm } } } },
    responses: tryOnResponses,
  }),
  async (c) => (await startTryOn(c, "combo", c.req.valid("form"), c.req.valid("query").wait !== "false")) as never,
);

const TaskParams = z.object({ taskId: z.string().min(1).max(64) });
const taskNotFound = () => new AppError(404, "가상피팅 작업을 찾을 수 없습니다. (Try-on not found)");

fitting.openapi(
  createRoute({
    method: "get",
    path: "/api/fitting/status/{taskId}",
    tags: ["Fitting"],
    summary: "A try-on's status and progress; downloadUrl once it is completed",
    security: cookieAuth,
    request: { params: TaskParams },
    responses: { 200: envelope(TryOnAnswer), 401: errors[401], 404: errors[404] },
  }),
  async (c) => {
    const row = await ownTask(db(c.env), c.get("user").id, c.req.valid("param").taskId);
    if (!row) throw taskNotFound();
    const task = publicTask(row);
    const message = task.status === "completed" ? MESSAGES[task.kind] : task.status === "failed" ? (task.error ?? "가상피팅에 실패했습니다.") : MESSAGES.running;
    return ok(c, { ...task, success: task.status === "completed", message });
  },
);

fitting.openapi(
  createRoute({
    method: "get",
    path: "/api/fitting/tasks",
    tags: ["Fitting"],
    summary: "Your try-ons, newest first",
    security: cookieAuth,
    request: { query: PageQuery },
    responses: {
      200: envelope(z.object({ tasks: z.array(Task), has_more: z.boolean(), next_cursor: z.string().nullable(), count: z.number() }).openapi("TryOnHistory")),
      400: errors[400],
      401: errors[401],
    },
  }),
  async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const rows = await listTasks(db(c.env), c.get("user").id, limit + 1, readCursor(cursor));
    const { page, ...more } = pageOf(rows, limit);
    return ok(c, { tasks: page.map(publicTask), ...more, count: page.length });
  },
);

fitting.openapi(
  createRoute({
    method: "delete",
    path: "/api/fitting/tasks/{taskId}",
    tags: ["Fitting"],
    summary: "Delete a try-on and its result image (the photo stays among your uploads)",
    security: cookieAuth,
    request: { params: TaskParams },
    responses: { 200: envelope(z.object({ taskId: z.string(), deleted: z.boolean() })), 401: errors[401], 404: errors[404] },
  }),
  async (c) => {
    const row = await deleteTask(db(c.env), c.get("user").id, c.req.valid("param").taskId);
    if (!row) throw taskNotFound();
    if (row.resultKey) await c.env.IMAGES.delete(row.resultKey);
    return ok(c, { taskId: row.id, deleted: true }, "가상피팅 기록을 삭제했습니다.");
  },
);

export default fitting;
