// The bounded map of recent lookups: an entry lives for the cache's time (or less when asked),
// the oldest goes first when the map is full, and an update reaches every matching entry.
import { describe, expect, it } from "vitest";
import { Recent } from "../../worker/cache/recent";

describe("recent lookups", () => {
  it("keeps an entry for its time, or until an earlier end", () => {
    const cache = new Recent<string, number>(1_000, 10);
    cache.set("a", 1, Infinity, 0);
    cache.set("b", 2, 300, 0);
    expect(cache.get("a", 999)).toBe(1);
    expect(cache.get("a", 1_000)).toBeUndefined();
    expect(cache.get("b", 299)).toBe(2);
    expect(cache.get("b", 300)).toBeUndefined();
    expect(cache.size).toBe(0); // expired entries are dropped when met
  });

  it("drops the oldest entry when full; setting a key again makes it young", () => {
    const cache = new Recent<string, number>(Infinity, 2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 3);
    cache.set("c", 4);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(3);
    expect(cache.get("c")).toBe(4);
    expect(cache.size).toBe(2);
  });

  it("deletes, and updates every matching value in place", () => {
    const cache = new Recent<string, { user: number; name: string }>(Infinity, 10);
    cache.set("s1", { user: 1, name: "old" });
    cache.set("s2", { user: 1, name: "old" });
    cache.set("s3", { user: 2, name: "other" });
    cache.update((v) => v.user === 1, (v) => ({ ...v, name: "new" }));
    expect([cache.get("s1")?.name, cache.get("s2")?.name, cache.get("s3")?.name]).toEqual(["new", "new", "other"]);
    cache.delete("s1");
    expect(cache.get("s1")).toBeUndefined();
  });
});
