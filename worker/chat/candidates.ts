// The catalog searches of one plan (planner.ts), shared. A look's slots are filled one after
// another, each capped by the budget the earlier pieces left, but their searches need not
// wait for each other: each slot's first search starts at once with the loosest cap it could
// get, and the search it then asks for is answered from that one when it asked for no less —
// the same filters with a lower price cap or more excluded ids. The rows are narrowed here
// and used when they were every match there is or are still plenty; otherwise the narrower
// search runs after all. Alternatives of one kind (three pairs of shoes, each excluding the
// ones before) come from one search the same way.
import { publicProduct, type PublicProduct } from "../catalog/products.ts";
import { searchCandidates, type SearchFilters } from "../catalog/search.ts";

/** Candidates a slot's lens chooses from. */
export const CANDIDATES = 40;
/** Narrowed candidates are still enough to choose from when at least this many are left. */
const ENOUGH = CANDIDATES / 2;

type Search = {
  maxPrice: number;
  excludeIds: ReadonlySet<string>;
  result: Promise<{ items: PublicProduct[]; all: boolean }>;
};

/** Everything but the price cap and the excluded ids: searches that differ only there can answer each other. */
function looseKey({ maxPrice: _max, excludeIds: _ids, ...rest }: SearchFilters): string {
  return JSON.stringify(rest);
}

export class CandidateSearches {
  private readonly searches = new Map<string, Search[]>();
  private readonly db: D1Database;
  /** `find`s answered from a search already started (hits) and those that ran their own (misses), for the metrics. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(db: D1Database) {
    this.db = db;
  }

  /** Starts a search that a later `find` will probably ask for, unless one already covers it. */
  prefetch(f: SearchFilters): void {
    if (this.covering(f).length === 0) this.start(f).result.catch(() => {}); // `find` reports failures
  }

  /** Up to CANDIDATES products meeting every filter, in the search's order. */
  async find(f: SearchFilters): Promise<PublicProduct[]> {
    const max = f.maxPrice ?? Infinity;
    const excluded = new Set(f.excludeIds ?? []);
    for (const s of this.covering(f)) {
      const { items, all } = await s.result;
      if (s.maxPrice === max && s.excludeIds.size === excluded.size) return this.hit(items);
      const narrowed = items.filter((p) => p.price <= max && !excluded.has(p.product_id));
      if (all || narrowed.length >= ENOUGH) return this.hit(narrowed);
    }
    this.stats.misses++;
    return (await this.start(f).result).items;
  }

  private hit(items: PublicProduct[]): PublicProduct[] {
    this.stats.hits++;
    return items;
  }

  /** Searches already started whose matches include all of `f`'s. */
  private covering(f: SearchFilters): Search[] {
    const max = f.maxPrice ?? Infinity;
    const excluded = new Set(f.excludeIds ?? []);
    return (this.searches.get(looseKey(f)) ?? []).filter((s) => s.maxPrice >= max && [...s.excludeIds].every((id) => excluded.has(id)));
  }

  private start(f: SearchFilters): Search {
    const search: Search = {
      maxPrice: f.maxPrice ?? Infinity,
      excludeIds: new Set(f.excludeIds ?? []),
      result: searchCandidates(this.db, f, CANDIDATES).then(({ products, all }) => ({ items: products.map(publicProduct), all })),
    };
    const key = looseKey(f);
    this.searches.set(key, [...(this.searches.get(key) ?? []), search]);
    return search;
  }
}
