import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import { BindTypeError, createEngine, insert, select, text, type Logger } from "@alkahest/core";
import { SQLiteDialect } from "@alkahest/sqlite";

const lines: string[] = [];
const logger: Logger = { info: (m) => lines.push(m) };
const engine = createEngine("sqlite://", { echo: true, logger });
const dialect = new SQLiteDialect();
afterAll(() => engine.dispose());

const metadata = sa.MetaData();
const Mood = { Happy: "happy", Sad: "sad" } as const;
const things = sa.Table(
  "things",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("small", sa.SmallInteger),
  sa.Column("big", sa.BigInteger),
  sa.Column("ratio", sa.Float),
  sa.Column("price", sa.Numeric(10, 2)),
  sa.Column("approx", sa.Numeric(10, 2, { asDecimal: false })),
  sa.Column("name", sa.String(30)),
  sa.Column("body", sa.Text),
  sa.Column("ok", sa.Boolean),
  sa.Column("at", sa.DateTime),
  sa.Column("at_tz", sa.DateTime({ timezone: true })),
  sa.Column("day", sa.Date),
  sa.Column("clock", sa.Time),
  sa.Column("data", sa.JSON),
  sa.Column("uid", sa.Uuid),
  sa.Column("blob", sa.LargeBinary),
  sa.Column("mood", sa.Enum(Mood, { name: "mood" })),
);

/** CREATE TABLE from the dialect's own type names. */
function createThings(): string {
  const columns = things.columns.map((c) => `${c.name} ${dialect.typeCompiler.process(c.type)}`);
  return `CREATE TABLE things (${columns.join(", ")}, PRIMARY KEY (id))`;
}

beforeEach(async () => {
  await engine.begin(async (conn) => {
    await conn.execDriverSql("DROP TABLE IF EXISTS things");
    await conn.execDriverSql(createThings());
  });
  lines.length = 0;
});

const full = {
  id: 1,
  small: -7,
  big: 2n ** 53n + 1n,
  ratio: 0.1,
  price: "12.50",
  approx: 0.25,
  name: "Zoë 🚀",
  body: "line 1\nline 2 — ünïcödé",
  ok: true,
  at: new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348)),
  at_tz: new Date("2025-11-13T11:19:23.348+05:30"),
  day: new Date(Date.UTC(2025, 10, 13)),
  clock: "23:59:59.123456",
  data: { tags: ["a", "b"], n: 1.5, nested: { ok: null } },
  uid: "0B7E1F2C-4A55-4BD8-9D1E-3F6A2B8C9D01",
  blob: new Uint8Array([0, 1, 2, 255]),
  mood: "sad" as const,
};

describe("SQLite type round trips", () => {
  it("creates the table with the generic type names", () => {
    expect(createThings()).toBe(
      "CREATE TABLE things (id INTEGER, small SMALLINT, big BIGINT, ratio FLOAT, price NUMERIC(10, 2), " +
        "approx NUMERIC(10, 2), name VARCHAR(30), body TEXT, ok BOOLEAN, at DATETIME, at_tz DATETIME, day DATE, " +
        "clock TIME, data JSON, uid CHAR(32), blob BLOB, mood VARCHAR(5), PRIMARY KEY (id))",
    );
  });

  it("every type comes back as the value that went in, canonical where it has a canonical form", async () => {
    const row = await engine.begin(async (conn) => {
      await conn.execute(insert(things).values(full));
      return (await conn.execute(select(things))).one();
    });
    expect(row._mapping).toEqual({
      ...full,
      uid: "0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01",
      blob: Buffer.from([0, 1, 2, 255]),
    });
    expect(row.big).toBe(9007199254740993n);
    expect(row.at_tz?.toISOString()).toBe("2025-11-13T05:49:23.348Z");
  });

  it("NULL comes back as null for every type", async () => {
    const row = await engine.begin(async (conn) => {
      await conn.execute(insert(things).values({ id: 1 }));
      return (await conn.execute(select(things))).one();
    });
    expect(Object.entries(row._mapping).filter(([, value]) => value !== null)).toEqual([["id", 1]]);
  });

  it("stores each type in SQLAlchemy's SQLite layout", async () => {
    const raw = await engine.begin(async (conn) => {
      await conn.execute(insert(things).values(full));
      const sql = "SELECT big, typeof(big), price, typeof(price), ok, at, at_tz, day, clock, data, uid, typeof(blob), mood FROM things";
      return (await conn.execDriverSql(sql)).one()._tuple();
    });
    expect(raw).toEqual([
      9007199254740992, // read untyped, as a number: inexact past 2^53, hence BigInteger's exact read
      "integer",
      12.5,
      "real",
      1,
      "2025-11-13 11:19:23.348000",
      "2025-11-13 05:49:23.348000",
      "2025-11-13",
      "23:59:59.123456",
      '{"tags":["a","b"],"n":1.5,"nested":{"ok":null}}',
      "0b7e1f2c4a554bd89d1e3f6a2b8c9d01",
      "blob",
      "sad",
    ]);
  });

  it("Time stores microseconds always, so stored times compare as text", async () => {
    const rows = await engine.begin(async (conn) => {
      await conn.execute(insert(things), [
        { id: 1, clock: "9:05" },
        { id: 2, clock: "09:05:00.5" },
      ]);
      const stored = (await conn.execDriverSql("SELECT clock FROM things ORDER BY clock")).scalars().all();
      const read = (await conn.execute(select(things.c.clock).where(things.c.clock.gt("09:05:00")))).scalars().all();
      return [stored, read];
    });
    expect(rows).toEqual([["09:05:00.000000", "09:05:00.500000"], ["09:05:00.500000"]]);
  });

  it("BigInteger is exact over 64 bits, in results and in comparisons", async () => {
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 5n];
    const read = await engine.begin(async (conn) => {
      await conn.execute(insert(things), values.map((big, i) => ({ id: i + 1, big })));
      const all = (await conn.execute(select(things.c.id, things.c.big).orderBy(things.c.id))).all();
      const one = (await conn.execute(select(things.c.id).where(things.c.big.eq(2n ** 53n + 1n)))).scalar();
      return { all: all.map((r) => r._tuple()), one };
    });
    // Integer columns stay numbers in the same statement; only BigInteger columns are bigints.
    expect(read.all).toEqual([
      [1, 2n ** 63n - 1n],
      [2, -(2n ** 63n)],
      [3, 2n ** 53n + 1n],
      [4, 5n],
    ]);
    expect(read.one).toBe(3);
  });

  it("text() result columns declared BigInteger read exactly; undeclared ones do not pay for it", async () => {
    const [declared, plain] = await engine.connect(async (conn) => {
      const sql = "SELECT 9007199254740993 AS n, 7 AS m";
      return [
        (await conn.execute(text(sql).columns({ n: sa.BigInteger }))).one()._tuple(),
        (await conn.execute(text(sql))).one()._tuple(),
      ];
    });
    expect(declared).toEqual([9007199254740993n, 7]);
    expect(plain).toEqual([9007199254740992, 7]);
  });

  it("Numeric keeps its scale and reads back as exact strings; asDecimal: false as numbers", async () => {
    const rows = await engine.begin(async (conn) => {
      await conn.execute(insert(things), [
        { id: 1, price: "0.10", approx: "0.1" },
        { id: 2, price: 3, approx: 3 },
        { id: 3, price: "-99999999.99", approx: -2.5 },
      ]);
      const over = (await conn.execute(select(things.c.id).where(things.c.price.gt("2.5")))).scalars().all();
      return { rows: (await conn.execute(select(things.c.price, things.c.approx))).all().map((r) => r._tuple()), over };
    });
    expect(rows.rows).toEqual([
      ["0.10", 0.1],
      ["3.00", 3],
      ["-99999999.99", -2.5],
    ]);
    expect(rows.over).toEqual([2]); // compared as numbers, not as text
  });

  it("Enum and Uuid compare through their canonical forms", async () => {
    const found = await engine.begin(async (conn) => {
      await conn.execute(insert(things).values(full));
      const byUid = await conn.execute(select(things.c.id).where(things.c.uid.eq("0b7e1f2c4a554bd89d1e3f6a2b8c9d01")));
      const byMood = await conn.execute(select(things.c.id).where(things.c.mood.eq("sad")));
      return [byUid.scalar(), byMood.scalar()];
    });
    expect(found).toEqual([1, 1]);
  });

  it("a value of the wrong type is a BindTypeError before anything reaches the database", async () => {
    await engine.connect(async (conn) => {
      const attempt = conn.execute(insert(things).values({ id: 1, mood: "angry" as "sad" }));
      await expect(attempt).rejects.toThrow(BindTypeError);
      await expect(conn.execute(insert(things).values({ id: 1, at: new Date(Number.NaN) }))).rejects.toThrow(
        /^Bind parameter 'at': DateTime\(\) expects a valid Date, got an invalid Date\.\n\[SQL: INSERT INTO things \(id, at\) VALUES \(\?, \?\)\]/,
      );
      await expect(conn.execute(select(things).where(things.c.id.eq("1" as unknown as number)))).rejects.toThrow(
        "Bind parameter 'id_1': Integer() expects a finite number or bigint, got the string '1'.",
      );
    });
    expect(lines.filter((l) => l.startsWith("INSERT") || l.startsWith("SELECT"))).toEqual([]);
  });

  it("reads datetimes written by other software: ISO 'T', offsets, nanoseconds, years before 1000", async () => {
    const result = dialect.processorsFor("datetime")!.result!;
    expect(result("2025-11-13T11:19:23Z")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23)));
    expect(result("2025-11-13 16:49:23.348+05:30")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348)));
    expect(result("2025-11-13 06:19:23-0500")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23)));
    expect(result("2025-11-13 11:19:23.348999999")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348)));
    const early = result("0099-01-02") as Date;
    expect([early.getUTCFullYear(), early.getUTCMonth(), early.getUTCDate()]).toEqual([99, 0, 2]);
    const bind = dialect.processorsFor("date")!.bind!;
    expect(bind(early)).toBe("0099-01-02");
  });

  it("declares which types it stores natively: none of them", () => {
    const c = dialect.capabilities;
    expect([c.nativeBoolean, c.nativeDecimal, c.nativeJson, c.nativeUuid, c.nativeEnum]).toEqual([false, false, false, false, false]);
  });
});
