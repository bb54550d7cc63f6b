import {
  CheckConstraint,
  Column,
  CreateIndex,
  DBAPIError,
  DropIndex,
  ForeignKey,
  Index,
  Integer,
  IntegrityError,
  MetaData,
  select,
  String,
  Table,
  text,
  type Engine,
} from "@alkahest/core";
import { afterEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";

/** A parent and a child table with what createAll must create: FK, UNIQUE, CHECK, DEFAULT, indexes. */
function shopSchema() {
  const metadata = MetaData();
  // Defined child first: createAll must still create the parent first.
  const item = Table(
    "ddl_item",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("shop_id", ForeignKey("ddl_shop.id"), { nullable: false }),
    Column("sku", String(20), { nullable: false, index: true, unique: true }),
    Column("qty", Integer, { nullable: false }),
    Column("status", String(10), { nullable: false, serverDefault: "draft" }),
    CheckConstraint("qty >= 0", { name: "ck_ddl_item_qty" }),
  );
  const shop = Table("ddl_shop", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30), { index: true }));
  return { metadata, shop, item };
}

async function tableExists(engine: Engine, name: string): Promise<boolean> {
  return engine.connect((conn) => conn.dialect.hasTable(conn, name, null));
}

/** CREATE/DROP through the dialect's own DDL compiler, createAll/dropAll, constraints in effect (test_ddl). */
export function ddlTests(config: ConformanceConfig): void {
  const capabilities = capabilitiesOf(config);

  describe("ddl", () => {
    const db = useEngine(config);
    const cleanup: MetaData[] = [];

    afterEach(async () => {
      for (const metadata of cleanup.splice(0)) await metadata.dropAll(db.engine);
    });

    it("createAll creates the tables, parents first, each CREATE logged [no key]; hasTable sees them", async () => {
      const { metadata } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const creates = db.log.lines.filter((line) => /CREATE TABLE/.test(line));
      expect(creates.map((line) => /CREATE TABLE (\S+)/.exec(line)?.[1])).toEqual(["ddl_shop", "ddl_item"]);
      for (const create of creates) {
        expect(db.log.lines[db.log.lines.indexOf(create) + 1]).toMatch(/^\[no key \d\.\d{5}s\] \(\)$/);
      }
      expect(await tableExists(db.engine, "ddl_shop")).toBe(true);
      expect(await tableExists(db.engine, "ddl_item")).toBe(true);
      expect(await tableExists(db.engine, "ddl_nothing")).toBe(false);
    });

    it("with checkfirst a second createAll creates nothing; without it, CREATE TABLE fails on the existing table", async () => {
      const { metadata } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      db.log.clear();
      await metadata.createAll(db.engine);
      expect(db.log.lines.filter((line) => /CREATE/.test(line))).toEqual([]);
      await expect(metadata.createAll(db.engine, { checkfirst: false })).rejects.toThrow(DBAPIError);
    });

    it("dropAll drops dependent tables first; with checkfirst a second dropAll drops nothing", async () => {
      const { metadata } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      db.log.clear();
      await metadata.dropAll(db.engine);
      expect(db.log.lines.filter((line) => /DROP TABLE/.test(line)).map((line) => /DROP TABLE (\S+)/.exec(line)?.[1])).toEqual([
        "ddl_item",
        "ddl_shop",
      ]);
      expect(await tableExists(db.engine, "ddl_item")).toBe(false);
      db.log.clear();
      await metadata.dropAll(db.engine);
      expect(db.log.lines.filter((line) => /DROP/.test(line))).toEqual([]);
    });

    it("the created columns, server default and CHECK behave: rows go in and come back", async () => {
      const { metadata, shop, item } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      await db.engine.begin(async (conn) => {
        await conn.execute(text("INSERT INTO ddl_shop (id, name) VALUES (:id, :name)"), { id: 1, name: "corner" });
        await conn.execute(text("INSERT INTO ddl_item (id, shop_id, sku, qty) VALUES (:id, :shop_id, :sku, :qty)"), {
          id: 10,
          shop_id: 1,
          sku: "A-1",
          qty: 3,
        });
      });
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(item.c.sku, item.c.status, shop.c.name).where(item.c.shop_id.eq(shop.c.id)))).all());
      expect(rows.map((r) => r._tuple())).toEqual([["A-1", "draft", "corner"]]);
      const bad = db.engine.begin((conn) =>
        conn.execute(text("INSERT INTO ddl_item (id, shop_id, sku, qty) VALUES (11, 1, 'B-1', -1)")),
      );
      await expect(bad).rejects.toThrow(IntegrityError);
    });

    it("a column's unique index rejects duplicates", async () => {
      const { metadata } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const insertTwice = db.engine.begin(async (conn) => {
        await conn.execute(text("INSERT INTO ddl_shop (id, name) VALUES (1, 'corner')"));
        await conn.execute(text("INSERT INTO ddl_item (id, shop_id, sku, qty) VALUES (:id, 1, 'same', 1)"), [{ id: 1 }, { id: 2 }]);
      });
      await expect(insertTwice).rejects.toThrow(IntegrityError);
    });

    it("createAll created the plain index: DropIndex succeeds once, then fails; CreateIndex brings it back", async () => {
      const { metadata, shop } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const [index] = [...shop.indexes];
      expect(index?.name).toBe("ix_ddl_shop_name");
      await db.engine.begin((conn) => conn.execute(new DropIndex(index!)));
      await expect(db.engine.begin((conn) => conn.execute(new DropIndex(index!)))).rejects.toThrow(DBAPIError);
      await db.engine.begin((conn) => conn.execute(new CreateIndex(index!)));
      await db.engine.begin((conn) => conn.execute(new DropIndex(index!)));
    });

    it("an index added later with Index(...) and CreateIndex, over two columns", async () => {
      const { metadata, item } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const index = Index("ix_ddl_item_shop_qty", item.c.shop_id, item.c.qty, { unique: true });
      await db.engine.begin((conn) => conn.execute(new CreateIndex(index)));
      const duplicate = db.engine.begin(async (conn) => {
        await conn.execute(text("INSERT INTO ddl_shop (id, name) VALUES (1, 'corner')"));
        await conn.execute(text("INSERT INTO ddl_item (id, shop_id, sku, qty) VALUES (:id, 1, :sku, 5)"), [
          { id: 1, sku: "a" },
          { id: 2, sku: "b" },
        ]);
      });
      await expect(duplicate).rejects.toThrow(IntegrityError);
    });

    (capabilities.foreignKeysEnforced === true ? it : it.skip)("the foreign key is enforced (capabilities.foreignKeysEnforced)", async () => {
      const { metadata } = shopSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const orphan = db.engine.begin((conn) =>
        conn.execute(text("INSERT INTO ddl_item (id, shop_id, sku, qty) VALUES (1, 999, 'x', 1)")),
      );
      await expect(orphan).rejects.toThrow(IntegrityError);
    });

    it("foreign keys in a cycle, one useAlter: createAll and dropAll both succeed", async () => {
      const metadata = MetaData();
      Table(
        "ddl_dept",
        metadata,
        Column("id", Integer, { primaryKey: true }),
        Column("head_id", ForeignKey("ddl_emp.id", { useAlter: true, name: "fk_ddl_dept_head" })),
      );
      Table("ddl_emp", metadata, Column("id", Integer, { primaryKey: true }), Column("dept_id", ForeignKey("ddl_dept.id")));
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const alters = db.log.lines.filter((line) => line.startsWith("ALTER TABLE"));
      // With ALTER the cycle's useAlter key is added after both tables; without it, it was inline.
      expect(alters).toHaveLength(capabilities.alterConstraints === true ? 1 : 0);
      if (capabilities.foreignKeysEnforced === true) {
        const dangling = db.engine.begin((conn) => conn.execute(text("INSERT INTO ddl_dept (id, head_id) VALUES (1, 42)")));
        await expect(dangling).rejects.toThrow(IntegrityError);
      }
      await metadata.dropAll(db.engine);
      expect(await tableExists(db.engine, "ddl_dept")).toBe(false);
      expect(await tableExists(db.engine, "ddl_emp")).toBe(false);
    });

    it("reserved words as table and column names are quoted in DDL and found by hasTable", async () => {
      const metadata = MetaData();
      cleanup.push(metadata);
      Table("user", metadata, Column("id", Integer, { primaryKey: true }), Column("select", String(10)));
      const order = Table("order", metadata, Column("id", Integer, { primaryKey: true }), Column("user_id", ForeignKey("user.id")));
      await metadata.createAll(db.engine);
      expect(await tableExists(db.engine, "order")).toBe(true);
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(order))).all());
      expect(rows).toEqual([]);
    });
  });
}
