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
// (unlike SQLite), and whose `existing` tables are what hasTable finds.

const existing = new Set<string>();
/** What reached the driver; the pool's reset-on-return rollbacks are left out. */
const driverCalls: string[] = [];
let inTransaction = false;

class ScriptedDriver implements DriverConnection {
  async execute(sql: string): Promise<DriverResult> {
    driverCalls.push(sql);
    const probe = /^HAS TABLE (\w+)$/.exec(sql);
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

registerDialect("ddlalter", "scripted", () => new AlterDialect());
registerDialect("ddlnoreflect", "scripted", () => new NoReflectionDialect());

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
