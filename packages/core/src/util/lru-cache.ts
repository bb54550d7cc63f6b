import { ArgumentError } from "../errors.js";

/**
 * A least-recently-used cache on a Map, whose insertion order is the recency order:
 * a hit moves its entry to the end, and an overflow drops the first entry.
 *
 * @example
 * const cache = new LRUCache<string, number>(2);
 * cache.set("a", 1); cache.set("b", 2);
 * cache.get("a");    // 1, and "a" is now the most recent
 * cache.set("c", 3); // drops "b"
 */
export class LRUCache<K, V> {
  private readonly map = new Map<K, V>();
  private readonly capacity: number;

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
    const map = this.map;
    const value = map.get(key);
    if (value === undefined) return undefined;
    map.delete(key);
    map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    const map = this.map;
    map.delete(key);
    map.set(key, value);
    if (map.size > this.capacity) {
      // The first key is the least recently used one.
      map.delete(map.keys().next().value as K);
    }
  }

  clear(): void {
    this.map.clear();
  }
}
