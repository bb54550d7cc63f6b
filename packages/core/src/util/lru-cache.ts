import { ArgumentError } from "../errors.js";

interface Entry<V> {
  readonly value: V;
  /** The use counter's value at this entry's last use. */
  used: number;
}

/**
 * A least-recently-used cache. A hit only stamps its entry with a counter (the
 * statement cache is on the hot path, and moving Map entries costs more); an overflow,
 * which happens only on a miss, scans for the entry used longest ago.
 *
 * @example
 * const cache = new LRUCache<string, number>(2);
 * cache.set("a", 1); cache.set("b", 2);
 * cache.get("a");    // 1, and "a" is now the most recent
 * cache.set("c", 3); // drops "b"
 */
export class LRUCache<K, V> {
  private readonly map = new Map<K, Entry<V>>();
  private readonly capacity: number;
  private uses = 0;

  /** `capacity` 0 disables the cache: nothing is stored. */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new ArgumentError(`LRUCache capacity must be a non-negative integer, got ${String(capacity)}`);
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.map.size;
  }

  /** The value for `key`, now the most recent; a stored `undefined` reads as a miss. */
  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    entry.used = ++this.uses;
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    const map = this.map;
    if (value === undefined) {
      map.delete(key);
      return;
    }
    map.set(key, { value, used: ++this.uses });
    if (map.size > this.capacity) this.evictLeastRecent();
  }

  clear(): void {
    this.map.clear();
  }

  private evictLeastRecent(): void {
    let oldestKey: K | undefined;
    let oldest = Infinity;
    for (const [key, entry] of this.map) {
      if (entry.used < oldest) {
        oldest = entry.used;
        oldestKey = key;
      }
    }
    this.map.delete(oldestKey as K);
  }
}
