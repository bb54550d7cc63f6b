import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import { Column, createEngine, Integer, MetaData, select, Table, type Engine } from "@alkahest/core";
import { insert, Insert, PostgresDialect } from "@alkahest/postgres";
import { describeServer, serverUrl } from "./server.js";

const dialect = new PostgresDialect();
const pgSql = (stmt: sa.ClauseElement): string => dialect.compile(stmt).sql;

const metadata = MetaData();
const users = Table(
  "pg_upsert_users",
  metadata,
  Column("id", Integer, { primaryKey: true, autoincrement: false }),
  Column("name", sa.String(30), { nullable: false }),
  Column("visits", Integer, { nullable: false, serverDefault: "0" }),
);

describe("PostgreSQL's insert(): ON CONFLICT", () => {
  const base = insert(users).values({ id: 1, name: "sandy" });

  it("keeps its class through every builder", () => {
    expect(base).toBeInstanceOf(Insert);
    expect(base.returning(users.c.id)).toBeInstanceOf(Insert);
    expect(base.onConflictDoNothing().values({ name: "x" })).toBeInstanceOf(Insert);
  });

  it("DO NOTHING, with and without a target", () => {
    expect(pgSql(base.onConflictDoNothing())).toBe("INSERT INTO pg_upsert_users (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING");
    expect(pgSql(base.onConflictDoNothing({ indexElements: ["id"] }))).toBe(
      "INSERT INTO pg_upsert_users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
    );
    expect(pgSql(base.onConflictDoNothing({ constraint: "pg_upsert_users_pkey" }))).toBe(
      "INSERT INTO pg_upsert_users (id, name) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT pg_upsert_users_pkey DO NOTHING",
    );
  });

  it("DO UPDATE SET from excluded, a value, an expression and a WHERE; RETURNING after it", () => {
    const stmt = base.onConflictDoUpdate({
      indexElements: [users.c.id],
      set: { name: base.excluded.name, visits: users.c.visits.add(1) },
      where: users.c.name.ne("locked"),
    });
    expect(pgSql(stmt.returning(users.c.id))).toBe(
      "INSERT INTO pg_upsert_users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name, " +
        "visits = (pg_upsert_users.visits + $3) WHERE pg_upsert_users.name != $4 RETURNING pg_upsert_users.id",
    );
    expect(`${base.onConflictDoUpdate({ indexElements: ["id"], set: { name: "fixed" } })}`).toBe(
      "INSERT INTO pg_upsert_users (id, name) VALUES (:id, :name) ON CONFLICT (id) DO UPDATE SET name = :param_1",
    );
  });

  it("the clause is part of the cache key", () => {
    const nothing = base.onConflictDoNothing();
    const update = base.onConflictDoUpdate({ indexElements: ["id"], set: { name: base.excluded.name } });
    expect(new Set([base.cacheKey, nothing.cacheKey, update.cacheKey]).size).toBe(3);
    expect(insert(users).values({ id: 2, name: "x" }).onConflictDoNothing().cacheKey).toBe(nothing.cacheKey);
  });

  it("DO UPDATE needs a target", () => {
    expect(() => base.onConflictDoUpdate({ set: { name: "x" } })).toThrow(/needs a conflict target/);
  });

  it("DISTINCT ON", () => {
    const stmt = select(users.c.name, users.c.id).distinct(users.c.name).orderBy(users.c.name, users.c.id.desc());
    expect(pgSql(stmt)).toBe(
      "SELECT DISTINCT ON (pg_upsert_users.name) pg_upsert_users.name, pg_upsert_users.id \nFROM pg_upsert_users " +
        "ORDER BY pg_upsert_users.name, pg_upsert_users.id DESC",
    );
    expect(stmt.cacheKey).not.toBe(select(users.c.name, users.c.id).distinct().orderBy(users.c.name, users.c.id.desc()).cacheKey);
  });
});

describeServer("PostgreSQL upserts on the server", () => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine(serverUrl());
  });
  beforeEach(async () => {
    await engine.begin(async (conn) => {
      await conn.execDriverSql("DROP TABLE IF EXISTS pg_upsert_users");
      await metadata.createAll(conn);
    });
  });
  afterAll(async () => {
    await engine.begin((conn) => conn.execDriverSql("DROP TABLE IF EXISTS pg_upsert_users"));
    await engine.dispose();
  });

  it("inserts, then updates the conflicting row, with rowcount and RETURNING", async () => {
    const upsert = (name: string) => {
      const stmt = insert(users).values({ id: 1, name });
      return stmt
        .onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name, visits: users.c.visits.add(1) } })
        .returning(users.c.id, users.c.name, users.c.visits);
    };
    await engine.begin(async (conn) => {
      const first = await conn.execute(upsert("sandy"));
      expect(first.rowcount).toBe(1);
      expect(first.all().map((r) => [...r])).toEqual([[1, "sandy", 0]]);
      const second = await conn.execute(upsert("patrick"));
      expect(second.rowcount).toBe(1);
      expect(second.one()._mapping).toEqual({ id: 1, name: "patrick", visits: 1 });
      const skipped = await conn.execute(insert(users).values({ id: 1, name: "squidward" }).onConflictDoNothing({ indexElements: ["id"] }));
      expect(skipped.rowcount).toBe(0);
      expect((await conn.execute(select(users.c.name, users.c.visits))).all().map((r) => [...r])).toEqual([["patrick", 1]]);
    });
  });

  it("many parameter sets: executemany and insertmanyvalues with RETURNING", async () => {
    await engine.begin(async (conn) => {
      await conn.execute(insert(users), [{ id: 1, name: "a" }, { id: 2, name: "b" }]);
      const stmt = insert(users);
      const upsert = stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name } });
      const rows = await conn.execute(upsert.returning(users.c.id, users.c.name), [
        { id: 2, name: "B" },
        { id: 3, name: "C" },
      ]);
      expect(rows.all().map((r) => [...r]).sort()).toEqual([[2, "B"], [3, "C"]]);
      const ordered = await conn.execute(upsert.returning(users.c.id, { sortByParameterOrder: true }), [
        { id: 3, name: "CC" },
        { id: 1, name: "AA" },
      ]);
      expect(ordered.scalars().all()).toEqual([3, 1]);
      const names = await conn.execute(select(users.c.name).orderBy(users.c.id));
      expect(names.scalars().all()).toEqual(["AA", "B", "CC"]);
    });
  });

  it("DISTINCT ON keeps the first row of each group", async () => {
    await engine.begin(async (conn) => {
      await conn.execute(insert(users), [
        { id: 1, name: "a", visits: 5 },
        { id: 2, name: "a", visits: 9 },
        { id: 3, name: "b", visits: 1 },
      ]);
      const stmt = select(users.c.name, users.c.visits).distinct(users.c.name).orderBy(users.c.name, users.c.visits.desc());
      expect((await conn.execute(stmt)).all().map((r) => [...r])).toEqual([["a", 9], ["b", 1]]);
    });
  });
});
