import { describe, expect, it } from "@jest/globals";
import { checkConstraints, constraintNames, columnsKey, primaryKeyName } from "../src/create-table-text.js";

describe("SQLite CHECK constraints read from CREATE TABLE text", () => {
  it("table and column CHECKs in the order written, named where CONSTRAINT names them", () => {
    const sql =
      "CREATE TABLE t (\n\tid INTEGER NOT NULL, \n\tqty INTEGER CHECK (qty >= 0), \n\tPRIMARY KEY (id), \n" +
      "\tCONSTRAINT ck_t_qty CHECK (qty < 100)\n)";
    expect(checkConstraints(sql)).toEqual([
      { name: null, sqltext: "qty >= 0" },
      { name: "ck_t_qty", sqltext: "qty < 100" },
    ]);
  });

  it("nested parentheses, and parentheses or CHECK inside strings, quoted names and comments", () => {
    const sql =
      `CREATE TABLE "odd table" ("a)" TEXT, b INT, -- CHECK (nothing)\n` +
      `CONSTRAINT "ck ""x""" CHECK (("a)" <> 'CHECK (') AND (b IN (1, 2) OR b > length('))'))), ` +
      `/* CONSTRAINT ck_no CHECK (0) */ CONSTRAINT [ck y] CHECK(b<>0), CONSTRAINT \`ck z\` CHECK ((b) > 0))`;
    expect(checkConstraints(sql)).toEqual([
      { name: 'ck "x"', sqltext: `("a)" <> 'CHECK (') AND (b IN (1, 2) OR b > length('))'))` },
      { name: "ck y", sqltext: "b<>0" },
      { name: "ck z", sqltext: "(b) > 0" },
    ]);
  });

  it("a table without CHECKs has none; a column named like the keyword is not one", () => {
    expect(checkConstraints('CREATE TABLE t (x INT, "check" INT, checked INT)')).toEqual([]);
    expect(checkConstraints("")).toEqual([]);
  });
});

describe("constraint names read from CREATE TABLE text", () => {
  it("UNIQUE and PRIMARY KEY names, by column list", () => {
    const sql = 'CREATE TABLE t (a INT, "B" INT, CONSTRAINT pk_t PRIMARY KEY (a), CONSTRAINT "uq t" UNIQUE (a, "B"))';
    expect(primaryKeyName(sql)).toBe("pk_t");
    expect(constraintNames(sql, "UNIQUE").get(columnsKey(["a", "b"]))).toBe("uq t");
    expect(primaryKeyName("CREATE TABLE t (a INT PRIMARY KEY)")).toBeNull();
  });
});
