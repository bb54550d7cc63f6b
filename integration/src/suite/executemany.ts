import { text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

/** executemany and rowcount (SQLAlchemy's test_rowcount). */
export function executemanyTests(config: ConformanceConfig): void {
  describe("executemany and rowcount", () => {
    const db = useEngine(config);
    const insert = text("INSERT INTO some_table (x, y) VALUES (:x, :y)");

    it("runs a statement once per parameter set and logs the sets as a list", async () => {
      const result = await db.engine.begin((conn) =>
        conn.execute(insert, [
          { x: 1, y: 1 },
          { x: 2, y: 4 },
        ]),
      );
      expect(result.rowcount).toBe(2);
      expect(db.log.lines[1]).toMatch(/^INSERT INTO some_table \(x, y\) VALUES \(.+, .+\)$/);
      expect(db.log.lines[2]).toMatch(/^\[generated in \d+\.\d{5}s\] \[\(1, 1\), \(2, 4\)\]$/);
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(text("SELECT x, y FROM some_table ORDER BY x"))).all(),
      );
      expect(rows.map((r) => r._tuple())).toEqual([
        [1, 1],
        [2, 4],
      ]);
    });

    it("UPDATE rowcount counts matched rows; executemany sums them", async () => {
      await db.engine.begin(async (conn) => {
        await conn.execute(insert, [
          { x: 1, y: 1 },
          { x: 2, y: 4 },
          { x: 2, y: 5 },
          { x: 9, y: 10 },
        ]);
        const one = await conn.execute(text("UPDATE some_table SET y = :y WHERE x = :x"), { x: 9, y: 11 });
        expect(one.rowcount).toBe(1);
        const many = await conn.execute(text("UPDATE some_table SET y = :y WHERE x = :x"), [
          { x: 2, y: 20 },
          { x: 9, y: 12 },
          { x: 13, y: 15 },
        ]);
        expect(many.rowcount).toBe(3);
      });
    });

    it("DELETE rowcount counts deleted rows", async () => {
      await db.engine.begin(async (conn) => {
        await conn.execute(insert, [
          { x: 1, y: 1 },
          { x: 2, y: 4 },
          { x: 3, y: 9 },
        ]);
        const result = await conn.execute(text("DELETE FROM some_table WHERE x >= :x"), { x: 2 });
        expect(result.rowcount).toBe(2);
      });
    });

    it("an empty parameter list runs the statement once with no parameters", async () => {
      const result = await db.engine.connect((conn) => conn.execute(text("SELECT 1 AS one"), []));
      expect(result.scalar()).toBe(1);
    });
  });
}
