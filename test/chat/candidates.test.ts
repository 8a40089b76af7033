// A plan's shared searches: a narrower search (lower price cap, more excluded ids) is answered
// from one already started when that one's rows allow it — with exactly the products the
// narrower search itself would have found — and runs against D1 when they do not.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { searchCandidates, searchProducts, type SearchFilters } from "../../worker/catalog/search";
import { CANDIDATES, CandidateSearches } from "../../worker/chat/candidates";
import { seedCatalog } from "../catalog/seed";

beforeAll(async () => {
  await seedCatalog(1200);
});

/** env.DB, counting the statements prepared on it. */
function countingDb() {
  const counter = { statements: 0 };
  const db = new Proxy(env.DB, {
    get(target, key) {
      if (key === "prepare") counter.statements++;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, counter };
}

/** The statements one candidate search of `f` prepares on its own. */
async function statementsOf(f: SearchFilters): Promise<number> {
  const { db, counter } = countingDb();
  await searchCandidates(db, f, CANDIDATES);
  return counter.statements;
}

const ids = async (f: SearchFilters) => (await searchProducts(env.DB, f, { limit: CANDIDATES })).products.map((p) => p.id).sort();
const sorted = (ps: { product_id: string }[]) => ps.map((p) => p.product_id).sort();

describe("candidate searches", () => {
  it("give searchProducts' first page and whether it is every match, without a count of the index", async () => {
    const cases: SearchFilters[] = [
      { q: "셔츠" }, // many matches: more than a page
      { q: "셔츠", categories: ["top"], colors: ["navy"] },
      { categories: ["shoes"], subcategories: ["loafers"] }, // few: all of them fit
      { q: "zzzz없는말" }, // none
      { q: "navy blazer", maxPrice: 150_000 }, // a price filter: the count is in the query
    ];
    let fewer = 0;
    for (const f of cases) {
      const page = await searchProducts(env.DB, f, { limit: CANDIDATES });
      const { db, counter } = countingDb();
      const candidates = await searchCandidates(db, f, CANDIDATES);
      expect(candidates.products.map((p) => p.id), JSON.stringify(f)).toEqual(page.products.map((p) => p.id));
      expect(candidates.all, JSON.stringify(f)).toBe(page.products.length >= page.total);
      const { db: exactDb, counter: exact } = countingDb();
      await searchProducts(exactDb, f, { limit: CANDIDATES });
      expect(counter.statements).toBeLessThanOrEqual(exact.statements);
      if (counter.statements < exact.statements) fewer++;
    }
    // Text and facet searches the index answers alone ask one statement, not two.
    expect(fewer).toBeGreaterThanOrEqual(3);
  });
});

describe("shared searches", () => {
  it("answers the same search twice with one query", async () => {
    const { db, counter } = countingDb();
    const searches = new CandidateSearches(db);
    const f: SearchFilters = { categories: ["shoes"], gender: "women" };
    searches.prefetch(f);
    const [a, b] = await Promise.all([searches.find(f), searches.find(f)]);
    expect(counter.statements).toBe(await statementsOf(f));
    expect(sorted(a)).toEqual(sorted(b));
    expect(sorted(a)).toEqual(await ids(f));
  });

  it("answers a search with every match in hand from it, narrowed exactly", async () => {
    const { db, counter } = countingDb();
    const searches = new CandidateSearches(db);
    // Few enough matches that one search holds all of them.
    const options: SearchFilters[] = ["loafers", "derby_shoes", "pumps", "flats", "sneakers"].map((sub) => ({ categories: ["shoes"], subcategories: [sub as "loafers"] }));
    const totals = await Promise.all(options.map(async (f) => (await searchProducts(env.DB, f, { limit: 1 })).total));
    const loose = options[totals.findIndex((n) => n > 4 && n < CANDIDATES)]!;
    expect(loose).toBeDefined();
    const all = await searches.find(loose);
    expect(all.length).toBeGreaterThan(2);
    expect(all.length).toBeLessThan(CANDIDATES);
    const prices = all.map((p) => p.price).sort((x, y) => x - y);
    const narrow: SearchFilters = { ...loose, maxPrice: prices[Math.floor(prices.length / 2)]!, excludeIds: [all[0]!.product_id] };
    const before = counter.statements;
    const found = await searches.find(narrow);
    expect(counter.statements).toBe(before);
    expect(sorted(found)).toEqual(await ids(narrow));
    expect(found.every((p) => p.price <= narrow.maxPrice! && p.product_id !== all[0]!.product_id)).toBe(true);
  });

  it("runs the narrower search when the rows in hand leave too few", async () => {
    const { db, counter } = countingDb();
    const searches = new CandidateSearches(db);
    const loose: SearchFilters = { categories: ["top"] };
    const first = await searches.find(loose);
    expect(first).toHaveLength(CANDIDATES);
    // A cap under all but a handful of the rows in hand: they cannot stand for the catalog.
    const cheapest = first.map((p) => p.price).sort((x, y) => x - y)[2]!;
    const narrow: SearchFilters = { ...loose, maxPrice: cheapest };
    const before = counter.statements;
    const found = await searches.find(narrow);
    expect(counter.statements).toBeGreaterThan(before);
    expect(sorted(found)).toEqual(await ids(narrow));
  });

  it("never answers a search from one with different filters or a lower cap", async () => {
    const { db, counter } = countingDb();
    const searches = new CandidateSearches(db);
    await searches.find({ categories: ["top"], maxPrice: 50_000 });
    const before = counter.statements;
    const wider = await searches.find({ categories: ["top"], maxPrice: 90_000 });
    const other = await searches.find({ categories: ["bottom"], maxPrice: 50_000 });
    expect(counter.statements).toBe(before + (await statementsOf({ categories: ["top"], maxPrice: 90_000 })) + (await statementsOf({ categories: ["bottom"], maxPrice: 50_000 })));
    expect(wider.some((p) => p.price > 50_000)).toBe(true);
    expect(other.every((p) => p.category === "bottom")).toBe(true);
  });

  it("reports a failed search to whoever asks for it", async () => {
    const broken = { prepare: () => ({ bind: () => ({ all: () => Promise.reject(new Error("D1 is down")) }) }), batch: () => Promise.reject(new Error("D1 is down")) } as unknown as D1Database;
    const searches = new CandidateSearches(broken);
    const f: SearchFilters = { categories: ["top"], maxPrice: 10_000 };
    searches.prefetch(f);
    await expect(searches.find(f)).rejects.toThrow("D1 is down");
  });
});
