import { beforeEach, describe, expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import { Column, CompileError, Integer, MetaData, select, Table } from "@alkahest/core";
import { onConflictInsert } from "@alkahest/core/dialect";
import { insert, Insert, MySQLDialect, parseServerVersion } from "@alkahest/mysql";
import { describeServer } from "./server.js";

const metadata = MetaData();
const users = Table(
  "upsert_users",
  metadata,
  Column("id", Integer, { primaryKey: true, autoincrement: false }),
  Column("name", sa.String(30), { nullable: false }),
  Column("visits", Integer, { nullable: false, serverDefault: "0" }),
);
const newTable = Table("new", metadata, Column("id", Integer, { primaryKey: true }), Column("x", Integer));

function dialectFor(version: string): MySQLDialect {
  const dialect = new MySQLDialect("mysql");
  dialect.initialize(parseServerVersion(version));
  return dialect;
}

describe("MySQL's insert(): ON DUPLICATE KEY UPDATE", () => {
  const stmt = insert(users).values({ id: 1, name: "sandy" });
  const upsert = stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name, visits: users.c.visits.add(1) });

  it("VALUES() on MariaDB and MySQL before 8.0.20", () => {
    const expected =
      "INSERT INTO upsert_users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), visits = (upsert_users.visits + ?)";
    expect(dialectFor("10.11.6-MariaDB").compile(upsert).sql).toBe(expected);
    expect(dialectFor("8.0.19").compile(upsert).sql).toBe(expected);
    expect(`${upsert}`).toBe(
      "INSERT INTO upsert_users (id, name) VALUES (:id, :name) ON DUPLICATE KEY UPDATE name = VALUES(name), visits = (upsert_users.visits + :visits_1)",
    );
  });

  it("the row alias on MySQL 8.0.20+ (new_1 for a table called new)", () => {
    expect(dialectFor("8.0.36").compile(upsert).sql).toBe(
      "INSERT INTO upsert_users (id, name) VALUES (?, ?) AS new ON DUPLICATE KEY UPDATE name = new.name, visits = (upsert_users.visits + ?)",
    );
    const n = insert(newTable).values({ id: 1, x: 2 });
    expect(dialectFor("8.4.0").compile(n.onDuplicateKeyUpdate({ x: n.inserted.x })).sql).toBe(
      "INSERT INTO new (id, x) VALUES (?, ?) AS new_1 ON DUPLICATE KEY UPDATE x = new_1.x",
    );
  });

  it("keeps its class; the clause is in the cache key; ON CONFLICT and DISTINCT ON are CompileErrors naming the fix", () => {
    expect(upsert.returning(users.c.id)).toBeInstanceOf(Insert);
    expect(upsert.cacheKey).not.toBe(stmt.cacheKey);
    const dialect = dialectFor("10.11.6-MariaDB");
    const onConflict = onConflictInsert(users).values({ id: 1, name: "x" }).onConflictDoNothing();
    expect(() => dialect.compile(onConflict)).toThrow(CompileError);
    expect(() => dialect.compile(onConflict)).toThrow('use insert from "@alkahest/mysql" (onDuplicateKeyUpdate)');
    expect(() => dialect.compile(select(users.c.name).distinct(users.c.name))).toThrow(/DISTINCT ON, which only PostgreSQL has/);
  });
});

describeServer("MySQL upserts on the server", (db) => {
  beforeEach(async () => {
    await db.engine().begin(async (conn) => {
      await conn.execDriverSql("DROP TABLE IF EXISTS upsert_users");
      await metadata.createAll(conn, { tables: [users] });
    });
  });

  it("inserts (1 row affected), then updates (2 rows affected), as MySQL counts them", async () => {
    const engine = db.engine();
    const upsert = (name: string) => {
      const stmt = insert(users).values({ id: 1, name });
      return stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name, visits: users.c.visits.add(1) });
    };
    await engine.begin(async (conn) => {
      expect((await conn.execute(upsert("sandy"))).rowcount).toBe(1);
      expect((await conn.execute(upsert("patrick"))).rowcount).toBe(2);
      expect((await conn.execute(select(users.c.id, users.c.name, users.c.visits))).all().map((r) => [...r])).toEqual([[1, "patrick", 1]]);
    });
  });

  it("RETURNING on MariaDB, and many parameter sets", async () => {
    const engine = db.engine();
    await engine.begin(async (conn) => {
      const stmt = insert(users);
      const upsert = stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name });
      await conn.execute(upsert, [{ id: 1, name: "a" }, { id: 2, name: "b" }]);
      await conn.execute(upsert, [{ id: 2, name: "B" }, { id: 3, name: "C" }]);
      expect((await conn.execute(select(users.c.name).orderBy(users.c.id))).scalars().all()).toEqual(["a", "B", "C"]);
      if (engine.dialect.capabilities.insertReturning) {
        const row = await conn.execute(insert(users).values({ id: 3, name: "CC" }).onDuplicateKeyUpdate({ name: "CCC" }).returning(users.c.id));
        expect(row.scalars().all()).toEqual([3]);
      }
    });
  });
});
