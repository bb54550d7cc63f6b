import { Column, insert, Integer, MetaData, parseURL, renderURL, select, String, Table, type Engine } from "@alkahest/core";
import { afterEach, beforeEach, expect, it, jest } from "@jest/globals";
import { MySQLDialect, type MySQLDriverConnection } from "@alkahest/mysql";
import { describeServer } from "./server.js";

const metadata = MetaData();
const items = Table("items", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30), { nullable: false }));

const ROWS = 10_000;
const input = Array.from({ length: ROWS }, (_, i) => ({ name: `n${i}` }));

/** The stored id of each name. */
async function storedIds(engine: Engine): Promise<Map<unknown, unknown>> {
  const rows = await engine.connect(async (conn) => (await conn.execute(select(items.c.id, items.c.name))).all());
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** How many INSERT statements this session has run (the server's Com_insert counter). */
async function insertStatements(run: (sql: string) => Promise<unknown[][]>): Promise<number> {
  const [row] = await run("SHOW SESSION STATUS LIKE 'Com_insert'");
  return Number(row?.[1]);
}

describeServer("MySQL primary keys of many inserted rows", (db) => {
  const withoutReturning = (): string => {
    const url = parseURL(db.url);
    return renderURL({ ...url, query: { ...url.query, returning: "false" } }, { hidePassword: false });
  };

  beforeEach(async () => {
    const engine = db.engine();
    await engine.begin(async (conn) => {
      await conn.execDriverSql("DROP TABLE IF EXISTS items");
      await metadata.createAll(conn, { checkfirst: false });
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it(`RETURNING: ${ROWS} rows in insertmanyvalues pages, every returned id the one stored for its row`, async () => {
    const log: string[] = [];
    const engine = db.engine({ echo: true, logger: { info: (line) => log.push(line) } });
    const rows = await engine.begin(async (conn) => (await conn.execute(insert(items).returning(items.c.id, items.c.name), input)).all());
    expect(rows).toHaveLength(ROWS);
    const ids = await storedIds(engine);
    expect(rows.filter((r) => ids.get(r.name) !== r.id)).toEqual([]);
    // 1000 rows a page (one parameter each: far below the parameter limit).
    expect(log.filter((l) => l.includes("insertmanyvalues"))).toHaveLength(10);
  });

  it(`RETURNING in parameter order: ${ROWS} rows sorted by their AUTO_INCREMENT key, which is added to RETURNING`, async () => {
    const log: string[] = [];
    const engine = db.engine({ echo: true, logger: { info: (line) => log.push(line) } });
    const reversed = [...input].reverse();
    const rows = await engine.begin(async (conn) =>
      (await conn.execute(insert(items).returning(items.c.name, { sortByParameterOrder: true }), reversed)).all(),
    );
    expect(rows.map((r) => r.name)).toEqual(reversed.map((r) => r.name));
    expect(rows[0]!._tuple()).toEqual([`n${ROWS - 1}`]);
    const statements = log.filter((l) => l.startsWith("INSERT"));
    expect(statements).toHaveLength(10);
    expect(statements[0]).toMatch(/^INSERT INTO items \(name\) VALUES \(\?\), \(\?\), .* RETURNING items\.name, items\.id$/);
    expect(log.filter((l) => l.includes("insertmanyvalues")).every((l) => l.includes("(ordered)"))).toBe(true);
  });

  it(`without RETURNING: executemany of ${ROWS} rows is a few multi-row INSERTs, each row's id derived from the insert id`, async () => {
    const engine = db.engine({}, withoutReturning());
    await engine.begin(async (conn) => {
      const run = async (sql: string) => (await conn.execDriverSql(sql)).all().map((r) => r._tuple());
      const before = await insertStatements(run);
      const result = await conn.execute(insert(items), input);
      expect(result.rowcount).toBe(ROWS);
      // About 7 characters a row: the rows fit in one statement of at most 1 MB.
      expect((await insertStatements(run)) - before).toBe(1);
      const ids = result.insertedPrimaryKeyRows.map((r) => r._tuple()[0]);
      expect(ids).toEqual(input.map((_, i) => i + 1));
    });
  });

  it("without RETURNING, ids follow the session's auto_increment_increment", async () => {
    const driver = (await new MySQLDialect("mariadb", { returning: false }).connect(parseURL(db.url), {})) as MySQLDriverConnection;
    try {
      await driver.execute("SET SESSION auto_increment_increment = 3", []);
      const result = await driver.executeMany("INSERT INTO items (name) VALUES (?)", [["a"], ["b"], ["c"]], { generatedIds: true });
      expect(result.insertIds).toEqual([1, 4, 7]);
      const stored = await driver.execute("SELECT id FROM items ORDER BY id", []);
      expect(stored.rows.map((r) => r[0])).toEqual([1, 4, 7]);
    } finally {
      await driver.close();
    }
  });

  it("where ids are not provably consecutive (innodb_autoinc_lock_mode 2), one row a statement, each reporting its id", async () => {
    const driver = (await new MySQLDialect("mariadb").connect(parseURL(db.url), {})) as MySQLDriverConnection;
    try {
      const execute = driver.execute.bind(driver);
      // The server's lock mode is global and read-only: answer as MySQL 8's default would.
      jest.spyOn(driver, "execute").mockImplementation((sql: string, params: readonly unknown[]) =>
        sql.startsWith("SELECT @@innodb_autoinc_lock_mode")
          ? Promise.resolve({ columns: ["mode", "increment"], rows: [["2", "1"]], rowcount: -1 })
          : execute(sql, params),
      );
      const run = async (sql: string) => (await execute(sql, [])).rows as unknown[][];
      const before = await insertStatements(run);
      const result = await driver.executeMany("INSERT INTO items (name) VALUES (?)", [["a"], ["b"], ["c"]], { generatedIds: true });
      expect((await insertStatements(run)) - before).toBe(3);
      expect(result.insertIds).toEqual([1, 2, 3]);
      // Without generatedIds the rows still go as one multi-row statement.
      const plain = await driver.executeMany("INSERT INTO items (name) VALUES (?)", [["d"], ["e"]]);
      expect((await insertStatements(run)) - before).toBe(4);
      expect([plain.rowcount, plain.insertIds]).toEqual([2, undefined]);
    } finally {
      await driver.close();
    }
  });

  it("a page whose rows were not all inserted (INSERT IGNORE of a duplicate) reports no ids", async () => {
    const driver = (await new MySQLDialect("mariadb").connect(parseURL(db.url), {})) as MySQLDriverConnection;
    try {
      await driver.execute("INSERT INTO items (id, name) VALUES (2, 'taken')", []);
      const result = await driver.executeMany("INSERT IGNORE INTO items (id, name) VALUES (?, ?)", [[null, "a"], [2, "dup"], [null, "b"]], {
        generatedIds: true,
      });
      expect(result.rowcount).toBe(2);
      expect(result.insertIds).toEqual([null, null, null]);
    } finally {
      await driver.close();
    }
  });

  it("keys given in the parameters are the inserted keys; no id is asked of the server", async () => {
    const engine = db.engine({}, withoutReturning());
    const result = await engine.begin((conn) => conn.execute(insert(items), [{ id: 10, name: "a" }, { id: 20, name: "b" }]));
    expect(result.insertedPrimaryKeyRows.map((r) => r._tuple())).toEqual([[10], [20]]);
  });
});
