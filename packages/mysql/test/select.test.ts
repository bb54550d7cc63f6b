import * as sa from "@alkahest/core";
import { cast, Column, func, insert, Integer, MetaData, select, String, Table, union } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { MySQLDialect, parseServerVersion } from "@alkahest/mysql";

const dialect = new MySQLDialect("mysql");
const mysql = (element: sa.Executable | sa.ColumnElement<unknown>): string => element.compile({ dialect }).sql;

const metadata = MetaData();
const users = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("fullname", String(100)),
  Column("score", sa.Numeric(10, 2)),
);
const bare = Table("bare", metadata, Column("id", Integer, { primaryKey: true }));

describe("MySQL's SELECT SQL", () => {
  it("concatenation is concat(): || is OR in MySQL's default sql_mode", () => {
    expect(mysql(users.c.name.concat("!"))).toBe("concat(user_account.name, ?)");
    expect(mysql(users.c.name.add(users.c.fullname))).toBe("concat(user_account.name, user_account.fullname)");
  });

  it("startsWith / endsWith / contains build the pattern with concat()", () => {
    expect(mysql(users.c.name.startsWith("sp"))).toBe("user_account.name LIKE concat(?, '%')");
    expect(mysql(users.c.name.endsWith("ck"))).toBe("user_account.name LIKE concat('%', ?)");
    expect(mysql(users.c.name.contains("%_", { autoescape: true }))).toBe("user_account.name LIKE concat(concat('%', ?), '%') ESCAPE '/'");
  });

  it("ilike lowers both sides: MySQL has no ILIKE", () => {
    expect(mysql(users.c.name.ilike("SP%"))).toBe("lower(user_account.name) LIKE lower(?)");
    expect(mysql(users.c.name.notIlike("SP%"))).toBe("lower(user_account.name) NOT LIKE lower(?)");
  });

  it("LIMIT offset, count; OFFSET alone takes MySQL's largest count", () => {
    const page = select(users.c.name).orderBy(users.c.id);
    expect(mysql(page.limit(2))).toBe("SELECT user_account.name \nFROM user_account ORDER BY user_account.id \n LIMIT ?");
    expect(mysql(page.limit(2).offset(4))).toBe("SELECT user_account.name \nFROM user_account ORDER BY user_account.id \n LIMIT ?, ?");
    expect(mysql(page.offset(4))).toBe(
      "SELECT user_account.name \nFROM user_account ORDER BY user_account.id \n LIMIT ?, 18446744073709551615",
    );
    // The offset is bound before the count: placeholders follow the text.
    expect(page.limit(2).offset(4).compile({ dialect }).params).toEqual({ param_1: 4, param_2: 2 });
  });

  it("division: / is exact, floor division of integers is DIV", () => {
    expect(mysql(users.c.id.div(2))).toBe("user_account.id / ?");
    expect(mysql(users.c.id.floordiv(2))).toBe("user_account.id DIV ?");
    expect(mysql(users.c.score.floordiv("2"))).toBe("FLOOR(user_account.score / ?)");
  });

  it("CAST names the types CAST takes, and leaves out a CAST to a type it cannot", () => {
    expect(mysql(select(cast(users.c.id, String(10)), cast("3", Integer), cast(users.c.id, sa.Numeric(10, 2))))).toBe(
      "SELECT CAST(user_account.id AS CHAR(10)) AS id, CAST(? AS SIGNED INTEGER) AS anon_1, CAST(user_account.id AS DECIMAL(10, 2)) AS id_1 \nFROM user_account",
    );
    expect(mysql(cast(users.c.id, sa.Boolean))).toBe("user_account.id");
  });

  it("an empty IN list is an empty derived table, as SQLAlchemy's MySQL compiler writes it", () => {
    const stmt = select(users.c.id).where(users.c.id.in([]));
    const compiled = stmt.compile({ dialect });
    expect(compiled.expand(compiled.positional(undefined, stmt.bindParams, (v) => v)).sql).toBe(
      "SELECT user_account.id \nFROM user_account \nWHERE user_account.id IN (SELECT _in_0 FROM (SELECT 1 AS _in_0) AS _empty_set WHERE 1!=1)",
    );
  });

  it("a UNION of SELECTs with their own LIMIT parenthesizes them", () => {
    const first = select(users.c.name).orderBy(users.c.id).limit(1);
    expect(mysql(union(first, select(users.c.name)))).toBe(
      "(SELECT user_account.name \nFROM user_account ORDER BY user_account.id \n LIMIT ?) UNION SELECT user_account.name \nFROM user_account",
    );
  });

  it("functions, true and false as MySQL writes them", () => {
    expect(mysql(select(func.count(), sa.true_(), sa.false_()))).toBe("SELECT count(*) AS count_1, true AS anon_1, false AS anon_2");
  });
});

describe("MySQL's INSERT SQL", () => {
  it("an INSERT of no columns is INSERT INTO t () VALUES ()", () => {
    expect(insert(bare).compile({ dialect, columnKeys: [] }).sql).toBe("INSERT INTO bare () VALUES ()");
  });

  it("RETURNING names its columns with their table (MariaDB)", () => {
    const mariadb = new MySQLDialect("mariadb");
    expect(insert(users).values({ name: "x" }).returning(users.c.id).compile({ dialect: mariadb }).sql).toBe(
      "INSERT INTO user_account (name) VALUES (?) RETURNING user_account.id",
    );
  });
});

describe("executemany of an UPDATE by primary key", () => {
  const byKey = sa.update(users).where(users.c.id.eq(sa.bindparam("b_id"))).values({ fullname: sa.bindparam("b_name") });
  const keyedSql = (version: string): string => {
    const server = new MySQLDialect(version.includes("MariaDB") ? "mariadb" : "mysql");
    server.initialize(parseServerVersion(version));
    return byKey.compile({ dialect: server, columnKeys: ["b_id", "b_name"], forExecutemany: true, keyedUpdateRows: 3 }).sql;
  };
  const head = "UPDATE user_account, (SELECT fullname AS p0, id AS p1 FROM user_account WHERE 1=0 UNION ALL ";
  const tail = ") AS _v SET fullname=_v.p0 WHERE user_account.id = _v.p1";

  it("a page of sets is a multi-table UPDATE joined to the values, typed by a first part that selects no rows of the table; MariaDB 10.3+ writes the rows as VALUES", () => {
    expect(keyedSql("10.11.19-MariaDB")).toBe(`${head}VALUES (?, ?), (?, ?), (?, ?)${tail}`);
  });

  it("MySQL 8.0.19+ writes them as VALUES ROW(...); older servers as a SELECT per row", () => {
    expect(keyedSql("8.4.0")).toBe(`${head}VALUES ROW(?, ?), ROW(?, ?), ROW(?, ?)${tail}`);
    expect(keyedSql("8.0.18")).toBe(`${head}SELECT ?, ? UNION ALL SELECT ?, ? UNION ALL SELECT ?, ?${tail}`);
    expect(keyedSql("10.2.44-MariaDB")).toBe(`${head}SELECT ?, ? UNION ALL SELECT ?, ? UNION ALL SELECT ?, ?${tail}`);
  });
});
