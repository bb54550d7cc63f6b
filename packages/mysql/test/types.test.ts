import * as sa from "@alkahest/core";
import { Boolean, Date as DateType, DateTime, text } from "@alkahest/core";
import { beforeAll, expect, it } from "@jest/globals";
import "@alkahest/mysql";
import { describeServer } from "./server.js";

describeServer("MySQL type round trips against the server", (db) => {
  beforeAll(async () => {
    await db.engine().begin((conn) =>
      conn.execDriverSql(
        "CREATE TABLE typed (id INT PRIMARY KEY, ok BOOLEAN, at DATETIME(6), ts TIMESTAMP(6) NULL, day DATE, " +
          "big BIGINT, amount DECIMAL(20, 6), ratio DOUBLE, small FLOAT, label VARCHAR(100), raw VARBINARY(16))",
      ),
    );
  });

  const insert = text(
    "INSERT INTO typed (id, ok, at, ts, day, big, amount, ratio, small, label, raw) " +
      "VALUES (:id, :ok, :at, :ts, :day, :big, :amount, :ratio, :small, :label, :raw)",
  );
  const at = new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348));
  const day = new Date(Date.UTC(2025, 10, 13));

  async function roundTrip(id: number, values: Record<string, unknown>): Promise<Record<string, unknown>> {
    const engine = db.engine();
    await engine.begin((conn) => conn.execute(insert, { id, ok: null, at: null, ts: null, day: null, big: null, amount: null, ratio: null, small: null, label: null, raw: null, ...values }));
    const stmt = text(`SELECT ok, at, ts, day, big, amount, ratio, small, label, raw FROM typed WHERE id = ${id}`).columns({
      ok: Boolean,
      at: DateTime,
      ts: DateTime,
      day: DateType,
    });
    return engine.connect(async (conn) => (await conn.execute(stmt)).one()._mapping);
  }

  it("booleans go in as 1/0 and come back as booleans where declared", async () => {
    expect((await roundTrip(1, { ok: true })).ok).toBe(true);
    expect((await roundTrip(2, { ok: false })).ok).toBe(false);
    expect((await roundTrip(3, {})).ok).toBeNull();
  });

  it("DATETIME(6) and TIMESTAMP(6) keep the instant; DATE comes back at UTC midnight", async () => {
    const row = await roundTrip(10, { at, ts: at, day });
    expect(row).toMatchObject({ at, ts: at, day });
    // Stored in UTC: the server's own clock zone plays no part.
    const epoch = await db.engine().connect(async (conn) => (await conn.execDriverSql("SELECT UNIX_TIMESTAMP(ts) FROM typed WHERE id = 10")).scalar());
    expect(Number(epoch)).toBeCloseTo(at.getTime() / 1000, 3);
  });

  it("dates read without declared types are Dates too, from mysql2, in UTC", async () => {
    await roundTrip(11, { at, day });
    const row = await db.engine().connect(async (conn) => (await conn.execDriverSql("SELECT at, day FROM typed WHERE id = 11")).one());
    expect(row._tuple()).toEqual([at, day]);
  });

  it("a Date passed as a raw driver parameter is written in UTC as well", async () => {
    await db.engine().begin((conn) => conn.execDriverSql("INSERT INTO typed (id, at) VALUES (?, ?)", [12, at]));
    const back = await db.engine().connect(async (conn) => (await conn.execDriverSql("SELECT at FROM typed WHERE id = 12")).scalar());
    expect(back).toEqual(at);
  });

  it("BIGINT and DECIMAL come back as exact strings; bigint parameters bind", async () => {
    const row = await roundTrip(20, { big: 2n ** 60n + 1n, amount: "12345678901234.123456" });
    expect(row.big).toBe("1152921504606846977");
    expect(row.amount).toBe("12345678901234.123456");
    expect((await roundTrip(21, { big: 5 })).big).toBe("5");
  });

  it("DOUBLE and FLOAT come back as the numbers written (text protocol)", async () => {
    const row = await roundTrip(30, { ratio: 0.1, small: 0.1 });
    expect([row.ratio, row.small]).toEqual([0.1, 0.1]);
  });

  it("text keeps quotes, backslashes, ? and characters outside the BMP; bytes come back as a Buffer", async () => {
    const label = `it's a "test" \\ with ? and :colon and 🐘`;
    const row = await roundTrip(40, { label, raw: Buffer.from([0, 1, 254, 255]) });
    expect(row.label).toBe(label);
    expect(row.raw).toEqual(Buffer.from([0, 1, 254, 255]));
  });
});

describeServer("MySQL-specific types through createAll", (db) => {
  const Mood = { Happy: "happy", Sad: "sad" } as const;
  const metadata = sa.MetaData();
  const moods = sa.Table(
    "moods",
    metadata,
    sa.Column("id", sa.Integer, { primaryKey: true }),
    sa.Column("mood", sa.Enum(Mood, { name: "mood" })),
    sa.Column("doc", sa.JSON),
    sa.Column("at", sa.DateTime),
    sa.Column("clock", sa.Time),
  );

  it("a native ENUM takes its values only; JSON, DATETIME(6) and TIME(6) keep what went in", async () => {
    const engine = db.engine();
    await metadata.createAll(engine);
    try {
      const at = new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348));
      await engine.begin((conn) => conn.execute(sa.insert(moods).values({ mood: "sad", doc: "plain text", at, clock: "23:59:59.123456" })));
      const row = await engine.connect(async (conn) => (await conn.execute(sa.select(moods))).one()._tuple());
      expect(row).toEqual([1, "sad", "plain text", at, "23:59:59.123456"]);
      const type = await engine.connect(async (conn) =>
        (await conn.execDriverSql("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'mood'")).scalar(),
      );
      expect(type).toBe("enum('happy','sad')");
      // The server refuses another value (strict mode), even where the type's check is bypassed.
      const raw = engine.begin((conn) => conn.execDriverSql("INSERT INTO moods (mood) VALUES ('angry')"));
      await expect(raw).rejects.toThrow(sa.DBAPIError);
    } finally {
      await metadata.dropAll(engine);
    }
  });
});
