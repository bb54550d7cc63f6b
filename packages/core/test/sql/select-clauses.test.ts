import { describe, expect, it } from "@jest/globals";
import { ArgumentError, desc, func, select } from "../../src/index.js";
import { paramStyleDialect } from "./support/param-style-dialect.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

describe("ORDER BY, GROUP BY, HAVING", () => {
  it("ORDER BY follows FROM / WHERE on the same line, as SQLAlchemy lays it out", () => {
    expect(sql(select(users.c.name).orderBy(users.c.name, users.c.id.desc()))).toBe(
      "SELECT user_account.name \nFROM user_account ORDER BY user_account.name, user_account.id DESC",
    );
    expect(sql(select(users.c.name).where(users.c.id.gt(1)).orderBy(desc(users.c.name)))).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE user_account.id > :id_1 ORDER BY user_account.name DESC",
    );
  });

  it("orderBy() appends; orderBy(null) clears", () => {
    const stmt = select(users.c.name).orderBy(users.c.name).orderBy(users.c.id);
    expect(sql(stmt)).toBe("SELECT user_account.name \nFROM user_account ORDER BY user_account.name, user_account.id");
    expect(sql(stmt.orderBy(null))).toBe("SELECT user_account.name \nFROM user_account");
  });

  it("GROUP BY on the same line, HAVING on a new one", () => {
    const stmt = select(addresses.c.user_id, func.count(addresses.c.id).label("n"))
      .groupBy(addresses.c.user_id)
      .having(func.count(addresses.c.id).gt(1), addresses.c.user_id.ne(5));
    expect(sql(stmt)).toBe(
      "SELECT address.user_id, count(address.id) AS n \nFROM address GROUP BY address.user_id \n" +
        "HAVING count(address.id) > :param_1 AND address.user_id != :user_id_1",
    );
  });

  it("a selected label is ordered by its name, by object or by string", () => {
    const n = func.count(addresses.c.id).label("n");
    const base = select(addresses.c.user_id, n).groupBy(addresses.c.user_id);
    const expected = "SELECT address.user_id, count(address.id) AS n \nFROM address GROUP BY address.user_id ORDER BY n DESC";
    expect(sql(base.orderBy(n.desc()))).toBe(expected);
    expect(sql(base.orderBy("n"))).toBe("SELECT address.user_id, count(address.id) AS n \nFROM address GROUP BY address.user_id ORDER BY n");
    expect(sql(base.orderBy("user_id"))).toContain("ORDER BY address.user_id");
  });

  it("an unknown name is an error naming the selected ones", () => {
    expect(() => select(users.c.name).orderBy("nme")).toThrow(ArgumentError);
    expect(() => select(users.c.name).orderBy("nme")).toThrow(/the names are 'name'/);
  });
});

describe("LIMIT / OFFSET", () => {
  it("are bound parameters, on a new line", () => {
    const stmt = select(users.c.name).orderBy(users.c.id).limit(10).offset(20);
    expect(sql(stmt)).toBe("SELECT user_account.name \nFROM user_account ORDER BY user_account.id\n LIMIT :param_1 OFFSET :param_2");
    expect(stmt.compile().params).toEqual({ param_1: 10, param_2: 20 });
  });

  it("OFFSET alone has LIMIT -1; null removes either", () => {
    expect(sql(select(users.c.name).offset(5))).toBe("SELECT user_account.name \nFROM user_account\n LIMIT -1 OFFSET :param_1");
    expect(sql(select(users.c.name).limit(5).limit(null))).toBe("SELECT user_account.name \nFROM user_account");
  });

  it("statements with other limits share a cache key and compiled form", () => {
    const qmark = paramStyleDialect("qmark");
    expect(select(users.c.name).limit(1).cacheKey).toBe(select(users.c.name).limit(100).cacheKey);
    const compiled = select(users.c.name).limit(1).compile({ dialect: qmark });
    expect(compiled.positional(undefined, select(users.c.name).limit(100).bindParams, (v) => v)).toEqual([100]);
  });

  it("takes non-negative integers only", () => {
    expect(() => select(users.c.name).limit(-1)).toThrow(ArgumentError);
    expect(() => select(users.c.name).offset(1.5)).toThrow(/non-negative integer/);
  });
});

describe("DISTINCT and labels", () => {
  it("select().distinct()", () => {
    expect(sql(select(users.c.name).distinct())).toBe("SELECT DISTINCT user_account.name \nFROM user_account");
  });

  it("labels that need quoting are quoted", () => {
    expect(sql(select(users.c.name.label("user"), users.c.id.label("Id")))).toBe(
      'SELECT user_account.name AS "user", user_account.id AS "Id" \nFROM user_account',
    );
  });

  it("unnamed expressions are anon_N; result keys are the names rendered", () => {
    const stmt = select(users.c.id.add(1), users.c.name, users.c.id.mul(2), users.c.name.distinct());
    expect(sql(stmt)).toBe(
      "SELECT user_account.id + :id_1 AS anon_1, user_account.name, user_account.id * :id_2 AS anon_2, DISTINCT user_account.name \nFROM user_account",
    );
    expect(stmt.compile().resultColumns?.map((c) => c.key)).toEqual(["anon_1", "name", "anon_2", "name"]);
  });

  it("two columns of one name are told apart (SQLAlchemy's default label style)", () => {
    const stmt = select(users.c.id, addresses.c.id).where(users.c.id.eq(addresses.c.user_id));
    expect(sql(stmt)).toBe(
      "SELECT user_account.id, address.id AS id_1 \nFROM user_account, address \nWHERE user_account.id = address.user_id",
    );
    expect(stmt.compile().resultColumns?.map((c) => c.key)).toEqual(["id", "id_1"]);
  });
});

describe("builders are immutable", () => {
  it("each call returns a new statement", () => {
    const base = select(users.c.name);
    const ordered = base.orderBy(users.c.name).limit(1);
    expect(sql(base)).toBe("SELECT user_account.name \nFROM user_account");
    expect(ordered).not.toBe(base);
    expect(base.cacheKey).not.toBe(ordered.cacheKey);
  });
});
