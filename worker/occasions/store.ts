// Occasions in D1 (drizzle): each read and write is scoped to its owner.
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { chatMessages, feedbackReports, fittingTasks, occasions, voiceSessions, type OccasionOutfit } from "../db/schema";

export type OccasionRow = typeof occasions.$inferSelect;
export type NewOccasion = typeof occasions.$inferInsert;

export async function createOccasion(db: Db, row: NewOccasion): Promise<OccasionRow> {
  const [created] = await db.insert(occasions).values(row).returning();
  return created!;
}

export async function ownOccasion(db: Db, userId: number, id: string): Promise<OccasionRow | undefined> {
  const [row] = await db.select().from(occasions).where(and(eq(occasions.id, id), eq(occasions.userId, userId))).limit(1);
  return row;
}

/** The occasion a stylist room was opened for. */
export async function occasionOfRoom(db: Db, userId: number, roomId: number): Promise<OccasionRow | undefined> {
  const [row] = await db.select().from(occasions).where(and(eq(occasions.roomId, roomId), eq(occasions.userId, userId))).limit(1);
  return row;
}

/** A user's occasions by their time, soonest first (the route splits upcoming and past). */
export async function listOccasions(db: Db, userId: number, limit = 200): Promise<OccasionRow[]> {
  return db.select().from(occasions).where(eq(occasions.userId, userId)).orderBy(asc(occasions.startsAt), asc(occasions.id)).limit(limit);
}

export async function updateOccasion(db: Db, userId: number, id: string, patch: Partial<NewOccasion>): Promise<OccasionRow | undefined> {
  const [row] = await db
    .update(occasions)
    .set({ ...patch, updatedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(and(eq(occasions.id, id), eq(occasions.userId, userId)))
    .returning();
  return row;
}

export async function deleteOccasion(db: Db, userId: number, id: string): Promise<boolean> {
  const rows = await db.delete(occasions).where(and(eq(occasions.id, id), eq(occasions.userId, userId))).returning({ id: occasions.id });
  return rows.length > 0;
}

/**
 * The rehearsals made for one occasion, or for any of the user's (D1 binds at most 100
 * parameters, so a list is never spelled out), oldest first, with their overall score once scored.
 */
export async function rehearsalsOf(db: Db, userId: number, occasionId?: string) {
  return db
    .select({
      occasionId: voiceSessions.occasionId,
      sessionId: voiceSessions.id,
      scenarioId: voiceSessions.scenarioId,
      status: voiceSessions.status,
      createdAt: voiceSessions.createdAt,
      overall: feedbackReports.overall,
    })
    .from(voiceSessions)
    .leftJoin(feedbackReports, eq(feedbackReports.sessionId, voiceSessions.id))
    .where(and(eq(voiceSessions.userId, userId), occasionId ? eq(voiceSessions.occasionId, occasionId) : isNotNull(voiceSessions.occasionId)))
    .orderBy(asc(voiceSessions.createdAt));
}

/** The fitting coordinator's latest outfit in the occasion's room: its products, in order. */
export async function coordinatorPick(db: Db, roomId: number): Promise<OccasionOutfit | undefined> {
  const picked = and(eq(chatMessages.roomId, roomId), eq(chatMessages.senderType, "FITTING_COORDINATOR_PRODUCT"));
  const [last] = await db.select({ turnId: chatMessages.turnId }).from(chatMessages).where(picked).orderBy(desc(chatMessages.createdAt), desc(chatMessages.id)).limit(1);
  if (!last?.turnId) return undefined;
  const rows = await db
    .select({ id: chatMessages.id, productId: chatMessages.productId })
    .from(chatMessages)
    .where(and(picked, eq(chatMessages.turnId, last.turnId)))
    .orderBy(asc(chatMessages.id));
  const productIds = rows.flatMap((r) => (r.productId ? [r.productId] : []));
  return productIds.length ? { productIds, source: "coordinator", messageId: rows[0]!.id } : undefined;
}

/** The user's latest finished try-on made from the occasion's room (its outfit's "try on" link). */
export async function latestTryOnIn(db: Db, userId: number, roomId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ id: fittingTasks.id })
    .from(fittingTasks)
    .where(and(eq(fittingTasks.userId, userId), eq(fittingTasks.roomId, roomId), eq(fittingTasks.status, "completed")))
    .orderBy(desc(fittingTasks.createdAt))
    .limit(1);
  return row?.id;
}
