import { beforeEach, describe, expect, it } from "@jest/globals";
import {
  CircularDependencyError,
  Column,
  CompileError,
  createEngine,
  ForeignKey,
  Integer,
  InvalidRequestError,
  MetaData,
  NoReferencedTableError,
  Sequence,
  String,
  Table,
  type Connection,
  type Engine,
} from "../../src/index.js";
import {
  Dialect,
  ProgrammingError,
  registerDialect,
  type DBAPIError,
  type DialectCapabilities,
  type DriverConnection,
  type DriverResult,
  type ErrorContext,
} from "../../src/dialect.js";

// createAll/dropAll against a scripted database that has ALTER TABLE ... ADD CONSTRAINT
// (unlike SQLite), and whose `existing` tables (and sequences) are what hasTable (and
// hasSequence) find.

const existing = new Set<string>();
/** What reached the driver; the pool's reset-on-return rollbacks are left out. */
const driverCalls: string[] = [];
let inTransaction = false;

class ScriptedDriver implements DriverConnection {
  async execute(sql: string): Promise<DriverResult> {
    driverCalls.push(sql);
    const probe = /^HAS (?:TABLE|SEQUENCE) (\w+)$/.exec(sql);
    if (probe !== null) return { columns: ["name"], rows: existing.has(probe[1]!) ? [[probe[1]]] : [], rowcount: -1 };
    return { columns: null, rows: [], rowcount: 0 };
  }
  async executeMany(): Promise<DriverResult> {
    throw new Error("not used");
  }
  async begin(): Promise<void> {
    driverCalls.push("BEGIN");
    inTransaction = true;
  }
  async commit(): Promise<void> {
    driverCalls.push("COMMIT");
    inTransaction = false;
  }
  async rollback(): Promise<void> {
    if (inTransaction) driverCalls.push("ROLLBACK");
    inTransaction = false;
  }
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

class AlterDialect extends Dialect {
  readonly name: string = "ddlalter";
  readonly driver = "scripted";
  readonly paramStyle = "qmark";
  readonly capabilities: DialectCapabilities = {
    insertReturning: false,
    updateReturning: false,
    deleteReturning: false,
    savepoints: true,
    transactionalDdl: true,
    alterConstraints: true,
  };
  async connect(): Promise<DriverConnection> {
    return new ScriptedDriver();
  }
  mapError(error: unknown, context: ErrorContext): DBAPIError {
    return new ProgrammingError(`${error}`, context);
  }
  override async hasTable(conn: Connection, tableName: string, _schema: string | null): Promise<boolean> {
    return (await conn.execDriverSql(`HAS TABLE ${tableName}`)).all().length > 0;
  }
}

/** A dialect that never implemented reflection. */
class NoReflectionDialect extends AlterDialect {
  override readonly name = "ddlnoreflect";
  override async hasTable(conn: Connection, tableName: string, schema: string | null): Promise<boolean> {
    return Dialect.prototype.hasTable.call(this, conn, tableName, schema);
  }
}

/** PostgreSQL-like: sequences, and comments set with COMMENT ON after CREATE TABLE. */
class SequenceDialect extends AlterDialect {
  override readonly name: string = "ddlseq";
  override readonly capabilities: DialectCapabilities = { ...new AlterDialect().capabilities, sequences: true, comments: true };
  override async hasSequence(conn: Connection, name: string, _schema: string | null): Promise<boolean> {
    return (await conn.execDriverSql(`HAS SEQUENCE ${name}`)).all().length > 0;
  }
}

/** MySQL-like: comments inside CREATE TABLE, no sequences. */
class InlineCommentDialect extends SequenceDialect {
  override readonly name = "ddlinline";
  override readonly capabilities: DialectCapabilities = { ...new AlterDialect().capabilities, comments: true, inlineComments: true };
}

/** A dialect with sequences that never implemented hasSequence. */
class NoHasSequenceDialect extends SequenceDialect {
  override readonly name = "ddlnohasseq";
  override async hasSequence(conn: Connection, name: string, schema: string | null): Promise<boolean> {
    return Dialect.prototype.hasSequence.call(this, conn, name, schema);
  }
}

registerDialect("ddlalter", "scripted", () => new AlterDialect());
registerDialect("ddlnoreflect", "scripted", () => new NoReflectionDialect());
registerDialect("ddlseq", "scripted", () => new SequenceDialect());
registerDialect("ddlinline", "scripted", () => new InlineCommentDialect());
registerDialect("ddlnohasseq", "scripted", () => new NoHasSequenceDialect());

/** Two tables whose foreign keys form a cycle, broken by a named useAlter key; an index. */
function cyclicSchema() {
  const metadata = MetaData();
  Table(
    "a",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("b_id", ForeignKey("b.id", { useAlter: true, name: "fk_a_b" })),
    Column("label", String(10), { index: true }),
  );
  Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
  return metadata;
}

function engineWithLog(url = "ddlalter://"): { engine: Engine; log: string[] } {
  const log: string[] = [];
  const engine = createEngine(url, { echo: true, logger: { info: (line) => log.push(line) } });
  return { engine, log };
}

/** Echo lines with timings masked, DDL whitespace collapsed. */
const shape = (log: readonly string[]): string[] =>
  log.map((line) => line.replace(/\d\.\d+s/, "Xs").replace(/\s*\n\s*/g, " ").trim());

beforeEach(() => {
  existing.clear();
  inTransaction = false;
  driverCalls.length = 0;
});

describe("metadata.createAll", () => {
  it("checks every table first, creates in dependency order with each table's indexes, then ALTERs in the useAlter keys", async () => {
    const { engine, log } = engineWithLog();
    await cyclicSchema().createAll(engine);
    expect(shape(log)).toEqual([
      "BEGIN (implicit)",
      "HAS TABLE a",
      "[raw sql] ()",
      "HAS TABLE b",
      "[raw sql] ()",
      "CREATE TABLE a ( id INTEGER NOT NULL, b_id INTEGER, label VARCHAR(10), PRIMARY KEY (id) )",
      "[no key Xs] ()",
      "CREATE INDEX ix_a_label ON a (label)",
      "[no key Xs] ()",
      "CREATE TABLE b ( id INTEGER NOT NULL, a_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(a_id) REFERENCES a (id) )",
      "[no key Xs] ()",
      "ALTER TABLE a ADD CONSTRAINT fk_a_b FOREIGN KEY(b_id) REFERENCES b (id)",
      "[no key Xs] ()",
      "COMMIT",
    ]);
  });

  it("checkfirst skips tables that exist; checkfirst: false asks nothing", async () => {
    const { engine } = engineWithLog();
    existing.add("a");
    const metadata = cyclicSchema();
    await metadata.createAll(engine);
    expect(driverCalls.filter((c) => /^\s*(CREATE|ALTER)/.test(c)).map((c) => c.trim().split("(")[0]!.trim())).toEqual([
      "CREATE TABLE b",
    ]);
    driverCalls.length = 0;
    await metadata.createAll(engine, { checkfirst: false, tables: [metadata.tables.get("b")!] });
    expect(driverCalls.map((c) => c.trim().split(" (")[0])).toEqual(["BEGIN", "CREATE TABLE b", "COMMIT"]);
  });

  it("on a Connection it runs in the connection's transaction and commits nothing", async () => {
    const { engine } = engineWithLog();
    await engine.connect(async (conn) => {
      await cyclicSchema().createAll(conn, { checkfirst: false });
      expect(driverCalls[0]).toBe("BEGIN");
      expect(driverCalls).not.toContain("COMMIT");
    });
    expect(driverCalls.at(-1)).toBe("ROLLBACK");
  });

  it("a foreign-key cycle without useAlter fails before anything reaches the database", async () => {
    const { engine } = engineWithLog();
    const metadata = MetaData();
    Table("a", metadata, Column("id", Integer, { primaryKey: true }), Column("b_id", ForeignKey("b.id")));
    Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    await expect(metadata.createAll(engine)).rejects.toThrow(CircularDependencyError);
    await expect(metadata.createAll(engine)).rejects.toThrow(/Can't create tables in foreign key order: .*a\(b_id\) -> b, b\(a_id\) -> a/);
    expect(driverCalls).toEqual([]);
  });

  it("a ForeignKey to a table missing from the MetaData fails before anything reaches the database", async () => {
    const { engine } = engineWithLog();
    const metadata = MetaData();
    Table("address", metadata, Column("user_id", ForeignKey("user_account.id")));
    await expect(metadata.createAll(engine)).rejects.toThrow(NoReferencedTableError);
    await expect(metadata.createAll(engine)).rejects.toThrow(/column 'address.user_id' could not find table 'user_account'/);
    expect(driverCalls).toEqual([]);
  });

  it("tables of another MetaData are refused", async () => {
    const { engine } = engineWithLog();
    const other = Table("x", MetaData(), Column("id", Integer));
    await expect(cyclicSchema().createAll(engine, { tables: [other] })).rejects.toThrow(/Table 'x' is not part of this MetaData/);
  });

  it("a dialect without hasTable says to pass checkfirst: false, which then works", async () => {
    const { engine } = engineWithLog("ddlnoreflect://");
    const metadata = cyclicSchema();
    await expect(metadata.createAll(engine)).rejects.toThrow(InvalidRequestError);
    await expect(metadata.createAll(engine)).rejects.toThrow(/does not implement hasTable\(\).*\{ checkfirst: false \}/);
    expect(driverCalls.filter((c) => c === "ROLLBACK")).toHaveLength(2);
    driverCalls.length = 0;
    await metadata.createAll(engine, { checkfirst: false });
    expect(driverCalls.filter((c) => c.includes("CREATE TABLE"))).toHaveLength(2);
  });
});

describe("metadata.dropAll", () => {
  it("drops the useAlter keys first, then the tables that exist, dependents first", async () => {
    const { engine } = engineWithLog();
    existing.add("a").add("b");
    await cyclicSchema().dropAll(engine);
    expect(driverCalls.map((c) => c.trim())).toEqual([
      "BEGIN",
      "HAS TABLE a",
      "HAS TABLE b",
      "ALTER TABLE a DROP CONSTRAINT fk_a_b",
      "DROP TABLE b",
      "DROP TABLE a",
      "COMMIT",
    ]);
  });

  it("checkfirst drops only what exists", async () => {
    const { engine } = engineWithLog();
    existing.add("b");
    const metadata = MetaData();
    Table("a", metadata, Column("id", Integer, { primaryKey: true }));
    Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    await metadata.dropAll(engine);
    expect(driverCalls.filter((c) => c.includes("DROP")).map((c) => c.trim())).toEqual(["DROP TABLE b"]);
  });

  it("an unnamed useAlter key cannot be dropped: a CompileError before any DROP", async () => {
    const { engine } = engineWithLog();
    const metadata = MetaData();
    Table("a", metadata, Column("id", Integer, { primaryKey: true }), Column("b_id", ForeignKey("b.id", { useAlter: true })));
    Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    await expect(metadata.dropAll(engine, { checkfirst: false })).rejects.toThrow(CompileError);
    await expect(metadata.dropAll(engine, { checkfirst: false })).rejects.toThrow(/useAlter foreign key of a\(b_id\): it has no name/);
    expect(driverCalls.filter((c) => c.includes("DROP"))).toEqual([]);
  });
});

/** A table numbered by a sequence, with comments, and a standalone sequence of the MetaData. */
function schema() {
  const metadata = MetaData();
  const orderNo = Sequence("order_no", { metadata, start: 1000 });
  const users = Table(
    "users",
    metadata,
    Column("id", Integer, Sequence("user_id_seq"), { primaryKey: true }),
    Column("name", String(30), { comment: "the user's name" }),
    { comment: "people" },
  );
  return { metadata, orderNo, users };
}

const engine = (url: string): Engine => createEngine(url);
/** The DDL and probes that reached the database, each on one line, without BEGIN and COMMIT. */
const ddl = (): string[] =>
  driverCalls.map((sql) => sql.trim().replace(/\s*\n\s*/g, " ")).filter((sql) => /^(HAS|CREATE|DROP|COMMENT|ALTER)/.test(sql));

describe("createAll / dropAll with sequences", () => {
  it("creates the standalone sequences, then each table's column sequences, before CREATE TABLE; comments after it", async () => {
    await schema().metadata.createAll(engine("ddlseq://"));
    expect(ddl()).toEqual([
      "HAS TABLE users",
      "HAS SEQUENCE order_no",
      "CREATE SEQUENCE order_no START WITH 1000",
      "HAS SEQUENCE user_id_seq",
      "CREATE SEQUENCE user_id_seq",
      "CREATE TABLE users ( id INTEGER NOT NULL, name VARCHAR(30), PRIMARY KEY (id) )",
      "COMMENT ON TABLE users IS 'people'",
      "COMMENT ON COLUMN users.name IS 'the user''s name'",
    ]);
  });

  it("checkfirst skips sequences that exist; checkfirst: false asks nothing", async () => {
    existing.add("user_id_seq");
    const { metadata } = schema();
    await metadata.createAll(engine("ddlseq://"));
    expect(ddl().filter((sql) => sql.startsWith("CREATE"))).toEqual(["CREATE SEQUENCE order_no START WITH 1000", expect.stringMatching(/^CREATE TABLE users/)]);
    driverCalls.length = 0;
    await metadata.createAll(engine("ddlseq://"), { checkfirst: false });
    expect(ddl().map((sql) => sql.split(" (")[0])).toEqual([
      "CREATE SEQUENCE order_no START WITH 1000",
      "CREATE SEQUENCE user_id_seq",
      "CREATE TABLE users",
      "COMMENT ON TABLE users IS 'people'",
      "COMMENT ON COLUMN users.name IS 'the user''s name'",
    ]);
  });

  it("dropAll drops the tables, then their sequences, then the standalone ones, each only if it exists", async () => {
    existing.add("users").add("user_id_seq");
    await schema().metadata.dropAll(engine("ddlseq://"));
    expect(ddl()).toEqual([
      "HAS TABLE users",
      "DROP TABLE users",
      "HAS SEQUENCE user_id_seq",
      "DROP SEQUENCE user_id_seq",
      "HAS SEQUENCE order_no",
    ]);
  });

  it("with `tables` (and Table.create), only those tables' own sequences; Sequence.create / drop for one sequence", async () => {
    const { metadata, users, orderNo } = schema();
    await metadata.createAll(engine("ddlseq://"), { tables: [users], checkfirst: false });
    expect(ddl().filter((sql) => sql.includes("SEQUENCE"))).toEqual(["CREATE SEQUENCE user_id_seq"]);
    driverCalls.length = 0;
    await users.create(engine("ddlseq://"));
    expect(ddl().filter((sql) => sql.includes("SEQUENCE"))).toEqual(["CREATE SEQUENCE user_id_seq"]);
    driverCalls.length = 0;
    await orderNo.create(engine("ddlseq://"));
    await orderNo.drop(engine("ddlseq://"));
    expect(ddl()).toEqual(["HAS SEQUENCE order_no", "CREATE SEQUENCE order_no START WITH 1000", "HAS SEQUENCE order_no"]);
    driverCalls.length = 0;
    await Sequence("loose").create(engine("ddlseq://"), { checkfirst: false });
    expect(ddl()).toEqual(["CREATE SEQUENCE loose"]);
  });

  it("a database without sequences gets none, and inline comments get no COMMENT statements", async () => {
    await schema().metadata.createAll(engine("ddlinline://"));
    expect(ddl().map((sql) => sql.split(" (")[0])).toEqual(["HAS TABLE users", "CREATE TABLE users"]);
    driverCalls.length = 0;
    existing.add("users");
    await schema().metadata.dropAll(engine("ddlinline://"));
    expect(ddl()).toEqual(["HAS TABLE users", "DROP TABLE users"]);
  });

  it("a dialect without hasSequence says to pass checkfirst: false", async () => {
    await expect(schema().metadata.createAll(engine("ddlnohasseq://"))).rejects.toThrow(InvalidRequestError);
    await expect(schema().metadata.createAll(engine("ddlnohasseq://"))).rejects.toThrow(
      "The ddlnohasseq dialect does not implement hasSequence(), so it cannot check whether sequence 'order_no' exists. " +
        "Pass { checkfirst: false } to createAll()/dropAll(), or implement Dialect.hasSequence.",
    );
  });
});
