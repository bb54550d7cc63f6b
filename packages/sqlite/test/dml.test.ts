import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Column, createEngine, delete_, insert, Integer, MetaData, select, String, Table, update, type Engine } from "@alkahest/core";
import { SQLiteDialect } from "@alkahest/sqlite";

// `String` here is the SQL type, as in SQLAlchemy code.
const dialect = new SQLiteDialect();
const sqlite = (stmt: { compile(options: { dialect: SQLiteDialect }): { sql: string } }): string =>
  stmt.compile({ dialect }).sql;

const metadata = MetaData();
const userTable = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("fullname", String),
);
const WIDTH = 50;
const wide = Table(
  "wide",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  ...Array.from({ length: WIDTH }, (_, i) => Column(`c${i}`, Integer)),
);

describe("SQLite's DML SQL", () => {
  it("qmark placeholders, and RETURNING columns without their table, as SQLAlchemy's SQLite compiler", () => {
    expect(sqlite(insert(userTable).values({ name: "a", fullname: "b" }))).toBe("INSERT INTO user_account (name, fullname) VALUES (?, ?)");
    expect(sqlite(insert(userTable).values({ name: "a" }).returning(userTable.c.id, userTable.c.fullname.label("full_name")))).toBe(
      "INSERT INTO user_account (name) VALUES (?) RETURNING id, fullname AS full_name",
    );
    expect(sqlite(update(userTable).values({ name: "x" }).where(userTable.c.id.eq(1)).returning(userTable.c.name))).toBe(
      "UPDATE user_account SET name=? WHERE user_account.id = ? RETURNING name",
    );
    expect(sqlite(delete_(userTable).where(userTable.c.id.gt(1)).returning(userTable.c.id))).toBe(
      "DELETE FROM user_account WHERE user_account.id > ? RETURNING id",
    );
  });

  it("no implicit RETURNING for the primary key: SQLite's lastInsertId tells it", () => {
    expect(dialect.capabilities.primaryKeyFromLastInsertId).toBe(true);
    expect(sqlite(insert(userTable).values({ name: "a" }))).toBe("INSERT INTO user_account (name) VALUES (?)");
  });

  it("an INSERT of no columns is DEFAULT VALUES; limits and capabilities come from the bundled SQLite", () => {
    expect(insert(userTable).compile({ dialect, columnKeys: [] }).sql).toBe("INSERT INTO user_account DEFAULT VALUES");
    expect(dialect.insertmanyvaluesMaxParameters).toBe(32766);
    expect(dialect.insertmanyvaluesPageSize).toBe(1000);
    expect(dialect.capabilities.multiRowInsertReturning).toBe(true);
    expect(dialect.capabilities.sentinelOrdering).toBe(true);
  });
});

describe("DML on SQLite", () => {
  let engine: Engine;
  let lines: string[];

  beforeEach(async () => {
    lines = [];
    engine = createEngine("sqlite://", { echo: true, logger: { info: (m) => lines.push(m) } });
    await engine.begin(async (conn) => {
      await conn.execDriverSql("CREATE TABLE user_account (id INTEGER NOT NULL, name VARCHAR(30), fullname VARCHAR, PRIMARY KEY (id))");
      const cols = Array.from({ length: WIDTH }, (_, i) => `c${i} INTEGER`).join(", ");
      await conn.execDriverSql(`CREATE TABLE wide (id INTEGER NOT NULL PRIMARY KEY, ${cols})`);
    });
    lines.length = 0;
  });

  afterEach(async () => {
    await engine.dispose();
  });

  it("In [22]-[24]: logs and primary keys as the seed shows them", async () => {
    const stmt = insert(userTable).values({ name: "spongebob", fullname: "Spongebob Squarepants" });
    const result = await engine.connect(async (conn) => {
      const r = await conn.execute(stmt);
      await conn.commit();
      return r;
    });
    expect(`[${result.insertedPrimaryKeyRows.join(", ")}]`).toBe("[(1,)]");
    await engine.connect(async (conn) => {
      await conn.execute(insert(userTable), [
        { name: "sandy", fullname: "Sandy Cheeks" },
        { name: "patrick", fullname: "Patrick Star" },
      ]);
      await conn.commit();
    });
    expect(lines).toEqual([
      "BEGIN (implicit)",
      "INSERT INTO user_account (name, fullname) VALUES (?, ?)",
      expect.stringMatching(/^\[generated in \d\.\d{5}s\] \('spongebob', 'Spongebob Squarepants'\)$/),
      "COMMIT",
      "BEGIN (implicit)",
      "INSERT INTO user_account (name, fullname) VALUES (?, ?)",
      expect.stringMatching(/^\[generated in \d\.\d{5}s\] \[\('sandy', 'Sandy Cheeks'\), \('patrick', 'Patrick Star'\)\]$/),
      "COMMIT",
    ]);
    const names = await engine.connect(async (conn) => (await conn.execute(select(userTable.c.id, userTable.c.name))).all());
    expect(names.map((r) => r._tuple())).toEqual([
      [1, "spongebob"],
      [2, "sandy"],
      [3, "patrick"],
    ]);
  });

  it("10,000 rows with RETURNING go in pages of 1000, each returned row matching its input", async () => {
    const input = Array.from({ length: 10_000 }, (_, i) => ({ name: `n${i}`, fullname: `Name ${i}` }));
    const returned = await engine.begin(async (conn) =>
      (await conn.execute(insert(userTable).returning(userTable.c.id, userTable.c.name, userTable.c.fullname), input)).all(),
    );
    expect(returned).toHaveLength(10_000);
    // Unordered: every input row came back once, with the id the database gave it.
    expect(new Set(returned.map((r) => r.name))).toEqual(new Set(input.map((r) => r.name)));
    expect(returned.filter((r) => r.fullname !== `Name ${(r.name as string).slice(1)}`)).toEqual([]);
    const tags = lines.filter((l) => l.includes("insertmanyvalues"));
    const stored = await engine.connect(async (conn) => (await conn.execute(select(userTable.c.id, userTable.c.name))).all());
    const idByName = new Map(stored.map((r) => [r.name, r.id]));
    expect(returned.filter((r) => r.id !== idByName.get(r.name))).toEqual([]);
    expect(tags).toHaveLength(10);
    expect(tags[0]).toMatch(/^\[generated in \d\.\d{5}s \(insertmanyvalues\) 1\/10 \(unordered\)\] \('n0', 'Name 0', 'n1', /);
    expect(tags[0]).toContain(" ... 1900 parameters truncated ... ");
    expect(tags[9]).toMatch(/^\[insertmanyvalues 10\/10 \(unordered\)\] \('n9000', 'Name 9000',/);
    // The statement lines are SQLAlchemy's long-statement form of a 1000-row VALUES.
    expect(lines[1]).toMatch(/^INSERT INTO user_account \(name, fullname\) VALUES \(\?, \?\), .* \.\.\. \d+ characters truncated \.\.\. .*\(\?, \?\) RETURNING id, name, fullname$/);
  });

  it("10,000 rows in parameter order: pages of 1000 rows, sorted by the rowid key the statement returns", async () => {
    const input = Array.from({ length: 10_000 }, (_, i) => ({ name: `n${i}` }));
    const returned = await engine.begin(async (conn) =>
      (await conn.execute(insert(userTable).returning(userTable.c.id, userTable.c.name, { sortByParameterOrder: true }), input)).all(),
    );
    expect(returned.map((r) => r.name)).toEqual(input.map((r) => r.name));
    expect(returned.map((r) => r.id)).toEqual(input.map((_, i) => i + 1));
    // The key is among the statement's own columns: sorted by it, nothing added.
    expect(lines[1]).toMatch(/^INSERT INTO user_account \(name\) VALUES \(\?\), \(\?\), .* RETURNING id, name$/);
    expect(lines[2]).toMatch(/^\[generated in \d\.\d{5}s \(insertmanyvalues\) 1\/10 \(ordered\)\] \('n0', 'n1', /);
    expect(lines.filter((l) => l.includes("insertmanyvalues"))).toHaveLength(10);
  });

  it("in parameter order without the key among the returned columns: the key is added to RETURNING, then dropped", async () => {
    const input = Array.from({ length: 2500 }, (_, i) => ({ name: `n${2500 - i}` }));
    const returned = await engine.begin(async (conn) =>
      (await conn.execute(insert(userTable).returning(userTable.c.name, { sortByParameterOrder: true }), input)).all(),
    );
    expect(returned.map((r) => r._tuple())).toEqual(input.map((r) => [r.name]));
    expect(lines[1]).toMatch(/^INSERT INTO user_account \(name\) VALUES \(\?\), \(\?\), .* RETURNING name, id$/);
    expect(lines.filter((l) => l.includes("insertmanyvalues"))).toHaveLength(3);
  });

  it("keys the caller gives cannot order a batch: one row a statement, in order", async () => {
    const input = [{ id: 30, name: "c" }, { id: 10, name: "a" }, { id: 20, name: "b" }];
    const returned = await engine.begin(async (conn) =>
      (await conn.execute(insert(userTable).returning(userTable.c.id, { sortByParameterOrder: true }), input)).scalars().all(),
    );
    expect(returned).toEqual([30, 10, 20]);
    expect(lines[2]).toMatch(/^\[generated in \d\.\d{5}s \(insertmanyvalues\) 1\/3 \(ordered; batch not supported\)\] \(30, 'c'\)$/);
  });

  it("pages shrink to SQLite's 32766 bind parameters: 655 rows of 50 columns", async () => {
    const input = Array.from({ length: 2000 }, (_, n) => Object.fromEntries(Array.from({ length: WIDTH }, (_, i) => [`c${i}`, n * 100 + i])));
    const ids = await engine.begin(async (conn) => (await conn.execute(insert(wide).returning(wide.c.id, wide.column("c0")), input)).all());
    expect(ids).toHaveLength(2000);
    expect(new Set(ids.map((r) => r.c0))).toEqual(new Set(input.map((r) => r.c0)));
    const tags = lines.filter((l) => l.startsWith("["));
    expect(tags.map((t) => /(\d+\/\d+)/.exec(t)?.[1])).toEqual(["1/4", "2/4", "3/4", "4/4"]);
    const batchSql = lines.filter((l) => l.startsWith("INSERT"));
    expect(batchSql[3]).toMatch(/ \.\.\. \d+ characters truncated \.\.\. /);
  });

  it("UPDATE and DELETE report rowcount, and RETURNING rows", async () => {
    await engine.begin((conn) =>
      conn.execute(insert(userTable), [
        { name: "a", fullname: "A" },
        { name: "b", fullname: "B" },
        { name: "c", fullname: null },
      ]),
    );
    const [updated, returned, deleted] = await engine.begin(async (conn) => [
      (await conn.execute(update(userTable).values({ fullname: "X" }).where(userTable.c.id.le(2)))).rowcount,
      (await conn.execute(update(userTable).values({ name: "z" }).where(userTable.c.fullname.eq(null)).returning(userTable.c.id))).all().map((r) => r.id),
      (await conn.execute(delete_(userTable).where(userTable.c.name.eq("a")))).rowcount,
    ]);
    expect([updated, returned, deleted]).toEqual([2, [3], 1]);
  });
});
