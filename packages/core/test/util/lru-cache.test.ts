import { describe, it, expect } from "@jest/globals";
import { ArgumentError } from "../../src/errors.js";
import { LRUCache } from "../../src/util/lru-cache.js";

describe("LRUCache", () => {
  it("stores and returns values", () => {
    const cache = new LRUCache<string, number>(3);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    expect(cache.get("b")).toBe(2);
    expect(cache.get("c")).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("drops the least recently set entry past capacity", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBe(2);
    expect(cache.get("c")).toBe(3);
  });

  it("counts a hit as a use, so the entry survives the next overflow", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("replaces a value on set and makes it the most recent", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 10);
    expect(cache.size).toBe(2);
    cache.set("c", 3);
    expect(cache.get("a")).toBe(10);
    expect(cache.get("b")).toBeUndefined();
  });

  it("stores nothing with capacity 0", () => {
    const cache = new LRUCache<string, number>(0);
    cache.set("a", 1);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("clears", () => {
    const cache = new LRUCache<number, string>(4);
    cache.set(1, "x");
    cache.set(2, "y");
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get(1)).toBeUndefined();
  });

  it("keys by identity for object keys", () => {
    const cache = new LRUCache<object, string>(2);
    const key = {};
    cache.set(key, "k");
    expect(cache.get(key)).toBe("k");
    expect(cache.get({})).toBeUndefined();
  });

  it("rejects a negative or fractional capacity", () => {
    expect(() => new LRUCache(-1)).toThrow(ArgumentError);
    expect(() => new LRUCache(1.5)).toThrow("LRUCache capacity must be a non-negative integer, got 1.5");
    expect(() => new LRUCache(Number.NaN)).toThrow(ArgumentError);
  });
});
