// Try-on tasks in D1 (`fitting_tasks`): one row per try-on, created before its job is queued,
// moved forward by the job (processing with progress, then completed with the result's R2
// key, or failed with a reason), and read only by its owner. The public shape is the seed's
// camelCase fitting answer: taskId, status, progress, downloadUrl.
import { and, desc, eq, getTableColumns, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { fittingTasks, uploads } from "../db/schema";
import { imageUrlFor } from "../catalog/products.ts";

export type TaskRow = typeof fittingTasks.$inferSelect;
export type NewTask = typeof fittingTasks.$inferInsert;

export async function createTask(db: Db, task: NewTask): Promise<TaskRow> {
  const [row] = await db.insert(fittingTasks).values(task).returning();
  return row!;
}

const withPhoto = { ...getTableColumns(fittingTasks), modelKey: uploads.r2Key };

/** The task when it is this user's; another user's task is answered exactly like a missing one. */
export async function ownTask(db: Db, userId: number, taskId: string): Promise<TaskWithPhoto | undefined> {
  const [row] = await db
    .select(withPhoto)
    .from(fittingTasks)
    .leftJoin(uploads, eq(uploads.id, fittingTasks.modelUploadId))
    .where(and(eq(fittingTasks.id, taskId), eq(fittingTasks.userId, userId)))
    .limit(1);
  return row;
}

export async function taskById(db: Db, taskId: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(fittingTasks).where(eq(fittingTasks.id, taskId)).limit(1);
  return row;
}

const now = sql`(unixepoch('subsec') * 1000)`;

/** Progress of a running task (and the provider's task id once there is one); never undoes a finished task. */
export async function markProgress(db: Db, taskId: string, progress: number, providerTaskId?: string): Promise<void> {
  await db
    .update(fittingTasks)
    .set({ status: "processing", progress: Math.round(progress), ...(providerTaskId ? { providerTaskId } : {}), updatedAt: now })
    .where(and(eq(fittingTasks.id, taskId), or(eq(fittingTasks.status, "queued"), eq(fittingTasks.status, "processing"))));
}

export async function markCompleted(db: Db, taskId: string, resultKey: string): Promise<void> {
  await db
    .update(fittingTasks)
    .set({ status: "completed", progress: 100, resultKey, error: null, updatedAt: now, completedAt: now })
    .where(and(eq(fittingTasks.id, taskId), ne(fittingTasks.status, "completed")));
}

export async function markFailed(db: Db, taskId: string, reason: string): Promise<void> {
  await db
    .update(fittingTasks)
    .set({ status: "failed", error: reason, updatedAt: now, completedAt: now })
    .where(and(eq(fittingTasks.id, taskId), ne(fittingTasks.status, "completed")));
}

/** Newest first, `limit` at a time; the cursor is the last row's creation time and id. */
export async function listTasks(db: Db, userId: number, limit: number, cursor: { createdAt: number; id: string } | null): Promise<TaskWithPhoto[]> {
  return db
    .select(withPhoto)
    .from(fittingTasks)
    .leftJoin(uploads, eq(uploads.id, fittingTasks.modelUploadId))
    .where(
      and(
        eq(fittingTasks.userId, userId),
        cursor ? or(lt(fittingTasks.createdAt, cursor.createdAt), and(eq(fittingTasks.createdAt, cursor.createdAt), lt(fittingTasks.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(fittingTasks.createdAt), desc(fittingTasks.id))
    .limit(limit);
}

export async function deleteTask(db: Db, userId: number, taskId: string): Promise<TaskRow | undefined> {
  const [row] = await db.delete(fittingTasks).where(and(eq(fittingTasks.id, taskId), eq(fittingTasks.userId, userId))).returning();
  return row;
}

/** Where a task's result image lives in R2: under its owner's prefix, one per task. */
export const resultKeyFor = (task: Pick<TaskRow, "id" | "userId">) => `users/${task.userId}/tryon/${task.id}.jpg`;

/** A task with its model photo's R2 key (the upload it was made from). */
export type TaskWithPhoto = TaskRow & { modelKey: string | null };

export function publicTask(t: TaskWithPhoto) {
  return {
    taskId: t.id,
    status: t.status,
    progress: t.progress,
    kind: t.kind,
    upperProductId: t.upperProductId,
    lowerProductId: t.lowerProductId,
    hdMode: t.hdMode,
    provider: t.provider,
    modelUploadId: t.modelUploadId,
    modelImageUrl: t.modelKey ? imageUrlFor(t.modelKey) : null,
    downloadUrl: t.status === "completed" && t.resultKey ? imageUrlFor(t.resultKey) : null,
    error: t.error,
    roomId: t.roomId,
    createdAt: t.createdAt,
    completedAt: t.completedAt,
  };
}

export type PublicTask = ReturnType<typeof publicTask>;
