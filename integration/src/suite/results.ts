import { MultipleResultsFound, NoResultFound, ResourceClosedError, text, type Engine } from "@alkahest/core";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

const selectAll = text<{ x: number; y: number }>("SELECT x, y FROM some_table ORDER BY x");

async function seed(engine: Engine): Promise<void> {
  await engine.begin((conn) =>
    conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [
      { x: 1, y: 1 },
      { x: 2, y: 4 },
      { x: 6, y: 8 },
      { x: 9, y: 10 },
    ]),
  );
}

/** The Result and Row API against rows from the database. */
export function resultTests(config: ConformanceConfig): void {
  describe("results", () => {
    const db = useEngine(config);
    beforeEach(() => seed(db.engine));

    it("all() returns tuple-like rows with named access", async () => {
      const rows = await db.engine.connect(async (conn) => (await conn.execute(selectAll)).all());
      expect(rows.map((row) => [row[0], row[1]])).toEqual([
        [1, 1],
        [2, 4],
        [6, 8],
        [9, 10],
      ]);
      const [x, y] = rows[2]!;
      expect([x, y]).toEqual([6, 8]);
      expect(rows[3]!.x).toBe(9);
      expect(rows[3]!.y).toBe(10);
      expect(rows[3]!.length).toBe(2);
      expect(rows[3]!._mapping).toEqual({ x: 9, y: 10 });
      expect(String(rows[0])).toBe("(1, 1)");
    });

    it("is consumed once: a second pass yields nothing", async () => {
      await db.engine.connect(async (conn) => {
        const result = await conn.execute(selectAll);
        const seen: number[] = [];
        for (const row of result) seen.push(row.x);
        expect(seen).toEqual([1, 2, 6, 9]);
        expect(result.mappings().all()).toEqual([]);
      });
    });

    it("mappings() yields plain objects by column name", async () => {
      const maps = await db.engine.connect(async (conn) => (await conn.execute(selectAll)).mappings().all());
      expect(maps[1]).toEqual({ x: 2, y: 4 });
    });

    it("first(), one(), oneOrNone(), scalar(), scalarOne()", async () => {
      await db.engine.connect(async (conn) => {
        expect((await conn.execute(selectAll)).first()?._tuple()).toEqual([1, 1]);
        const byX = text("SELECT x, y FROM some_table WHERE x = :x");
        expect((await conn.execute(byX, { x: 6 })).one()._tuple()).toEqual([6, 8]);
        expect((await conn.execute(byX, { x: 7 })).oneOrNone()).toBeNull();
        await expect(conn.execute(byX, { x: 7 }).then((r) => r.one())).rejects.toThrow(NoResultFound);
        await expect(conn.execute(selectAll).then((r) => r.one())).rejects.toThrow(MultipleResultsFound);
        expect((await conn.execute(text("SELECT y FROM some_table WHERE x = 9"))).scalar()).toBe(10);
        expect((await conn.execute(text("SELECT y FROM some_table WHERE x = 9"))).scalarOne()).toBe(10);
        expect((await conn.execute(text("SELECT y FROM some_table WHERE x = 7"))).scalar()).toBeNull();
      });
    });

    it("scalars() yields the first column; columns() and keys() pick columns", async () => {
      await db.engine.connect(async (conn) => {
        expect((await conn.execute(selectAll)).scalars().all()).toEqual([1, 2, 6, 9]);
        expect((await conn.execute(selectAll)).scalars(1).all()).toEqual([1, 4, 8, 10]);
        const result = await conn.execute(selectAll);
        expect(result.keys()).toEqual(["x", "y"]);
        expect(result.columns("y").all().map((row) => row._tuple())).toEqual([[1], [4], [8], [10]]);
      });
    });

    it("iterates with for await", async () => {
      const ys: number[] = [];
      await db.engine.connect(async (conn) => {
        for await (const row of await conn.execute(selectAll)) ys.push(row.y);
      });
      expect(ys).toEqual([1, 4, 8, 10]);
    });

    it("a statement without rows has a rowcount but no rows to fetch", async () => {
      await db.engine.connect(async (conn) => {
        const result = await conn.execute(text("UPDATE some_table SET y = 0 WHERE x > :x"), { x: 1 });
        expect(result.returnsRows).toBe(false);
        expect(result.rowcount).toBe(3);
        expect(() => result.all()).toThrow(ResourceClosedError);
      });
    });

    it("returns NULL as null and keeps text and numbers exact", async () => {
      await db.engine.connect(async (conn) => {
        await conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), { x: 100, y: null });
        const row = (await conn.execute(text("SELECT x, y, 'héllo ☃' AS s FROM some_table WHERE x = 100"))).one();
        expect(row._tuple()).toEqual([100, null, "héllo ☃"]);
      });
    });
  });
}
