import { describe, expect, it, jest } from "@jest/globals";
import { SQLiteDriverConnection } from "@alkahest/sqlite";
import Database from "better-sqlite3";
import { returnsAtMostOneRow } from "../src/single-row.js";

function database(): Database.Database {
  const db = new Database(":memory:");
  db.exec(`
    CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, k INTEGER);
    CREATE TABLE u (id INTEGER, name TEXT UNIQUE);
    CREATE TABLE w (a INTEGER PRIMARY KEY, b TEXT) WITHOUT ROWID;
    INSERT INTO t VALUES (1, 'x', 1), (2, 'y', 1), (3, 'z', 2);
  `);
  return db;
}

describe("SQLite: statements whose program returns at most one row", () => {
  const db = database();
  const decide = (sql: string): boolean => returnsAtMostOneRow(db, sql, (sql.match(/\?/g) ?? []).length);

  it("a lookup by rowid, with or without more conditions, and an aggregate over one", () => {
    expect(decide("SELECT t.id, t.name, t.k FROM t WHERE t.id = ?")).toBe(true);
    expect(decide("SELECT t.name FROM t WHERE t.id = ? AND t.k = ?")).toBe(true);
    expect(decide("SELECT count(*) FROM t WHERE t.id = ?")).toBe(true);
    expect(decide("SELECT upper(t.name) || ? FROM t WHERE t.id = ?")).toBe(true);
  });

  it("anything that can loop is read in full: IN lists, ranges, scans, joins, unions, subqueries", () => {
    expect(decide("SELECT * FROM t WHERE id IN (?, ?)")).toBe(false);
    expect(decide("SELECT * FROM t WHERE id >= ? AND id <= ?")).toBe(false);
    expect(decide("SELECT * FROM t WHERE k = ?")).toBe(false);
    expect(decide("SELECT * FROM t LIMIT 1")).toBe(false);
    expect(decide("SELECT * FROM t, u WHERE t.id = ?")).toBe(false);
    expect(decide("SELECT * FROM t WHERE id = ? UNION ALL SELECT * FROM t WHERE id = ?")).toBe(false);
    expect(decide("SELECT t.*, (SELECT max(k) FROM t) FROM t WHERE id = ?")).toBe(false);
    expect(decide("SELECT * FROM t WHERE id IN (SELECT k FROM t)")).toBe(false);
    expect(decide("SELECT * FROM t GROUP BY k")).toBe(false);
  });

  it("says no where it cannot read the program", () => {
    expect(decide("SELECT * FROM missing WHERE id = ?")).toBe(false);
    expect(returnsAtMostOneRow(db, "SELECT * FROM t WHERE id = :id", 1)).toBe(false);
  });
});

describe("SQLite driver: single-row reads", () => {
  const sql = "SELECT t.id, t.name FROM t WHERE t.id = ?";

  it("reads a lookup by rowid with get() from its second run, with the rows all() would give", () => {
    const driver = new SQLiteDriverConnection(database());
    const explain = jest.spyOn(driver.db, "prepare");
    expect(driver.executeSync(sql, [1]).rows).toEqual([[1, "x"]]);
    expect(explain.mock.calls.some(([text]) => String(text).startsWith("EXPLAIN"))).toBe(false);
    expect(driver.executeSync(sql, [2]).rows).toEqual([[2, "y"]]);
    expect(explain.mock.calls.filter(([text]) => String(text).startsWith("EXPLAIN"))).toHaveLength(1);
    expect(driver.executeSync(sql, [99]).rows).toEqual([]);
    expect(driver.executeSync(sql, [3])).toEqual({ columns: ["id", "name"], rows: [[3, "z"]], rowcount: -1 });
  });

  it("asks again after DDL on the connection: a table rebuilt without its key gives every matching row", () => {
    const driver = new SQLiteDriverConnection(database());
    driver.executeSync(sql, [1]);
    expect(driver.executeSync(sql, [1]).rows).toEqual([[1, "x"]]);
    driver.executeSync("DROP TABLE t", []);
    driver.executeSync("CREATE TABLE t (id INTEGER, name TEXT)", []);
    driver.executeSync("INSERT INTO t VALUES (1, 'a'), (1, 'b')", []);
    expect(driver.executeSync(sql, [1]).rows).toEqual([
      [1, "a"],
      [1, "b"],
    ]);
  });
});
