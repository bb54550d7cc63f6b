import { describe, expect, it } from "@jest/globals";
import * as sa from "@alkahest/core";
import { CompileError, CreateTable, insert, inspect, select, TypeCompiler, type ValueOf } from "@alkahest/core";
import { JSONB, JSONBType, PostgresDialect } from "@alkahest/postgres";
import { expectTypeOf } from "expect-type";
import { useOwnDatabaseEngine } from "./own-database.js";
import { describeServer } from "./server.js";

const dialect = new PostgresDialect();
const pgSql = (element: sa.ClauseElement): string => dialect.compile(element).sql;

interface Doc {
  title: string;
  tags: string[];
  meta?: { stars: number };
}

const metadata = sa.MetaData();
const docs = sa.Table(
  "pg_jsonb_docs",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true }),
  sa.Column("body", JSONB<Doc>()),
  sa.Column("anything", JSONB),
  sa.Column("plain", sa.JSON),
);

describe("JSONB: the type", () => {
  it("is JSON stored as JSONB: same values, its own DDL and cache key; PostgreSQL only", () => {
    expect(JSONB()).toBeInstanceOf(sa.JSONType);
    expect(JSONB() instanceof JSONB).toBe(true);
    expect(String(JSONB())).toBe("JSONB()");
    expect(JSONB().cacheKey).not.toBe(sa.JSON().cacheKey);
    expect(dialect.typeCompiler.process(JSONB())).toBe("JSONB");
    expect(() => new TypeCompiler().process(JSONB())).toThrow(CompileError);
    expect(() => new TypeCompiler().process(JSONB())).toThrow("JSONB is PostgreSQL's type, and this database has none; use JSON");
    expect(pgSql(new CreateTable(docs))).toBe(
      "\nCREATE TABLE pg_jsonb_docs (\n\tid SERIAL NOT NULL, \n\tbody JSONB, \n\tanything JSONB, \n\tplain JSON, \n\tPRIMARY KEY (id)\n)\n\n",
    );
    expect(pgSql(select(docs.c.id).where(docs.c.plain.cast(JSONB).contains({ a: 1 })))).toBe(
      "SELECT pg_jsonb_docs.id \nFROM pg_jsonb_docs \nWHERE CAST(pg_jsonb_docs.plain AS JSONB) @> $1",
    );
  });

  it("types its values like JSON", () => {
    expectTypeOf<ValueOf<typeof JSONB>>().toEqualTypeOf<sa.JSONValue>();
    expectTypeOf(JSONB<Doc>()).toEqualTypeOf<JSONBType<Doc>>();
    expectTypeOf(docs.c.body.get("tags")).toEqualTypeOf<sa.BinaryExpression<string[] | null>>();
    docs.c.body.contains({ tags: ["a"] });
    // @ts-expect-error: not a member of Doc
    docs.c.body.contains({ nope: 1 });
  });

  it("contains / containedBy are @> / <@; get / getText are -> / ->>", () => {
    expect(pgSql(docs.c.body.contains({ tags: ["a"] }))).toBe("pg_jsonb_docs.body @> $1");
    expect(pgSql(docs.c.body.containedBy({ title: "x", tags: [] }))).toBe("pg_jsonb_docs.body <@ $1");
    expect(pgSql(docs.c.body.get("meta").get("stars"))).toBe("(pg_jsonb_docs.body -> $1) -> $2");
    expect(pgSql(docs.c.body.getText("title").eq("x"))).toBe("(pg_jsonb_docs.body ->> $1) = $2");
    expect(pgSql(docs.c.body.get("tags").get(0))).toBe("(pg_jsonb_docs.body -> $1) -> CAST($2 AS INTEGER)");
    expect(dialect.compile(docs.c.body.contains({ tags: ["a"] })).params).toEqual({ body_1: { tags: ["a"] } });
  });
});

describeServer("JSONB on the server", () => {
  const db = useOwnDatabaseEngine("pg_jsonb", ["pg_jsonb_docs"], (conn) => metadata.createAll(conn));

  const values: sa.JSONValue[] = [
    { title: "a", tags: ["x", "y"], nested: { deep: [1, 2.5, { z: null }] } },
    [1, "two", false, null, { three: 3 }],
    'a string with "quotes", {braces} and \\ backslash',
    -12.75,
    true,
    [],
    {},
  ];

  it("round-trips any JSON value exactly; JavaScript null is SQL NULL", async () => {
    await db.engine.begin((conn) => conn.execute(insert(docs), [...values.map((anything) => ({ anything })), { anything: null }]));
    const stored = await db.engine.connect(async (conn) => (await conn.execute(select(docs.c.anything).orderBy(docs.c.id))).scalars().all());
    expect(stored).toEqual([...values, null]);
    const isNull = await db.engine.connect(async (conn) => (await conn.execute(select(docs.c.id).where(docs.c.anything.isNull()))).scalars().all());
    expect(isNull).toEqual([values.length + 1]);
  });

  it("containment and member access against stored documents", async () => {
    await db.engine.begin((conn) =>
      conn.execute(insert(docs), [
        { body: { title: "one", tags: ["a", "b"], meta: { stars: 5 } } },
        { body: { title: "two", tags: ["b"] } },
      ]),
    );
    const ids = (clause: sa.ColumnElement<boolean>) =>
      db.engine.connect(async (conn) => (await conn.execute(select(docs.c.id).where(clause).orderBy(docs.c.id))).scalars().all());
    expect(await ids(docs.c.body.contains({ tags: ["b"] }))).toEqual([1, 2]);
    expect(await ids(docs.c.body.contains({ tags: ["a"], meta: { stars: 5 } }))).toEqual([1]);
    expect(await ids(docs.c.body.containedBy({ title: "two", tags: ["b", "c"] }))).toEqual([2]);
    expect(await ids(docs.c.body.getText("title").eq("two"))).toEqual([2]);
    const members = await db.engine.connect(async (conn) =>
      (
        await conn.execute(
          select(docs.c.body.get("tags").label("tags"), docs.c.body.get("tags").get(0).label("first"), docs.c.body.get("meta").get("stars").label("stars")).orderBy(
            docs.c.id,
          ),
        )
      ).all(),
    );
    expect(members.map((r) => [r.tags, r.first, r.stars])).toEqual([
      [["a", "b"], "a", 5],
      [["b"], "b", null],
    ]);
  });

  it("reflects jsonb as JSONB and json as JSON", async () => {
    const columns = await (await inspect(db.engine)).getColumns("pg_jsonb_docs");
    expect(columns.map((c) => String(c.type))).toEqual(["Integer()", "JSONB()", "JSONB()", "JSON()"]);
  });
});
