import { describe, expect, it } from "@jest/globals";
import { ArgumentError, except_, exceptAll, intersect, intersectAll, select, union, unionAll } from "../../src/index.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

const low = select(users.c.id, users.c.name).where(users.c.id.lt(3));
const high = select(users.c.id, users.c.name).where(users.c.id.gt(5));

describe("UNION and friends", () => {
  it("join their SELECTs with the keyword", () => {
    expect(sql(union(low, high))).toBe(
      "SELECT user_account.id, user_account.name \nFROM user_account \nWHERE user_account.id < :id_1 UNION " +
        "SELECT user_account.id, user_account.name \nFROM user_account \nWHERE user_account.id > :id_2",
    );
    expect(sql(unionAll(low, high))).toContain(" UNION ALL SELECT");
    expect(sql(intersect(low, high))).toContain(" INTERSECT SELECT");
    expect(sql(intersectAll(low, high))).toContain(" INTERSECT ALL SELECT");
    expect(sql(except_(low, high))).toContain(" EXCEPT SELECT");
    expect(sql(exceptAll(low, high))).toContain(" EXCEPT ALL SELECT");
    expect(sql(low.union(high, high))).toBe(
      "SELECT user_account.id, user_account.name \nFROM user_account \nWHERE user_account.id < :id_1 UNION " +
        "SELECT user_account.id, user_account.name \nFROM user_account \nWHERE user_account.id > :id_2 UNION " +
        "SELECT user_account.id, user_account.name \nFROM user_account \nWHERE user_account.id > :id_2",
    );
  });

  it("ORDER BY and LIMIT apply to the whole, naming columns without their table", () => {
    expect(sql(union(low, high).orderBy(users.c.name.desc(), "id").limit(3))).toBe(
      `${sql(union(low, high))} ORDER BY name DESC, id\n LIMIT :param_1`,
    );
  });

  it("a SELECT with its own ORDER BY / LIMIT, or a nested compound, is parenthesized", () => {
    const first = select(users.c.id, users.c.name).orderBy(users.c.id).limit(1);
    expect(sql(union(first, high))).toBe(
      "(SELECT user_account.id, user_account.name \nFROM user_account ORDER BY user_account.id\n LIMIT :param_1) UNION " +
        "SELECT user_account.id, user_account.name \nFROM user_account \nWHERE user_account.id > :id_1",
    );
    expect(sql(union(low, unionAll(high, high)))).toContain(" UNION (SELECT user_account.id");
  });

  it("rows are the first SELECT's: result columns, parameters in order", () => {
    const compiled = union(low, high).compile();
    expect(compiled.resultColumns?.map((c) => c.key)).toEqual(["id", "name"]);
    expect(compiled.params).toEqual({ id_1: 3, id_2: 5 });
  });

  it("as a subquery", () => {
    const both = union(low, high).subquery("both_ends");
    expect(sql(select(both.c.name).where(both.c.id.ne(4)))).toBe(
      "SELECT both_ends.name \nFROM (SELECT user_account.id AS id, user_account.name AS name \nFROM user_account \n" +
        "WHERE user_account.id < :id_1 UNION SELECT user_account.id AS id, user_account.name AS name \nFROM user_account \n" +
        "WHERE user_account.id > :id_2) AS both_ends \nWHERE both_ends.id != :id_3",
    );
  });

  it("needs the same number of columns in every SELECT", () => {
    expect(() => union(low, select(addresses.c.id))).toThrow(ArgumentError);
    expect(() => union(low, select(addresses.c.id))).toThrow(/SELECT #1 has 2, SELECT #2 has 1/);
  });
});
