import * as sa from "@alkahest/core";
import { inspect, insert, select, StringType, text, TypeDecorator, type MetaData } from "@alkahest/core";
import { afterEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";

/** Stores a number doubled, so a test can tell whether this type's processors ran. */
class Doubled extends TypeDecorator<number, number> {
  readonly impl = sa.Integer;
  override processBindParam(value: number | null): number | null {
    return value === null ? null : value * 2;
  }
  override processResultValue(value: number | null): number | null {
    return value === null ? null : value / 2;
  }
}

/**
 * Types with variants (`withVariant`, SQLAlchemy's `with_variant`) on the database under
 * test: the variant for the dialect's names is the column's DDL and converts its values;
 * a variant for another database changes nothing.
 */
export function typeVariantTests(config: ConformanceConfig): void {
  describe("type variants", () => {
    const db = useEngine(config);
    const capabilities = capabilitiesOf(config);
    const created: MetaData[] = [];

    afterEach(async () => {
      for (const metadata of created.splice(0)) await metadata.dropAll(db.engine);
    });

    /** Table variant_t: an integer key and `column`, created for this test. */
    async function create<C extends sa.AnyColumn>(column: C) {
      const metadata = sa.MetaData();
      const table = sa.Table("variant_t", metadata, sa.Column("id", sa.Integer, { primaryKey: true }), column);
      created.push(metadata);
      await metadata.createAll(db.engine);
      return table;
    }

    /** The dialect's own names as withVariant takes them (at least one). */
    function ownNames(): [string, ...string[]] {
      const [first, ...rest] = db.engine.dialect.variantNames;
      if (first === undefined) throw new Error(`the ${db.engine.dialect.name} dialect answers to no variant names`);
      return [first, ...rest];
    }

    it("a bare String with a MySQL variant is created on every database and round-trips its values", async () => {
      // The seed's Column("fullname", String): MySQL and MariaDB have no VARCHAR without a length.
      const users = await create(sa.Column("fullname", sa.String().withVariant(sa.String(255), "mysql")));
      const values = ["Spongebob Squarepants", "Zoë 😀 — ünïcödé 中文", "x".repeat(255), null];
      await db.engine.begin((conn) => conn.execute(insert(users), values.map((fullname, i) => ({ id: i + 1, fullname }))));
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(users).orderBy(users.c.id))).all());
      expect(rows.map((row) => row.fullname)).toEqual(values);

      const [, fullname] = await (await inspect(db.engine)).getColumns("variant_t");
      expect(fullname?.type).toBeInstanceOf(StringType);
      const answersToMysql = db.engine.dialect.variantNames.includes("mysql");
      // The variant's length where the dialect answers to "mysql"; the bare VARCHAR elsewhere.
      if (answersToMysql) expect((fullname?.type as StringType).length).toBe(255);
      else expect((fullname?.type as StringType).length).not.toBe(255);
    });

    it("the dialect's own variant converts values on the way in and out, WHERE included", async () => {
      const table = await create(sa.Column("n", sa.Integer().withVariant(Doubled, ...ownNames())));
      await db.engine.begin((conn) => conn.execute(insert(table), [{ id: 1, n: 21 }, { id: 2, n: 5 }]));
      const [typed, raw, found] = await db.engine.connect(async (conn) => [
        (await conn.execute(select(table.c.n).orderBy(table.c.id))).scalars().all(),
        (await conn.execute(text<{ n: number }>("SELECT n FROM variant_t ORDER BY id"))).all().map((row) => Number(row.n)),
        (await conn.execute(select(table.c.id).where(table.c.n.eq(21)))).scalars().all(),
      ]);
      expect(typed).toEqual([21, 5]);
      expect(raw).toEqual([42, 10]);
      expect(found).toEqual([1]);
    });

    it("a variant for another database changes nothing here", async () => {
      const table = await create(sa.Column("n", sa.Integer().withVariant(Doubled, "no_such_database")));
      await db.engine.begin((conn) => conn.execute(insert(table), { id: 1, n: 21 }));
      const raw = await db.engine.connect(async (conn) => (await conn.execute(text<{ n: number }>("SELECT n FROM variant_t"))).one());
      expect(Number(raw.n)).toBe(21);
    });

    it("an ARRAY where the database has arrays, JSON where it has none: the same values either way", async () => {
      // Where arrays exist the variant is for another database, so the ARRAY itself is used.
      const jsonOn = capabilities.arrays === true ? (["no_such_database"] as [string]) : ownNames();
      const table = await create(sa.Column("tags", sa.ARRAY(sa.Integer).withVariant(sa.JSON<number[]>(), ...jsonOn)));
      const values = [[1, 2, 3], [], [-7], null];
      await db.engine.begin((conn) => conn.execute(insert(table), values.map((tags, i) => ({ id: i + 1, tags }))));
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(table.c.tags).orderBy(table.c.id))).scalars().all());
      expect(rows).toEqual(values);
    });
  });
}
