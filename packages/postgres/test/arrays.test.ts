import { describe, expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import { CreateTable, insert, inspect, not, select, text } from "@alkahest/core";
import { PostgresDialect } from "@alkahest/postgres";
import pg from "pg";
import { useOwnDatabaseEngine } from "./own-database.js";
import { describeServer } from "./server.js";

const dialect = new PostgresDialect();
const pgSql = (element: sa.ClauseElement): string => dialect.compile(element).sql;

const Mood = sa.Enum(["happy", "sad"], { name: "pg_arrays_mood" });
const metadata = sa.MetaData();
const arrays = sa.Table(
  "pg_arrays",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("ints", sa.ARRAY(sa.Integer)),
  sa.Column("bigs", sa.ARRAY(sa.BigInteger)),
  sa.Column("names", sa.ARRAY(sa.String(30))),
  sa.Column("texts", sa.ARRAY(sa.Text)),
  sa.Column("prices", sa.ARRAY(sa.Numeric(20, 2))),
  sa.Column("ats", sa.ARRAY(sa.DateTime)),
  sa.Column("tzs", sa.ARRAY(sa.DateTime({ timezone: true }))),
  sa.Column("days", sa.ARRAY(sa.Date)),
  sa.Column("flags", sa.ARRAY(sa.Boolean)),
  sa.Column("uids", sa.ARRAY(sa.Uuid)),
  sa.Column("docs", sa.ARRAY(sa.JSON)),
  sa.Column("blobs", sa.ARRAY(sa.LargeBinary)),
  sa.Column("grid", sa.ARRAY(sa.Integer, { dimensions: 2 })),
  sa.Column("moods", sa.ARRAY(Mood)),
);

describe("PostgreSQL ARRAY DDL and SQL", () => {
  it("renders the item type's name and a pair of brackets per dimension", () => {
    expect(pgSql(new CreateTable(arrays))).toBe(
      "\nCREATE TABLE pg_arrays (\n\tid SERIAL NOT NULL, \n\tints INTEGER[], \n\tbigs BIGINT[], \n\tnames VARCHAR(30)[], \n\ttexts TEXT[], " +
        "\n\tprices NUMERIC(20, 2)[], \n\tats TIMESTAMP WITHOUT TIME ZONE[], \n\ttzs TIMESTAMP WITH TIME ZONE[], \n\tdays DATE[], " +
        "\n\tflags BOOLEAN[], \n\tuids UUID[], \n\tdocs JSON[], \n\tblobs BYTEA[], \n\tgrid INTEGER[][], \n\tmoods pg_arrays_mood[], " +
        "\n\tPRIMARY KEY (id)\n)\n\n",
    );
  });

  it("insertmanyvalues casts keep the brackets and drop lengths", () => {
    expect(dialect.typeCompiler.castTypeName(sa.ARRAY(sa.String(30)))).toBe("VARCHAR[]");
    expect(dialect.typeCompiler.castTypeName(sa.ARRAY(sa.Numeric(20, 2), { dimensions: 2 }))).toBe("NUMERIC[][]");
    expect(dialect.typeCompiler.castTypeName(sa.ARRAY(Mood))).toBe("pg_arrays_mood[]");
  });

  it("the operators, with $n parameters in the order they appear", () => {
    const where = (clause: sa.ColumnElement<boolean>) => pgSql(select(arrays.c.id).where(clause, arrays.c.id.gt(1)));
    const tail = " AND pg_arrays.id > $2";
    expect(where(arrays.c.names.any("a"))).toBe(`SELECT pg_arrays.id \nFROM pg_arrays \nWHERE $1 = ANY (pg_arrays.names)${tail}`);
    expect(where(arrays.c.ints.all(3))).toBe(`SELECT pg_arrays.id \nFROM pg_arrays \nWHERE $1 = ALL (pg_arrays.ints)${tail}`);
    expect(where(arrays.c.names.contains(["a"]))).toBe(`SELECT pg_arrays.id \nFROM pg_arrays \nWHERE pg_arrays.names @> $1${tail}`);
    expect(where(arrays.c.names.containedBy(["a"]))).toBe(`SELECT pg_arrays.id \nFROM pg_arrays \nWHERE pg_arrays.names <@ $1${tail}`);
    expect(where(arrays.c.names.overlap(["a"]))).toBe(`SELECT pg_arrays.id \nFROM pg_arrays \nWHERE pg_arrays.names && $1${tail}`);
    expect(where(not(arrays.c.names.any("a")))).toBe(`SELECT pg_arrays.id \nFROM pg_arrays \nWHERE NOT ($1 = ANY (pg_arrays.names))${tail}`);
    expect(pgSql(select(arrays.c.grid.item(2).item(1)))).toBe("SELECT pg_arrays.grid[$1][$2] AS anon_1 \nFROM pg_arrays");
  });
});

describeServer("PostgreSQL ARRAY values on the server", () => {
  // createAll creates pg_arrays_mood, the item type of the ARRAY(Enum) column, first.
  const db = useOwnDatabaseEngine("pg_arrays", ["pg_arrays"], (conn) => metadata.createAll(conn));

  const at = new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348));
  const day = new Date(Date.UTC(1999, 11, 31));
  const awkward = ["a,b", 'say "hi"', "{braces}", "back\\slash", "NULL", "", "  spaced  ", "é 😀", null];
  const row = {
    ints: [1, null, -3],
    bigs: [2n ** 62n, null, -1n],
    names: awkward,
    texts: [],
    prices: ["12.50", null, "-999999999999999999.99"],
    ats: [at, null],
    tzs: [new Date("2025-11-13T11:19:23.348+05:30")],
    days: [day],
    flags: [true, null, false],
    uids: ["0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01", null],
    docs: [{ a: [1, "x"] }, [1, 2], "text", null],
    blobs: [Uint8Array.from([0, 1, 255]), null],
    grid: [
      [1, 2],
      [null, 4],
    ],
    moods: ["sad", null, "happy"],
  } as const;
  const expected = { ...row, blobs: [Buffer.from([0, 1, 255]), null] };

  async function readBack(): Promise<Record<string, unknown>[]> {
    return db.engine.connect(async (conn) => (await conn.execute(select(arrays).orderBy(arrays.c.id))).all().map((r) => ({ ...r._mapping })));
  }

  it("round-trips every item type exactly: NULL elements, empty arrays, 2-D arrays, awkward strings, Dates, bigints", async () => {
    // `as never`: the columns' value types (number[], ...) have no NULL elements.
    await db.engine.begin((conn) => conn.execute(insert(arrays).values(row as never)));
    const [stored] = await readBack();
    expect(stored).toEqual({ id: 1, ...expected });
  });

  it("NULL arrays and an insertmanyvalues batch (casts to INTEGER[] ... in the ordered form) come back in order", async () => {
    const many = [{ ints: [1], names: ["x,y"] }, { ints: null, names: [] }, { ints: [], names: [null] }];
    const returned = await db.engine.begin(async (conn) =>
      (await conn.execute(insert(arrays).returning(arrays.c.ints, arrays.c.names, { sortByParameterOrder: true }), many)).all(),
    );
    expect(returned.map((r) => [r.ints, r.names])).toEqual(many.map((r) => [r.ints, r.names]));
  });

  it("the operators against stored arrays", async () => {
    await db.engine.begin((conn) =>
      conn.execute(insert(arrays), [
        { ints: [1, 2, 3], names: ["a", "b"], grid: [[1, 2], [3, 4]] },
        { ints: [3, 3], names: ["c"], grid: [[5, 6], [7, 8]] },
      ]),
    );
    const ids = (clause: sa.ColumnElement<boolean>) =>
      db.engine.connect(async (conn) => (await conn.execute(select(arrays.c.id).where(clause).orderBy(arrays.c.id))).scalars().all());
    expect(await ids(arrays.c.ints.any(3))).toEqual([1, 2]);
    expect(await ids(arrays.c.ints.all(3))).toEqual([2]);
    expect(await ids(arrays.c.names.contains(["b", "a"]))).toEqual([1]);
    expect(await ids(arrays.c.names.containedBy(["a", "b", "c"]))).toEqual([1, 2]);
    expect(await ids(arrays.c.names.overlap(["c", "z"]))).toEqual([2]);
    expect(await ids(arrays.c.names.item(2).eq("b"))).toEqual([1]);
    const cells = await db.engine.connect(async (conn) =>
      (await conn.execute(select(arrays.c.grid.item(2).item(1).label("cell"), arrays.c.names.item(9).label("past")).orderBy(arrays.c.id))).all(),
    );
    expect(cells.map((r) => [r.cell, r.past])).toEqual([
      [3, null],
      [7, null],
    ]);
  });

  it("reflects array columns as ARRAY of the element's type", async () => {
    const columns = await (await inspect(db.engine)).getColumns("pg_arrays");
    const types = Object.fromEntries(columns.map((c) => [c.name, String(c.type)]));
    expect(types).toMatchObject({
      ints: "ARRAY(Integer())",
      names: "ARRAY(String(length=30))",
      prices: "ARRAY(Numeric(precision=20, scale=2))",
      tzs: "ARRAY(DateTime(timezone=True))",
      grid: "ARRAY(Integer())", // PostgreSQL does not record dimensions
      moods: "ARRAY(Enum('happy', 'sad', name='pg_arrays_mood'))",
    });
  });

  it("untyped text() results read numeric arrays as text, like numeric, and leave pg's global parsers alone", async () => {
    const value = await db.engine.connect(async (conn) => (await conn.execute(text("SELECT ARRAY[0.1, 12345678901234567890.5]::numeric[]"))).scalar());
    expect(value).toEqual(["0.1", "12345678901234567890.5"]);
    const numericArrayParser = (pg.types.getTypeParser as (oid: number, format: "text") => (text: string) => unknown)(1231, "text");
    expect(numericArrayParser("{0.5}")).toEqual([0.5]); // pg's own parser still reads floats
  });
});
