import {
  CheckConstraint,
  Column,
  CreateTable,
  inspect,
  insert,
  Integer,
  IntegrityError,
  JSON as Json,
  MetaData,
  NoSuchTableError,
  select,
  String,
  Table,
  type CheckConstraint as CheckConstraintType,
  type Engine,
  type TableOptions,
} from "@alkahest/core";
import { afterEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";

/** A table with two named CHECKs, one holding a `)` in a string, and a JSON column (MariaDB adds a CHECK of its own for it). */
function checkSchema(metadata = MetaData()) {
  return Table(
    "refl_check",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("qty", Integer, { nullable: false }),
    Column("label", String(20), { nullable: false }),
    Column("doc", Json),
    CheckConstraint("qty >= 0", { name: "ck_refl_check_qty" }),
    CheckConstraint("label <> 'a)b'", { name: "ck_refl_check_label" }),
  );
}

/** The view the tests reflect, over refl_source. */
const CREATE_VIEW = "CREATE VIEW refl_view AS SELECT id, name FROM refl_source WHERE id > 1";

const MYSQL_OPTIONS = { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_unicode_ci" } as const;
/**
 * Table options in the mysql namespace. The suite compiles without @alkahest/mysql,
 * whose types declare that namespace, so they are typed as plain TableOptions here.
 */
const WITH_MYSQL_OPTIONS: TableOptions = { mysql: MYSQL_OPTIONS } as Readonly<Record<string, unknown>>;

async function run(engine: Engine, ...statements: string[]): Promise<void> {
  await engine.begin(async (conn) => {
    for (const sql of statements) await conn.execDriverSql(sql);
  });
}

/**
 * Views, CHECK constraints, comments and table options read back (SQLAlchemy's
 * test_reflection: get_view_names, get_view_definition, get_check_constraints,
 * get_table_comment, get_table_options), and carried into reflected Tables.
 */
export function reflectionObjectTests(config: ConformanceConfig): void {
  const capabilities = capabilitiesOf(config);

  describe("reflection: views, CHECK constraints, comments, table options", () => {
    const db = useEngine(config);
    const cleanup: (() => Promise<void>)[] = [];

    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    async function createSource(): Promise<void> {
      const metadata = MetaData();
      const source = Table("refl_source", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(20)));
      await metadata.createAll(db.engine);
      cleanup.push(() => metadata.dropAll(db.engine));
      await db.engine.begin((conn) =>
        conn.execute(insert(source), [
          { id: 1, name: "one" },
          { id: 2, name: "two" },
          { id: 3, name: "three" },
        ]),
      );
      await run(db.engine, CREATE_VIEW);
      cleanup.push(() => run(db.engine, "DROP VIEW IF EXISTS refl_view"));
    }

    it("getViewNames lists the view and getTableNames does not; getViewDefinition holds its SELECT", async () => {
      await createSource();
      const insp = await inspect(db.engine);
      expect((await insp.getViewNames()).filter((n) => n.startsWith("refl_"))).toEqual(["refl_view"]);
      expect(await insp.getTableNames()).not.toContain("refl_view");
      expect(await insp.getMaterializedViewNames()).not.toContain("refl_view");
      const definition = await insp.getViewDefinition("refl_view");
      expect(definition).toMatch(/select/i);
      expect(definition).toMatch(/refl_source/);
      expect(definition).toMatch(/\bname\b/);
      await expect(insp.getViewDefinition("refl_source")).rejects.toThrow(NoSuchTableError);
      await expect(insp.getViewDefinition("refl_nothing")).rejects.toThrow("View 'refl_nothing' does not exist");
    });

    it("metadata.reflect({ views: true }) builds a Table of the view's columns that selects its rows; without it, no view", async () => {
      await createSource();
      const tablesOnly = MetaData();
      await tablesOnly.reflect(db.engine);
      expect(tablesOnly.tables.has("refl_view")).toBe(false);
      expect(tablesOnly.tables.has("refl_source")).toBe(true);
      const metadata = MetaData();
      await metadata.reflect(db.engine, { views: true });
      const view = metadata.tables.get("refl_view")!;
      expect(view.c.keys()).toEqual(["id", "name"]);
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(select(view.column("name")).orderBy(view.column("id")))).scalars().all(),
      );
      expect(rows).toEqual(["two", "three"]);
    });

    it("getCheckConstraints reads each named CHECK's condition back, sorted by name (MariaDB's own JSON check left out)", async () => {
      const table = checkSchema();
      await table.metadata.createAll(db.engine);
      cleanup.push(() => table.metadata.dropAll(db.engine));
      const checks = await (await inspect(db.engine)).getCheckConstraints("refl_check");
      expect(checks.map((c) => c.name)).toEqual(["ck_refl_check_label", "ck_refl_check_qty"]);
      // Each database keeps the condition its own way: quoted names (MySQL), casts (PostgreSQL).
      expect(checks[0]?.sqltext).toMatch(/^`?label`?(::text)? <> 'a\)b'(::text)?$/);
      expect(checks[1]?.sqltext).toMatch(/^`?qty`? >= 0$/);
      await expect((await inspect(db.engine)).getCheckConstraints("refl_nothing")).rejects.toThrow(NoSuchTableError);
    });

    it("an unnamed CHECK is reported with the name the database gave it (none on SQLite)", async () => {
      const metadata = MetaData();
      Table("refl_check_anon", metadata, Column("x", Integer), CheckConstraint("x > 5"));
      await metadata.createAll(db.engine);
      cleanup.push(() => metadata.dropAll(db.engine));
      const [check, ...others] = await (await inspect(db.engine)).getCheckConstraints("refl_check_anon");
      expect(others).toEqual([]);
      expect(check?.sqltext).toMatch(/^`?x`? > 5$/);
      expect(check?.name === null || (typeof check?.name === "string" && check.name.length > 0)).toBe(true);
    });

    it("a reflected Table gets the CHECKs, and creating it anew enforces them", async () => {
      const table = checkSchema();
      await table.metadata.createAll(db.engine);
      cleanup.push(() => table.metadata.dropAll(db.engine));
      const metadata = MetaData();
      const reflected = await Table.reflect("refl_check", metadata, db.engine);
      const checks = [...reflected.constraints].filter((c): c is CheckConstraintType => c.conventionKey === "ck");
      expect(checks.map((c) => c.name)).toEqual(["ck_refl_check_label", "ck_refl_check_qty"]);
      await table.metadata.dropAll(db.engine);
      await metadata.createAll(db.engine);
      cleanup.push(() => metadata.dropAll(db.engine));
      const names = (await (await inspect(db.engine)).getCheckConstraints("refl_check")).map((c) => c.name);
      expect(names).toEqual(["ck_refl_check_label", "ck_refl_check_qty"]);
      await db.engine.begin((conn) => conn.execute(insert(reflected).values({ id: 1, qty: 1, label: "ok" })));
      await expect(db.engine.begin((conn) => conn.execute(insert(reflected).values({ id: 2, qty: -1, label: "ok" })))).rejects.toThrow(
        IntegrityError,
      );
      await expect(db.engine.begin((conn) => conn.execute(insert(reflected).values({ id: 3, qty: 1, label: "a)b" })))).rejects.toThrow(
        IntegrityError,
      );
    });

    if (capabilities.comments === true) {
      it("getTableComment and getColumns read back comments set with the database's own DDL; a reflected Table keeps them", async () => {
        // Raw SQL, so reading comments is proven apart from the DDL compiler writing them.
        if (capabilities.inlineComments === true) {
          await run(
            db.engine,
            "CREATE TABLE refl_comment (id INTEGER NOT NULL PRIMARY KEY COMMENT 'the key', note VARCHAR(20)) COMMENT='it''s a table'",
          );
        } else {
          await run(
            db.engine,
            "CREATE TABLE refl_comment (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(20))",
            "COMMENT ON TABLE refl_comment IS 'it''s a table'",
            "COMMENT ON COLUMN refl_comment.id IS 'the key'",
          );
        }
        cleanup.push(() => run(db.engine, "DROP TABLE IF EXISTS refl_comment"));
        const insp = await inspect(db.engine);
        expect(await insp.getTableComment("refl_comment")).toEqual({ text: "it's a table" });
        expect((await insp.getColumns("refl_comment")).map((c) => [c.name, c.comment])).toEqual([
          ["id", "the key"],
          ["note", null],
        ]);
        const table = await Table.reflect("refl_comment", MetaData(), db.engine);
        expect(table.comment).toBe("it's a table");
        expect(table.column("id").options.comment).toBe("the key");
        expect(table.column("note").options.comment).toBeUndefined();
      });
    } else {
      it("a database without comments reports none: getTableComment gives { text: null }, columns comment null", async () => {
        await run(db.engine, "CREATE TABLE refl_comment (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(20))");
        cleanup.push(() => run(db.engine, "DROP TABLE IF EXISTS refl_comment"));
        const insp = await inspect(db.engine);
        expect(await insp.getTableComment("refl_comment")).toEqual({ text: null });
        expect((await insp.getColumns("refl_comment")).map((c) => c.comment)).toEqual([null, null]);
        expect((await Table.reflect("refl_comment", MetaData(), db.engine)).comment).toBeNull();
      });
    }

    it("the table comment of a table without one is null", async () => {
      const metadata = MetaData();
      Table("refl_plain", metadata, Column("id", Integer, { primaryKey: true }));
      await metadata.createAll(db.engine);
      cleanup.push(() => metadata.dropAll(db.engine));
      expect(await (await inspect(db.engine)).getTableComment("refl_plain")).toEqual({ text: null });
      await expect((await inspect(db.engine)).getTableComment("refl_nothing")).rejects.toThrow(NoSuchTableError);
    });

    it("mysql table options: the dialect that writes them reads them back and a reflected Table keeps them; others ignore them", async () => {
      const metadata = MetaData();
      const table = Table("refl_options", metadata, Column("id", Integer, { primaryKey: true }), WITH_MYSQL_OPTIONS);
      await metadata.createAll(db.engine);
      cleanup.push(() => metadata.dropAll(db.engine));
      const writesThem = /ENGINE=InnoDB/.test(new CreateTable(table).compile({ dialect: db.engine.dialect }).sql);
      const options = await (await inspect(db.engine)).getTableOptions("refl_options");
      const reflected = await Table.reflect("refl_options", MetaData(), db.engine);
      if (writesThem) {
        expect(options).toEqual({ mysql: MYSQL_OPTIONS });
        expect(reflected.dialectOptions).toEqual({ mysql: MYSQL_OPTIONS });
        expect(new CreateTable(reflected).compile({ dialect: db.engine.dialect }).sql).toMatch(
          /\)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci\n\n$/,
        );
      } else {
        expect(options).toEqual({});
        expect(reflected.dialectOptions).toEqual({});
      }
    });
  });
}
