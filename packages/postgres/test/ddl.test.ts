import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import {
  AddConstraint,
  CheckConstraint,
  Column,
  CompileError,
  createEngine,
  CreateIndex,
  CreateTable,
  DropIndex,
  DropTable,
  ForeignKey,
  Index,
  Integer,
  MetaData,
  String,
  Table,
  text,
  TypeDecorator,
  type Engine,
} from "@alkahest/core";
import { CreateEnumType, DropEnumType, PostgresDialect } from "@alkahest/postgres";
import { describeServer, serverUrl } from "./server.js";

const dialect = new PostgresDialect();
const compile = (element: { compile(options: { dialect: PostgresDialect }): { sql: string } }): string => element.compile({ dialect }).sql;
const typeName = (type: sa.TypeEngine<unknown>): string => dialect.typeCompiler.process(type);

/** The seed notebook's MetaData (cells In [8], In [9], In [13]). */
function seedMetadata() {
  const metadata = MetaData();
  const user = Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30)), Column("fullname", String));
  const address = Table(
    "address",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
    Column("email_address", String, { nullable: false }),
  );
  return { metadata, user, address };
}

describe("PostgreSQL type names (PGTypeCompiler)", () => {
  it.each([
    [sa.Integer, "INTEGER"],
    [sa.SmallInteger, "SMALLINT"],
    [sa.BigInteger, "BIGINT"],
    [sa.Float, "FLOAT"],
    [sa.Float(24), "FLOAT(24)"],
    [sa.Numeric(10, 2), "NUMERIC(10, 2)"],
    [sa.String(30), "VARCHAR(30)"],
    [sa.String, "VARCHAR"],
    [sa.Text, "TEXT"],
    [sa.Boolean, "BOOLEAN"],
    [sa.DateTime, "TIMESTAMP WITHOUT TIME ZONE"],
    [sa.DateTime({ timezone: true }), "TIMESTAMP WITH TIME ZONE"],
    [sa.Date, "DATE"],
    [sa.Time, "TIME WITHOUT TIME ZONE"],
    [sa.JSON, "JSON"],
    [sa.Uuid, "UUID"],
    [sa.LargeBinary, "BYTEA"],
    [sa.LargeBinary(100), "BYTEA"],
    [sa.Enum(["happy", "sad"], { name: "mood" }), "mood"],
    [sa.Enum(["a", "b"], { name: "Mixed Mood" }), '"Mixed Mood"'],
    [sa.Enum(["happy", "sad"], { name: "mood", nativeEnum: false }), "VARCHAR(5)"],
  ].map(([type, expected]) => [sa.resolveType(type as sa.TypeArg), expected] as const))("%s is %s", (type, expected) => {
    expect(typeName(type)).toBe(expected);
  });

  it("a native enum without a name is a CompileError, as in SQLAlchemy", () => {
    expect(() => typeName(sa.Enum("happy", "sad"))).toThrow(CompileError);
    expect(() => typeName(sa.Enum("happy", "sad"))).toThrow("PostgreSQL ENUM type requires a name");
  });

  it("a TypeDecorator renders as its impl", () => {
    class Lowered extends TypeDecorator<string, string> {
      readonly impl = sa.String(40);
    }
    expect(typeName(new Lowered())).toBe("VARCHAR(40)");
  });

  it("insertmanyvalues casts lose length, precision and scale, so a cast never truncates or rounds", () => {
    const cast = (type: sa.TypeArg) => dialect.typeCompiler.castTypeName(sa.resolveType(type));
    expect(cast(sa.String(30))).toBe("VARCHAR");
    expect(cast(sa.Numeric(10, 2))).toBe("NUMERIC");
    expect(cast(sa.DateTime({ timezone: true }))).toBe("TIMESTAMP WITH TIME ZONE");
    expect(cast(sa.Enum(["a"], { name: "e(1)" }))).toBe('"e(1)"');
    expect(cast(sa.Enum(["abc"], { name: "e", nativeEnum: false }))).toBe("VARCHAR");
  });
});

describe("PostgreSQL CREATE TABLE (PGDDLCompiler)", () => {
  it("In [14]: the autoincrement key is SERIAL, as SQLAlchemy renders it on PostgreSQL", () => {
    const { user, address } = seedMetadata();
    expect(compile(new CreateTable(user))).toBe(
      "\nCREATE TABLE user_account (\n\tid SERIAL NOT NULL, \n\tname VARCHAR(30), \n\tfullname VARCHAR, \n\tPRIMARY KEY (id)\n)\n\n",
    );
    expect(compile(new CreateTable(address))).toBe(
      "\nCREATE TABLE address (\n\tid SERIAL NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\temail_address VARCHAR NOT NULL, \n" +
        "\tPRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES user_account (id)\n)\n\n",
    );
  });

  it("BIGSERIAL and SMALLSERIAL for the other integer types", () => {
    const metadata = MetaData();
    const big = Table("big", metadata, Column("id", sa.BigInteger, { primaryKey: true }));
    const small = Table("small", metadata, Column("id", sa.SmallInteger, { primaryKey: true }));
    expect(compile(new CreateTable(big))).toBe("\nCREATE TABLE big (\n\tid BIGSERIAL NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n");
    expect(compile(new CreateTable(small))).toBe("\nCREATE TABLE small (\n\tid SMALLSERIAL NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n");
  });

  it("no SERIAL where the key is not autoincrement: composite, autoincrement false, a server default, a foreign key", () => {
    const metadata = MetaData();
    const parent = Table("parent", metadata, Column("id", Integer, { primaryKey: true }));
    const pair = Table("pair", metadata, Column("a", Integer, { primaryKey: true }), Column("b", Integer, { primaryKey: true }));
    const manual = Table("manual", metadata, Column("id", Integer, { primaryKey: true, autoincrement: false }));
    const given = Table("given", metadata, Column("id", Integer, { primaryKey: true, serverDefault: text("42") }));
    const child = Table("child", metadata, Column("id", Integer, ForeignKey("parent.id"), { primaryKey: true }));
    const marked = Table("marked", metadata, Column("a", Integer, { primaryKey: true, autoincrement: true }), Column("b", Integer, { primaryKey: true }));
    expect(parent.name).toBe("parent");
    expect(compile(new CreateTable(pair))).toBe("\nCREATE TABLE pair (\n\ta INTEGER NOT NULL, \n\tb INTEGER NOT NULL, \n\tPRIMARY KEY (a, b)\n)\n\n");
    expect(compile(new CreateTable(manual))).toContain("\tid INTEGER NOT NULL, ");
    expect(compile(new CreateTable(given))).toContain("\tid INTEGER DEFAULT 42 NOT NULL, ");
    expect(compile(new CreateTable(child))).toContain("\tid INTEGER NOT NULL, ");
    expect(compile(new CreateTable(marked))).toContain("\ta SERIAL NOT NULL, \n\tb INTEGER NOT NULL, ");
  });

  it("every type, server defaults, CHECK, UNIQUE, and a schema-qualified foreign key", () => {
    const metadata = MetaData();
    Table("shop", metadata, Column("id", Integer, { primaryKey: true }), { schema: "store" });
    const item = Table(
      "item",
      metadata,
      Column("id", Integer, { primaryKey: true }),
      Column("shop_id", Integer, ForeignKey("store.shop.id", { onDelete: "CASCADE" })),
      Column("sku", String(20), { nullable: false, unique: true }),
      Column("status", String(10), { serverDefault: "draft" }),
      Column("created", sa.DateTime({ timezone: true }), { serverDefault: text("now()") }),
      Column("doc", sa.JSON),
      Column("uid", sa.Uuid, { serverDefault: text("gen_random_uuid()") }),
      Column("payload", sa.LargeBinary),
      Column("ok", sa.Boolean, { serverDefault: text("true") }),
      CheckConstraint("length(sku) > 0", { name: "ck_item_sku" }),
    );
    expect(compile(new CreateTable(item))).toBe(
      "\nCREATE TABLE item (\n\tid SERIAL NOT NULL, \n\tshop_id INTEGER, \n\tsku VARCHAR(20) NOT NULL, \n" +
        "\tstatus VARCHAR(10) DEFAULT 'draft', \n\tcreated TIMESTAMP WITH TIME ZONE DEFAULT now(), \n\tdoc JSON, \n" +
        "\tuid UUID DEFAULT gen_random_uuid(), \n\tpayload BYTEA, \n\tok BOOLEAN DEFAULT true, \n\tPRIMARY KEY (id), \n" +
        "\tCONSTRAINT ck_item_sku CHECK (length(sku) > 0), \n" +
        "\tFOREIGN KEY(shop_id) REFERENCES store.shop (id) ON DELETE CASCADE, \n\tUNIQUE (sku)\n)\n\n",
    );
  });

  it("quotes PostgreSQL's reserved words, its own ones too (returning, window, variadic)", () => {
    const metadata = MetaData();
    const t = Table(
      "user",
      metadata,
      Column("id", Integer, { primaryKey: true }),
      Column("returning", Integer),
      Column("window", Integer),
      Column("variadic", Integer),
      Column("name", Integer),
    );
    expect(compile(new CreateTable(t))).toBe(
      '\nCREATE TABLE "user" (\n\tid SERIAL NOT NULL, \n\t"returning" INTEGER, \n\t"window" INTEGER, \n\t"variadic" INTEGER, \n' +
        "\tname INTEGER, \n\tPRIMARY KEY (id)\n)\n\n",
    );
  });

  it("a useAlter foreign key is added by ALTER TABLE after both tables (capabilities.alterConstraints)", () => {
    const metadata = MetaData();
    const dept = Table(
      "dept",
      metadata,
      Column("id", Integer, { primaryKey: true }),
      Column("head_id", ForeignKey("emp.id", { useAlter: true, name: "fk_dept_head" })),
    );
    Table("emp", metadata, Column("id", Integer, { primaryKey: true }), Column("dept_id", ForeignKey("dept.id")));
    expect(compile(new CreateTable(dept))).toBe("\nCREATE TABLE dept (\n\tid SERIAL NOT NULL, \n\thead_id INTEGER, \n\tPRIMARY KEY (id)\n)\n\n");
    const [fk] = [...dept.foreignKeys].map((k) => k.constraint);
    expect(compile(new AddConstraint(fk!))).toBe("ALTER TABLE dept ADD CONSTRAINT fk_dept_head FOREIGN KEY(head_id) REFERENCES emp (id)");
  });

  it("indexes: CREATE INDEX on the schema-qualified table, DROP INDEX qualified by the schema", () => {
    const metadata = MetaData();
    const t = Table("events", metadata, Column("id", Integer, { primaryKey: true }), Column("kind", String(10)), { schema: "app" });
    const index = Index("ix_events_kind", t.c.kind, { unique: true });
    expect(compile(new CreateIndex(index))).toBe("CREATE UNIQUE INDEX ix_events_kind ON app.events (kind)");
    expect(compile(new DropIndex(index))).toBe("\nDROP INDEX app.ix_events_kind");
    expect(compile(new DropTable(t))).toBe("\nDROP TABLE app.events");
  });

  it("generated names longer than 63 characters are shortened (maxIdentifierLength)", () => {
    const metadata = MetaData();
    const long = "a_rather_long_table_name_that_goes_on_and_on";
    const t = Table(long, metadata, Column("id", Integer, { primaryKey: true }), Column("another_long_column_name", Integer, { index: true }));
    const [index] = [...t.indexes];
    const name = /INDEX (\S+) ON/.exec(compile(new CreateIndex(index!)))?.[1] ?? "";
    expect(`ix_${long}_another_long_column_name`.length).toBeGreaterThan(63);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.startsWith("ix_a_rather_long")).toBe(true);
  });

  it("native enums: CREATE TYPE ... AS ENUM and DROP TYPE, only with the postgresql dialect", () => {
    const mood = sa.Enum(["happy", "it's ok"], { name: "mood" });
    expect(compile(new CreateEnumType(mood))).toBe("CREATE TYPE mood AS ENUM ('happy', 'it''s ok')");
    expect(compile(new DropEnumType(mood))).toBe("DROP TYPE mood");
    expect(() => `${new CreateEnumType(mood)}`).toThrow("CREATE TYPE is PostgreSQL DDL");
    const metadata = MetaData();
    const t = Table("person", metadata, Column("id", Integer, { primaryKey: true }), Column("mood", mood));
    expect(compile(new CreateTable(t))).toContain("\tmood mood, ");
  });
});

describeServer("PostgreSQL DDL against the server", () => {
  let engine: Engine;
  const log: string[] = [];

  beforeAll(() => {
    engine = createEngine(serverUrl(), { echo: true, logger: { info: (line) => log.push(line) } });
  });
  afterAll(() => engine.dispose());
  afterEach(async () => {
    await engine.begin(async (conn) => {
      await conn.execDriverSql("DROP TABLE IF EXISTS pg_ddl_person, pg_ddl_pet");
      await conn.execDriverSql("DROP TYPE IF EXISTS pg_ddl_mood");
      await conn.execDriverSql("DROP SCHEMA IF EXISTS alk_ddl_schema CASCADE");
    });
    log.length = 0;
  });

  const statements = (): string[] =>
    log.filter((line, i) => log[i + 1]?.startsWith("[no key") === true).map((line) => line.trim().split("\n")[0] as string);

  function moodMetadata() {
    const metadata = MetaData();
    const mood = sa.Enum(["happy", "sad"], { name: "pg_ddl_mood" });
    const person = Table("pg_ddl_person", metadata, Column("id", Integer, { primaryKey: true }), Column("mood", mood, { nullable: false }));
    // A second table of the same enum: the type is created once, and dropped once.
    Table("pg_ddl_pet", metadata, Column("id", Integer, { primaryKey: true }), Column("mood", mood));
    return { metadata, person };
  }

  it("createAll creates a native enum's type before its tables, dropAll drops it after them", async () => {
    const { metadata, person } = moodMetadata();
    await metadata.createAll(engine);
    expect(statements()).toEqual(["CREATE TYPE pg_ddl_mood AS ENUM ('happy', 'sad')", "CREATE TABLE pg_ddl_person (", "CREATE TABLE pg_ddl_pet ("]);
    const moods = await engine.begin(async (conn) => {
      await conn.execute(sa.insert(person), [{ mood: "sad" }, { mood: "happy" }]);
      return (await conn.execute(sa.select(person.c.mood).orderBy(person.c.mood))).scalars().all();
    });
    // Sorted by the enum's order, not alphabetically: the column is the native type.
    expect(moods).toEqual(["happy", "sad"]);
    log.length = 0;
    await metadata.dropAll(engine);
    expect(statements()).toEqual(["DROP TABLE pg_ddl_pet", "DROP TABLE pg_ddl_person", "DROP TYPE pg_ddl_mood"]);
  });

  it("with checkfirst, an existing type is not created again and a missing one not dropped", async () => {
    const { metadata } = moodMetadata();
    await engine.begin((conn) => conn.execDriverSql("CREATE TYPE pg_ddl_mood AS ENUM ('happy', 'sad')"));
    log.length = 0;
    await metadata.createAll(engine);
    expect(statements()).toEqual(["CREATE TABLE pg_ddl_person (", "CREATE TABLE pg_ddl_pet ("]);
    log.length = 0;
    await metadata.createAll(engine);
    expect(statements()).toEqual([]);
    await engine.begin((conn) => conn.execDriverSql("DROP TABLE pg_ddl_pet, pg_ddl_person; DROP TYPE pg_ddl_mood"));
    log.length = 0;
    await metadata.dropAll(engine);
    expect(statements()).toEqual([]);
    await expect(metadata.dropAll(engine, { checkfirst: false })).rejects.toThrow(sa.ProgrammingError);
  });

  it("hasTable looks in the search path (temporary tables too) or in the schema given", async () => {
    await engine.connect(async (conn) => {
      await conn.execDriverSql("CREATE SCHEMA alk_ddl_schema");
      await conn.execDriverSql("CREATE TABLE alk_ddl_schema.pg_ddl_person (id int)");
      await conn.execDriverSql("CREATE TEMPORARY TABLE pg_ddl_pet (id int)");
      expect(await conn.dialect.hasTable(conn, "pg_ddl_person", "alk_ddl_schema")).toBe(true);
      expect(await conn.dialect.hasTable(conn, "pg_ddl_person", null)).toBe(false);
      expect(await conn.dialect.hasTable(conn, "pg_ddl_pet", null)).toBe(true);
      expect(await conn.dialect.hasTable(conn, "pg_ddl_pet", "public")).toBe(false);
      // Catalog tables are not the user's.
      expect(await conn.dialect.hasTable(conn, "pg_class", null)).toBe(false);
    });
    expect(log).toContain("[raw sql] ('pg_ddl_person', 'alk_ddl_schema')");
  });
});
