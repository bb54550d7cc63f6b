import { describe, expect, it } from "@jest/globals";
import { consecutiveIds, consecutiveInsertIds, insertValuesShape, pageRows } from "../src/insert-pages.js";

describe("executemany of an INSERT as multi-row pages", () => {
  it("finds the VALUES row of an INSERT made only of placeholders", () => {
    expect(insertValuesShape("INSERT INTO t (a, b) VALUES (?, ?)")).toEqual({
      prefix: "INSERT INTO t (a, b) VALUES ",
      row: "(?, ?)",
      tail: "",
      upsert: false,
    });
    expect(insertValuesShape("INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)")).toMatchObject({
      row: "(?)",
      tail: " ON DUPLICATE KEY UPDATE a = VALUES(a)",
      upsert: true,
    });
    expect(insertValuesShape("insert ignore into t (a) values(?)")).toMatchObject({ prefix: "insert ignore into t (a) values", row: "(?)" });
  });

  it.each([
    ["UPDATE t SET a = ? WHERE b = ?"],
    ["INSERT INTO t (a, b) VALUES (?, now())"],
    ["INSERT INTO t (a) VALUES (?) RETURNING t.id"],
    ["INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = ?"],
    ["INSERT INTO t (a) SELECT ? FROM dual"],
    ["INSERT INTO `?` (a) VALUES (?)"],
  ])("runs %s once per parameter set", (sql) => {
    expect(insertValuesShape(sql)).toBeNull();
  });

  it("pages rows by statement length; a row longer than the limit goes alone", () => {
    const shape = insertValuesShape("INSERT INTO t (a) VALUES (?)")!;
    const rows = ["(1)", "(2)", "('a long row')", "(3)"];
    // The prefix is 25 characters: 25 + "(1),(2)" fits 32, a third row would not.
    expect(pageRows(shape, rows, 32)).toEqual([
      { sql: "INSERT INTO t (a) VALUES (1),(2)", first: 0, count: 2 },
      { sql: "INSERT INTO t (a) VALUES ('a long row')", first: 2, count: 1 },
      { sql: "INSERT INTO t (a) VALUES (3)", first: 3, count: 1 },
    ]);
    expect(pageRows(shape, rows).map((p) => p.count)).toEqual([4]);
  });

  it("derives consecutive ids from the first, by the increment, as bigints past 2^53", () => {
    expect(consecutiveInsertIds(7, 3, 1)).toEqual([7, 8, 9]);
    expect(consecutiveInsertIds(1, 3, 5)).toEqual([1, 6, 11]);
    expect(consecutiveInsertIds(Number.MAX_SAFE_INTEGER - 1, 3, 1)).toEqual([
      9007199254740990n,
      9007199254740991n,
      9007199254740992n,
    ]);
    expect(consecutiveInsertIds(2n ** 60n, 2, 2)).toEqual([2n ** 60n, 2n ** 60n + 2n]);
  });

  it("trusts consecutive ids under innodb_autoinc_lock_mode 0 and 1, not 2", () => {
    expect([0, 1, 2].map(consecutiveIds)).toEqual([true, true, false]);
  });
});
