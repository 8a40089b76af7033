// Reads started together share one D1 round trip (worker/db/coalesced-reads.ts), each caller
// gets its own result, and one statement D1 refuses fails only its own caller.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { coalescedReads } from "../../worker/db/coalesced-reads";

describe("coalesced reads", () => {
  it("sends statements started in the same turn as one batch, each answered with its own rows", async () => {
    const db = coalescedReads(env.DB);
    const [a, b, c, [d, e]] = await Promise.all([
      db.prepare("select ? as n").bind(1).first<{ n: number }>(),
      db.prepare("select ? as n").bind(2).first("n"),
      db.prepare("select value as n from json_each(?)").bind("[3,4,5]").all<{ n: number }>(),
      db.batch<{ n: number }>([db.prepare("select 6 as n"), db.prepare("select 7 as n")]),
    ]);
    expect(a).toEqual({ n: 1 });
    expect(b).toBe(2);
    expect(c.results.map((r) => r.n)).toEqual([3, 4, 5]);
    expect([d!.results[0]!.n, e!.results[0]!.n]).toEqual([6, 7]);
    expect(db.stats).toEqual({ statements: 5, roundTrips: 1 });
  });

  it("gives a later read a round trip of its own", async () => {
    const db = coalescedReads(env.DB);
    await db.prepare("select 1").first();
    await db.prepare("select 2").first();
    expect(db.stats.roundTrips).toBe(2);
  });

  it("fails only the statement D1 refuses, not the others sent with it", async () => {
    const db = coalescedReads(env.DB);
    const [good, bad, alsoGood] = await Promise.allSettled([
      db.prepare("select 1 as n").first("n"),
      db.prepare("select * from no_such_table").all(),
      db.prepare("select 3 as n").first("n"),
    ]);
    expect(good).toEqual({ status: "fulfilled", value: 1 });
    expect(bad.status).toBe("rejected");
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/no such table/);
    expect(alsoGood).toEqual({ status: "fulfilled", value: 3 });
  });
});
