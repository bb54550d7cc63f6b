import { BindParameterError, StatementError, text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

/** Bound parameters: binding by name, and errors before anything reaches the database. */
export function paramTests(config: ConformanceConfig): void {
  describe("bound parameters", () => {
    const db = useEngine(config);
    const select = text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y");

    it("binds by name, repeated names included, and logs the positional values", async () => {
      await db.engine.begin((conn) =>
        conn.execute(text("INSERT INTO some_table (x, y) VALUES (:v, :v)"), [{ v: 3 }, { v: 7 }]),
      );
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select, { y: 6 })).all());
      expect(rows.map((r) => r._tuple())).toEqual([[7, 7]]);
      expect(db.log.lines.some((l) => /^\[generated in \d+\.\d{5}s\] \(6,\)$/.test(l))).toBe(true);
    });

    it("a missing parameter is an error naming it, and nothing is sent", async () => {
      await db.engine.connect(async (conn) => {
        const failure = conn.execute(text("SELECT x FROM some_table WHERE x = :x AND y = :y"), { x: 1 });
        await expect(failure).rejects.toThrow(BindParameterError);
        await expect(failure).rejects.toThrow(/A value is required for bind parameter 'y'/);
        await expect(failure).rejects.toThrow(/\[SQL: SELECT x FROM some_table WHERE x = .+ AND y = .+\]/);
        expect(conn.inTransaction()).toBe(false);
      });
      expect(db.log.lines).toEqual([]);
    });

    it("an unexpected parameter is an error naming it", async () => {
      await db.engine.connect(async (conn) => {
        const failure = conn.execute(select, { y: 1, z: 2 });
        await expect(failure).rejects.toThrow(StatementError);
        await expect(failure).rejects.toThrow(/Unexpected bind parameter 'z'/);
      });
    });

    it("an undefined value is an error that says to pass null", async () => {
      await db.engine.connect(async (conn) => {
        await expect(conn.execute(select, { y: undefined })).rejects.toThrow(/'y' is undefined; pass null/);
      });
    });

    it("a missing parameter in one set of an executemany fails the whole call", async () => {
      await db.engine.connect(async (conn) => {
        const insert = text("INSERT INTO some_table (x, y) VALUES (:x, :y)");
        await expect(conn.execute(insert, [{ x: 1, y: 1 }, { x: 2 }])).rejects.toThrow(/parameter 'y'/);
        await conn.commit();
      });
      const n = await db.engine.connect(async (conn) => (await conn.execute(text("SELECT count(*) FROM some_table"))).scalar());
      expect(Number(n)).toBe(0);
    });

    it("'::' casts and escaped colons are not parameters", async () => {
      expect(text("SELECT x::int, :p FROM t").bindNames).toEqual(["p"]);
      const stmt = text("SELECT 'a\\:b' AS s, :p AS p");
      expect(stmt.bindNames).toEqual(["p"]);
      const row = await db.engine.connect(async (conn) => (await conn.execute(stmt, { p: "q" })).one());
      expect(row._tuple()).toEqual(["a:b", "q"]);
    });
  });
}
