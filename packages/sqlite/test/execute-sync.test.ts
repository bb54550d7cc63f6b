import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { bindparam, Column, createEngine, IntegrityError, Integer, MetaData, select, String, Table, text } from "@alkahest/core";
import { SQLiteDriverConnection } from "@alkahest/sqlite";
import Database from "better-sqlite3";

function open(): SQLiteDriverConnection {
  const driver = new SQLiteDriverConnection(new Database(":memory:"));
  driver.db.exec("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)");
  driver.db.exec("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
  return driver;
}

const users = Table(
  "user_account",
  MetaData(),
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
);

describe("SQLite driver: executeSync (execute without the promise)", () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("gives what execute gives, for reads and writes", async () => {
    const driver = open();
    const sql = "SELECT a, b FROM t WHERE a >= ? ORDER BY a";
    expect(driver.executeSync(sql, [1])).toEqual({ columns: ["a", "b"], rows: [[1, "x"], [2, "y"]], rowcount: -1 });
    expect(await driver.execute(sql, [2])).toEqual({ columns: ["a", "b"], rows: [[2, "y"]], rowcount: -1 });
    expect(driver.executeSync("INSERT INTO t (b) VALUES (?)", ["z"])).toEqual({
      columns: null,
      rows: [],
      rowcount: 1,
      lastInsertId: 3,
    });
    await driver.close();
  });

  it("throws the driver's error at once, where execute rejects with it", async () => {
    const driver = open();
    let thrown: unknown;
    try {
      driver.executeSync("INSERT INTO t VALUES (1, 'again')", []);
    } catch (error) {
      thrown = error;
    }
    const expected = { code: "SQLITE_CONSTRAINT_PRIMARYKEY", message: "UNIQUE constraint failed: t.a" };
    expect(thrown).toMatchObject(expected);
    await expect(driver.execute("INSERT INTO t VALUES (1, 'again')", [])).rejects.toMatchObject(expected);
    await driver.close();
  });

  it("is what Connection.execute runs a single statement with, errors mapped as before", async () => {
    const sync = jest.spyOn(SQLiteDriverConnection.prototype, "executeSync");
    const async = jest.spyOn(SQLiteDriverConnection.prototype, "execute");
    const engine = createEngine("sqlite:///:memory:");
    await engine.begin(async (conn) => {
      await conn.execute(text("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30))"));
      await conn.execute(text("INSERT INTO user_account (id, name) VALUES (:id, :name)"), { id: 7, name: "sandy" });
      const stmt = select(users).where(users.c.id.eq(bindparam("id")));
      const row = (await conn.execute(stmt, { id: 7 })).one();
      expect([row.id, row.name]).toEqual([7, "sandy"]);
      await expect(conn.execute(text("INSERT INTO user_account (id, name) VALUES (7, 'again')"))).rejects.toThrow(
        IntegrityError,
      );
    });
    expect(sync.mock.calls.map((call) => call[0])).toEqual([
      "CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30))",
      "INSERT INTO user_account (id, name) VALUES (?, ?)",
      "SELECT user_account.id, user_account.name \nFROM user_account \nWHERE user_account.id = ?",
      "INSERT INTO user_account (id, name) VALUES (7, 'again')",
    ]);
    expect(async).not.toHaveBeenCalled();
    await engine.dispose();
  });
});
