import { describe, expect, it } from "@jest/globals";
import { and, ArgumentError, case_, cast, false_, Integer, literal, literalColumn, not, or, select, String, true_ } from "../../src/index.js";
import { sql, users } from "./support/tutorial-tables.js";

describe("literal values", () => {
  it("literal() is a bound parameter, never SQL text", () => {
    expect(sql(select(literal("it's"), users.c.id))).toBe("SELECT :param_1 AS anon_1, user_account.id \nFROM user_account");
    expect(literal("it's").compile().params).toEqual({ param_1: "it's" });
    expect(literal(5).type.visitName).toBe("integer");
    expect(literal(1.5).type.visitName).toBe("float");
    expect(literal("x", String(10)).type.toString()).toBe("String(length=10)");
  });

  it("literalColumn() is SQL text, selected without a label", () => {
    expect(sql(select(literalColumn("'%'"), literalColumn("1")))).toBe("SELECT '%', 1");
  });

  it("true_() / false_() on the default dialect", () => {
    expect(sql(select(users.c.id).where(true_()))).toBe("SELECT user_account.id \nFROM user_account \nWHERE true");
    expect(sql(not(true_()))).toBe("false");
  });

  it("AND drops true and is decided by false; OR the other way round, as SQLAlchemy's", () => {
    expect(sql(and(users.c.id.eq(1), true_()))).toBe("user_account.id = :id_1");
    expect(sql(and(users.c.id.eq(1), false_()))).toBe("false");
    expect(sql(or(users.c.id.eq(1), false_(), users.c.id.eq(2)))).toBe("user_account.id = :id_1 OR user_account.id = :id_2");
    expect(sql(or(users.c.id.eq(1), true_()))).toBe("true");
    expect(sql(and(true_(), true_()))).toBe("true");
  });
});

describe("CASE", () => {
  it("searched: conditions parenthesized, results bound", () => {
    const label = case_([users.c.name.eq("sandy"), "S"], [users.c.name.eq("patrick"), "P"], { else: "?" });
    expect(sql(label)).toBe(
      "CASE WHEN (user_account.name = :name_1) THEN :param_1 WHEN (user_account.name = :name_2) THEN :param_2 ELSE :param_3 END",
    );
    expect(label.compile().params).toEqual({ name_1: "sandy", param_1: "S", name_2: "patrick", param_2: "P", param_3: "?" });
  });

  it("without ELSE, with expression results, and selected (AS anon_1)", () => {
    const expr = case_([users.c.fullname.isNull(), users.c.name]);
    expect(sql(select(expr))).toBe("SELECT CASE WHEN (user_account.fullname IS NULL) THEN user_account.name END AS anon_1 \nFROM user_account");
    expect(expr.type).toBe(users.c.name.type);
  });

  it("{ value } compares one expression with each WHEN key", () => {
    expect(sql(case_(["sandy", 1], ["patrick", 2], { value: users.c.name, else: 0 }))).toBe(
      "CASE user_account.name WHEN :param_1 THEN :param_2 WHEN :param_3 THEN :param_4 ELSE :param_5 END",
    );
  });

  it("rejects a plain condition and an empty case", () => {
    expect(() => case_(["sandy", 1])).toThrow(ArgumentError);
    expect(() => case_()).toThrow(/at least one/);
  });
});

describe("CAST", () => {
  it("of an expression or a bound value; selected, a cast column keeps its name", () => {
    expect(sql(cast(users.c.id, String(10)))).toBe("CAST(user_account.id AS VARCHAR(10))");
    expect(sql(cast("5", Integer))).toBe("CAST(:param_1 AS INTEGER)");
    expect(sql(select(cast(users.c.id, String)))).toBe("SELECT CAST(user_account.id AS VARCHAR) AS id \nFROM user_account");
    expect(cast(users.c.id, String).type.visitName).toBe("string");
  });
});
