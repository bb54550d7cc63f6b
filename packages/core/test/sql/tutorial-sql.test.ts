import { describe, expect, it } from "@jest/globals";
import { inspect } from "node:util";
import { and, Column, Integer, MetaData, or, select, String, Table } from "../../src/index.js";

// `String` here is the SQL type, as in SQLAlchemy code; print statements with a template literal.
const sql = (element: object): string => `${element}`;

// The SQL text of the tutorial notebook's cells, character for character.
const metadata = MetaData();
const userTable = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("fullname", String),
);
const addressTable = Table(
  "address",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", Integer, { nullable: false }),
  Column("email_address", String, { nullable: false }),
);

describe("tutorial cells", () => {
  it("In [10]-[12]: columns, keys and the primary key print like SQLAlchemy's reprs", () => {
    expect(inspect(userTable.c.name)).toBe("Column('name', String(length=30), table=<user_account>)");
    expect(userTable.c.keys()).toEqual(["id", "name", "fullname"]);
    expect(inspect(userTable.primaryKey)).toBe(
      "PrimaryKeyConstraint(Column('id', Integer(), table=<user_account>, primary_key=True, nullable=False))",
    );
    expect(inspect(metadata)).toBe("MetaData()");
  });

  it("In [25]: select(table).where(...)", () => {
    expect(sql(select(userTable).where(userTable.c.name.eq("spongebob")))).toBe(
      "SELECT user_account.id, user_account.name, user_account.fullname \nFROM user_account \nWHERE user_account.name = :name_1",
    );
  });

  it("In [35]: select of some columns", () => {
    expect(sql(select(userTable.c.name, userTable.c.fullname))).toBe(
      "SELECT user_account.name, user_account.fullname \nFROM user_account",
    );
  });

  it("In [37]: a comparison on its own", () => {
    expect(sql(userTable.c.name.eq("squidward"))).toBe("user_account.name = :name_1");
  });

  it("In [38]: implicit FROM of every table mentioned, WHERE criteria ANDed", () => {
    const stmt = select(addressTable.c.email_address).where(
      userTable.c.name.eq("squidward"),
      addressTable.c.user_id.eq(userTable.c.id),
    );
    expect(sql(stmt)).toBe(
      "SELECT address.email_address \nFROM address, user_account \nWHERE user_account.name = :name_1 AND address.user_id = user_account.id",
    );
  });

  it("In [39]: OR inside AND is parenthesized; anonymous binds are numbered per name", () => {
    const stmt = select(addressTable.c.email_address).where(
      and(or(userTable.c.name.eq("squidward"), userTable.c.name.eq("sandy")), addressTable.c.user_id.eq(userTable.c.id)),
    );
    expect(sql(stmt)).toBe(
      "SELECT address.email_address \nFROM address, user_account \n" +
        "WHERE (user_account.name = :name_1 OR user_account.name = :name_2) AND address.user_id = user_account.id",
    );
    expect(stmt.compile().params).toEqual({ name_1: "squidward", name_2: "sandy" });
  });

  it("statements of the same shape share a cache key; values stay out of it", () => {
    const a = select(userTable).where(userTable.c.name.eq("a"));
    const b = select(userTable).where(userTable.c.name.eq("b"));
    expect(a.cacheKey).toBe(b.cacheKey);
    expect(a.cacheKey).not.toContain("'a'");
    expect(select(userTable).where(userTable.c.id.eq(1)).cacheKey).not.toBe(a.cacheKey);
  });
});
