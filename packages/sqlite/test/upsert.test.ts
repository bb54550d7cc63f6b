import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import { Column, CompileError, createEngine, Integer, MetaData, select, Table, type Engine } from "@alkahest/core";
import { insert, Insert, SQLiteDialect } from "@alkahest/sqlite";

const dialect = new SQLiteDialect();
const metadata = MetaData();
const users = Table(
  "users",
  metadata,
  Column("id", Integer, { primaryKey: true, autoincrement: false }),
  Column("name", sa.String(30), { nullable: false }),
  Column("visits", Integer, { nullable: false, serverDefault: "0" }),
);

describe("SQLite's insert(): ON CONFLICT", () => {
  const stmt = insert(users).values({ id: 1, name: "sandy" });

  it("DO NOTHING and DO UPDATE SET from excluded, as SQLAlchemy's sqlite.insert()", () => {
    expect(dialect.compile(stmt.onConflictDoNothing()).sql).toBe("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING");
    const upsert = stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name }, where: users.c.visits.lt(10) });
    expect(dialect.compile(upsert.returning(users.c.id)).sql).toBe(
      "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE users.visits < ? RETURNING id",
    );
    expect(upsert).toBeInstanceOf(Insert);
  });

  it("ON CONSTRAINT and DISTINCT ON are CompileErrors naming the fix", () => {
    expect(() => dialect.compile(stmt.onConflictDoNothing({ constraint: "users_pkey" }))).toThrow(
      "ON CONFLICT ON CONSTRAINT is not supported by this database's SQL; use indexElements",
    );
    expect(() => dialect.compile(select(users.c.name).distinct(users.c.name))).toThrow(CompileError);
  });
});

describe("SQLite upserts on the database", () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = createEngine("sqlite:///:memory:");
    await metadata.createAll(engine);
  });
  afterEach(() => engine.dispose());

  it("inserts, then updates the conflicting row, with rowcount and RETURNING", async () => {
    const upsert = (name: string) => {
      const stmt = insert(users).values({ id: 1, name });
      return stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name, visits: users.c.visits.add(1) } });
    };
    await engine.begin(async (conn) => {
      expect((await conn.execute(upsert("sandy"))).rowcount).toBe(1);
      const updated = await conn.execute(upsert("patrick").returning(users.c.id, users.c.name, users.c.visits));
      expect(updated.all().map((r) => [...r])).toEqual([[1, "patrick", 1]]);
      const skipped = await conn.execute(insert(users).values({ id: 1, name: "x" }).onConflictDoNothing());
      expect(skipped.rowcount).toBe(0);
      const stmt = insert(users);
      await conn.execute(stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name } }), [
        { id: 1, name: "A" },
        { id: 2, name: "B" },
      ]);
      expect((await conn.execute(select(users.c.name).orderBy(users.c.id))).scalars().all()).toEqual(["A", "B"]);
    });
  });
});
