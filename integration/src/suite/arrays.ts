/**
 * ARRAY columns (SQLAlchemy's test_types ArrayTest, `requirements.array_type`): where
 * the `arrays` capability is set, values come back exactly as inserted and the
 * operators select the right rows; elsewhere ARRAY is a CompileError that names the
 * column and the fix (a JSON column), before anything reaches the database.
 */
import * as sa from "@alkahest/core";
import { CompileError, insert, select, type Connection } from "@alkahest/core";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";
import { dropTables } from "./insert.js";

const metadata = sa.MetaData();
const lists = sa.Table(
  "array_lists",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true, autoincrement: false }),
  sa.Column("ints", sa.ARRAY(sa.Integer)),
  sa.Column("words", sa.ARRAY(sa.String(40))),
  sa.Column("ats", sa.ARRAY(sa.DateTime)),
  sa.Column("flags", sa.ARRAY(sa.Boolean)),
  sa.Column("grid", sa.ARRAY(sa.Integer, { dimensions: 2 })),
);

const at = new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348));
/** Each list an edge an array literal could get wrong; `as never`: the value types have no NULL elements. */
const rows = [
  {
    id: 1,
    ints: [1, null, -2147483648],
    words: ["a,b", 'say "hi"', "{braces}", "back\\slash", "NULL", "", " padded ", null],
    ats: [at, null, new Date(Date.UTC(1999, 11, 31))],
    flags: [true, false, null],
    grid: [
      [1, 2, 3],
      [4, null, 6],
    ],
  },
  { id: 2, ints: [], words: [], ats: [], flags: [], grid: [] },
  { id: 3, ints: null, words: null, ats: null, flags: null, grid: null },
] as never[];

async function stored(conn: Connection): Promise<Record<string, unknown>[]> {
  return (await conn.execute(select(lists).orderBy(lists.c.id))).all().map((r) => ({ ...r._mapping }));
}

export function arrayTests(config: ConformanceConfig): void {
  const arrays = capabilitiesOf(config).arrays === true;
  describe("arrays", () => {
    const db = useEngine(config);
    beforeEach(async () => {
      await dropTables(db.engine, [lists]);
      if (arrays) await metadata.createAll(db.engine, { checkfirst: false });
      db.log.clear();
    });
    db.beforeDispose(() => dropTables(db.engine, [lists]));

    (arrays ? it : it.skip)("ARRAY values come back exactly: NULL elements, empty arrays, 2-D, quotes, commas and braces, Dates", async () => {
      const back = await db.engine.begin(async (conn) => {
        await conn.execute(insert(lists), rows);
        return stored(conn);
      });
      expect(back).toEqual(rows);
    });

    (arrays ? it : it.skip)("any, contains, overlap and item() select the rows that hold the values", async () => {
      await db.engine.begin((conn) => conn.execute(insert(lists), rows));
      const ids = (where: sa.ColumnElement<boolean>) =>
        db.engine.connect(async (conn) => (await conn.execute(select(lists.c.id).where(where).orderBy(lists.c.id))).scalars().all());
      expect(await ids(lists.c.words.any("a,b"))).toEqual([1]);
      expect(await ids(lists.c.words.contains(['say "hi"', "{braces}"]))).toEqual([1]);
      expect(await ids(lists.c.words.containedBy(["x"]))).toEqual([2]);
      expect(await ids(lists.c.ints.overlap([-2147483648, 7]))).toEqual([1]);
      expect(await ids(lists.c.grid.item(2).item(3).eq(6))).toEqual([1]);
    });

    (arrays ? it.skip : it)("without arrays, CREATE TABLE is a CompileError naming the column and JSON, and the operators are too", async () => {
      await expect(metadata.createAll(db.engine, { checkfirst: false })).rejects.toThrow(CompileError);
      await expect(metadata.createAll(db.engine, { checkfirst: false })).rejects.toThrow(
        /\(in table 'array_lists', column 'ints'\): ARRAY\(Integer\(\)\) can't be rendered: this database has no array types\. Store the list in a JSON column/,
      );
      await db.engine.connect(async (conn) => {
        await expect(conn.execute(select(lists.c.id).where(lists.c.words.any("a")))).rejects.toThrow(CompileError);
      });
      expect(db.log.lines.filter((line) => line.includes("array_lists"))).toEqual([]);
    });
  });
}
