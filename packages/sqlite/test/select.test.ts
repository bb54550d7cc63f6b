import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  Column,
  createEngine,
  delete_,
  false_,
  ForeignKey,
  func,
  insert,
  Integer,
  MetaData,
  select,
  String,
  Table,
  true_,
  type Engine,
} from "@alkahest/core";
import { SQLiteDialect } from "@alkahest/sqlite";

// SQLite's SELECT SQL where it differs from the default, as SQLAlchemy's SQLite compiler
// renders it, and what it returns. `String` is the SQL type here.
const dialect = new SQLiteDialect();
const sqlite = (stmt: { compile(options: { dialect: SQLiteDialect }): { sql: string } }): string => stmt.compile({ dialect }).sql;

const metadata = MetaData();
const users = Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30)));
const addresses = Table(
  "address",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", ForeignKey("user_account.id")),
  Column("email_address", String),
);

describe("SQLite's SELECT SQL", () => {
  it("LIMIT before OFFSET, each bound: -1 for no limit, 0 for no offset", () => {
    expect(sqlite(select(users.c.name).limit(5))).toBe("SELECT user_account.name \nFROM user_account\n LIMIT ? OFFSET ?");
    expect(sqlite(select(users.c.name).offset(5))).toBe("SELECT user_account.name \nFROM user_account\n LIMIT ? OFFSET ?");
    const limited = select(users.c.name).limit(5);
    const onlyOffset = select(users.c.name).offset(3);
    const values = (stmt: typeof limited): unknown[] => stmt.compile({ dialect }).positional(undefined, stmt.bindParams, (v) => v);
    expect(values(limited)).toEqual([5, 0]);
    expect(values(onlyOffset)).toEqual([-1, 3]);
    expect(values(select(users.c.name).limit(2).offset(4))).toEqual([2, 4]);
  });

  it("true and false are 1 and 0", () => {
    expect(sqlite(select(users.c.id).where(true_()))).toBe("SELECT user_account.id \nFROM user_account \nWHERE 1");
    expect(sqlite(select(false_()))).toBe("SELECT 0 AS anon_1");
  });

  it("true division adds 0.0 to the divisor", () => {
    expect(sqlite(select(users.c.id.div(2)))).toBe("SELECT user_account.id / (? + 0.0) AS anon_1 \nFROM user_account");
  });

  it("floor division is FLOOR(a / b): better-sqlite3 binds numbers as REAL", () => {
    expect(sqlite(users.c.id.floordiv(2))).toBe("FLOOR(user_account.id / ?)");
  });

  it("now() is CURRENT_TIMESTAMP, char_length() is length()", () => {
    expect(sqlite(select(func.now(), func.char_length(users.c.name)))).toBe(
      "SELECT CURRENT_TIMESTAMP AS now_1, length(user_account.name) AS char_length_1 \nFROM user_account",
    );
  });

  it("an empty IN list expands to an empty subquery", () => {
    const stmt = select(users.c.id).where(users.c.id.in([]), users.c.name.notIn([]));
    const compiled = stmt.compile({ dialect });
    expect(compiled.sql).toBe(
      "SELECT user_account.id \nFROM user_account \nWHERE user_account.id IN (__[POSTCOMPILE_id_1]) AND (user_account.name NOT IN (__[POSTCOMPILE_name_1]))",
    );
    expect(compiled.expand(compiled.positional(undefined, stmt.bindParams, (v) => v)).sql).toBe(
      "SELECT user_account.id \nFROM user_account \nWHERE user_account.id IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1) " +
        "AND (user_account.name NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1))",
    );
  });
});

describe("SQLite runs them", () => {
  let engine: Engine;
  const lines: string[] = [];

  beforeAll(async () => {
    engine = createEngine("sqlite://", { echo: true, logger: { info: (line: string) => lines.push(line) } });
    await engine.begin(async (conn) => {
      await metadata.createAll(conn);
      await conn.execute(insert(users), [{ name: "spongebob" }, { name: "sandy" }, { name: "patrick" }]);
      await conn.execute(insert(addresses), [
        { user_id: 1, email_address: "sb@x" },
        { user_id: 1, email_address: "sp@x" },
        { user_id: 2, email_address: "sc@x" },
      ]);
    });
  });

  afterAll(async () => {
    await engine.dispose();
  });

  it("expands IN lists per execution; the cached statement serves every length", async () => {
    lines.length = 0;
    const names = await engine.connect(async (conn) => [
      (await conn.execute(select(users.c.name).where(users.c.id.in([1, 3])).orderBy(users.c.id))).scalars().all(),
      (await conn.execute(select(users.c.name).where(users.c.id.in([2])).orderBy(users.c.id))).scalars().all(),
      (await conn.execute(select(users.c.name).where(users.c.id.in([])).orderBy(users.c.id))).scalars().all(),
    ]);
    expect(names).toEqual([["spongebob", "patrick"], ["sandy"], []]);
    expect(lines).toContain("SELECT user_account.name \nFROM user_account \nWHERE user_account.id IN (?, ?) ORDER BY user_account.id");
    expect(lines.filter((l) => /^\[cached since/.test(l))).toHaveLength(2);
    expect(lines.some((l) => /^\[cached since [\d.]+s ago\] \(2,\)$/.test(l))).toBe(true);
    expect(lines).toContain("SELECT user_account.name \nFROM user_account \nWHERE user_account.id IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1) ORDER BY user_account.id");
  });

  it("LIMIT / OFFSET are logged with their bound values", async () => {
    lines.length = 0;
    const rows = await engine.connect(async (conn) =>
      (await conn.execute(select(users.c.name).orderBy(users.c.id).limit(1).offset(1))).scalars().all(),
    );
    expect(rows).toEqual(["sandy"]);
    expect(lines.some((l) => /^\[generated in \d\.\d+s\] \(1, 1\)$/.test(l))).toBe(true);
  });

  it("an UPDATE or DELETE with an IN list expands it too", async () => {
    lines.length = 0;
    const count = await engine.connect(async (conn) => {
      const deleted = await conn.execute(delete_(addresses).where(addresses.c.id.in([2, 3])));
      const left = (await conn.execute(select(func.count()).selectFrom(addresses))).scalarOne();
      await conn.rollback();
      return [deleted.rowcount, left];
    });
    expect(count).toEqual([2, 1]);
    expect(lines).toContain("DELETE FROM address WHERE address.id IN (?, ?)");
  });

  it("true division of integers is a fraction", async () => {
    const value = await engine.connect(async (conn) => (await conn.execute(select(users.c.id.div(2)).where(users.c.id.eq(3)))).scalarOne());
    expect(value).toBe(1.5);
  });
});
