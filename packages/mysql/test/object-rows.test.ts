import { parseURL } from "@alkahest/core";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { MySQLDialect, type MySQLDriverConnection } from "@alkahest/mysql";
import { describeServer } from "./server.js";

describeServer("MySQL driver: rows as mysql2's objects (objectRows)", (db) => {
  let driver: MySQLDriverConnection;
  beforeAll(async () => {
    driver = (await new MySQLDialect("mysql").connect(parseURL(db.url), {})) as MySQLDriverConnection;
  });
  afterAll(() => driver.close());

  const objectRows = { objectRows: true } as const;

  it("gives mysql2's row objects for distinct column names, only when asked", async () => {
    const asked = await driver.execute("SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y'", [], objectRows);
    expect(asked).toEqual({ columns: ["a", "b"], rows: [], objectRows: [{ a: 1, b: "x" }, { a: 2, b: "y" }], rowcount: -1 });
    const plain = await driver.execute("SELECT 1 AS a, 'x' AS b", []);
    expect(plain).toEqual({ columns: ["a", "b"], rows: [[1, "x"]], rowcount: -1 });
  });

  it("keeps arrays where names repeat, so that no value is lost", async () => {
    const result = await driver.execute("SELECT 1 AS a, 2 AS a", [], objectRows);
    expect(result).toEqual({ columns: ["a", "a"], rows: [[1, 2]], rowcount: -1 });
    // The next statement, with distinct names, is not affected.
    expect((await driver.execute("SELECT 3 AS a", [], objectRows)).objectRows).toEqual([{ a: 3 }]);
  });

  it("gives an empty result and statements without rows as before", async () => {
    expect(await driver.execute("SELECT 1 AS a FROM DUAL WHERE 1 = 0", [], objectRows)).toEqual({
      columns: ["a"],
      rows: [],
      rowcount: -1,
    });
    const ddl = await driver.execute("CREATE TEMPORARY TABLE t_objects (x INT)", [], objectRows);
    expect([ddl.columns, ddl.rows, ddl.objectRows]).toEqual([null, [], undefined]);
  });
});
