import { text } from "@alkahest/core";
import { Session } from "@alkahest/core/orm";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

/** The Core-level Session: one transaction on one connection, ended by commit or close. */
export function sessionTests(config: ConformanceConfig): void {
  describe("session", () => {
    const db = useEngine(config);
    const select = text<{ x: number; y: number }>("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y");
    const update = text("UPDATE some_table SET y=:y WHERE x=:x");

    beforeEach(async () => {
      await db.engine.begin((conn) =>
        conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [
          { x: 1, y: 1 },
          { x: 2, y: 4 },
          { x: 6, y: 8 },
          { x: 9, y: 10 },
        ]),
      );
      db.log.clear();
    });

    async function ys(): Promise<number[]> {
      return db.engine.connect(async (conn) =>
        (await conn.execute(text("SELECT y FROM some_table ORDER BY x"))).scalars().all() as number[],
      );
    }

    it("await using closes the session and rolls back", async () => {
      {
        await using session = new Session(db.engine);
        const rows = (await session.execute(select, { y: 6 })).all();
        expect(rows.map((r) => [r.x, r.y])).toEqual([
          [6, 8],
          [9, 10],
        ]);
        await session.execute(update, { x: 1, y: 100 });
      }
      expect(db.log.lines[0]).toBe("BEGIN (implicit)");
      expect(db.log.lines.at(-1)).toBe("ROLLBACK");
      expect(await ys()).toEqual([1, 4, 8, 10]);
    });

    it("commit() commits an executemany and releases the connection", async () => {
      const session = new Session(db.engine);
      const result = await session.execute(update, [
        { x: 9, y: 11 },
        { x: 13, y: 15 },
      ]);
      expect(result.rowcount).toBe(1);
      await session.commit();
      expect(db.log.lines.at(-1)).toBe("COMMIT");
      expect(await ys()).toEqual([1, 4, 8, 11]);
      await session.close();
    });

    it("run() closes at the end; begin() commits, or rolls back on throw", async () => {
      await new Session(db.engine).run((s) => s.execute(update, { x: 1, y: 50 }));
      expect(await ys()).toEqual([1, 4, 8, 10]);
      await new Session(db.engine).begin((s) => s.execute(update, { x: 1, y: 50 }));
      expect(await ys()).toEqual([50, 4, 8, 10]);
      await expect(
        new Session(db.engine).begin(async (s) => {
          await s.execute(update, { x: 2, y: 50 });
          throw new Error("nope");
        }),
      ).rejects.toThrow("nope");
      expect(await ys()).toEqual([50, 4, 8, 10]);
    });

    it("a session is reusable after commit: the next execute begins anew", async () => {
      const session = new Session(db.engine);
      await session.execute(update, { x: 1, y: 2 });
      await session.commit();
      await session.execute(update, { x: 2, y: 3 });
      await session.close();
      expect(await ys()).toEqual([2, 4, 8, 10]);
      expect(db.log.lines.filter((l) => l === "BEGIN (implicit)").length).toBeGreaterThanOrEqual(2);
    });
  });
}
