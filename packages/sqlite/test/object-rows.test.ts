import { describe, expect, it } from "@jest/globals";
import { createEngine, text } from "@alkahest/core";
import { SQLiteDriverConnection } from "@alkahest/sqlite";
import Database from "better-sqlite3";

const objectRows = { objectRows: true } as const;

/** A driver giving objects for results of any size, so that small tables show the logic. */
function open(): SQLiteDriverConnection {
  const driver = new SQLiteDriverConnection(new Database(":memory:"), 1);
  driver.db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
  driver.db.exec("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
  return driver;
}

describe("SQLite driver: rows as better-sqlite3's objects (objectRows)", () => {
  it("gives row objects once the statement's columns are known (from its first run), only when asked", async () => {
    const driver = open();
    const sql = "SELECT a, b FROM t ORDER BY a";
    const first = await driver.execute(sql, [], objectRows);
    expect(first).toEqual({ columns: ["a", "b"], rows: [[1, "x"], [2, "y"]], rowcount: -1 });
    const second = await driver.execute(sql, [], objectRows);
    expect(second).toEqual({ columns: ["a", "b"], rows: [], objectRows: [{ a: 1, b: "x" }, { a: 2, b: "y" }], rowcount: -1 });
    // The same prepared statement goes back to arrays for a caller that did not ask.
    expect((await driver.execute(sql, [], {})).rows).toEqual([
      [1, "x"],
      [2, "y"],
    ]);
    expect((await driver.executeMany(sql, [[], []])).rows).toHaveLength(4);
    await driver.close();
  });

  it("keeps arrays where names repeat or one is __proto__, and for exact integers", async () => {
    const driver = open();
    for (const sql of ["SELECT a, b AS a FROM t", 'SELECT a AS "__proto__", b FROM t', "SELECT a, b FROM t WHERE a = 1"]) {
      const options = sql.includes("WHERE") ? { objectRows: true, exactIntegers: true } : objectRows;
      await driver.execute(sql, [], options);
      const result = await driver.execute(sql, [], options);
      expect(result.objectRows).toBeUndefined();
      expect(result.rows[0]).toEqual([1, "x"]);
    }
    await driver.close();
  });

  it("asks for the columns again after DDL, and after rolling DDL back, but not after other rollbacks", async () => {
    const driver = open();
    const sql = "SELECT * FROM t ORDER BY a";
    await driver.execute(sql, [], objectRows);
    expect((await driver.execute(sql, [], objectRows)).objectRows?.[0]).toEqual({ a: 1, b: "x" });
    // A rollback without DDL keeps what is known of the statement.
    await driver.begin();
    await driver.execute("UPDATE t SET b = 'z' WHERE a = 1", []);
    await driver.rollback();
    expect((await driver.execute(sql, [], objectRows)).objectRows?.[0]).toEqual({ a: 1, b: "x" });
    // DDL: the next run gives arrays and the new columns, the one after objects again.
    await driver.begin();
    await driver.execute("ALTER TABLE t ADD COLUMN c INTEGER", []);
    const altered = await driver.execute(sql, [], objectRows);
    expect(altered).toMatchObject({ columns: ["a", "b", "c"], rows: [[1, "x", null], [2, "y", null]] });
    expect((await driver.execute(sql, [], objectRows)).objectRows?.[0]).toEqual({ a: 1, b: "x", c: null });
    // Rolling the DDL back changes the columns again.
    await driver.rollback();
    expect(await driver.execute(sql, [], objectRows)).toMatchObject({ columns: ["a", "b"], rows: [[1, "x"], [2, "y"]] });
    await driver.close();
  });

  it("gives objects only once a run returned 20,000 rows or more, by default", async () => {
    const driver = new SQLiteDriverConnection(new Database(":memory:"));
    const count = (n: number): string =>
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n}) SELECT i, 'x' AS s FROM n`;
    for (const [n, objects] of [
      [19_999, false],
      [19_999, false],
      [20_000, false],
      [20_000, true],
    ] as const) {
      const result = await driver.execute(count(n), [], objectRows);
      expect([result.objectRows !== undefined, (result.objectRows ?? result.rows).length]).toEqual([objects, n]);
    }
    await driver.close();
  });

  it('rows from objects are built and logged (echo: "debug") as rows from arrays are', async () => {
    const lines: string[] = [];
    const engine = createEngine("sqlite://", { echo: "debug", logger: { info: (m) => lines.push(m), debug: (m) => lines.push(m) } });
    const stmt = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) SELECT i AS a, 'x' AS b FROM n");
    const runs = await engine.connect(async (conn) => {
      const out: unknown[][][] = [];
      for (let i = 0; i < 2; i++) out.push((await conn.execute(stmt)).all().map((row) => [row.a, row[1], row._tuple()]));
      return out;
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[1]?.[19_999]).toEqual([20_000, "x", [20_000, "x"]]);
    const logged = lines.filter((line) => line.startsWith("Row "));
    expect(logged).toHaveLength(40_000);
    expect([logged[19_999], logged[39_999]]).toEqual(["Row (20000, 'x')", "Row (20000, 'x')"]);
    await engine.dispose();
  });
});
