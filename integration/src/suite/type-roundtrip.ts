import * as sa from "@alkahest/core";
import { BindTypeError, insert, select, type Engine } from "@alkahest/core";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";

const Mood = { Happy: "happy", Sad: "sad" } as const;

const metadata = sa.MetaData();
const types = sa.Table(
  "type_roundtrip",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("small", sa.SmallInteger),
  sa.Column("big", sa.BigInteger),
  sa.Column("ratio", sa.Float),
  sa.Column("price", sa.Numeric(10, 2)),
  sa.Column("wide", sa.Numeric(38, 10)),
  sa.Column("approx", sa.Numeric(10, 2, { asDecimal: false })),
  sa.Column("name", sa.String(40)),
  sa.Column("body", sa.Text),
  sa.Column("ok", sa.Boolean),
  sa.Column("at", sa.DateTime),
  sa.Column("at_tz", sa.DateTime({ timezone: true })),
  sa.Column("day", sa.Date),
  sa.Column("clock", sa.Time),
  sa.Column("doc", sa.JSON),
  sa.Column("uid", sa.Uuid),
  sa.Column("payload", sa.LargeBinary),
  sa.Column("mood", sa.Enum(Mood, { name: "mood", nativeEnum: false })),
);

/** CREATE TABLE from the dialect's own type names: what createAll will render. */
function createTableSql(engine: Engine): string {
  const { identifierPreparer: preparer, typeCompiler } = engine.dialect;
  const columns = types.columns.map((c) => `${preparer.quote(c.name)} ${typeCompiler.process(c.type)}`);
  return `CREATE TABLE ${preparer.quote(types.name)} (${columns.join(", ")}, PRIMARY KEY (id))`;
}

const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);

/** One value per type, each an edge its database could get wrong. */
const edgeRow = {
  id: 1,
  small: -32768,
  big: 2n ** 53n + 1n, // the first integer a JavaScript number cannot hold
  ratio: -1.5, // exact even in a single-precision FLOAT
  price: "-99999999.99",
  approx: 0.25,
  name: "Zoë 😀 — ünïcödé 中文",
  body: `${"long text, ".repeat(1000)}\nwith a second line`,
  ok: false,
  at: new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348)), // fractional seconds
  at_tz: new Date("2025-11-13T11:19:23.348+05:30"), // the instant 05:49:23.348Z
  day: new Date(Date.UTC(1999, 11, 31)),
  clock: "23:59:59.123456", // microseconds
  doc: { tags: ["a", "b"], n: 1.5, nested: { flag: true, none: null }, text: "é" },
  uid: "0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01",
  payload: bytes,
  mood: "sad" as const,
};

/** Every type through INSERT and SELECT on the database under test (test_types). */
export function typeRoundtripTests(config: ConformanceConfig): void {
  describe("type round trips", () => {
    const db = useEngine(config);
    const capabilities = capabilitiesOf(config);

    beforeEach(async () => {
      await db.engine.begin(async (conn) => {
        await conn.execDriverSql("DROP TABLE IF EXISTS type_roundtrip");
        await conn.execDriverSql(createTableSql(db.engine));
      });
      db.log.clear();
    });

    afterEach(async () => {
      await db.engine.begin((conn) => conn.execDriverSql("DROP TABLE IF EXISTS type_roundtrip"));
    });

    async function roundTrip(values: Record<string, unknown>): Promise<Record<string, unknown>> {
      return db.engine.begin(async (conn) => {
        await conn.execute(insert(types).values(values));
        return (await conn.execute(select(types).where(types.c.id.eq(values.id as number)))).one()._mapping;
      });
    }

    it("every type comes back as the value that went in", async () => {
      const row = await roundTrip(edgeRow);
      expect(row).toEqual({ ...edgeRow, wide: null, payload: Buffer.from(bytes) });
      expect(row.big).toBe(9007199254740993n);
      expect((row.at_tz as Date).toISOString()).toBe("2025-11-13T05:49:23.348Z");
    });

    it("NULL comes back as null for every type", async () => {
      const row = await roundTrip({ id: 2 });
      expect(Object.entries(row).filter(([, value]) => value !== null)).toEqual([["id", 2]]);
    });

    it("integers at the limits of each integer type", async () => {
      const rows = await db.engine.begin(async (conn) => {
        await conn.execute(insert(types), [
          { id: 2147483647, small: 32767, big: 2n ** 63n - 1n },
          { id: -2147483648, small: -32768, big: -(2n ** 63n) },
          { id: 0, small: 0, big: 0n },
        ]);
        const sorted = select(types.c.id, types.c.small, types.c.big).orderBy(types.c.id);
        return (await conn.execute(sorted)).all().map((r) => r._tuple());
      });
      expect(rows).toEqual([
        [-2147483648, -32768, -(2n ** 63n)],
        [0, 0, 0n],
        [2147483647, 32767, 2n ** 63n - 1n],
      ]);
    });

    it("a BigInteger past 2^53 is compared exactly in WHERE", async () => {
      const found = await db.engine.begin(async (conn) => {
        await conn.execute(insert(types), [
          { id: 1, big: 2n ** 53n },
          { id: 2, big: 2n ** 53n + 1n },
        ]);
        return (await conn.execute(select(types.c.id).where(types.c.big.eq(2n ** 53n + 1n)))).scalars().all();
      });
      expect(found).toEqual([2]);
    });

    it("decimals keep their scale as exact strings, and compare as numbers", async () => {
      const result = await db.engine.begin(async (conn) => {
        await conn.execute(insert(types), [
          { id: 1, price: "0.10" },
          { id: 2, price: 3 },
          { id: 3, price: "12.5" },
        ]);
        const prices = (await conn.execute(select(types.c.price).orderBy(types.c.id))).scalars().all();
        const over = (await conn.execute(select(types.c.id).where(types.c.price.gt("2.5")).orderBy(types.c.id))).scalars().all();
        return { prices, over };
      });
      expect(result).toEqual({ prices: ["0.10", "3.00", "12.50"], over: [2, 3] });
    });

    (capabilities.nativeDecimal ? it : it.skip)("decimals beyond 15 significant digits are exact (nativeDecimal)", async () => {
      const wide = "1234567890123456789012345678.0123456789";
      const row = await roundTrip({ id: 1, wide });
      expect(row.wide).toBe(wide);
    });

    it("JSON scalars, arrays and strings that look like JSON round-trip as values", async () => {
      const docs = [[1, "two", null], "plain text", '{"not":"parsed"}', 42, true, { "": [] }];
      const read = await db.engine.begin(async (conn) => {
        await conn.execute(insert(types), docs.map((doc, i) => ({ id: i + 1, doc })));
        return (await conn.execute(select(types.c.doc).orderBy(types.c.id))).scalars().all();
      });
      expect(read).toEqual(docs);
    });

    it("times of day come back in one canonical form", async () => {
      const read = await db.engine.begin(async (conn) => {
        await conn.execute(insert(types), [
          { id: 1, clock: "9:05" },
          { id: 2, clock: "00:00:00.5" },
          { id: 3, clock: "12:30:15.000000" },
        ]);
        return (await conn.execute(select(types.c.clock).orderBy(types.c.id))).scalars().all();
      });
      expect(read).toEqual(["09:05:00", "00:00:00.500000", "12:30:15"]);
    });

    it("UUIDs in any spelling are stored and compared in one canonical form", async () => {
      const found = await db.engine.begin(async (conn) => {
        await conn.execute(insert(types).values({ id: 1, uid: "{0B7E1F2C4A554BD89D1E3F6A2B8C9D01}" }));
        return (await conn.execute(select(types.c.uid).where(types.c.uid.eq("0B7E1F2C-4A55-4BD8-9D1E-3F6A2B8C9D01")))).scalar();
      });
      expect(found).toBe("0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01");
    });

    (capabilities.nativeUuid ? it.skip : it)("without a native UUID type, UUIDs are stored as SQLAlchemy stores them: 32 hex digits", async () => {
      const stored = await db.engine.begin(async (conn) => {
        await conn.execute(insert(types).values({ id: 1, uid: edgeRow.uid }));
        return (await conn.execDriverSql("SELECT uid FROM type_roundtrip")).scalar();
      });
      expect(stored).toBe("0b7e1f2c4a554bd89d1e3f6a2b8c9d01");
    });

    it("a value its type cannot hold is a BindTypeError naming the column, before the database sees it", async () => {
      const stmt = insert(types).values({ id: 1, mood: "angry" as "sad" });
      const sql = stmt.compile({ dialect: db.engine.dialect }).sql;
      await db.engine.connect(async (conn) => {
        const attempt = conn.execute(stmt);
        await expect(attempt).rejects.toThrow(BindTypeError);
        await expect(conn.execute(stmt)).rejects.toThrow(
          `Bind parameter 'mood': 'angry' is not among the defined enum values. Enum name: mood. Possible values: 'happy', 'sad'.\n[SQL: ${sql}]`,
        );
        await expect(conn.execute(insert(types).values({ id: "1" as unknown as number }))).rejects.toThrow(
          "Bind parameter 'id': Integer() expects a finite number or bigint, got the string '1'.",
        );
      });
      // Nothing was sent: not even the transaction's BEGIN.
      expect(db.log.lines).toEqual([]);
    });
  });
}
