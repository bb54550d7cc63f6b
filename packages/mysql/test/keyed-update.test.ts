import {
  BigInteger,
  bindparam,
  Boolean,
  Column,
  DataError,
  DateTime,
  Float,
  insert,
  Integer,
  JSON as JSONType,
  LargeBinary,
  MetaData,
  Numeric,
  select,
  String,
  Table,
  Text,
  update,
  type Engine,
} from "@alkahest/core";
import { beforeEach, expect, it } from "@jest/globals";
import { describeServer } from "./server.js";

const metadata = MetaData();
const kinds = Table(
  "kinds",
  metadata,
  Column("id", Integer, { primaryKey: true, autoincrement: false }),
  Column("code", String(5)),
  Column("body", Text),
  Column("ratio", Float),
  Column("price", Numeric(10, 2)),
  Column("at", DateTime),
  Column("flag", Boolean),
  Column("doc", JSONType),
  Column("big", BigInteger),
  Column("bytes", LargeBinary),
);

const ROWS = 1_500;
const byKey = update(kinds)
  .where(kinds.c.id.eq(bindparam("k")))
  .values({
    code: bindparam("code"),
    body: bindparam("body"),
    ratio: bindparam("ratio"),
    price: bindparam("price"),
    at: bindparam("at"),
    flag: bindparam("flag"),
    doc: bindparam("doc"),
    big: bindparam("big"),
    bytes: bindparam("bytes"),
  });

/** The values row `i` is updated to: every type the binary protocol binds differently from the text one. */
function setFor(i: number) {
  return {
    k: i,
    code: `c${i % 1000}`,
    body: "x".repeat(i % 7 === 0 ? 5000 : i % 50),
    ratio: i + 0.25,
    price: (i + (i % 100) / 100).toFixed(2),
    at: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 60, i % 1000)),
    flag: i % 2 === 0,
    doc: { n: i, tags: [`t${i}`] },
    big: 9_007_199_254_740_993n + BigInt(i),
    bytes: Buffer.from([i % 256, 0, 255]),
  };
}

/** How many times this session has executed a server-side prepared statement. */
async function preparedExecutions(engine: Engine): Promise<number> {
  return engine.connect(async (conn) => {
    const row = (await conn.execDriverSql("SHOW SESSION STATUS LIKE 'Com_stmt_execute'")).all()[0];
    return Number(row?.[1]);
  });
}

describeServer("MySQL executemany of an UPDATE by primary key", (db) => {
  beforeEach(async () => {
    await db.engine().begin(async (conn) => {
      await conn.execDriverSql("DROP TABLE IF EXISTS kinds");
      await metadata.createAll(conn, { checkfirst: false });
      await conn.execute(insert(kinds), Array.from({ length: ROWS }, (_, i) => ({ id: i })));
    });
  });

  it(`${ROWS} sets: the full page binds its values as a prepared statement, the rest as text, and every value of every type arrives`, async () => {
    // One connection, so the session counter sees the UPDATE's statements.
    const engine = db.engine({ poolSize: 1 });
    const before = await preparedExecutions(engine);
    const sets = Array.from({ length: ROWS }, (_, i) => setFor(i));
    const result = await engine.begin((conn) => conn.execute(byKey, sets));
    expect(result.rowcount).toBe(ROWS);
    // One page of 1,000 sets prepared; the last 500 go as text (a statement that will not repeat).
    expect((await preparedExecutions(engine)) - before).toBe(1);

    const rows = await engine.connect(async (conn) => (await conn.execute(select(kinds).orderBy(kinds.c.id))).all());
    const stored = rows.map((r) => ({ ...r._asdict(), bytes: Buffer.from(r.bytes as Uint8Array) }));
    expect(stored).toEqual(sets.map(({ k, ...values }) => ({ id: k, ...values })));
  });

  it("a value too long for its column fails its page with the server's error, and nothing of the run is kept", async () => {
    const engine = db.engine();
    const sets = Array.from({ length: 1_000 }, (_, i) => ({ ...setFor(i), code: i === 500 ? "toolong" : "ok" }));
    await expect(engine.begin((conn) => conn.execute(byKey, sets))).rejects.toThrow(DataError);
    await expect(engine.begin((conn) => conn.execute(byKey, sets))).rejects.toThrow(/Data too long for column 'p0'/);
    const codes = await engine.connect(async (conn) => (await conn.execute(select(kinds.c.code).where(kinds.c.code.isNotNull()))).all());
    expect(codes).toEqual([]);
  });
});
