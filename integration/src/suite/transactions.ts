import { InvalidRequestError, ResourceClosedError, text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";

const insert = text("INSERT INTO some_table (x, y) VALUES (:x, :y)");
const countRows = text("SELECT count(*) AS n FROM some_table");

/** Transactions: autobegin, commit as you go, begin once, rollbacks, savepoints. */
export function transactionTests(config: ConformanceConfig): void {
  describe("transactions", () => {
    const db = useEngine(config);

    async function rowsInTable(): Promise<number> {
      return Number(await db.engine.connect(async (conn) => (await conn.execute(countRows)).scalar()));
    }

    it("autobegins on the first execute and logs BEGIN (implicit)", async () => {
      await db.engine.connect(async (conn) => {
        expect(conn.inTransaction()).toBe(false);
        await conn.execute(text("SELECT 1"));
        expect(conn.inTransaction()).toBe(true);
      });
      expect(db.log.lines[0]).toBe("BEGIN (implicit)");
      expect(db.log.lines.at(-1)).toBe("ROLLBACK");
    });

    it("does not commit automatically: closing rolls back", async () => {
      await db.engine.connect(async (conn) => {
        await conn.execute(insert, { x: 1, y: 1 });
      });
      expect(await rowsInTable()).toBe(0);
    });

    it("commits as you go with conn.commit(), and begins again after", async () => {
      await db.engine.connect(async (conn) => {
        await conn.execute(insert, { x: 1, y: 1 });
        await conn.commit();
        expect(conn.inTransaction()).toBe(false);
        await conn.execute(insert, { x: 2, y: 2 });
        expect(conn.inTransaction()).toBe(true);
      });
      expect(await rowsInTable()).toBe(1);
      expect(db.log.lines.filter((l) => l === "BEGIN (implicit)")).toHaveLength(3);
    });

    it("engine.begin() commits when the callback resolves", async () => {
      const value = await db.engine.begin(async (conn) => {
        await conn.execute(insert, [
          { x: 6, y: 8 },
          { x: 9, y: 10 },
        ]);
        return "done";
      });
      expect(value).toBe("done");
      expect(await rowsInTable()).toBe(2);
      expect(db.log.lines[0]).toBe("BEGIN (implicit)");
      expect(db.log.lines[3]).toBe("COMMIT");
    });

    it("engine.begin() rolls back and rethrows when the callback throws", async () => {
      const failure = new Error("boom");
      await expect(
        db.engine.begin(async (conn) => {
          await conn.execute(insert, { x: 1, y: 1 });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await rowsInTable()).toBe(0);
      expect(db.log.lines).toContain("ROLLBACK");
    });

    it("await using rolls back at the end of the scope", async () => {
      {
        await using conn = await db.engine.connect();
        await conn.execute(insert, { x: 1, y: 1 });
      }
      expect(await rowsInTable()).toBe(0);
    });

    it("conn.rollback() discards the work and the connection stays usable", async () => {
      await db.engine.connect(async (conn) => {
        await conn.execute(insert, { x: 1, y: 1 });
        await conn.rollback();
        await conn.execute(insert, { x: 2, y: 2 });
        await conn.commit();
      });
      const xs = await db.engine.connect(async (conn) =>
        (await conn.execute(text("SELECT x FROM some_table"))).scalars().all(),
      );
      expect(xs).toEqual([2]);
    });

    it("an explicit begin() while a transaction is open is an error", async () => {
      await db.engine.connect(async (conn) => {
        await conn.execute(text("SELECT 1"));
        await expect(conn.begin()).rejects.toThrow(InvalidRequestError);
      });
    });

    it("a closed connection refuses work with ResourceClosedError", async () => {
      const conn = await db.engine.connect();
      await conn.close();
      await expect(conn.execute(text("SELECT 1"))).rejects.toThrow(ResourceClosedError);
      await expect(conn.execute(text("SELECT 1"))).rejects.toThrow(/Connection is closed/);
      await conn.close();
    });

    (capabilitiesOf(config).savepoints ? describe : describe.skip)("savepoints", () => {
      it("a released savepoint keeps its work; the outer commit saves it", async () => {
        await db.engine.begin(async (conn) => {
          await conn.execute(insert, { x: 1, y: 1 });
          const sp = await conn.beginNested();
          expect(sp.name).toBe("sa_savepoint_1");
          await conn.execute(insert, { x: 2, y: 2 });
          await sp.commit();
        });
        expect(await rowsInTable()).toBe(2);
        expect(db.log.lines).toContain("SAVEPOINT sa_savepoint_1");
        expect(db.log.lines).toContain("RELEASE SAVEPOINT sa_savepoint_1");
      });

      it("rolling back to a savepoint discards only the work inside it", async () => {
        await db.engine.begin(async (conn) => {
          await conn.execute(insert, { x: 1, y: 1 });
          await expect(
            conn.beginNested(async () => {
              await conn.execute(insert, { x: 2, y: 2 });
              throw new Error("inner failure");
            }),
          ).rejects.toThrow("inner failure");
          expect(conn.inTransaction()).toBe(true);
        });
        const xs = await db.engine.connect(async (conn) =>
          (await conn.execute(text("SELECT x FROM some_table ORDER BY x"))).scalars().all(),
        );
        expect(xs).toEqual([1]);
        expect(db.log.lines).toContain("ROLLBACK TO SAVEPOINT sa_savepoint_1");
      });

      it("beginNested() autobegins the outer transaction, and nests", async () => {
        await db.engine.connect(async (conn) => {
          const outer = await conn.beginNested();
          const inner = await conn.beginNested();
          expect(inner.name).toBe("sa_savepoint_2");
          await conn.execute(insert, { x: 3, y: 3 });
          await outer.rollback();
          expect(inner.isActive).toBe(false);
          await conn.commit();
        });
        expect(db.log.lines[0]).toBe("BEGIN (implicit)");
        expect(await rowsInTable()).toBe(0);
      });
    });
  });
}
