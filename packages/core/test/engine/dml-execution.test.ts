import { beforeEach, describe, expect, it } from "@jest/globals";
import {
  BindParameterError,
  Column,
  CompileError,
  createEngine,
  delete_,
  insert,
  Integer,
  InvalidRequestError,
  MetaData,
  String,
  Table,
  update,
  type Engine,
} from "../../src/index.js";
import {
  Dialect,
  ProgrammingError,
  registerDialect,
  type Compiled,
  type DBAPIError,
  type DialectCapabilities,
  type DriverConnection,
  type DriverResult,
  type ErrorContext,
} from "../../src/dialect.js";
import type { ClauseElement } from "../../src/sql/element.js";
import type { OrderedBatch } from "../../src/engine/insertmanyvalues.js";
import { longStatement, pageSize } from "../../src/engine/insertmanyvalues.js";

/** Everything the scripted database was asked, in order. */
const calls: { kind: string; sql: string; params: unknown }[] = [];

/**
 * A scripted database: an INSERT with RETURNING returns one row per VALUES row with
 * ids counting up from 100; anything else changes one row per parameter set and
 * reports lastInsertId 7.
 */
class ScriptedDriver implements DriverConnection {
  nextId = 100;

  async execute(sql: string, params: readonly unknown[]): Promise<DriverResult> {
    calls.push({ kind: "execute", sql, params });
    if (sql.includes("RETURNING")) {
      const rows = sql.includes("VALUES") ? sql.split("), (").length : 1;
      return { columns: ["id"], rows: Array.from({ length: rows }, () => [this.nextId++]), rowcount: -1 };
    }
    return { columns: null, rows: [], rowcount: 1, lastInsertId: 7 };
  }
  async executeMany(sql: string, paramSets: readonly (readonly unknown[])[]): Promise<DriverResult> {
    calls.push({ kind: "executeMany", sql, params: paramSets });
    return { columns: null, rows: [], rowcount: paramSets.length, lastInsertId: 7 };
  }
  async begin(): Promise<void> {
    calls.push({ kind: "begin", sql: "BEGIN", params: [] });
  }
  async commit(): Promise<void> {}
  async rollback(): Promise<void> {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

/** PostgreSQL-like by default: numbered placeholders, RETURNING everywhere, no usable lastInsertId. */
class ScriptedDialect extends Dialect {
  readonly name = "dmltest";
  readonly driver = "scripted";
  readonly paramStyle = "numeric_dollar";
  override readonly insertmanyvaluesMaxParameters: number | null;
  override readonly insertmanyvaluesPageSize: number;
  sentinel: ((rows: number) => OrderedBatch | null) | null = null;

  constructor(
    readonly capabilities: DialectCapabilities,
    limits: { maxParameters?: number | null; pageSize?: number } = {},
  ) {
    super();
    this.insertmanyvaluesMaxParameters = limits.maxParameters ?? null;
    this.insertmanyvaluesPageSize = limits.pageSize ?? 1000;
  }

  async connect(): Promise<DriverConnection> {
    return new ScriptedDriver();
  }

  mapError(error: unknown, context: ErrorContext): DBAPIError {
    return new ProgrammingError(`${error}`, context);
  }

  override sentinelOrderedBatch(_compiled: Compiled, _statement: ClauseElement, rows: number): OrderedBatch | null {
    return this.sentinel?.(rows) ?? null;
  }
}

const BASE: DialectCapabilities = {
  insertReturning: true,
  updateReturning: true,
  deleteReturning: true,
  savepoints: true,
  transactionalDdl: true,
  multiRowInsertReturning: true,
};

let nextDialect = new ScriptedDialect(BASE);
registerDialect("dmltest", "scripted", () => nextDialect);

function engineFor(dialect: ScriptedDialect): { engine: Engine; lines: string[] } {
  nextDialect = dialect;
  const lines: string[] = [];
  const engine = createEngine("dmltest+scripted://", { echo: true, logger: { info: (m) => lines.push(m) } });
  return { engine, lines };
}

const metadata = MetaData();
const users = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("fullname", String),
);
const seen: unknown[] = [];
const stamped = Table(
  "stamped",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("serial", Integer, {
    default: (ctx: { currentParameters: Record<string, unknown> }) => {
      seen.push(ctx.currentParameters);
      return seen.length;
    },
  }),
  Column("kind", String(10), { default: "plain", onUpdate: "changed" }),
);

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `u${i}`, fullname: `User ${i}` }));

beforeEach(() => {
  calls.length = 0;
  seen.length = 0;
});

describe("single-row INSERT: the inserted primary key", () => {
  it("is fetched with RETURNING where lastInsertId cannot tell it, and the result hides those rows", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE));
    const result = await engine.connect((conn) => conn.execute(insert(users).values({ name: "spongebob" })));
    expect(calls.map((c) => c.sql)).toEqual(["BEGIN", "INSERT INTO user_account (name) VALUES ($1) RETURNING user_account.id"]);
    expect(result.returnsRows).toBe(false);
    expect(result.rowcount).toBe(1);
    expect(`${result.insertedPrimaryKey}`).toBe("(100,)");
    expect(result.insertedPrimaryKey?._mapping).toEqual({ id: 100 });
    expect(`[${result.insertedPrimaryKeyRows.join(", ")}]`).toBe("[(100,)]");
  });

  it("is the dialect's lastInsertId where the dialect says it is reliable: no RETURNING", async () => {
    const { engine } = engineFor(new ScriptedDialect({ ...BASE, primaryKeyFromLastInsertId: true }));
    const result = await engine.connect((conn) => conn.execute(insert(users).values({ name: "spongebob" })));
    expect(calls[1]?.sql).toBe("INSERT INTO user_account (name) VALUES ($1)");
    expect(`${result.insertedPrimaryKey}`).toBe("(7,)");
  });

  it("is the given value when the statement or the parameters give one: no RETURNING", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE));
    const [fromValues, fromParams] = await engine.connect(async (conn) => [
      await conn.execute(insert(users).values({ id: 5, name: "a" })),
      await conn.execute(insert(users), { id: 6, name: "b" }),
    ]);
    expect(calls.slice(1).map((c) => c.sql)).toEqual([
      "INSERT INTO user_account (id, name) VALUES ($1, $2)",
      "INSERT INTO user_account (id, name) VALUES ($1, $2)",
    ]);
    expect(`${fromValues!.insertedPrimaryKey}`).toBe("(5,)");
    expect(`${fromParams!.insertedPrimaryKey}`).toBe("(6,)");
  });

  it("is null where nothing tells it: no RETURNING and no usable lastInsertId", async () => {
    const { engine } = engineFor(new ScriptedDialect({ ...BASE, insertReturning: false }));
    const result = await engine.connect((conn) => conn.execute(insert(users).values({ name: "a" })));
    expect(calls[1]?.sql).toBe("INSERT INTO user_account (name) VALUES ($1)");
    expect(`${result.insertedPrimaryKey}`).toBe("(None,)");
  });

  it("a statement printed for the dialect shows the RETURNING it will use, as SQLAlchemy's does", () => {
    expect(insert(users).values({ name: "a" }).compile({ dialect: new ScriptedDialect(BASE) }).sql).toBe(
      "INSERT INTO user_account (name) VALUES ($1) RETURNING user_account.id",
    );
  });

  it("is refused with RETURNING of the caller's own, and for UPDATE and DELETE", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE));
    const [returning, updated, deleted] = await engine.connect(async (conn) => [
      await conn.execute(insert(users).values({ name: "a" }).returning(users.c.id)),
      await conn.execute(update(users).values({ name: "a" })),
      await conn.execute(delete_(users)),
    ]);
    expect(() => returning!.insertedPrimaryKey).toThrow(InvalidRequestError);
    expect(() => returning!.insertedPrimaryKeyRows).toThrow(/Can't call insertedPrimaryKey when returning\(\) is used/);
    expect(() => updated!.insertedPrimaryKey).toThrow("Statement is not an insert() expression construct.");
    expect(() => deleted!.insertedPrimaryKeyRows).toThrow("Statement is not an insert() expression construct.");
  });
});

describe("INSERT with many parameter sets", () => {
  it("without RETURNING is one executemany; keys come from the parameters, generated ones unknown", async () => {
    const { engine, lines } = engineFor(new ScriptedDialect(BASE));
    const result = await engine.connect((conn) => conn.execute(insert(users), [{ name: "a" }, { name: "b" }]));
    expect(calls[1]).toEqual({ kind: "executeMany", sql: "INSERT INTO user_account (name) VALUES ($1)", params: [["a"], ["b"]] });
    expect(lines[2]).toMatch(/^\[generated in \d\.\d{5}s\] \[\('a',\), \('b',\)\]$/);
    expect(result.rowcount).toBe(2);
    expect(result.insertedPrimaryKeyRows.map((r) => `${r}`)).toEqual(["(None,)", "(None,)"]);
    expect(() => result.insertedPrimaryKey).toThrow(/executemany call \(2 parameter sets\); use insertedPrimaryKeyRows/);
  });

  it("with RETURNING goes in multi-row pages, logged as SQLAlchemy's insertmanyvalues", async () => {
    const { engine, lines } = engineFor(new ScriptedDialect(BASE, { pageSize: 2 }));
    const stmt = insert(users).returning(users.c.id);
    const result = await engine.connect((conn) => conn.execute(stmt, rows(5)));
    expect(result.all().map((r) => r.id)).toEqual([100, 101, 102, 103, 104]);
    expect(result.rowcount).toBe(5);
    const sent = calls.filter((c) => c.kind === "execute");
    expect(sent.map((c) => c.sql)).toEqual([
      "INSERT INTO user_account (name, fullname) VALUES ($1, $2), ($3, $4) RETURNING user_account.id",
      "INSERT INTO user_account (name, fullname) VALUES ($1, $2), ($3, $4) RETURNING user_account.id",
      "INSERT INTO user_account (name, fullname) VALUES ($1, $2) RETURNING user_account.id",
    ]);
    expect(sent[0]?.params).toEqual(["u0", "User 0", "u1", "User 1"]);
    expect(sent[2]?.params).toEqual(["u4", "User 4"]);
    expect(lines[0]).toBe("BEGIN (implicit)");
    expect(lines[1]).toBe(sent[0]?.sql);
    expect(lines[2]).toMatch(/^\[generated in \d\.\d{5}s \(insertmanyvalues\) 1\/3 \(unordered\)\] \('u0', 'User 0', 'u1', 'User 1'\)$/);
    expect(lines.slice(3)).toEqual([
      sent[1]?.sql,
      "[insertmanyvalues 2/3 (unordered)] ('u2', 'User 2', 'u3', 'User 3')",
      sent[2]?.sql,
      "[insertmanyvalues 3/3 (unordered)] ('u4', 'User 4')",
      "ROLLBACK",
    ]);
  });

  it("shrinks pages so that no statement exceeds the dialect's bind parameter limit", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE, { maxParameters: 7 }));
    await engine.connect((conn) => conn.execute(insert(users).returning(users.c.id), rows(8)));
    const sent = calls.filter((c) => c.kind === "execute").map((c) => (c.params as unknown[]).length);
    expect(sent).toEqual([6, 6, 4]);
    expect(Math.max(...sent)).toBeLessThanOrEqual(7);
  });

  it("a cached statement's first batch says so", async () => {
    const { engine, lines } = engineFor(new ScriptedDialect(BASE));
    const stmt = insert(users).returning(users.c.id);
    await engine.connect(async (conn) => {
      await conn.execute(stmt, rows(2));
      lines.length = 0;
      await conn.execute(stmt, rows(2));
    });
    expect(lines[1]).toMatch(/^\[cached since \d.*s ago \(insertmanyvalues\) 1\/1 \(unordered\)\] \('u0', 'User 0', 'u1', 'User 1'\)$/);
  });

  it("in parameter order, where the database cannot promise it, goes one row a statement", async () => {
    const { engine, lines } = engineFor(new ScriptedDialect(BASE));
    const stmt = insert(users).returning(users.c.id, { sortByParameterOrder: true });
    const result = await engine.connect((conn) => conn.execute(stmt, rows(2)));
    expect(result.scalars().all()).toEqual([100, 101]);
    expect(lines.slice(1)).toEqual([
      "INSERT INTO user_account (name, fullname) VALUES ($1, $2) RETURNING user_account.id",
      expect.stringMatching(/^\[generated in \d\.\d{5}s \(insertmanyvalues\) 1\/2 \(ordered; batch not supported\)\] \('u0', 'User 0'\)$/),
      "INSERT INTO user_account (name, fullname) VALUES ($1, $2) RETURNING user_account.id",
      "[insertmanyvalues 2/2 (ordered; batch not supported)] ('u1', 'User 1')",
      "ROLLBACK",
    ]);
  });

  it("in parameter order, batched through the dialect's sentinel hook where it has one", async () => {
    const dialect = new ScriptedDialect({ ...BASE, sentinelOrdering: true });
    dialect.sentinel = (n) => ({
      sql: `INSERT INTO user_account (name, fullname) VALUES ${Array.from({ length: n }, () => "(?)").join(", ")} RETURNING user_account.id`,
      order: (got) => [...got].reverse(),
    });
    const { engine, lines } = engineFor(dialect);
    const result = await engine.connect((conn) => conn.execute(insert(users).returning(users.c.id, { sortByParameterOrder: true }), rows(3)));
    expect(result.scalars().all()).toEqual([102, 101, 100]);
    expect(calls.filter((c) => c.kind === "execute")).toHaveLength(1);
    expect(lines[2]).toMatch(/\(insertmanyvalues\) 1\/1 \(ordered\)\] \('u0', 'User 0', 'u1', 'User 1', 'u2', 'User 2'\)$/);
  });

  it("without multi-row RETURNING, goes one row a statement", async () => {
    const { engine, lines } = engineFor(new ScriptedDialect({ ...BASE, multiRowInsertReturning: false }));
    await engine.connect((conn) => conn.execute(insert(users).returning(users.c.id), rows(2)));
    expect(calls.filter((c) => c.kind === "execute")).toHaveLength(2);
    expect(lines[4]).toBe("[insertmanyvalues 2/2 (unordered; batch not supported)] ('u1', 'User 1')");
  });

  it("checks every parameter set before anything is sent", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE));
    const bad = [{ name: "a" }, { name: "b" }, { name: undefined }];
    await expect(engine.connect((conn) => conn.execute(insert(users).returning(users.c.id), bad))).rejects.toThrow(BindParameterError);
    await expect(engine.connect((conn) => conn.execute(insert(users), [{ name: "a" }, { name: "b", nick: "c" }]))).rejects.toThrow(
      /Unexpected bind parameter 'nick'/,
    );
    expect(calls).toEqual([]);
  });
});

describe("client-side defaults", () => {
  it("are computed once per row, functions given the row's parameters", async () => {
    const { engine } = engineFor(new ScriptedDialect({ ...BASE, primaryKeyFromLastInsertId: true }));
    await engine.connect((conn) => conn.execute(insert(stamped), [{ name: "a" }, { name: "b" }]));
    expect(calls[1]).toEqual({
      kind: "executeMany",
      sql: "INSERT INTO stamped (name, serial, kind) VALUES ($1, $2, $3)",
      params: [
        ["a", 1, "plain"],
        ["b", 2, "plain"],
      ],
    });
    expect(seen).toEqual([{ name: "a" }, { name: "b" }]);
  });

  it("onUpdate applies to UPDATE, and a value given in the statement wins", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE));
    await engine.connect(async (conn) => {
      await conn.execute(update(stamped).values({ name: "x" }).where(stamped.c.id.eq(1)));
      await conn.execute(update(stamped).values({ name: "x", kind: "mine" }));
    });
    expect(calls.slice(1).map((c) => [c.sql, c.params])).toEqual([
      ["UPDATE stamped SET name=$1, kind=$2 WHERE stamped.id = $3", ["x", "changed", 1]],
      ["UPDATE stamped SET name=$1, kind=$2", ["x", "mine"]],
    ]);
  });
});

describe("UPDATE and DELETE execution", () => {
  it("executemany with parameters that name columns and bindparams", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE));
    const { bindparam } = await import("../../src/index.js");
    const stmt = update(users).where(users.c.id.eq(bindparam("b_id")));
    const result = await engine.connect((conn) => conn.execute(stmt, [{ b_id: 1, name: "x" }, { b_id: 2, name: "y" }]));
    expect(calls[1]).toEqual({
      kind: "executeMany",
      sql: "UPDATE user_account SET name=$1 WHERE user_account.id = $2",
      params: [
        ["x", 1],
        ["y", 2],
      ],
    });
    expect(result.rowcount).toBe(2);
  });

  it("RETURNING on a dialect without it fails before anything is sent", async () => {
    const { engine } = engineFor(new ScriptedDialect({ ...BASE, updateReturning: false }));
    const stmt = update(users).values({ name: "x" }).returning(users.c.id);
    await expect(engine.connect((conn) => conn.execute(stmt))).rejects.toThrow(CompileError);
    await expect(engine.connect((conn) => conn.execute(stmt))).rejects.toThrow(
      "The dmltest dialect does not support UPDATE ... RETURNING (capabilities.updateReturning is false); run a SELECT for the rows instead.",
    );
    expect(calls).toEqual([]);
  });

  it("a statement with RETURNING whose driver does not count rows reports the rows returned", async () => {
    const { engine } = engineFor(new ScriptedDialect(BASE));
    const result = await engine.connect((conn) => conn.execute(delete_(users).returning(users.c.id)));
    expect(result.rowcount).toBe(1);
    expect(result.scalars().all()).toEqual([100]);
  });
});

describe("insertmanyvalues helpers", () => {
  it("pageSize: the page size, bounded by the parameter limit, at least one row", () => {
    const dialect = new ScriptedDialect(BASE, { maxParameters: 32766 });
    expect(pageSize(dialect, 2, 0)).toBe(1000);
    expect(pageSize(dialect, 40, 0)).toBe(819);
    expect(pageSize(dialect, 40, 6)).toBe(819);
    expect(pageSize(dialect, 40000, 0)).toBe(1);
    expect(pageSize(new ScriptedDialect(BASE), 40, 0)).toBe(1000);
  });

  it("longStatement: past 500 characters, the first 250 and last 100 around a count", () => {
    const long = "a".repeat(300) + "b".repeat(300);
    expect(longStatement("short")).toBe("short");
    expect(longStatement(long)).toBe(`${"a".repeat(250)} ... 250 characters truncated ... ${"b".repeat(100)}`);
    expect(longStatement("x".repeat(500))).toBe("x".repeat(500));
  });
});
