import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import { createEngine, text } from "@alkahest/core";
import { PostgresDialect, type PostgresDriverConnection } from "@alkahest/postgres";
import { describeServer, openDriver, serverUrl } from "./server.js";

describe("PostgresDialect", () => {
  const dialect = new PostgresDialect();

  it("declares its identity, $n parameters and capabilities", () => {
    expect([dialect.name, dialect.driver, dialect.paramStyle, dialect.int8]).toEqual(["postgresql", "pg", "numeric_dollar", "bigint"]);
    expect(dialect.capabilities).toEqual({
      insertReturning: true,
      updateReturning: true,
      deleteReturning: true,
      savepoints: true,
      transactionalDdl: true,
      primaryKeyFromLastInsertId: false,
      multiRowInsertReturning: true,
      sentinelOrdering: true,
      nativeBoolean: true,
      nativeDecimal: true,
      nativeJson: true,
      nativeUuid: true,
      nativeEnum: true,
      arrays: true,
      alterConstraints: true,
      foreignKeysEnforced: true,
      sequences: true,
      comments: true,
      fullOuterJoin: true,
      nullsOrdering: true,
      parenthesizedCompoundSelects: true,
      upsert: "onConflict",
      distinctOn: true,
    });
    expect([dialect.insertmanyvaluesPageSize, dialect.insertmanyvaluesMaxParameters]).toEqual([1000, 65535]);
  });

  it("is the default driver for postgresql:// and pools connections in a queue", () => {
    const engine = createEngine("postgresql://localhost/x");
    expect(engine.dialect).toBeInstanceOf(PostgresDialect);
    expect(createEngine("postgresql+pg://localhost/x").dialect.driver).toBe("pg");
    expect(dialect.poolPlan(engine.url).kind).toBe("queue");
  });

  it("compiles bound parameters as $1, $2, ... in order, repeating none", () => {
    expect(dialect.compile(text("SELECT :a, :b, :a")).sql).toBe("SELECT $1, $2, $3");
  });
});

describeServer("PostgresDriverConnection", () => {
  let driver: PostgresDriverConnection;
  beforeAll(async () => {
    driver = await openDriver();
  });
  afterAll(() => driver.close());
  beforeEach(async () => {
    await driver.rollback();
    await driver.execute("DROP TABLE IF EXISTS pg_conn_t; CREATE TEMP TABLE pg_conn_t (x int, y text)", []);
  });

  it("returns rows as arrays with the column names, and rowcounts", async () => {
    const insert = await driver.execute("INSERT INTO pg_conn_t VALUES ($1, $2), ($3, $4)", [1, "a", 2, null]);
    expect(insert).toEqual({ columns: null, rows: [], rowcount: 2 });
    const select = await driver.execute("SELECT x, y AS why FROM pg_conn_t ORDER BY x", []);
    expect(select).toEqual({ columns: ["x", "why"], rows: [[1, "a"], [2, null]], rowcount: 2 });
    expect((await driver.execute("UPDATE pg_conn_t SET y = 'b' WHERE x > $1", [5])).rowcount).toBe(0);
    expect((await driver.execute("CREATE TEMP TABLE pg_conn_u (z int)", [])).rowcount).toBe(-1);
  });

  it("INSERT ... RETURNING returns its rows", async () => {
    const result = await driver.execute("INSERT INTO pg_conn_t (x) VALUES ($1) RETURNING x * 10 AS tens", [4]);
    expect(result).toEqual({ columns: ["tens"], rows: [[40]], rowcount: 1 });
  });

  it("several statements in one parameterless string report the last one", async () => {
    const result = await driver.execute("INSERT INTO pg_conn_t VALUES (1); SELECT count(*) AS n FROM pg_conn_t", []);
    expect(result).toEqual({ columns: ["n"], rows: [[1n]], rowcount: 1 });
  });

  it("executeMany runs each set in order, sums rowcounts and gathers RETURNING rows", async () => {
    const insert = await driver.executeMany("INSERT INTO pg_conn_t VALUES ($1, $2) RETURNING x", [
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
    expect(insert).toEqual({ columns: ["x"], rows: [[1], [2], [3]], rowcount: 3 });
    const update = await driver.executeMany("UPDATE pg_conn_t SET y = $1 WHERE x >= $2", [["z", 2], ["w", 9]]);
    expect(update).toEqual({ columns: null, rows: [], rowcount: 2 });
  });

  it("executeMany stops at the first failing set", async () => {
    await driver.begin();
    await expect(driver.executeMany("INSERT INTO pg_conn_t (x) VALUES ($1::int)", [[1], ["nope"], [3]])).rejects.toMatchObject({
      code: "22P02",
    });
    expect(driver.inTransaction()).toBe(true); // aborted (status E) until rolled back
    await driver.rollback();
    expect((await driver.execute("SELECT count(*) FROM pg_conn_t", [])).rows).toEqual([[0n]]);
  });

  it("a statement with parameters run a second time is prepared on the server and reused", async () => {
    const preparedCount = async (): Promise<unknown> =>
      (await driver.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT x FROM pg_conn_t WHERE x = $1'", [])).rows[0]?.[0];
    await driver.execute("SELECT x FROM pg_conn_t WHERE x = $1", [1]);
    expect(await preparedCount()).toBe(0n);
    await driver.execute("SELECT x FROM pg_conn_t WHERE x = $1", [2]);
    await driver.execute("SELECT x FROM pg_conn_t WHERE x = $1", [3]);
    expect(await preparedCount()).toBe(1n);
  });

  it("a prepared statement made stale by DDL runs again, prepared anew, outside a transaction; inside one its error stands", async () => {
    const sql = "SELECT * FROM pg_conn_t WHERE x = $1";
    await driver.execute("INSERT INTO pg_conn_t VALUES (1, 'a')", []);
    await driver.execute(sql, [1]);
    expect((await driver.execute(sql, [1])).columns).toEqual(["x", "y"]);
    await driver.execute("ALTER TABLE pg_conn_t ADD COLUMN z int", []);
    expect((await driver.execute(sql, [1])).columns).toEqual(["x", "y", "z"]);
    await driver.execute(sql, [1]);
    await driver.execute("ALTER TABLE pg_conn_t DROP COLUMN z", []);
    await driver.begin();
    await expect(driver.execute(sql, [1])).rejects.toMatchObject({ code: "0A000" });
    await driver.rollback();
    expect((await driver.execute(sql, [1])).rows).toEqual([[1, "a"]]);
  });

  it("tracks the transaction from the server's status, raw BEGIN/COMMIT included", async () => {
    expect(driver.inTransaction()).toBe(false);
    await driver.begin();
    expect(driver.inTransaction()).toBe(true);
    await driver.commit();
    expect(driver.inTransaction()).toBe(false);
    await driver.execute("BEGIN", []);
    expect(driver.inTransaction()).toBe(true);
    await driver.execute("COMMIT", []);
    expect(driver.inTransaction()).toBe(false);
  });

  it("rollback() is a no-op without a transaction: nothing is sent", async () => {
    const query = jest.spyOn(driver.client, "query");
    try {
      await driver.rollback();
      expect(query).not.toHaveBeenCalled();
      await driver.begin();
      await driver.execute("INSERT INTO pg_conn_t VALUES (1)", []);
      await driver.rollback();
      expect(query.mock.calls.map((call) => call[0])).toEqual(["BEGIN", expect.anything(), "ROLLBACK"]);
    } finally {
      query.mockRestore();
    }
    expect((await driver.execute("SELECT count(*) FROM pg_conn_t", [])).rows).toEqual([[0n]]);
  });

  it("ping() answers, and close() is idempotent and makes the connection fail", async () => {
    const other = await openDriver();
    await other.ping();
    await other.close();
    await other.close();
    await expect(other.ping()).rejects.toThrow(/not queryable/);
  });
});

describeServer("through an Engine", () => {
  it("savepoints and transactional DDL", async () => {
    const engine = createEngine(serverUrl());
    try {
      const count = await engine.connect(async (conn) => {
        await conn.execute(text("CREATE TEMP TABLE pg_sp (x int)"));
        await conn.execute(text("INSERT INTO pg_sp VALUES (:x)"), { x: 1 });
        await conn.beginNested(async () => conn.execute(text("INSERT INTO pg_sp VALUES (:x)"), { x: 2 }));
        const sp = await conn.beginNested();
        await conn.execute(text("INSERT INTO pg_sp VALUES (:x)"), { x: 3 });
        await sp.rollback();
        const n = (await conn.execute(text("SELECT count(*) FROM pg_sp"))).scalar();
        await conn.rollback();
        const exists = (await conn.execute(text("SELECT to_regclass('pg_temp.pg_sp') IS NOT NULL"))).scalar();
        return [n, exists];
      });
      expect(count).toEqual([2n, false]);
    } finally {
      await engine.dispose();
    }
  });
});
