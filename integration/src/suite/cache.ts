import { createEngine, text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { CapturingLogger, useEngine, type ConformanceConfig } from "../config.js";

/** The compiled-statement cache: keyed by the statement's text, not its values. */
export function cacheTests(config: ConformanceConfig): void {
  describe("statement cache", () => {
    const db = useEngine(config);
    const insert = text("INSERT INTO some_table (x, y) VALUES (:x, :y)");

    it("the second execution of a statement is a cache hit, with other values", async () => {
      await db.engine.begin((conn) => conn.execute(insert, [{ x: 1, y: 1 }, { x: 2, y: 4 }]));
      await db.engine.begin((conn) => conn.execute(insert, [{ x: 6, y: 8 }, { x: 9, y: 10 }]));
      const tags = db.log.lines.filter((line) => line.startsWith("["));
      expect(tags[0]).toMatch(/^\[generated in \d+\.\d{5}s\] \[\(1, 1\), \(2, 4\)\]$/);
      expect(tags[1]).toMatch(/^\[cached since \d[\d.e+-]*s ago\] \[\(6, 8\), \(9, 10\)\]$/);
    });

    it("an equal but separately built statement hits the same entry", async () => {
      const sql = "SELECT x FROM some_table WHERE y = :y";
      await db.engine.connect(async (conn) => {
        await conn.execute(text(sql), { y: 1 });
        await conn.execute(text(sql), { y: 2 });
      });
      const tags = db.log.lines.filter((line) => line.startsWith("["));
      expect(tags.map((t) => t.slice(0, 10))).toEqual(["[generated", "[cached si"]);
    });

    it("driver-level SQL is logged [raw sql] and bypasses the cache", async () => {
      const before = db.engine.statementCache.size;
      await db.engine.connect((conn) => conn.execDriverSql("SELECT 1"));
      expect(db.log.lines.slice(1, 3)).toEqual(["SELECT 1", "[raw sql] ()"]);
      expect(db.engine.statementCache.size).toBe(before);
    });

    it("compiledCacheSize: 0 disables the cache", async () => {
      const log = new CapturingLogger();
      const engine = createEngine(config.url, { ...config.engineOptions, echo: true, logger: log, compiledCacheSize: 0 });
      try {
        await engine.connect(async (conn) => {
          await conn.execute(text("SELECT 1 AS one"));
          await conn.execute(text("SELECT 1 AS one"));
        });
      } finally {
        await engine.dispose();
      }
      expect(log.lines.filter((l) => /^\[caching disabled \d+\.\d{5}s\] \(\)$/.test(l))).toHaveLength(2);
      expect(engine.statementCache.size).toBe(0);
    });
  });
}
