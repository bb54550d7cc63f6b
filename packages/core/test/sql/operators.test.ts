import { describe, expect, it } from "@jest/globals";
import { ArgumentError, Float, Integer, not, select, String, literalColumn } from "../../src/index.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

// Column operators on the default string dialect, as SQLAlchemy prints them.

describe("LIKE and its patterns", () => {
  it("like / notLike bind the pattern; escape adds ESCAPE '<char>'", () => {
    expect(sql(users.c.name.like("sp%"))).toBe("user_account.name LIKE :name_1");
    expect(sql(users.c.name.notLike("sp%"))).toBe("user_account.name NOT LIKE :name_1");
    expect(sql(users.c.name.like("a^%", { escape: "^" }))).toBe("user_account.name LIKE :name_1 ESCAPE '^'");
    expect(users.c.name.like("sp%").compile().params).toEqual({ name_1: "sp%" });
  });

  it("ilike lowers both sides where the dialect has no ILIKE", () => {
    expect(sql(users.c.name.ilike("SP%"))).toBe("lower(user_account.name) LIKE lower(:name_1)");
    expect(sql(users.c.name.notIlike("SP%"))).toBe("lower(user_account.name) NOT LIKE lower(:name_1)");
  });

  it("startsWith / endsWith / contains concatenate '%' to the bound value", () => {
    expect(sql(users.c.name.startsWith("sp"))).toBe("user_account.name LIKE :name_1 || '%'");
    expect(sql(users.c.name.endsWith("bob"))).toBe("user_account.name LIKE '%' || :name_1");
    expect(sql(users.c.name.contains("ng"))).toBe("user_account.name LIKE '%' || :name_1 || '%'");
    expect(users.c.name.contains("ng").compile().params).toEqual({ name_1: "ng" });
  });

  it("take another column as the pattern", () => {
    expect(sql(users.c.fullname.startsWith(users.c.name))).toBe("user_account.fullname LIKE user_account.name || '%'");
  });

  it("autoescape escapes %, _ and the escape character in the value", () => {
    const contains = users.c.name.contains("50%_off/", { autoescape: true });
    expect(sql(contains)).toBe("user_account.name LIKE '%' || :name_1 || '%' ESCAPE '/'");
    expect(contains.compile().params).toEqual({ name_1: "50/%/_off//" });
    const caret = users.c.name.startsWith("a^b%", { autoescape: true, escape: "^" });
    expect(sql(caret)).toBe("user_account.name LIKE :name_1 || '%' ESCAPE '^'");
    expect(caret.compile().params).toEqual({ name_1: "a^^b^%" });
  });

  it("not() turns them into NOT LIKE, keeping ESCAPE", () => {
    expect(sql(not(users.c.name.startsWith("sp")))).toBe("user_account.name NOT LIKE :name_1 || '%'");
    expect(sql(not(users.c.name.like("x", { escape: "/" })))).toBe("user_account.name NOT LIKE :name_1 ESCAPE '/'");
  });

  it("reject an escape that is not one character, and autoescape of an expression", () => {
    expect(() => users.c.name.like("x", { escape: "//" })).toThrow(ArgumentError);
    expect(() => users.c.name.contains(users.c.fullname, { autoescape: true })).toThrow(/autoescape needs a plain string/);
  });
});

describe("IN", () => {
  it("a list of values is one expanding parameter", () => {
    expect(sql(users.c.id.in([1, 2, 3]))).toBe("user_account.id IN (__[POSTCOMPILE_id_1])");
    expect(users.c.id.in([1, 2, 3]).compile().params).toEqual({ id_1: [1, 2, 3] });
  });

  it("NOT IN is parenthesized, from notIn() or not()", () => {
    expect(sql(users.c.id.notIn([1, 2]))).toBe("(user_account.id NOT IN (__[POSTCOMPILE_id_1]))");
    expect(sql(not(users.c.id.in([1, 2])))).toBe("(user_account.id NOT IN (__[POSTCOMPILE_id_1]))");
  });

  it("an empty list renders the same; it expands to an empty set at execution", () => {
    expect(sql(users.c.name.in([]))).toBe("user_account.name IN (__[POSTCOMPILE_name_1])");
  });

  it("a SELECT is a subquery", () => {
    expect(sql(users.c.id.in(select(addresses.c.user_id)))).toBe(
      "user_account.id IN (SELECT address.user_id \nFROM address)",
    );
  });

  it("a list with expressions is a parenthesized list, values bound one by one", () => {
    expect(sql(users.c.id.in([addresses.c.user_id, 5]))).toBe("user_account.id IN (address.user_id, :id_1)");
  });

  it("rejects a single value", () => {
    expect(() => users.c.id.in(5 as unknown as number[])).toThrow(/Wrap a single value in a list/);
  });
});

describe("BETWEEN", () => {
  it("binds both bounds", () => {
    expect(sql(users.c.id.between(1, 5))).toBe("user_account.id BETWEEN :id_1 AND :id_2");
    expect(users.c.id.between(1, 5).compile().params).toEqual({ id_1: 1, id_2: 5 });
    expect(sql(not(users.c.id.between(1, 5)))).toBe("user_account.id NOT BETWEEN :id_1 AND :id_2");
    expect(sql(users.c.id.between(1, 5, { symmetric: true }))).toBe("user_account.id BETWEEN SYMMETRIC :id_1 AND :id_2");
  });
});

describe("arithmetic and concatenation", () => {
  it("binds values typed like the column", () => {
    expect(sql(users.c.id.add(5))).toBe("user_account.id + :id_1");
    expect(sql(users.c.id.sub(addresses.c.id))).toBe("user_account.id - address.id");
    expect(sql(users.c.id.mul(2))).toBe("user_account.id * :id_1");
    expect(sql(users.c.id.mod(2))).toBe("user_account.id % :id_1");
    expect(sql(users.c.id.neg())).toBe("-user_account.id");
  });

  it("parenthesizes by precedence; values compared with an expression are param_N", () => {
    expect(sql(users.c.id.add(1).mul(2))).toBe("(user_account.id + :id_1) * :param_1");
    expect(sql(users.c.id.mul(2).add(1))).toBe("user_account.id * :id_1 + :param_1");
    expect(sql(users.c.id.add(1).neg())).toBe("-(user_account.id + :id_1)");
    expect(sql(users.c.id.sub(users.c.id.sub(1)))).toBe("user_account.id - (user_account.id - :id_1)");
    expect(sql(users.c.id.add(1).gt(3))).toBe("user_account.id + :id_1 > :param_1");
  });

  it("true division casts the divisor where / floors integers (SQLAlchemy 2.0)", () => {
    expect(sql(users.c.id.div(2))).toBe("user_account.id / CAST(:id_1 AS NUMERIC)");
    const ratio = literalColumn<number>("ratio", Float);
    expect(sql(ratio.div(2))).toBe("ratio / CAST(:param_1 AS FLOAT)");
    expect(sql(users.c.id.floordiv(2))).toBe("user_account.id / :id_1");
    expect(sql(ratio.floordiv(2))).toBe("FLOOR(ratio / :param_1)");
  });

  it("concat() and + on strings render ||", () => {
    expect(sql(users.c.name.concat("!"))).toBe("user_account.name || :name_1");
    expect(sql(users.c.name.add(users.c.fullname))).toBe("user_account.name || user_account.fullname");
    expect(sql(users.c.name.concat(" ").concat(users.c.fullname))).toBe("user_account.name || :name_1 || user_account.fullname");
  });
});

describe("CAST, DISTINCT and ordering modifiers", () => {
  it("cast() renders the type through the dialect's type compiler", () => {
    expect(sql(users.c.id.cast(String))).toBe("CAST(user_account.id AS VARCHAR)");
    expect(sql(users.c.name.cast(Integer).add(1))).toBe("CAST(user_account.name AS INTEGER) + :param_1");
  });

  it("distinct, asc, desc, nullsFirst, nullsLast", () => {
    expect(sql(users.c.name.distinct())).toBe("DISTINCT user_account.name");
    expect(sql(users.c.name.asc())).toBe("user_account.name ASC");
    expect(sql(users.c.name.desc().nullsLast())).toBe("user_account.name DESC NULLS LAST");
    expect(sql(users.c.name.nullsFirst())).toBe("user_account.name NULLS FIRST");
  });
});

describe("cache keys", () => {
  it("operators that render alike differ in shape; values stay out", () => {
    expect(users.c.name.like("a").cacheKey).not.toBe(users.c.name.startsWith("a").cacheKey);
    expect(users.c.id.in([1]).cacheKey).toBe(users.c.id.in([1, 2, 3]).cacheKey);
    expect(users.c.name.like("a", { escape: "/" }).cacheKey).not.toBe(users.c.name.like("a").cacheKey);
    expect(users.c.id.div(2).cacheKey).not.toBe(users.c.id.floordiv(2).cacheKey);
  });
});
