// Voice sessions, their turns and their reports in D1. A session is read only by its owner
// (another user's is answered like a missing one); turns are written in batches by the
// session's Durable Object, keyed by (session, seq) so a batch written twice keeps one copy.
import { and, asc, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { feedbackReports, voiceSessions, voiceTurns } from "../db/schema";
import type { Report } from "./feedback/report.ts";

export type SessionRow = typeof voiceSessions.$inferSelect;
export type NewSession = typeof voiceSessions.$inferInsert;
export type TurnRow = typeof voiceTurns.$inferSelect;
export type NewTurn = Omit<typeof voiceTurns.$inferInsert, "createdAt">;

export async function createSession(db: Db, session: NewSession): Promise<SessionRow> {
  const [row] = await db.insert(voiceSessions).values(session).returning();
  return row!;
}

export async function ownSession(db: Db, userId: number, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(voiceSessions)
    .where(and(eq(voiceSessions.id, id), eq(voiceSessions.userId, userId)))
    .limit(1);
  return row;
}

export type SessionWithScore = SessionRow & { overall: number | null };

/** The user's sessions, newest first, with the overall score of those that have a report. */
export async function listSessions(db: Db, userId: number, limit: number, before: { createdAt: number; id: string } | null): Promise<SessionWithScore[]> {
  const page = before
    ? or(lt(voiceSessions.createdAt, before.createdAt), and(eq(voiceSessions.createdAt, before.createdAt), lt(voiceSessions.id, before.id)))
    : undefined;
  const rows = await db
    .select({ session: voiceSessions, overall: feedbackReports.overall })
    .from(voiceSessions)
    .leftJoin(feedbackReports, eq(feedbackReports.sessionId, voiceSessions.id))
    .where(and(eq(voiceSessions.userId, userId), page))
    .orderBy(desc(voiceSessions.createdAt), desc(voiceSessions.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.session, overall: r.overall }));
}

export async function markLive(db: Db, id: string, startedAt: number): Promise<void> {
  await db.update(voiceSessions).set({ status: "live", startedAt }).where(and(eq(voiceSessions.id, id), inArray(voiceSessions.status, ["created", "live"])));
}

export async function markEnded(db: Db, id: string, reason: string, failed: boolean): Promise<void> {
  await db
    .update(voiceSessions)
    .set({ status: failed ? "failed" : "ended", endReason: reason, endedAt: Date.now() })
    .where(and(eq(voiceSessions.id, id), inArray(voiceSessions.status, ["created", "live"])));
}

/** Writes a batch of turns in one statement; turns already stored (same seq) are left as they are. */
export async function saveTurns(db: Db, turns: readonly NewTurn[]): Promise<void> {
  if (!turns.length) return;
  // D1 binds at most 100 parameters per statement: 7 columns a turn.
  const chunks: NewTurn[][] = [];
  for (let i = 0; i < turns.length; i += 14) chunks.push(turns.slice(i, i + 14));
  const [first, ...rest] = chunks.map((chunk) => db.insert(voiceTurns).values(chunk).onConflictDoNothing());
  await db.batch([first!, ...rest]);
}

export async function loadTurns(db: Db, sessionId: string): Promise<TurnRow[]> {
  return db.select().from(voiceTurns).where(eq(voiceTurns.sessionId, sessionId)).orderBy(asc(voiceTurns.seq));
}

export async function saveReport(db: Db, sessionId: string, userId: number, report: Report): Promise<void> {
  const { metrics, judged_by, ...details } = report;
  await db
    .insert(feedbackReports)
    .values({
      sessionId,
      userId,
      overall: report.overall.score,
      politeness: report.politeness.score,
      clarity: report.clarity.score,
      pace: report.pace.score,
      fillers: report.filler_words.score,
      metrics,
      details,
      engine: judged_by,
    })
    .onConflictDoUpdate({
      target: feedbackReports.sessionId,
      set: { overall: report.overall.score, politeness: report.politeness.score, clarity: report.clarity.score, pace: report.pace.score, fillers: report.filler_words.score, metrics, details, engine: judged_by },
    });
}

export async function loadReport(db: Db, sessionId: string): Promise<(Report & { created_at: number }) | undefined> {
  const [row] = await db.select().from(feedbackReports).where(eq(feedbackReports.sessionId, sessionId)).limit(1);
  if (!row) return undefined;
  return { ...(row.details as Omit<Report, "metrics" | "judged_by">), metrics: row.metrics as Report["metrics"], judged_by: row.engine, created_at: row.createdAt };
}

/** Every report of the user, oldest first, with its session's scenario: the progress charts. */
export async function progressOf(db: Db, userId: number) {
  return db
    .select({
      sessionId: feedbackReports.sessionId,
      scenarioId: voiceSessions.scenarioId,
      language: voiceSessions.language,
      difficulty: voiceSessions.difficulty,
      createdAt: feedbackReports.createdAt,
      overall: feedbackReports.overall,
      politeness: feedbackReports.politeness,
      clarity: feedbackReports.clarity,
      pace: feedbackReports.pace,
      fillers: feedbackReports.fillers,
    })
    .from(feedbackReports)
    .innerJoin(voiceSessions, eq(voiceSessions.id, feedbackReports.sessionId))
    .where(eq(feedbackReports.userId, userId))
    .orderBy(asc(feedbackReports.createdAt));
}
