import { describe, expect, it } from "@jest/globals";
import {
  and,
  bindparam,
  Column,
  CompileError,
  delete as deleteFrom,
  delete_,
  Integer,
  MetaData,
  or,
  select,
  String,
  Table,
  update,
} from "../../../src/index.js";
import * as sa from "../../../src/index.js";

// `String` here is the SQL type, as in SQLAlchemy code; print statements with a template literal.
const sql = (element: object): string => `${element}`;

const metadata = MetaData();
const userTable = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("fullname", String),
  Column("visits", Integer, { nullable: false }),
);
let version = 0;
const versioned = Table(
  "versioned",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("data", String(30)),
  Column("version", Integer, { onUpdate: () => ++version }),
  Column("touched", Integer, { onUpdate: userTable.c.visits.add(0) }),
);

describe("update()", () => {
  it("renders SET name=value, columns unqualified, then WHERE", () => {
    const stmt = update(userTable).where(userTable.c.name.eq("patrick")).values({ fullname: "Patrick Star" });
    expect(sql(stmt)).toBe("UPDATE user_account SET fullname=:fullname WHERE user_account.name = :name_1");
    expect(stmt.compile().params).toEqual({ fullname: "Patrick Star", name_1: "patrick" });
  });

  it("SET columns come in table order; a comparison on the same column gets its own anonymous name", () => {
    const stmt = update(userTable).values({ fullname: "F", name: "n" }).where(userTable.c.name.eq("old"));
    expect(sql(stmt)).toBe("UPDATE user_account SET name=:name, fullname=:fullname WHERE user_account.name = :name_1");
    expect(stmt.compile().params).toEqual({ name: "n", fullname: "F", name_1: "old" });
  });

  it("where() calls AND together; or() inside is parenthesized", () => {
    const stmt = update(userTable)
      .values({ visits: 0 })
      .where(or(userTable.c.name.eq("a"), userTable.c.name.eq("b")))
      .where(userTable.c.id.gt(3));
    expect(sql(stmt)).toBe(
      "UPDATE user_account SET visits=:visits " +
        "WHERE (user_account.name = :name_1 OR user_account.name = :name_2) AND user_account.id > :id_1",
    );
    expect(sql(update(userTable).values({ visits: 0 }).where(and(userTable.c.id.gt(1), userTable.c.id.lt(9))))).toBe(
      "UPDATE user_account SET visits=:visits WHERE user_account.id > :id_1 AND user_account.id < :id_2",
    );
  });

  it("a SQL expression value renders as SQL in parentheses, as SQLAlchemy groups it", () => {
    expect(sql(update(userTable).values({ visits: userTable.c.visits.add(1) }))).toBe(
      "UPDATE user_account SET visits=(user_account.visits + :visits_1)",
    );
    expect(sql(update(userTable).values({ fullname: userTable.c.name }))).toBe("UPDATE user_account SET fullname=user_account.name");
  });

  it("printed without values, sets every column; executed, the parameter names that are columns", () => {
    expect(sql(update(userTable))).toBe(
      "UPDATE user_account SET id=:id, name=:name, fullname=:fullname, visits=:visits",
    );
    const stmt = update(userTable).where(userTable.c.id.eq(bindparam("b_id")));
    expect(stmt.compile({ columnKeys: ["b_id", "name"] }).sql).toBe("UPDATE user_account SET name=:name WHERE user_account.id = :b_id");
  });

  it("onUpdate fills the columns the statement does not set: functions as parameters, expressions as SQL", () => {
    const compiled = update(versioned).values({ data: "x" }).where(versioned.c.id.eq(1)).compile({ columnKeys: [] });
    expect(compiled.sql).toBe(
      "UPDATE versioned SET data=:data, version=:version, touched=(user_account.visits + :visits_1) WHERE versioned.id = :id_1",
    );
    expect(compiled.dml?.defaults.map((d) => d.name)).toEqual(["version"]);
    expect(update(versioned).values({ data: "x", version: 5 }).compile({ columnKeys: [] }).dml?.defaults).toEqual([]);
  });

  it("returning() renders RETURNING after WHERE", () => {
    const stmt = update(userTable).values({ visits: 1 }).where(userTable.c.id.eq(5)).returning(userTable.c.id, userTable.c.visits);
    expect(sql(stmt)).toBe(
      "UPDATE user_account SET visits=:visits WHERE user_account.id = :id_1 RETURNING user_account.id, user_account.visits",
    );
    expect(stmt.compile().resultColumns?.map((c) => c.key)).toEqual(["id", "visits"]);
  });

  it("a statement with nothing to SET is a CompileError naming the columns", () => {
    expect(() => update(userTable).compile({ columnKeys: [] })).toThrow(CompileError);
    expect(() => update(userTable).compile({ columnKeys: [] })).toThrow(
      "update(user_account) has no columns to SET: give .values({...}), or execute it with parameters named after " +
        "columns of 'user_account' ('id', 'name', 'fullname', 'visits').",
    );
  });

  it("a where bindparam() named like a SET column is refused, as SQLAlchemy refuses it", () => {
    const stmt = update(userTable).where(userTable.c.id.eq(bindparam("name"))).values({ name: "x" });
    expect(() => stmt.compile()).toThrow(/bindparam\(\) name 'name' is reserved for the VALUES or SET clause of this update\(\)/);
  });

  it("shares a cache key across values; values() and where() return new statements", () => {
    const a = update(userTable).values({ name: "a" }).where(userTable.c.id.eq(1));
    const b = update(userTable).values({ name: "b" }).where(userTable.c.id.eq(2));
    expect(a.cacheKey).toBe(b.cacheKey);
    const base = update(userTable).values({ name: "a" });
    base.where(userTable.c.id.eq(1));
    expect(sql(base)).toBe("UPDATE user_account SET name=:name");
  });

  it("a scalar subquery in WHERE does not become the statement's result columns", () => {
    const stmt = update(userTable).values({ visits: 0 }).where(userTable.c.id.in(select(userTable.c.id).where(userTable.c.visits.gt(9))));
    expect(stmt.compile().resultColumns).toBeNull();
  });
});

describe("delete()", () => {
  it("renders DELETE FROM table WHERE ...", () => {
    expect(sql(delete_(userTable).where(userTable.c.name.eq("patrick")))).toBe(
      "DELETE FROM user_account WHERE user_account.name = :name_1",
    );
    expect(sql(delete_(userTable))).toBe("DELETE FROM user_account");
  });

  it("is exported as delete for namespace imports, and as delete_", () => {
    expect(deleteFrom).toBe(delete_);
    expect(sql(sa.delete(userTable).where(userTable.c.id.eq(1)))).toBe("DELETE FROM user_account WHERE user_account.id = :id_1");
  });

  it("returning() renders RETURNING", () => {
    expect(sql(delete_(userTable).where(userTable.c.id.gt(5)).returning(userTable.c.id))).toBe(
      "DELETE FROM user_account WHERE user_account.id > :id_1 RETURNING user_account.id",
    );
  });

  it("executed with parameters compiles the same SQL (no SET or VALUES to fill)", () => {
    const stmt = delete_(userTable).where(userTable.c.id.eq(bindparam("id")));
    expect(stmt.compile({ columnKeys: ["id"] }).sql).toBe("DELETE FROM user_account WHERE user_account.id = :id");
    expect(stmt.compile({ columnKeys: ["id"] }).dml?.kind).toBe("delete");
  });
});
