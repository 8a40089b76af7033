// A small bounded map of answers this isolate looked up lately, each kept for a few seconds:
// for lookups that many requests in a row repeat (is this session live? whose room is this?),
// so that D1 sees one query where a room with many watchers would otherwise cost one each.
// Isolate memory only: every isolate keeps its own, and a change made elsewhere is seen here
// once the entry's time is up. The oldest entry goes first when the map is full.
export class Recent<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private readonly ttlMs: number;
  private readonly capacity: number;

  constructor(ttlMs: number, capacity: number) {
    this.ttlMs = ttlMs;
    this.capacity = capacity;
  }

  get(key: K, now = Date.now()): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > now) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps `value` for the cache's time, or until `until` when that comes sooner. */
  set(key: K, value: V, until = Infinity, now = Date.now()): void {
    this.entries.delete(key); // re-inserting moves the key to the young end
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, until: Math.min(until, now + this.ttlMs) });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Replaces, in place, every value `match` picks (e.g. a user's row after a profile edit). */
  update(match: (value: V) => boolean, next: (value: V) => V): void {
    for (const entry of this.entries.values()) if (match(entry.value)) entry.value = next(entry.value);
  }

  get size(): number {
    return this.entries.size;
  }
}
