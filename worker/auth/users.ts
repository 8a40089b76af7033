// Users and their sessions in D1: upsert on sign-in, one session row per browser, and the
// public shape of a user (the seed's `/api/auth/me`: userId, nickname, plus our profile).
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { Recent } from "../cache/recent";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import { SESSION_TTL_SECONDS } from "./jwt";

export type UserRow = typeof users.$inferSelect;

export type Identity = {
  provider: UserRow["provider"];
  providerUserId: string;
  nickname: string;
  profileImageUrl: string | null;
};

/** Insert or refresh the user behind an identity (a returning Kakao user keeps their row). */
export async function upsertUser(db: Db, who: Identity): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values(who)
    .onConflictDoUpdate({
      target: [users.provider, users.providerUserId],
      set: {
        nickname: who.nickname,
        profileImageUrl: who.profileImageUrl,
        updatedAt: sql`(unixepoch('subsec') * 1000)`,
      },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  userChanged(row);
  return row;
}

export async function openSession(db: Db, userId: number): Promise<{ id: string; expiresAt: number }> {
  const id = crypto.randomUUID();
  const expiresAt = Date.now() + SESSION_TTL_SECONDS * 1000;
  await db.insert(sessions).values({ id, userId, expiresAt });
  return { id, expiresAt };
}

/**
 * How long this isolate trusts a session it found live without asking D1 again. Every open
 * watch stream, turn, retry and poll checks its session; a room watched from many tabs would
 * otherwise cost one query per watcher. A sign-out served by this isolate counts at once; one
 * served by another isolate counts here within this time (the JWT's own expiry always counts).
 */
export const SESSION_RECHECK_MS = 10_000;
const liveSessions = new Recent<string, { user: UserRow; expiresAt: number }>(SESSION_RECHECK_MS, 5_000);

/** The user of a live (not revoked, not expired) session: one query, or none when checked lately. */
export async function sessionUser(db: Db, sessionId: string, userId: number): Promise<UserRow | undefined> {
  const known = liveSessions.get(sessionId);
  if (known) return known.user.id === userId ? known.user : undefined;
  const [row] = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, Date.now())),
    )
    .limit(1);
  if (row) liveSessions.set(sessionId, row, row.expiresAt);
  return row?.user;
}

/** After a user's row changed (profile, sign-in): sessions checked lately see the new row. */
export function userChanged(row: UserRow): void {
  liveSessions.update(
    (s) => s.user.id === row.id,
    (s) => ({ ...s, user: row }),
  );
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  liveSessions.delete(sessionId);
  await db.update(sessions).set({ revokedAt: Date.now() }).where(eq(sessions.id, sessionId));
  liveSessions.delete(sessionId); // and what a lookup running meanwhile put back

}

export function publicUser(u: UserRow) {
  return {
    userId: u.id,
    nickname: u.nickname,
    profileImage: u.profileImageUrl,
    provider: u.provider,
    profile: {
      heightCm: u.heightCm,
      bodyShape: u.bodyShape,
      skinTone: u.skinTone,
      gender: u.gender,
      preferredStyles: u.preferredStyles,
    },
  };
}
