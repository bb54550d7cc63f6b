import {
  Column,
  Integer,
  InvalidRequestError,
  MetaData,
  select,
  Table,
  text,
  TypeDecorator,
  type Connection,
  type Engine,
} from "@alkahest/core";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

/** Integers read back times ten: a result processor on every dialect, to count how often it runs. */
class Tens extends TypeDecorator<number, number> {
  readonly impl = Integer;
  override processResultValue(value: number | null): number | null {
    return value === null ? null : value * 10;
  }
}

const metadata = MetaData();
const someTable = Table("some_table", metadata, Column("x", Integer), Column("y", Integer));
const tens = Table("some_table", MetaData(), Column("x", Integer), Column("y", Tens));

/** The seeded (x, y) pairs, by x. */
const SEEDED = [
  [1, 1],
  [2, 4],
  [6, null],
];

async function seed(engine: Engine): Promise<void> {
  await engine.begin((conn) =>
    conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [
      { x: 1, y: 1 },
      { x: 2, y: 4 },
      { x: 6, y: null },
    ]),
  );
}

/**
 * Runs `body` three times on one connection: drivers may build a statement's rows
 * differently once they know its columns (SQLite learns them on the first run).
 */
async function thrice(engine: Engine, body: (conn: Connection) => Promise<void>): Promise<void> {
  await engine.connect(async (conn) => {
    for (let round = 0; round < 3; round++) await body(conn);
  });
}

/**
 * Rows built from what each driver returns (its arrays, or its row objects where it
 * builds those more cheaply and the column names allow it): every Row API the same on
 * the first execution of a statement and on later ones.
 */
export function resultRowTests(config: ConformanceConfig): void {
  describe("result rows", () => {
    const db = useEngine(config);
    beforeEach(() => seed(db.engine));

    it("rows of a statement read the same on every execution", async () => {
      const stmt = select(someTable.c.x, someTable.c.y).orderBy(someTable.c.x);
      await thrice(db.engine, async (conn) => {
        const rows = (await conn.execute(stmt)).all();
        expect(rows.map((row) => row._tuple())).toEqual(SEEDED);
        const row = rows[1]!;
        expect([row[0], row[1], row.x, row.y, row.length]).toEqual([2, 4, 2, 4, 2]);
        expect([...row]).toEqual([2, 4]);
        const [x, y] = row;
        expect([x, y]).toEqual([2, 4]);
        expect(row._mapping).toEqual({ x: 2, y: 4 });
        expect(row._asdict()).toEqual({ x: 2, y: 4 });
        expect(String(row)).toBe("(2, 4)");
        expect(JSON.stringify(rows[2])).toBe("[6,null]");
        expect(() => {
          (row as unknown as { x: number }).x = 5;
        }).toThrow(TypeError);
        expect((await conn.execute(stmt)).scalars(1).all()).toEqual([1, 4, null]);
        expect((await conn.execute(stmt)).mappings().all()).toEqual([
          { x: 1, y: 1 },
          { x: 2, y: 4 },
          { x: 6, y: null },
        ]);
        const result = await conn.execute(stmt);
        expect(result.fetchOne()?._tuple()).toEqual([1, 1]);
        expect(result.columns("y", "x").all().map((r) => r._tuple())).toEqual([
          [4, 2],
          [null, 6],
        ]);
      });
    });

    it("columns sharing a name keep each value", async () => {
      const stmt = text("SELECT x, y AS x FROM some_table ORDER BY some_table.x");
      await thrice(db.engine, async (conn) => {
        const rows = (await conn.execute(stmt)).all();
        expect(rows.map((row) => row._tuple())).toEqual(SEEDED);
        expect(rows[1]![1]).toBe(4);
        expect(() => rows[1]!.x).toThrow(InvalidRequestError);
        expect(rows[1]!._mapping).toEqual({ x: 2 });
        expect((await conn.execute(stmt)).scalars(1).all()).toEqual([1, 4, null]);
      });
    });

    it("columns named like an index or like a Row member keep their values", async () => {
      const stmt = select(someTable.c.y.label("1"), someTable.c.x.label("length"), someTable.c.x).orderBy(someTable.c.x);
      await thrice(db.engine, async (conn) => {
        const row = (await conn.execute(stmt)).all()[1]!;
        expect(row._tuple()).toEqual([4, 2, 2]);
        expect([row[0], row.length, row.x]).toEqual([4, 3, 2]);
        expect(row._mapping).toEqual({ 1: 4, length: 2, x: 2 });
      });
    });

    it("a large result (20,000 rows) reads the same on every execution", async () => {
      // 0..19,999 from digit tables, in SQL every database runs.
      const digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 " +
        "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
      await db.engine.begin((conn) =>
        conn.execute(
          text(
            "INSERT INTO some_table (x, y) SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100, a.d " +
              `FROM ${digits} a CROSS JOIN ${digits} b CROSS JOIN ${digits} c CROSS JOIN ${digits} e ` +
              `CROSS JOIN ${digits} f WHERE f.d < 2`,
          ),
        ),
      );
      const stmt = select(tens.c.x, tens.c.y).where(tens.c.x.ge(100)).orderBy(tens.c.x);
      await thrice(db.engine, async (conn) => {
        const rows = (await conn.execute(stmt)).all();
        expect(rows).toHaveLength(20_000);
        expect([rows[0]!._tuple(), rows[12_345]!._tuple(), rows[19_999]!._tuple()]).toEqual([
          [100, 0],
          [12_445, 50],
          [20_099, 90],
        ]);
        expect([rows[12_345]!.x, rows[12_345]![1], rows[12_345]!._mapping]).toEqual([12_445, 50, { x: 12_445, y: 50 }]);
        expect(rows.reduce((sum, row) => sum + row.x! + row.y!, 0)).toBe(20_000 * 100 + (19_999 * 20_000) / 2 + 45 * 2_000 * 10);
      });
    });

    it("a result processor runs once per value, whichever view fetches the row", async () => {
      const stmt = select(tens.c.x, tens.c.y).orderBy(tens.c.x);
      await thrice(db.engine, async (conn) => {
        expect((await conn.execute(stmt)).all().map((row) => row._tuple())).toEqual([
          [1, 10],
          [2, 40],
          [6, null],
        ]);
        const result = await conn.execute(stmt);
        expect(result.fetchOne()?.y).toBe(10);
        expect(result.scalars("y").fetchMany(1)).toEqual([40]);
        expect(result.columns("y").all().map((row) => row._tuple())).toEqual([[null]]);
        expect((await conn.execute(stmt)).mappings().all()[1]).toEqual({ x: 2, y: 40 });
        expect((await conn.execute(stmt.where(tens.c.x.eq(2)))).scalarOne()).toBe(2);
      });
    });
  });
}
