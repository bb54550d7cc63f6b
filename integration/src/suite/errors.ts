import { DatabaseError, DBAPIError, IntegrityError, text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

/** Driver errors mapped into core's hierarchy, with the SQL and parameters shown. */
export function errorTests(config: ConformanceConfig): void {
  describe("error mapping", () => {
    const db = useEngine(config);

    it("a unique violation is an IntegrityError carrying SQL, parameters and the driver's error", async () => {
      await db.engine.begin((conn) => conn.execDriverSql("CREATE UNIQUE INDEX some_table_x ON some_table (x)"));
      const error = await db.engine
        .begin(async (conn) => {
          await conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [
            { x: 1, y: 1 },
            { x: 1, y: 2 },
          ]);
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntegrityError);
      const integrity = error as IntegrityError;
      // The driver's own error, whose class differs per driver (and per realm under jest).
      expect(integrity.cause).toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
      expect(integrity.sql).toMatch(/^INSERT INTO some_table \(x, y\) VALUES/);
      expect(integrity.message).toMatch(/\n\[SQL: INSERT INTO some_table \(x, y\) VALUES \(.+\)\]\n\[parameters: \[\(1, 1\), \(1, 2\)\]\]$/);
      expect(db.log.lines.at(-1)).toBe("ROLLBACK");
    });

    it("a missing table is a DatabaseError naming the statement", async () => {
      const error = await db.engine
        .connect((conn) => conn.execute(text("SELECT * FROM no_such_table WHERE a = :a"), { a: 5 }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseError);
      expect(error).toBeInstanceOf(DBAPIError);
      expect((error as DBAPIError).message).toMatch(/no_such_table/);
      expect((error as DBAPIError).message).toMatch(/\[parameters: \(5,\)\]/);
    });

    it("a syntax error is a DatabaseError and the connection stays usable after rollback", async () => {
      await db.engine.connect(async (conn) => {
        await expect(conn.execute(text("SELEC 1"))).rejects.toThrow(DatabaseError);
        await conn.rollback();
        expect((await conn.execute(text("SELECT 1 AS one"))).scalar()).toBe(1);
      });
    });
  });
}
