import { describe, expect, it } from "@jest/globals";
import {
  AddConstraint,
  Boolean,
  CheckConstraint,
  Column,
  createEngine,
  CreateIndex,
  CreateTable,
  DateTime,
  ForeignKey,
  Index,
  Integer,
  IntegrityError,
  MetaData,
  String,
  Table,
  text,
  type Engine,
} from "@alkahest/core";
import { SQLiteDialect } from "@alkahest/sqlite";

const dialect = new SQLiteDialect();
const compile = (element: CreateTable | CreateIndex | AddConstraint): string => element.compile({ dialect }).sql;

/** The seed notebook's MetaData (cells In [8], In [9], In [13]). */
function seedMetadata() {
  const metadata = MetaData();
  Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30)), Column("fullname", String));
  Table(
    "address",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
    Column("email_address", String, { nullable: false }),
  );
  return metadata;
}

function memoryEngine(): { engine: Engine; log: string[] } {
  const log: string[] = [];
  const engine = createEngine("sqlite+better-sqlite3:///:memory:", { echo: true, logger: { info: (line) => log.push(line) } });
  return { engine, log };
}

describe("SQLite DDL", () => {
  it("In [14]: createAll logs the seed's lines, line for line", async () => {
    const { engine, log } = memoryEngine();
    await seedMetadata().createAll(engine);
    await engine.dispose();
    expect(log.map((line) => line.replace(/\[no key \d\.\d{5}s\]/, "[no key]"))).toEqual([
      "BEGIN (implicit)",
      'PRAGMA main.table_info("user_account")',
      "[raw sql] ()",
      'PRAGMA temp.table_info("user_account")',
      "[raw sql] ()",
      'PRAGMA main.table_info("address")',
      "[raw sql] ()",
      'PRAGMA temp.table_info("address")',
      "[raw sql] ()",
      "\nCREATE TABLE user_account (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(30), \n\tfullname VARCHAR, \n\tPRIMARY KEY (id)\n)\n\n",
      "[no key] ()",
      "\nCREATE TABLE address (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\temail_address VARCHAR NOT NULL, \n" +
        "\tPRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES user_account (id)\n)\n\n",
      "[no key] ()",
      "COMMIT",
    ]);
    expect(log[10]).toMatch(/^\[no key \d\.\d{5}s\] \(\)$/);
  });

  it("In [19]: a second createAll finds both tables in main and creates nothing", async () => {
    const { engine, log } = memoryEngine();
    const metadata = seedMetadata();
    await metadata.createAll(engine);
    log.length = 0;
    await metadata.createAll(engine);
    expect(log).toEqual([
      "BEGIN (implicit)",
      'PRAGMA main.table_info("user_account")',
      "[raw sql] ()",
      'PRAGMA main.table_info("address")',
      "[raw sql] ()",
      "COMMIT",
    ]);
    await engine.dispose();
  });

  it("the tables exist and the foreign key is enforced; dropAll drops them, dependents first", async () => {
    const { engine, log } = memoryEngine();
    const metadata = seedMetadata();
    await metadata.createAll(engine);
    await expect(
      engine.begin((conn) => conn.execute(text("INSERT INTO address (user_id, email_address) VALUES (42, 'x@example.com')"))),
    ).rejects.toThrow(IntegrityError);
    log.length = 0;
    await metadata.dropAll(engine);
    expect(log.filter((line) => line.includes("DROP"))).toEqual(["\nDROP TABLE address", "\nDROP TABLE user_account"]);
    const names = await engine.connect(async (conn) =>
      (await conn.execDriverSql("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars().all(),
    );
    expect(names).toEqual([]);
    await engine.dispose();
  });

  it("table.create / table.drop: one table, no check unless asked", async () => {
    const { engine, log } = memoryEngine();
    const users = seedMetadata().tables.get("user_account")!;
    await users.create(engine);
    expect(log.filter((line) => line.startsWith("PRAGMA"))).toEqual([]);
    await expect(users.create(engine)).rejects.toThrow(/table user_account already exists/);
    await users.create(engine, { checkfirst: true });
    await users.drop(engine);
    expect(log.filter((line) => /CREATE|DROP/.test(line)).map((line) => line.trim().split(" (")[0])).toEqual([
      "CREATE TABLE user_account",
      "CREATE TABLE user_account",
      "DROP TABLE user_account",
    ]);
    await engine.dispose();
  });

  it("hasTable finds temporary tables through PRAGMA temp", async () => {
    const { engine } = memoryEngine();
    const found = await engine.connect(async (conn) => {
      await conn.execDriverSql("CREATE TEMP TABLE scratch (x INTEGER)");
      return [await dialect.hasTable(conn, "scratch", null), await dialect.hasTable(conn, "nothing", null)];
    });
    expect(found).toEqual([true, false]);
    await engine.dispose();
  });

  it("expression defaults go in parentheses; literals and bare keywords do not", () => {
    const t = Table(
      "event",
      MetaData(),
      Column("id", Integer, { primaryKey: true }),
      Column("at", DateTime, { serverDefault: text("datetime('now')") }),
      Column("stamp", DateTime, { serverDefault: text("CURRENT_TIMESTAMP") }),
      Column("kind", String(10), { serverDefault: "note" }),
      Column("done", Boolean, { serverDefault: text("0") }),
    );
    expect(compile(new CreateTable(t))).toBe(
      "\nCREATE TABLE event (\n\tid INTEGER NOT NULL, \n\tat DATETIME DEFAULT (datetime('now')), \n\tstamp DATETIME DEFAULT CURRENT_TIMESTAMP, \n" +
        "\tkind VARCHAR(10) DEFAULT 'note', \n\tdone BOOLEAN DEFAULT 0, \n\tPRIMARY KEY (id)\n)\n\n",
    );
  });

  it("values inside DDL expressions are SQLite literals: booleans as 1/0", () => {
    const t = Table("flagged", MetaData(), Column("flag", Boolean), Column("n", Integer));
    t.appendConstraint(CheckConstraint(t.c.flag.ne(false)));
    expect(compile(new CreateTable(t))).toBe("\nCREATE TABLE flagged (\n\tflag BOOLEAN, \n\tn INTEGER, \n\tCHECK (flag != 0)\n)\n\n");
  });

  it("schemas are attached databases: the index name carries the schema, a foreign key's table does not", () => {
    const metadata = MetaData();
    Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), { schema: "aux" });
    const address = Table("address", metadata, Column("user_id", ForeignKey("aux.user_account.id")), { schema: "aux" });
    const index = Index("ix_address_user_id", address.c.user_id);
    expect(compile(new CreateIndex(index))).toBe("CREATE INDEX aux.ix_address_user_id ON address (user_id)");
    expect(compile(new CreateTable(address))).toBe(
      "\nCREATE TABLE aux.address (\n\tuser_id INTEGER, \n\tFOREIGN KEY(user_id) REFERENCES user_account (id)\n)\n\n",
    );
    // A foreign key into another attached database cannot be declared: it is left out.
    const local = Table("note", metadata, Column("user_id", ForeignKey("aux.user_account.id")));
    expect(compile(new CreateTable(local))).toBe("\nCREATE TABLE note (\n\tuser_id INTEGER\n)\n\n");
  });

  it("without ALTER, a useAlter foreign key stays in CREATE TABLE, and a cycle broken by it is created", async () => {
    const { engine, log } = memoryEngine();
    const metadata = MetaData();
    const a = Table(
      "a",
      metadata,
      Column("id", Integer, { primaryKey: true }),
      Column("b_id", ForeignKey("b.id", { useAlter: true, name: "fk_a_b" })),
    );
    Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    expect(compile(new CreateTable(a))).toBe(
      "\nCREATE TABLE a (\n\tid INTEGER NOT NULL, \n\tb_id INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT fk_a_b FOREIGN KEY(b_id) REFERENCES b (id)\n)\n\n",
    );
    await metadata.createAll(engine, { checkfirst: false });
    expect(log.filter((line) => /CREATE|ALTER/.test(line)).map((line) => line.trim().split(" (")[0])).toEqual([
      "CREATE TABLE a",
      "CREATE TABLE b",
    ]);
    await expect(
      engine.begin((conn) => conn.execute(text("INSERT INTO a (id, b_id) VALUES (1, 99)"))),
    ).rejects.toThrow(IntegrityError);
    await metadata.dropAll(engine);
    await engine.dispose();
  });

  it("createAll creates each table's indexes after it; a unique index is enforced", async () => {
    const { engine, log } = memoryEngine();
    const metadata = MetaData();
    Table("account", metadata, Column("id", Integer, { primaryKey: true }), Column("email", String(50), { index: true, unique: true }));
    await metadata.createAll(engine);
    expect(log.filter((line) => line.includes("INDEX"))).toEqual(["CREATE UNIQUE INDEX ix_account_email ON account (email)"]);
    await expect(
      engine.begin((conn) => conn.execute(text("INSERT INTO account (email) VALUES ('a@x'), ('a@x')"))),
    ).rejects.toThrow(IntegrityError);
    await engine.dispose();
  });
});
