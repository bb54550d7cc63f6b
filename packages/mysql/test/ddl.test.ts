import * as sa from "@alkahest/core";
import {
  AddConstraint,
  CheckConstraint,
  Column,
  CompileError,
  CreateIndex,
  CreateTable,
  DropConstraint,
  DropIndex,
  ForeignKey,
  func,
  Index,
  Integer,
  IntegrityError,
  MetaData,
  String,
  Table,
  text,
  UniqueConstraint,
} from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { MySQLDialect, parseServerVersion } from "@alkahest/mysql";
import { describeServer } from "./server.js";

const mysql = new MySQLDialect("mysql");
mysql.initialize(parseServerVersion("8.4.0"));
const mariadb = new MySQLDialect("mariadb");
mariadb.initialize(parseServerVersion("10.11.19-MariaDB"));
const compile = (element: sa.Executable, dialect = mysql): string => element.compile({ dialect }).sql;

/** The seed notebook's tables, with what MySQL renders differently. */
function shopSchema(metadata = MetaData()) {
  const shop = Table(
    "shop",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("name", String(30), { nullable: false, index: true, comment: "the shop's name" }),
    Column("opened", sa.DateTime, { serverDefault: func.now() }),
    Column("status", String(10), { serverDefault: "draft" }),
    Column("open", sa.Boolean, { serverDefault: text("1") }),
    { comment: "shops" },
  );
  const item = Table(
    "item",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("shop_id", ForeignKey("shop.id", { onDelete: "CASCADE", name: "fk_item_shop" }), { nullable: false }),
    Column("sku", String(20), { nullable: false }),
    Column("qty", Integer, { nullable: false }),
    CheckConstraint("qty >= 0", { name: "ck_item_qty" }),
    UniqueConstraint("shop_id", "sku", { name: "uq_item_sku" }),
  );
  return { metadata, shop, item };
}

describe("MySQL CREATE TABLE", () => {
  it("AUTO_INCREMENT on the autoincrement key; NOT NULL, COMMENT, then DEFAULT, as SQLAlchemy lays them out", () => {
    const { shop } = shopSchema();
    expect(compile(new CreateTable(shop))).toBe(
      "\nCREATE TABLE shop (\n" +
        "\tid INTEGER NOT NULL AUTO_INCREMENT, \n" +
        "\tname VARCHAR(30) NOT NULL COMMENT 'the shop''s name', \n" +
        "\topened DATETIME(6) DEFAULT (now()), \n" +
        "\tstatus VARCHAR(10) DEFAULT 'draft', \n" +
        "\topen BOOL DEFAULT 1, \n" +
        "\tPRIMARY KEY (id)\n" +
        ")COMMENT='shops'\n\n",
    );
  });

  it("constraints inline: CHECK, UNIQUE, FOREIGN KEY with its actions", () => {
    const { item } = shopSchema();
    expect(compile(new CreateTable(item))).toBe(
      "\nCREATE TABLE item (\n" +
        "\tid INTEGER NOT NULL AUTO_INCREMENT, \n" +
        "\tshop_id INTEGER NOT NULL, \n" +
        "\tsku VARCHAR(20) NOT NULL, \n" +
        "\tqty INTEGER NOT NULL, \n" +
        "\tPRIMARY KEY (id), \n" +
        "\tCONSTRAINT ck_item_qty CHECK (qty >= 0), \n" +
        "\tCONSTRAINT uq_item_sku UNIQUE (shop_id, sku), \n" +
        "\tCONSTRAINT fk_item_shop FOREIGN KEY(shop_id) REFERENCES shop (id) ON DELETE CASCADE\n" +
        ")\n\n",
    );
  });

  it("a composite key has no AUTO_INCREMENT; a key given autoincrement: false neither", () => {
    const metadata = MetaData();
    const pair = Table("pair", metadata, Column("a", Integer, { primaryKey: true }), Column("b", Integer, { primaryKey: true }));
    const given = Table("given", metadata, Column("id", Integer, { primaryKey: true, autoincrement: false }));
    expect(compile(new CreateTable(pair))).toContain("\ta INTEGER NOT NULL, \n\tb INTEGER NOT NULL, \n\tPRIMARY KEY (a, b)");
    expect(compile(new CreateTable(given))).toContain("\tid INTEGER NOT NULL, \n");
  });

  it("reserved words and odd names are quoted with backticks", () => {
    const metadata = MetaData();
    const order = Table("order", metadata, Column("id", Integer, { primaryKey: true }), Column("key", String(5)), Column("a`b", Integer));
    expect(compile(new CreateTable(order))).toBe(
      "\nCREATE TABLE `order` (\n\tid INTEGER NOT NULL AUTO_INCREMENT, \n\t`key` VARCHAR(5), \n\t`a``b` INTEGER, \n\tPRIMARY KEY (id)\n)\n\n",
    );
  });

  it("a function default is written without parentheses before MySQL 8.0.13", () => {
    const old = new MySQLDialect("mysql");
    old.initialize(parseServerVersion("8.0.12"));
    expect(compile(new CreateTable(shopSchema().shop), old)).toContain("\topened DATETIME(6) DEFAULT now(), \n");
  });

  it("string literals escape backslashes, unless the server's sql_mode has NO_BACKSLASH_ESCAPES", () => {
    const t = Table("paths", MetaData(), Column("dir", String(20), { serverDefault: "C:\\tmp" }), Column("kind", sa.Enum("a\\b")));
    expect(compile(new CreateTable(t))).toContain("\tdir VARCHAR(20) DEFAULT 'C:\\\\tmp', \n\tkind ENUM('a\\\\b')");
    const ansi = new MySQLDialect("mysql");
    ansi.initialize(parseServerVersion("8.4.0"), false);
    expect(compile(new CreateTable(t), ansi)).toContain("\tdir VARCHAR(20) DEFAULT 'C:\\tmp', \n\tkind ENUM('a\\b')");
  });

  it("a String without length fails naming the table, the column and the fix", () => {
    const t = Table("notes", MetaData(), Column("id", Integer, { primaryKey: true }), Column("body", String));
    expect(() => compile(new CreateTable(t))).toThrow(CompileError);
    expect(() => compile(new CreateTable(t))).toThrow(
      "(in table 'notes', column 'body'): VARCHAR requires a length on dialect mysql: give the column a length, e.g. String(30)",
    );
  });

  it("generated names longer than 64 characters are shortened, stably", () => {
    const metadata = MetaData();
    const name = "a_table_with_a_name_long_enough_to_push_the_index_name_over_the_limit";
    const t = Table(name, metadata, Column("id", Integer, { primaryKey: true }), Column("value", Integer, { index: true }));
    const sql = compile(new CreateIndex([...t.indexes][0]!));
    const indexName = /CREATE INDEX (\S+) ON/.exec(sql)?.[1] ?? "";
    // SQLAlchemy's shortening: the first 56 characters, "_", the md5's last 4 hex digits.
    expect(indexName).toBe("ix_a_table_with_a_name_long_enough_to_push_the_index_nam_bdda");
  });
});

describe("MySQL indexes and ALTER TABLE", () => {
  const { shop, item } = shopSchema();

  it("CREATE INDEX; DROP INDEX names its table", () => {
    const [index] = [...shop.indexes];
    expect(compile(new CreateIndex(index!))).toBe("CREATE INDEX ix_shop_name ON shop (name)");
    expect(compile(new DropIndex(index!))).toBe("\nDROP INDEX ix_shop_name ON shop");
    expect(compile(new DropIndex(index!, { ifExists: true }), mariadb)).toBe("\nDROP INDEX IF EXISTS ix_shop_name ON shop");
  });

  it("an expression is a functional key part, in its own parentheses; DESC columns are not", () => {
    const index = Index("ix_shop_lower", func.lower(shop.c.name), shop.c.id.desc(), { unique: true });
    expect(compile(new CreateIndex(index))).toBe("CREATE UNIQUE INDEX ix_shop_lower ON shop ((lower(name)), id DESC)");
  });

  it("each kind of constraint is dropped its own way", () => {
    const byKind = new Map([...item.constraints].map((c) => [c.conventionKey, c]));
    expect(compile(new DropConstraint(byKind.get("fk")!))).toBe("ALTER TABLE item DROP FOREIGN KEY fk_item_shop");
    expect(compile(new DropConstraint(byKind.get("uq")!))).toBe("ALTER TABLE item DROP INDEX uq_item_sku");
    expect(compile(new DropConstraint(byKind.get("pk")!))).toBe("ALTER TABLE item DROP PRIMARY KEY");
    expect(compile(new DropConstraint(byKind.get("ck")!))).toBe("ALTER TABLE item DROP CHECK ck_item_qty");
    expect(compile(new DropConstraint(byKind.get("ck")!), mariadb)).toBe("ALTER TABLE item DROP CONSTRAINT ck_item_qty");
    expect(compile(new AddConstraint(byKind.get("fk")!))).toBe(
      "ALTER TABLE item ADD CONSTRAINT fk_item_shop FOREIGN KEY(shop_id) REFERENCES shop (id) ON DELETE CASCADE",
    );
  });
});

describeServer("MySQL DDL against the server", (db) => {
  it("createAll with checkfirst asks DESCRIBE for each table, then creates them parents first", async () => {
    const log: string[] = [];
    const engine = db.engine({ echo: true, logger: { info: (line) => log.push(line) } });
    const { metadata } = shopSchema();
    await metadata.createAll(engine);
    try {
      const lines = log.map((line) => line.replace(/\[no key \d\.\d{5}s\]/, "[no key]"));
      expect(lines.slice(0, 5)).toEqual(["BEGIN (implicit)", "DESCRIBE `shop`", "[raw sql] ()", "DESCRIBE `item`", "[raw sql] ()"]);
      expect(lines.filter((l) => /^(CREATE|ALTER)/.test(l.trim()))).toEqual([
        expect.stringMatching(/^\nCREATE TABLE shop/),
        "CREATE INDEX ix_shop_name ON shop (name)",
        expect.stringMatching(/^\nCREATE TABLE item/),
      ]);
      expect(await engine.connect((conn) => conn.dialect.hasTable(conn, "item", null))).toBe(true);
      expect(await engine.connect((conn) => conn.dialect.hasTable(conn, "item", db.name))).toBe(true);
      expect(await engine.connect((conn) => conn.dialect.hasTable(conn, "item", "no_such_database"))).toBe(false);
      // The AUTO_INCREMENT key, the function default and the comment are the server's.
      await engine.begin((conn) => conn.execute(sa.insert(metadata.tables.get("shop")!).values({ name: "corner" })));
      const row = await engine.connect(async (conn) =>
        (await conn.execDriverSql("SELECT id, opened IS NOT NULL, status, `open` FROM shop")).one()._tuple(),
      );
      expect(row).toEqual([1, 1, "draft", 1]);
      const comment = await engine.connect(async (conn) =>
        (await conn.execDriverSql("SELECT column_comment FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'name'")).scalar(),
      );
      expect(comment).toBe("the shop's name");
    } finally {
      await metadata.dropAll(engine);
    }
  });

  it("hasTable sees a TEMPORARY table, which information_schema would not", async () => {
    await db.engine().connect(async (conn) => {
      await conn.execDriverSql("CREATE TEMPORARY TABLE scratch (x INT)");
      expect(await conn.dialect.hasTable(conn, "scratch", null)).toBe(true);
      expect(await conn.dialect.hasTable(conn, "no_such_table", null)).toBe(false);
    });
  });

  it("constraints dropped with the server's syntax: the CHECK and the UNIQUE stop applying", async () => {
    const engine = db.engine();
    const { metadata, item } = shopSchema();
    await metadata.createAll(engine);
    try {
      const byKind = new Map([...item.constraints].map((c) => [c.conventionKey, c]));
      await engine.begin(async (conn) => {
        await conn.execute(text("INSERT INTO shop (id, name) VALUES (1, 'corner')"));
        await conn.execute(text("INSERT INTO item (shop_id, sku, qty) VALUES (1, 'a', 1)"));
      });
      const negative = engine.begin((conn) => conn.execute(text("INSERT INTO item (shop_id, sku, qty) VALUES (1, 'b', -1)")));
      await expect(negative).rejects.toThrow(IntegrityError);
      // The foreign key first: it needs an index on shop_id, which the UNIQUE one is.
      for (const kind of ["ck", "fk", "uq"]) await engine.begin((conn) => conn.execute(new DropConstraint(byKind.get(kind as "ck")!)));
      await engine.begin((conn) => conn.execute(text("INSERT INTO item (shop_id, sku, qty) VALUES (1, 'a', -1), (99, 'a', 0)")));
    } finally {
      await metadata.dropAll(engine);
    }
  });

  it("a useAlter foreign key is added after both tables and dropped before them", async () => {
    const log: string[] = [];
    const engine = db.engine({ echo: true, logger: { info: (line) => log.push(line) } });
    const metadata = MetaData();
    Table("dept", metadata, Column("id", Integer, { primaryKey: true }), Column("head_id", ForeignKey("emp.id", { useAlter: true, name: "fk_dept_head" })));
    Table("emp", metadata, Column("id", Integer, { primaryKey: true }), Column("dept_id", ForeignKey("dept.id")));
    await metadata.createAll(engine);
    await metadata.dropAll(engine);
    expect(log.filter((l) => l.startsWith("ALTER TABLE"))).toEqual([
      "ALTER TABLE dept ADD CONSTRAINT fk_dept_head FOREIGN KEY(head_id) REFERENCES emp (id)",
      "ALTER TABLE dept DROP FOREIGN KEY fk_dept_head",
    ]);
  });

  it("a String without length fails before anything is sent", async () => {
    const log: string[] = [];
    const engine = db.engine({ echo: true, logger: { info: (line) => log.push(line) } });
    const metadata = MetaData();
    Table("notes", metadata, Column("id", Integer, { primaryKey: true }), Column("body", String));
    await expect(metadata.createAll(engine, { checkfirst: false })).rejects.toThrow(/column 'body'.*String\(30\)/);
    expect(log.filter((l) => l.includes("CREATE"))).toEqual([]);
  });
});
