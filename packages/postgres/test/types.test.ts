import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  ArgumentError,
  Boolean,
  cast,
  createEngine,
  DateTime,
  Date as DateType,
  func,
  Integer,
  JSON as JSON_,
  literal,
  literalColumn,
  select,
  text,
  Uuid,
  type Engine,
} from "@alkahest/core";
import { PostgresDialect, type PostgresDriverConnection } from "@alkahest/postgres";
import pg from "pg";
import { formatDate, formatTimestamp, parseTimestamp } from "../src/types.js";
import { describeServer, openDriver, serverUrl } from "./server.js";

const utc = (...parts: [number, number, number, number?, number?, number?, number?]) => {
  const [y, mo, d, h = 0, mi = 0, s = 0, ms = 0] = parts;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date;
};

describe("timestamp text ↔ Date", () => {
  it.each([
    ["2025-11-13 11:19:23.348", utc(2025, 11, 13, 11, 19, 23, 348)], // timestamp: read as UTC
    ["2025-11-13 11:19:23.348123", utc(2025, 11, 13, 11, 19, 23, 348)], // microseconds truncated
    ["2025-11-13 11:19:23", utc(2025, 11, 13, 11, 19, 23)],
    ["2025-11-13 16:49:23.348+05:30", utc(2025, 11, 13, 11, 19, 23, 348)], // timestamptz
    ["2025-11-13 07:49:23-03:30", utc(2025, 11, 13, 11, 19, 23)],
    ["1850-01-01 00:19:32+00:19:32", utc(1850, 1, 1)], // an LMT offset with seconds
    ["2025-11-13", utc(2025, 11, 13)], // date: UTC midnight
    ["0044-03-15 BC", utc(-43, 3, 15)],
    ["0044-03-15 12:00:00.123+00 BC", utc(-43, 3, 15, 12, 0, 0, 123)],
    ["0099-12-31", utc(99, 12, 31)], // not 1999
    ["10000-01-01 00:00:00+00", utc(10000, 1, 1)],
  ])("parses %s", (textValue, expected) => {
    expect(parseTimestamp(textValue)).toEqual(expected);
  });

  it("returns ±Infinity for infinity, as pg does, and unparseable text unchanged rather than throwing", () => {
    expect(parseTimestamp("infinity")).toBe(Infinity);
    expect(parseTimestamp("-infinity")).toBe(-Infinity);
    expect(parseTimestamp("11/13/2025")).toBe("11/13/2025");
  });

  it("binds Dates as ISO text in UTC, spelling years before 1 AD with BC", () => {
    expect(formatTimestamp(utc(2025, 11, 13, 11, 19, 23, 348))).toBe("2025-11-13T11:19:23.348Z");
    expect(formatTimestamp(utc(-43, 3, 15, 12))).toBe("0044-03-15T12:00:00.000Z BC");
    expect(formatTimestamp(utc(0, 1, 1))).toBe("0001-01-01T00:00:00.000Z BC");
    expect(formatTimestamp(utc(10000, 1, 1))).toBe("10000-01-01T00:00:00.000Z");
    expect(formatDate(utc(2025, 11, 13, 23, 59))).toBe("2025-11-13");
    expect(formatDate(utc(-43, 3, 15))).toBe("0044-03-15 BC");
    expect(() => formatTimestamp(new Date(NaN))).toThrow(ArgumentError);
  });

  it("bindValue converts Dates (also in arrays) and leaves the rest to pg", () => {
    const dialect = new PostgresDialect();
    const at = utc(2025, 1, 2, 3, 4, 5, 6);
    expect(dialect.bindValue(at)).toBe("2025-01-02T03:04:05.006Z");
    expect(dialect.bindValue([at, null])).toEqual(["2025-01-02T03:04:05.006Z", null]);
    const plain = [1, 2];
    expect(dialect.bindValue(plain)).toBe(plain); // no copy when nothing changes
    expect(dialect.bindValue(true)).toBe(true);
    expect(dialect.bindValue(12n)).toBe(12n);
  });

  it("never touches pg's global type parsers", () => {
    new PostgresDialect();
    expect(pg.types.getTypeParser(20, "text")("9007199254740993")).toBe("9007199254740993");
  });

  it("rejects an unknown int8 mode", () => {
    expect(() => new PostgresDialect({ int8: "number" as "string" })).toThrow(/int8 must be "bigint" or "string"/);
  });
});

describeServer("round trips through a real server", () => {
  let driver: PostgresDriverConnection;
  beforeAll(async () => {
    driver = await openDriver();
  });
  afterAll(() => driver.close());
  const one = async (sql: string, params: unknown[] = []) => (await driver.execute(sql, params)).rows[0];

  it("int8 comes back as an exact bigint (count(*) too); int4 and float8 as numbers", async () => {
    expect(await one("SELECT $1::int8, count(*), 7::int4, 1.5::float8 FROM (VALUES (1), (2)) v", [9007199254740993n])).toEqual([
      9007199254740993n,
      2n,
      7,
      1.5,
    ]);
    expect(await one("SELECT ARRAY[1, NULL, -9223372036854775808]::int8[]")).toEqual([[1n, null, -9223372036854775808n]]);
  });

  it("int8: 'string' gives text instead", async () => {
    const asText = await openDriver({ int8: "string" });
    try {
      expect((await asText.execute("SELECT 9007199254740993::int8, count(*) FROM (VALUES (1)) v", [])).rows[0]).toEqual([
        "9007199254740993",
        "1",
      ]);
    } finally {
      await asText.close();
    }
  });

  it("numeric stays exact text; booleans are native both ways", async () => {
    expect(await one("SELECT $1::numeric, 0.1::numeric + 0.2, $2::boolean, $3::boolean", ["12345678901234567890.123456789", true, false])).toEqual([
      "12345678901234567890.123456789",
      "0.3",
      true,
      false,
    ]);
  });

  it("timestamptz round-trips the instant whatever the session time zone", async () => {
    const at = utc(2025, 11, 13, 11, 19, 23, 348);
    for (const zone of ["UTC", "Asia/Kolkata", "America/St_Johns"]) {
      await driver.execute(`SET TIME ZONE '${zone}'`, []);
      expect(await one("SELECT $1::timestamptz", [formatTimestamp(at)])).toEqual([at]);
    }
    await driver.execute("SET TIME ZONE 'Europe/Amsterdam'", []);
    expect(await one("SELECT '1850-01-01 00:00:00+00'::timestamptz")).toEqual([utc(1850, 1, 1)]);
    await driver.execute("RESET TIME ZONE", []);
  });

  it("timestamp stores and returns the UTC time of the bound Date; date is UTC midnight", async () => {
    const at = utc(2025, 11, 13, 23, 19, 23, 348);
    const dialect = new PostgresDialect();
    const bound = dialect.bindValue(at);
    expect(await one("SELECT $1::timestamp, $1::timestamp::text, $1::date, $1::date::text", [bound])).toEqual([
      at,
      "2025-11-13 23:19:23.348",
      utc(2025, 11, 13),
      "2025-11-13",
    ]);
  });

  it("years before 1 AD and after 9999, infinity, and arrays of dates", async () => {
    const bc = utc(-43, 3, 15, 12, 0, 0, 123);
    const far = utc(12345, 6, 7);
    expect(await one("SELECT $1::timestamptz, $2::timestamp, $1::date", [formatTimestamp(bc), formatTimestamp(far)])).toEqual([
      bc,
      far,
      utc(-43, 3, 15),
    ]);
    expect(await one("SELECT 'infinity'::timestamptz, '-infinity'::date")).toEqual([Infinity, -Infinity]);
    expect(await one("SELECT ARRAY['2025-01-01'::date, NULL], ARRAY['2025-01-01 10:00'::timestamp]")).toEqual([
      [utc(2025, 1, 1), null],
      [utc(2025, 1, 1, 10)],
    ]);
  });
});

describeServer("declared result types through an Engine", () => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine(serverUrl());
  });
  afterAll(() => engine.dispose());

  it("DateTime/Date columns parse text the server returns as text, and booleans pass through", async () => {
    const row = await engine.connect(async (conn) =>
      (
        await conn.execute(
          text("SELECT '2025-11-13 11:19:23.5'::text AS at, '2025-11-13'::text AS day, true AS ok, now() AS now").columns({
            at: DateTime,
            day: DateType,
            ok: Boolean,
            now: DateTime,
          }),
        )
      ).one(),
    );
    expect(row.at).toEqual(utc(2025, 11, 13, 11, 19, 23, 500));
    expect(row.day).toEqual(utc(2025, 11, 13));
    expect(row.ok).toBe(true);
    expect(row.now).toBeInstanceOf(Date);
  });

  it("Integer results are numbers even where the server computes int8 (count(*), sum()); past 2^53 they stay exact", async () => {
    const row = await engine.connect(async (conn) =>
      (
        await conn.execute(
          text("SELECT count(*) AS n, sum(x) AS total, 9007199254740993::int8 AS huge FROM (VALUES (1), (2)) v(x)").columns({
            n: Integer,
            total: Integer,
            huge: Integer,
          }),
        )
      ).one(),
    );
    expect([row.n, row.total, row.huge]).toEqual([2, 3, 9007199254740993n]);
    // func.count() is typed Integer: a number, although count(*) is int8 on the server.
    const count = select(func.count()).where(literalColumn("1 = 1"));
    expect(await engine.connect(async (conn) => (await conn.execute(count)).scalar())).toBe(1);
  });

  it("json and uuid are native: JSON text in, pg's parsed values out; uuids canonical both ways", async () => {
    const doc = literal<unknown>([1, { a: "é" }], JSON_);
    const stmt = select(
      cast(doc, JSON_).label("doc"),
      literalColumn("CAST('{\"b\": [true]}' AS jsonb)", JSON_).label("docb"),
      cast(literal("{0B7E1F2C4A554BD89D1E3F6A2B8C9D01}", Uuid), Uuid).label("uid"),
    );
    const row = await engine.connect(async (conn) => (await conn.execute(stmt)).one());
    expect(row._mapping).toEqual({ doc: [1, { a: "é" }], docb: { b: [true] }, uid: "0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01" });
  });

  it("a declared DateTime column holding other text fails naming the value", async () => {
    const failure = engine.connect((conn) => conn.execute(text("SELECT 'soon' AS at").columns({ at: DateTime })).then((r) => r.all()));
    await expect(failure).rejects.toThrow(/Couldn't parse datetime string 'soon' from PostgreSQL/);
  });
});
