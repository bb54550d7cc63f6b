import { IntegrityError, OperationalError, parseURL, ProgrammingError, DataError, text } from "@alkahest/core";
import { beforeAll, expect, it, jest } from "@jest/globals";
import { MySQLDialect, type MySQLDriverConnection } from "@alkahest/mysql";
import { describeServer } from "./server.js";

describeServer("MySQL driver connection against the server", (db) => {
  beforeAll(async () => {
    await db.engine().begin(async (conn) => {
      await conn.execDriverSql("CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(3) NOT NULL UNIQUE, n INT)");
      await conn.execDriverSql("CREATE TABLE big_ids (id BIGINT AUTO_INCREMENT PRIMARY KEY, x INT) AUTO_INCREMENT = 1152921504606846976");
    });
  });

  async function openDriver(url = db.url): Promise<MySQLDriverConnection> {
    return (await new MySQLDialect("mysql").connect(parseURL(url), {})) as MySQLDriverConnection;
  }

  it("detects the server's flavour and version on the first connect", async () => {
    const engine = db.engine({}, db.url.replace(/^[a-z]+(\+mysql2)?:/, "mysql+mysql2:"));
    const dialect = engine.dialect as MySQLDialect;
    expect(dialect.serverVersion).toBeNull();
    const version = String(await engine.connect(async (conn) => (await conn.execDriverSql("SELECT VERSION()")).scalar()));
    expect(dialect.flavour).toBe(/mariadb/i.test(version) ? "mariadb" : "mysql");
    expect(dialect.name).toBe(dialect.flavour);
    expect(dialect.serverVersion?.join(".")).toBe(/(\d+\.\d+\.\d+)/.exec(version.replace(/^5\.5\.5-/, ""))?.[1]);
  });

  it("runs every session in UTC with autocommit off, and leaves the server's sql_mode alone", async () => {
    const driver = await openDriver();
    try {
      const result = await driver.execute("SELECT @@session.time_zone, @@session.autocommit, @@session.sql_mode", []);
      expect(result.rows[0]!.slice(0, 2)).toEqual(["+00:00", "0"]); // @@autocommit is a BIGINT: a string
      expect(result.rows[0]![2]).not.toMatch(/IGNORE_SPACE/);
      expect(result.columns).toEqual(["@@session.time_zone", "@@session.autocommit", "@@session.sql_mode"]);
      expect(result.rowcount).toBe(-1);
    } finally {
      await driver.close();
    }
  });

  it("begin() costs no round trip; rollback() sends nothing when nothing ran", async () => {
    const driver = await openDriver();
    const other = await openDriver();
    try {
      const query = jest.spyOn(driver.raw, "query");
      await driver.rollback();
      await driver.begin();
      expect(query).not.toHaveBeenCalled();
      await driver.execute("INSERT INTO items (name, n) VALUES (?, ?)", ["tx", 1]);
      // Not visible elsewhere until COMMIT: the INSERT opened a transaction.
      expect((await other.execute("SELECT count(*) FROM items WHERE name = 'tx'", [])).rows).toEqual([["0"]]);
      await driver.rollback();
      expect(query.mock.calls.at(-1)?.[0]).toBe("ROLLBACK");
      await other.rollback();
      expect((await other.execute("SELECT count(*) FROM items WHERE name = 'tx'", [])).rows).toEqual([["0"]]);
    } finally {
      await Promise.all([driver.close(), other.close()]);
    }
  });

  it("reports matched rows, generated ids (bigint past 2^53), and none for other statements", async () => {
    const driver = await openDriver();
    try {
      const inserted = await driver.execute("INSERT INTO items (name, n) VALUES (?, ?)", ["a", 1]);
      expect(inserted.rowcount).toBe(1);
      expect(typeof inserted.lastInsertId).toBe("number");
      // CLIENT_FOUND_ROWS: a row matched but left unchanged still counts.
      expect((await driver.execute("UPDATE items SET n = ? WHERE name = ?", [1, "a"])).rowcount).toBe(1);
      expect((await driver.execute("UPDATE items SET n = n WHERE name = ?", ["zz"])).lastInsertId).toBeNull();
      const big = await driver.execute("INSERT INTO big_ids (x) VALUES (?)", [1]);
      expect(big.lastInsertId).toBe(1152921504606846976n);
      const many = await driver.executeMany("INSERT INTO items (name, n) VALUES (?, ?)", [["b", 2], ["c", 3]]);
      expect(many.rowcount).toBe(2);
      await driver.commit();
    } finally {
      await driver.close();
    }
  });

  it("a ? inside quotes or a comment is not a placeholder", async () => {
    const driver = await openDriver();
    try {
      const result = await driver.execute("SELECT '?' AS q, /* ? */ ? AS p, `?` FROM (SELECT 1 AS `?`) AS t", ["x"]);
      expect(result.rows).toEqual([["?", "x", 1]]);
    } finally {
      await driver.close();
    }
  });

  it("escapes correctly under sql_mode NO_BACKSLASH_ESCAPES, which the server announces", async () => {
    const driver = await openDriver();
    try {
      await driver.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')", []);
      const value = `a\\' OR 1=1 -- '`;
      expect((await driver.execute("SELECT ? AS v", [value])).rows).toEqual([[value]]);
    } finally {
      await driver.close();
    }
  });

  it("refuses values that are not one SQL value, before sending, and the connection goes on", async () => {
    const engine = db.engine();
    await engine.connect(async (conn) => {
      for (const bad of [{ a: 1 }, [1, 2], Number.NaN]) {
        const error = await conn.execute(text("SELECT :v AS v"), { v: bad }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProgrammingError);
        expect((error as Error).message).toMatch(/^\(mysql2\.TypeError\) Parameter 1 /);
      }
      expect((await conn.execute(text("SELECT :v AS v"), { v: "ok" })).scalar()).toBe("ok");
    });
  });

  it.each([
    ["INSERT INTO items (name, n) VALUES ('dup', 1), ('dup', 2)", IntegrityError, 1062],
    ["INSERT INTO items (name, n) VALUES (NULL, 1)", IntegrityError, 1048],
    ["INSERT INTO items (name, n) VALUES ('toolong', 1)", DataError, 1406],
    ["SELECT nope FROM items", ProgrammingError, 1054],
    ["SELECT * FROM no_such_table", ProgrammingError, 1146],
  ] as const)("server errors are mapped: %s", async (sql, errorClass, errno) => {
    const error = await db.engine().connect((conn) => conn.execDriverSql(sql)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ code: errno, connectionInvalidated: false, sql });
  });

  it("a connection killed in use is invalidated, and the pool opens a new one", async () => {
    const engine = db.engine({ poolSize: 1 });
    const conn = await engine.connect();
    const id = await conn.execute(text("SELECT CONNECTION_ID()")).then((r) => r.scalar());
    await db.admin(`KILL CONNECTION ${String(id)}`);
    const error = await conn.execute(text("SELECT 1")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationalError);
    expect((error as OperationalError).connectionInvalidated).toBe(true);
    await conn.close();
    const next = await engine.connect(async (c) => (await c.execute(text("SELECT CONNECTION_ID()"))).scalar());
    expect(next).not.toBe(id);
  });

  it("a pooled connection killed while idle does not crash the process; pre-ping replaces it", async () => {
    const engine = db.engine({ poolSize: 1, poolPrePing: true });
    const id = await engine.connect(async (c) => (await c.execute(text("SELECT CONNECTION_ID()"))).scalar());
    await db.admin(`KILL CONNECTION ${String(id)}`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the socket's close arrive
    const next = await engine.connect(async (c) => (await c.execute(text("SELECT CONNECTION_ID()"))).scalar());
    expect(next).not.toBe(id);
  });
});
