import { IntegrityError, text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";

/** executemany and rowcount (SQLAlchemy's test_rowcount). */
export function executemanyTests(config: ConformanceConfig): void {
  describe("executemany and rowcount", () => {
    const db = useEngine(config);
    const capabilities = capabilitiesOf(config);
    const insert = text("INSERT INTO some_table (x, y) VALUES (:x, :y)");
    const uniqueX = () => db.engine.begin((conn) => conn.execDriverSql("CREATE UNIQUE INDEX some_table_ux ON some_table (x)"));

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

    it("a failing parameter set stops the executemany with the database's error; the sets before it roll back", async () => {
      await uniqueX();
      const sets = [
        { x: 1, y: 1 },
        { x: 2, y: 2 },
        { x: 1, y: 3 },
        { x: 4, y: 4 },
      ];
      const error = await db.engine.begin((conn) => conn.execute(insert, sets)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntegrityError);
      expect((error as IntegrityError).sql).toMatch(/^INSERT INTO some_table/);
      // The connection went back to the pool clean: the next transaction works and the table is empty.
      const count = await db.engine.begin(async (conn) => {
        await conn.execute(insert, { x: 7, y: 7 });
        return (await conn.execute(text("SELECT count(*) AS n FROM some_table"))).scalar();
      });
      expect(Number(count)).toBe(1);
    });

    it("2,000 parameter sets in one executemany: rowcount and every row's change", async () => {
      const n = 2000;
      const sets = Array.from({ length: n }, (_, i) => ({ x: i, y: 0 }));
      await db.engine.begin(async (conn) => {
        await conn.execute(insert, sets);
        const updated = await conn.execute(
          text("UPDATE some_table SET y = :y WHERE x = :x"),
          sets.map(({ x }) => ({ x, y: x * 2 })),
        );
        expect(updated.rowcount).toBe(n);
      });
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(text("SELECT x, y FROM some_table ORDER BY x"))).all().map((r) => r._tuple()),
      );
      expect(rows).toEqual(sets.map(({ x }) => [x, x * 2]));
    });

    (capabilities.updateReturning ? it : it.skip)("executemany of UPDATE ... RETURNING gives every set's rows, in order", async () => {
      await db.engine.begin(async (conn) => {
        await conn.execute(insert, [
          { x: 1, y: 10 },
          { x: 2, y: 20 },
          { x: 3, y: 30 },
        ]);
        const result = await conn.execute(text("UPDATE some_table SET y = y + :d WHERE x = :x RETURNING x, y"), [
          { x: 3, d: 1 },
          { x: 1, d: 2 },
          { x: 9, d: 3 },
          { x: 2, d: 4 },
        ]);
        expect(result.all().map((r) => r._tuple())).toEqual([
          [3, 31],
          [1, 12],
          [2, 24],
        ]);
      });
    });
  });
}
