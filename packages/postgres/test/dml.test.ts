import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import * as sa from "@alkahest/core";
import { Column, createEngine, delete_, func, insert, Integer, MetaData, select, String, Table, update, type Engine } from "@alkahest/core";
import { PostgresDialect, PostgresDriverConnection } from "@alkahest/postgres";
import { describeServer, serverUrl } from "./server.js";

const dialect = new PostgresDialect();
const pgSql = (stmt: sa.ClauseElement, options: sa.CompileOptions = {}): string => dialect.compile(stmt, options).sql;

const metadata = MetaData();
const users = Table(
  "pg_dml_users",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("Full Name", String),
  Column("doc", sa.JSON),
);
const WIDTH = 70;
const wide = Table(
  "pg_dml_wide",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  ...Array.from({ length: WIDTH }, (_, i) => Column(`c${i}`, Integer)),
);
const given = Table("pg_dml_given", metadata, Column("id", Integer, { primaryKey: true, autoincrement: false }), Column("name", String(30)));
const typed = Table(
  "pg_dml_typed",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("payload", sa.LargeBinary),
  Column("ok", sa.Boolean),
  Column("uid", sa.Uuid),
  Column("mood", sa.Enum(["happy", "sad"], { name: "pg_dml_mood" })),
  Column("at", sa.DateTime({ timezone: true })),
  Column("price", sa.Numeric(10, 2)),
);

/** The SQL of an ordered insertmanyvalues batch of `rows` rows, for `insert(table)` run with `keys`. */
function orderedBatchSql(stmt: sa.Insert, keys: readonly string[], rows: number): string | undefined {
  const compiled = dialect.compile(stmt, { columnKeys: keys, forExecutemany: true });
  return dialect.sentinelOrderedBatch(compiled, stmt, rows)?.sql;
}

describe("PostgreSQL's SELECT and DML SQL (PGCompiler)", () => {
  it("native ILIKE and NOT ILIKE, with ESCAPE", () => {
    expect(pgSql(users.c.name.ilike("sp%"))).toBe("pg_dml_users.name ILIKE $1");
    expect(pgSql(users.c.name.notIlike("sp/%", { escape: "/" }))).toBe("pg_dml_users.name NOT ILIKE $1 ESCAPE '/'");
  });

  it("LIMIT and OFFSET as bound parameters; OFFSET alone is LIMIT ALL OFFSET", () => {
    const names = select(users.c.name);
    expect(pgSql(names.limit(2).offset(1))).toBe("SELECT pg_dml_users.name \nFROM pg_dml_users\n LIMIT $1 OFFSET $2");
    expect(pgSql(names.offset(3))).toBe("SELECT pg_dml_users.name \nFROM pg_dml_users\n LIMIT ALL OFFSET $1");
    expect(pgSql(names.limit(3))).toBe("SELECT pg_dml_users.name \nFROM pg_dml_users\n LIMIT $1");
  });

  it("RETURNING names columns with their table; a single-row INSERT returns its SERIAL key implicitly", () => {
    expect(pgSql(insert(users).values({ name: "a" }))).toBe("INSERT INTO pg_dml_users (name) VALUES ($1) RETURNING pg_dml_users.id");
    expect(pgSql(insert(users).values({ name: "a" }).returning(users.c.id, users.c.name.label("who")))).toBe(
      "INSERT INTO pg_dml_users (name) VALUES ($1) RETURNING pg_dml_users.id, pg_dml_users.name AS who",
    );
    expect(pgSql(update(users).values({ name: "x" }).where(users.c.id.eq(1)).returning(users.c.name))).toBe(
      "UPDATE pg_dml_users SET name=$1 WHERE pg_dml_users.id = $2 RETURNING pg_dml_users.name",
    );
    expect(pgSql(delete_(users).where(users.c.id.gt(1)).returning(users.c.id))).toBe(
      "DELETE FROM pg_dml_users WHERE pg_dml_users.id > $1 RETURNING pg_dml_users.id",
    );
    expect(pgSql(insert(users), { columnKeys: [] })).toBe("INSERT INTO pg_dml_users DEFAULT VALUES RETURNING pg_dml_users.id");
  });

  it("an ordered insertmanyvalues batch is SQLAlchemy's INSERT ... SELECT ... FROM (VALUES ...) ORDER BY sen_counter", () => {
    const stmt = insert(users).returning(users.c.id, users.c.name, { sortByParameterOrder: true });
    expect(orderedBatchSql(stmt, ["name", "Full Name", "doc"], 3)).toBe(
      'INSERT INTO pg_dml_users (name, "Full Name", doc) SELECT p0::VARCHAR, p1::VARCHAR, p2::JSON ' +
        "FROM (VALUES ($1::VARCHAR, $2::VARCHAR, $3::JSON, 0), ($4::VARCHAR, $5::VARCHAR, $6::JSON, 1), " +
        "($7::VARCHAR, $8::VARCHAR, $9::JSON, 2)) AS imp_sen(p0, p1, p2, sen_counter) " +
        "ORDER BY sen_counter RETURNING pg_dml_users.id, pg_dml_users.name, pg_dml_users.id",
    );
  });

  it("the batch keeps SQL expressions of the row, and names with quotes, `$` and VALUES in them", () => {
    const odd = Table(
      'pg " VALUES (odd',
      MetaData(),
      Column("id", Integer, { primaryKey: true }),
      Column("price$1", Integer),
      Column("it's", String(10)),
      Column("at", sa.DateTime),
    );
    const stmt = insert(odd).values({ at: func.now() }).returning(odd.c.id, { sortByParameterOrder: true });
    expect(orderedBatchSql(stmt, ["price$1", "it's"], 2)).toBe(
      `INSERT INTO "pg "" VALUES (odd" (price$1, "it's", at) SELECT p0::INTEGER, p1::VARCHAR, p2::TIMESTAMP WITHOUT TIME ZONE ` +
        `FROM (VALUES ($1::INTEGER, $2::VARCHAR, now(), 0), ($3::INTEGER, $4::VARCHAR, now(), 1)) AS imp_sen(p0, p1, p2, sen_counter) ` +
        `ORDER BY sen_counter RETURNING "pg "" VALUES (odd".id, "pg "" VALUES (odd".id`,
    );
  });

  it("no ordered batch when the key is not generated by the database: one row a statement instead", () => {
    const stmt = insert(given).returning(given.c.id, { sortByParameterOrder: true });
    expect(orderedBatchSql(stmt, ["id", "name"], 2)).toBeUndefined();
    const withKey = insert(users).returning(users.c.name, { sortByParameterOrder: true });
    expect(orderedBatchSql(withKey, ["id", "name"], 2)).toBeUndefined();
  });

  it("returned rows are sorted by the sentinel key, whatever form pg gives it in, and the key dropped", () => {
    const stmt = insert(users).returning(users.c.name, { sortByParameterOrder: true });
    const compiled = dialect.compile(stmt, { columnKeys: ["name"], forExecutemany: true });
    const batch = dialect.sentinelOrderedBatch(compiled, stmt, 3);
    expect(batch?.order([["c", 12], ["a", 9], ["b", 10]])).toEqual([["a"], ["b"], ["c"]]);
    expect(batch?.order([["c", "12"], ["a", "9"], ["b", "10"]])).toEqual([["a"], ["b"], ["c"]]); // int8 as text
    expect(batch?.order([["b", 2n ** 62n], ["a", 5n]])).toEqual([["a"], ["b"]]);
  });
});

describe("executemany of an UPDATE by primary key", () => {
  const byKey = update(users).where(users.c.id.eq(sa.bindparam("b_id"))).values({ name: sa.bindparam("b_name") });
  const keyed = (stmt: sa.Update, rows?: number): string =>
    pgSql(stmt, { columnKeys: ["b_id", "b_name"], forExecutemany: true, ...(rows === undefined ? {} : { keyedUpdateRows: rows }) });

  it("a page of sets is one UPDATE ... FROM (VALUES ...), each value cast to its column's type without length", () => {
    expect(keyed(byKey, 2)).toBe(
      "UPDATE pg_dml_users SET name=_v.p0 FROM (VALUES ($1::VARCHAR, $2::INTEGER), ($3::VARCHAR, $4::INTEGER)) " +
        "AS _v (p0, p1) WHERE pg_dml_users.id = _v.p1",
    );
    expect(dialect.compile(byKey, { columnKeys: ["b_id", "b_name"] }).dml?.keyedUpdateKeys).toBe(1);
  });

  it("only a WHERE of the whole primary key, each column equal to a parameter, and SET values that are parameters", () => {
    const notKey = update(users).where(users.c.name.eq(sa.bindparam("b_id"))).values({ name: sa.bindparam("b_name") });
    const expression = update(users).where(users.c.id.eq(sa.bindparam("b_id"))).values({ name: users.c.name.concat(sa.bindparam("b_name")) });
    const returning = byKey.returning(users.c.id);
    const extra = update(users).where(users.c.id.eq(sa.bindparam("b_id")), users.c.name.eq("x")).values({ name: sa.bindparam("b_name") });
    for (const stmt of [notKey, expression, returning, extra]) {
      expect(keyed(stmt, 2)).toBe(keyed(stmt));
      expect(dialect.compile(stmt, { columnKeys: ["b_id", "b_name"] }).dml?.keyedUpdateKeys).toBe(0);
    }
  });
});

describeServer("insertmanyvalues on the server", () => {
  let engine: Engine;
  const lines: string[] = [];
  const calls: { sql: string; params: number }[] = [];

  beforeAll(async () => {
    engine = createEngine(serverUrl(), { echo: true, logger: { info: (line) => lines.push(line) } });
  });
  beforeEach(async () => {
    await engine.begin(async (conn) => {
      for (const table of metadata.sortedTables) await conn.execDriverSql(`DROP TABLE IF EXISTS ${dialect.identifierPreparer.quote(table.name)}`);
    });
    await metadata.createAll(engine);
    lines.length = 0;
    const execute = PostgresDriverConnection.prototype.execute;
    jest.spyOn(PostgresDriverConnection.prototype, "execute").mockImplementation(function (this: PostgresDriverConnection, sql: string, params: readonly unknown[]) {
      calls.push({ sql, params: params.length });
      return execute.call(this, sql, params);
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    calls.length = 0;
  });
  afterAll(async () => {
    await metadata.dropAll(engine);
    await engine.dispose();
  });

  const inserts = (): { sql: string; params: number }[] => calls.filter((c) => c.sql.startsWith("INSERT"));

  it("10,000 rows in parameter order: ten ordered batches, every returned id the one its input row got", async () => {
    const input = Array.from({ length: 10_000 }, (_, i) => ({ name: `n${i}`, doc: [i, { even: i % 2 === 0 }] }));
    const returned = await engine.begin(async (conn) =>
      (await conn.execute(insert(users).returning(users.c.id, users.c.name, users.c.doc, { sortByParameterOrder: true }), input)).all(),
    );
    expect(returned.map((r) => r.name)).toEqual(input.map((r) => r.name));
    expect(returned.map((r) => r.doc)).toEqual(input.map((r) => r.doc));
    // The sentinel key the batches add to RETURNING is not among the caller's columns.
    expect(Object.keys(returned[0]!._mapping)).toEqual(["id", "name", "doc"]);
    const stored = await engine.connect(async (conn) => (await conn.execute(select(users.c.id, users.c.name))).all());
    const idByName = new Map(stored.map((r) => [r.name, r.id]));
    expect(returned.filter((r) => r.id !== idByName.get(r.name))).toEqual([]);
    expect(returned.map((r) => r.id)).toEqual(input.map((_, i) => i + 1));
    expect(inserts()).toHaveLength(10);
    const tags = lines.filter((l) => l.includes("insertmanyvalues"));
    expect(tags[0]).toMatch(/^\[generated in \d\.\d{5}s \(insertmanyvalues\) 1\/10 \(ordered\)\] \('n0', '\[0,\{"even":true\}\]', 'n1', /);
    expect(tags[9]).toMatch(/^\[insertmanyvalues 10\/10 \(ordered\)\] \('n9000', /);
  });

  it("10,000 rows unordered: pages of 1000 rows, each returned row matching its input", async () => {
    const input = Array.from({ length: 10_000 }, (_, i) => ({ name: `n${i}`, "Full Name": `Name ${i}` }));
    const returned = await engine.begin(async (conn) =>
      (await conn.execute(insert(users).returning(users.c.id, users.c.name, users.column("Full Name")), input)).all(),
    );
    expect(returned).toHaveLength(10_000);
    expect(returned.filter((r) => r["Full Name"] !== `Name ${(r.name as string).slice(1)}`)).toEqual([]);
    const stored = await engine.connect(async (conn) => (await conn.execute(select(users.c.id, users.c.name))).all());
    const idByName = new Map(stored.map((r) => [r.name, r.id]));
    expect(returned.filter((r) => r.id !== idByName.get(r.name))).toEqual([]);
    expect(inserts().map((c) => c.params)).toEqual(Array.from({ length: 10 }, () => 2000));
    expect(lines.filter((l) => l.includes("insertmanyvalues"))[0]).toMatch(/\(insertmanyvalues\) 1\/10 \(unordered\)\]/);
  });

  it.each([false, true])("pages never pass 65535 parameters: 936 rows of 70 columns (ordered: %s)", async (ordered) => {
    const input = Array.from({ length: 2000 }, (_, n) => Object.fromEntries(Array.from({ length: WIDTH }, (_, i) => [`c${i}`, n * 100 + i])));
    const stmt = insert(wide).returning(wide.c.id, wide.column("c0"), { sortByParameterOrder: ordered });
    const rows = await engine.begin(async (conn) => (await conn.execute(stmt, input)).all());
    expect(rows).toHaveLength(2000);
    if (ordered) expect(rows.map((r) => r.c0)).toEqual(input.map((r) => r.c0));
    else expect(new Set(rows.map((r) => r.c0))).toEqual(new Set(input.map((r) => r.c0)));
    expect(inserts().map((c) => c.params)).toEqual([936 * WIDTH, 936 * WIDTH, 128 * WIDTH]);
    expect(Math.max(...inserts().map((c) => c.params))).toBeLessThanOrEqual(65535);
  });

  it("every type goes through an ordered batch: bytea sent as binary, booleans, uuids, native enums, decimals", async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const input = [
      { payload: bytes, ok: true, uid: "0B7E1F2C-4A55-4BD8-9D1E-3F6A2B8C9D01", mood: "sad", at: new Date("2025-11-13T11:19:23.348Z"), price: "12.5" },
      { payload: Buffer.from("hi"), ok: false, uid: null, mood: "happy", at: null, price: 3 },
    ] as const;
    const rows = await engine.begin(async (conn) =>
      (await conn.execute(insert(typed).returning(typed, { sortByParameterOrder: true }), input.map((r) => ({ ...r })))).all(),
    );
    expect(rows.map((r) => r._mapping)).toEqual([
      { id: 1, payload: Buffer.from(bytes), ok: true, uid: "0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01", mood: "sad", at: input[0].at, price: "12.50" },
      { id: 2, payload: Buffer.from("hi"), ok: false, uid: null, mood: "happy", at: null, price: "3.00" },
    ]);
  });

  it("a key the caller gives cannot order a batch: one row a statement, in order", async () => {
    const input = [{ id: 30, name: "c" }, { id: 10, name: "a" }, { id: 20, name: "b" }];
    const rows = await engine.begin(async (conn) =>
      (await conn.execute(insert(given).returning(given.c.id, given.c.name, { sortByParameterOrder: true }), input)).all(),
    );
    expect(rows.map((r) => r._tuple())).toEqual([[30, "c"], [10, "a"], [20, "b"]]);
    expect(lines.filter((l) => l.includes("insertmanyvalues"))[1]).toBe("[insertmanyvalues 2/3 (ordered; batch not supported)] (10, 'a')");
  });

  it("a single-row INSERT learns its SERIAL key through RETURNING; an executemany inserts without it", async () => {
    const result = await engine.begin((conn) => conn.execute(insert(users).values({ name: "a" })));
    expect(`${result.insertedPrimaryKey}`).toBe("(1,)");
    await engine.begin((conn) => conn.execute(insert(users), [{ name: "b" }, { name: "c" }]));
    expect(lines.filter((l) => l.startsWith("INSERT"))).toEqual([
      "INSERT INTO pg_dml_users (name) VALUES ($1) RETURNING pg_dml_users.id",
      "INSERT INTO pg_dml_users (name) VALUES ($1)",
    ]);
  });
});
