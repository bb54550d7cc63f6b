import { describe, expect, it } from "@jest/globals";
import { BindParameterError, bindparam, select, type Compiled } from "../../src/index.js";
import { paramStyleDialect } from "./support/param-style-dialect.js";
import { addresses, users } from "./support/tutorial-tables.js";

// IN with a list: one "expanding" parameter, expanded per execution into one placeholder
// per value, so statements with lists of any length share one compiled (cached) form.

const identity = (value: unknown): unknown => value;
const run = (compiled: Compiled, params?: Record<string, unknown>): { sql: string; values: unknown[] } =>
  compiled.expand(compiled.positional(params, compiled.statement.bindParams, identity));

const byIds = (ids: number[]) => select(users.c.name).where(users.c.id.in(ids), users.c.name.ne("x"));

describe("expanding IN parameters", () => {
  it("qmark: one ? per value, values in order, the other parameters after", () => {
    const qmark = paramStyleDialect("qmark");
    const compiled = byIds([1, 2, 3]).compile({ dialect: qmark });
    expect(compiled.sql).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE user_account.id IN (__[POSTCOMPILE_id_1]) AND user_account.name != ?",
    );
    expect(run(compiled)).toEqual({
      sql: "SELECT user_account.name \nFROM user_account \nWHERE user_account.id IN (?, ?, ?) AND user_account.name != ?",
      values: [1, 2, 3, "x"],
    });
  });

  it("numbered placeholders count the expanded values", () => {
    const numeric = paramStyleDialect("numeric_dollar");
    const compiled = byIds([7, 8]).compile({ dialect: numeric });
    expect(compiled.sql).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE user_account.id IN (__[POSTCOMPILE_id_1]) AND user_account.name != $2",
    );
    expect(run(compiled).sql).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE user_account.id IN ($1, $2) AND user_account.name != $3",
    );
  });

  it("named placeholders get the parameter's name and the position, as SQLAlchemy's", () => {
    expect(run(byIds([1, 2]).compile()).sql).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE user_account.id IN (:id_1_1, :id_1_2) AND user_account.name != :name_1",
    );
  });

  it("an empty list matches nothing (IN) or everything (NOT IN)", () => {
    const qmark = paramStyleDialect("qmark");
    expect(run(select(users.c.id).where(users.c.id.in([])).compile({ dialect: qmark })).sql).toBe(
      "SELECT user_account.id \nFROM user_account \nWHERE user_account.id IN (NULL) AND (1 != 1)",
    );
    expect(run(select(users.c.id).where(users.c.id.notIn([])).compile({ dialect: qmark })).sql).toBe(
      "SELECT user_account.id \nFROM user_account \nWHERE (user_account.id NOT IN (NULL) OR (1 = 1))",
    );
  });

  it("one compiled statement serves every list length; each execution takes its own values", () => {
    const qmark = paramStyleDialect("qmark");
    expect(byIds([1]).cacheKey).toBe(byIds([1, 2, 3, 4]).cacheKey);
    const compiled = byIds([1]).compile({ dialect: qmark });
    const other = byIds([4, 5]);
    const expanded = compiled.expand(compiled.positional(undefined, other.bindParams, identity));
    expect(expanded.values).toEqual([4, 5, "x"]);
    expect(expanded.sql).toContain("IN (?, ?) AND");
  });

  it("a bindparam({ expanding }) takes its list at execution", () => {
    const qmark = paramStyleDialect("qmark");
    const stmt = select(addresses.c.email_address).where(addresses.c.user_id.in(bindparam("ids", undefined, { expanding: true })));
    const compiled = stmt.compile({ dialect: qmark });
    expect(compiled.sql).toBe("SELECT address.email_address \nFROM address \nWHERE address.user_id IN (__[POSTCOMPILE_ids])");
    expect(run(compiled, { ids: [3, 4] })).toEqual({
      sql: "SELECT address.email_address \nFROM address \nWHERE address.user_id IN (?, ?)",
      values: [3, 4],
    });
    expect(() => run(compiled, { ids: 3 })).toThrow(BindParameterError);
    expect(() => run(compiled, { ids: 3 })).toThrow(/takes an array of values/);
  });

  it("executemany needs equal list lengths", () => {
    const compiled = byIds([1]).compile({ dialect: paramStyleDialect("qmark") });
    const sets = [[[1, 2], "a"], [[3, 4], "b"]];
    expect(compiled.expandMany(sets).sets).toEqual([[1, 2, "a"], [3, 4, "b"]]);
    expect(() => compiled.expandMany([[[1], "a"], [[1, 2], "b"]])).toThrow(/lists of the same length/);
  });
});
