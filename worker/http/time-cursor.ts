// Paging a user's newest-first list (try-ons, voice sessions) by `createdAt_id`: the query
// schema, reading a cursor, and the answer's `has_more` / `next_cursor` from a page fetched
// with one extra row.
import { z } from "@hono/zod-openapi";

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z
    .string()
    .regex(/^\d+_[0-9a-f-]{36}$/, "the previous page's next_cursor")
    .optional(),
});

export type TimeCursor = { createdAt: number; id: string };

export function readCursor(cursor: string | undefined): TimeCursor | null {
  if (!cursor) return null;
  const cut = cursor.indexOf("_");
  return { createdAt: Number(cursor.slice(0, cut)), id: cursor.slice(cut + 1) };
}

/** `rows` fetched with `limit + 1`: the page, and where the next one starts. */
export function pageOf<T extends TimeCursor>(rows: T[], limit: number): { page: T[]; has_more: boolean; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit;
  return { page, has_more: more, next_cursor: more && last ? `${last.createdAt}_${last.id}` : null };
}
