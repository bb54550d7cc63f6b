import { describe, expect, it } from "@jest/globals";
import {
  ArgumentError,
  createEngine,
  DataError,
  IntegrityError,
  OperationalError,
  ProgrammingError,
  text,
} from "@alkahest/core";
import { SQLiteDialect } from "@alkahest/sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDateTimeUTC as formatDateTime } from "@alkahest/core/dialect";

describe("SQLiteDialect", () => {
  const dialect = new SQLiteDialect();

  it("declares its identity and capabilities from the bundled SQLite", () => {
    expect([dialect.name, dialect.driver, dialect.paramStyle]).toEqual(["sqlite", "better-sqlite3", "qmark"]);
    expect(dialect.version[0]).toBe(3);
    expect(dialect.capabilities.insertReturning).toBe(true); // better-sqlite3 12 bundles SQLite >= 3.35
  });

  it("shares one connection for in-memory URLs and pools connections to files", () => {
    const url = (s: string) => createEngine(s).url;
    expect(dialect.poolPlan(url("sqlite://")).kind).toBe("static");
    expect(dialect.poolPlan(url("sqlite+better-sqlite3:///:memory:")).kind).toBe("static");
    expect(dialect.poolPlan(url("sqlite:///app.db")).kind).toBe("queue");
  });

  it("binds booleans as 0/1 and dates as SQLAlchemy's UTC text", () => {
    expect(dialect.bindValue(true)).toBe(1);
    expect(dialect.bindValue(false)).toBe(0);
    expect(dialect.bindValue(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 48)))).toBe("2025-11-13 11:19:23.048000");
    expect(dialect.bindValue("x")).toBe("x");
    expect(formatDateTime(new Date(Date.UTC(1999, 0, 2, 3, 4, 5, 600)))).toBe("1999-01-02 03:04:05.600000");
  });

  it("parses stored datetimes with and without fractions, and rejects garbage", () => {
    const result = dialect.processorsFor("datetime")!.result!;
    expect(result("2025-11-13 11:19:23.348000")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348)));
    expect(result("2025-11-13 11:19:23")).toEqual(new Date(Date.UTC(2025, 10, 13, 11, 19, 23)));
    expect(result("2025-11-13")).toEqual(new Date(Date.UTC(2025, 10, 13)));
    expect(result(null)).toBeNull();
    expect(() => result("yesterday")).toThrow(/Couldn't parse datetime string 'yesterday'/);
  });
});

describe("sqlite URLs", () => {
  it("rejects unknown URL options, naming the supported ones", async () => {
    const engine = createEngine("sqlite:///:memory:?journal=wal");
    await expect(engine.connect()).rejects.toThrow(ArgumentError);
    await expect(engine.connect()).rejects.toThrow(/Unknown sqlite URL option 'journal=wal'. Supported: timeout, mode/);
  });

  it("opens a relative or absolute file, and mode=ro opens it read-only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "alkahest-url-"));
    try {
      const file = join(dir, "app.db");
      const rw = createEngine(`sqlite:///${file}?timeout=1`);
      await rw.begin((conn) => conn.execute(text("CREATE TABLE t (x int)")));
      await rw.dispose();
      const ro = createEngine(`sqlite:///${file}?mode=ro`);
      await expect(ro.begin((conn) => conn.execute(text("INSERT INTO t VALUES (1)")))).rejects.toThrow(OperationalError);
      await expect(ro.begin((conn) => conn.execute(text("INSERT INTO t VALUES (1)")))).rejects.toThrow(/readonly/);
      await ro.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("driver errors", () => {
  const engine = createEngine("sqlite://");

  it.each([
    ["CREATE TABLE u (x int PRIMARY KEY); INSERT INTO u VALUES (1); INSERT INTO u VALUES (1)", IntegrityError],
    ["SELECT * FROM missing_table", OperationalError],
    ["SELECT ?", ProgrammingError],
  ] as const)("%s → %p", async (sql, errorClass) => {
    const statements = sql.split("; ");
    const error = await engine
      .connect(async (conn) => {
        for (const s of statements) await conn.execDriverSql(s);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect((error as Error).message).toContain(`[SQL: ${statements.at(-1)}]`);
  });

  it("a value the driver cannot bind is a ProgrammingError", async () => {
    const error = await engine.connect((conn) => conn.execute(text("SELECT :v"), { v: { a: 1 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgrammingError);
    expect(error).not.toBeInstanceOf(DataError);
  });
});

describe("prepared statements", () => {
  it("asks for the columns of SELECT * again after DDL on the connection", async () => {
    const engine = createEngine("sqlite://");
    const rows = await engine.connect(async (conn) => {
      await conn.execDriverSql("CREATE TABLE t (a INTEGER)");
      await conn.execDriverSql("INSERT INTO t VALUES (1)");
      const before = (await conn.execute(text("SELECT * FROM t"))).keys();
      await conn.execDriverSql("ALTER TABLE t ADD COLUMN b INTEGER");
      const after = (await conn.execute(text("SELECT * FROM t"))).one();
      return { before, after: after._mapping };
    });
    expect(rows.before).toEqual(["a"]);
    expect(rows.after).toEqual({ a: 1, b: null });
  });
});
