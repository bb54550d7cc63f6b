import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  Column,
  createEngine,
  CreateSequence,
  CreateTable,
  insert,
  Integer,
  MetaData,
  select,
  Sequence,
  SetColumnComment,
  SetTableComment,
  String,
  Table,
  type Engine,
} from "@alkahest/core";
import { PostgresDialect } from "@alkahest/postgres";
import { ownDatabase } from "./own-database.js";
import { describeServer } from "./server.js";

const dialect = new PostgresDialect();
const compile = (element: { compile(options: { dialect: PostgresDialect }): { sql: string } }): string => element.compile({ dialect }).sql;

function usersSchema(start = 100) {
  const metadata = MetaData();
  const seq = Sequence("pg_user_id_seq", { start, increment: 5 });
  const users = Table(
    "pg_seq_users",
    metadata,
    Column("id", Integer, seq, { primaryKey: true }),
    Column("name", String(30), { comment: "the user's name, e.g. C:\\Users\\ann" }),
    Column("plain", Integer),
    { comment: "people's table" },
  );
  return { metadata, seq, users };
}

describe("PostgreSQL sequences (compiled)", () => {
  it("a column with a Sequence is its plain type, not SERIAL; INSERT takes nextval() and returns the key", () => {
    const { users } = usersSchema();
    expect(compile(new CreateTable(users))).toBe(
      "\nCREATE TABLE pg_seq_users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(30), \n\tplain INTEGER, \n\tPRIMARY KEY (id)\n)\n\n",
    );
    expect(compile(insert(users).values({ name: "ann" }))).toBe(
      "INSERT INTO pg_seq_users (id, name) VALUES (nextval('pg_user_id_seq'), $1) RETURNING pg_seq_users.id",
    );
  });

  it("nextValue() is nextval('name'), the name quoted as an identifier inside the string literal", () => {
    expect(compile(select(Sequence("user_id_seq").nextValue()))).toBe("SELECT nextval('user_id_seq') AS next_value_1");
    expect(compile(select(Sequence("Order No", { schema: "Shop" }).nextValue()))).toBe(`SELECT nextval('"Shop"."Order No"') AS next_value_1`);
    expect(compile(select(Sequence("it's").nextValue()))).toBe(`SELECT nextval('"it''s"') AS next_value_1`);
  });

  it("CREATE SEQUENCE with every option; a server default of nextValue() is DEFAULT nextval(...)", () => {
    const seq = Sequence("s", { start: 10, increment: -1, minValue: 1, maxValue: 10, cache: 5, cycle: false });
    expect(compile(new CreateSequence(seq))).toBe("CREATE SEQUENCE s INCREMENT BY -1 START WITH 10 MINVALUE 1 MAXVALUE 10 CACHE 5 NO CYCLE");
    const t = Table("t", MetaData(), Column("id", Integer, { primaryKey: true, serverDefault: seq.nextValue() }));
    expect(compile(new CreateTable(t))).toBe("\nCREATE TABLE t (\n\tid INTEGER DEFAULT nextval('s') NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n");
  });
});

describe("PostgreSQL comments (compiled)", () => {
  it("COMMENT ON TABLE / COLUMN with the text quoted (standard strings: a backslash stays one)", () => {
    const { users } = usersSchema();
    expect(compile(SetTableComment(users))).toBe("COMMENT ON TABLE pg_seq_users IS 'people''s table'");
    expect(compile(SetColumnComment(users.c.name))).toBe("COMMENT ON COLUMN pg_seq_users.name IS 'the user''s name, e.g. C:\\Users\\ann'");
  });
});

describeServer("PostgreSQL sequences and comments against the server", () => {
  // A database of this file's own, so that nothing lands in the shared test database.
  const db = ownDatabase("seqcom");
  let engine: Engine;
  const log: string[] = [];

  beforeAll(async () => {
    await db.create();
    engine = createEngine(db.url(), { echo: true, logger: { info: (line) => log.push(line) } });
  });
  afterAll(async () => {
    await engine.dispose();
    await db.drop();
  });

  const statements = (): string[] =>
    log.filter((line, i) => log[i + 1]?.startsWith("[no key") === true).map((line) => line.trim().split(/\s*\n\s*/)[0] as string);

  it("createAll: CREATE SEQUENCE, CREATE TABLE, COMMENT ON; the catalog has the comments; inserts number rows from the sequence", async () => {
    const { metadata, seq, users } = usersSchema();
    log.length = 0;
    await metadata.createAll(engine);
    try {
      expect(statements()).toEqual([
        "CREATE SEQUENCE pg_user_id_seq INCREMENT BY 5 START WITH 100",
        "CREATE TABLE pg_seq_users (",
        "COMMENT ON TABLE pg_seq_users IS 'people''s table'",
        "COMMENT ON COLUMN pg_seq_users.name IS 'the user''s name, e.g. C:\\Users\\ann'",
      ]);
      const comments = await engine.connect(async (conn) =>
        (
          await conn.execDriverSql(
            "SELECT obj_description('pg_seq_users'::regclass, 'pg_class'), col_description('pg_seq_users'::regclass, 2), " +
              "col_description('pg_seq_users'::regclass, 3)",
          )
        ).one()._tuple(),
      );
      expect(comments).toEqual(["people's table", "the user's name, e.g. C:\\Users\\ann", null]);

      const keys = await engine.begin(async (conn) => {
        const first = await conn.execute(insert(users).values({ name: "ann" }));
        const second = await conn.execute(insert(users), { name: "bob" });
        return [first.insertedPrimaryKey?._tuple(), second.insertedPrimaryKey?._tuple()];
      });
      expect(keys).toEqual([[100], [105]]);
      const next = await engine.connect(async (conn) => (await conn.execute(select(seq.nextValue()))).scalar());
      expect(next).toBe(110);
      const rows = await engine.connect(async (conn) => (await conn.execute(select(users.c.id, users.c.name).orderBy(users.c.id))).all());
      expect(rows.map((r) => r._tuple())).toEqual([
        [100, "ann"],
        [105, "bob"],
      ]);
      // executemany: the sequence numbers every row.
      await engine.begin((conn) => conn.execute(insert(users), [{ name: "cy" }, { name: "di" }]));
      const ids = await engine.connect(async (conn) => (await conn.execute(select(users.c.id).orderBy(users.c.id))).scalars().all());
      expect(ids).toEqual([100, 105, 115, 120]);
    } finally {
      log.length = 0;
      await metadata.dropAll(engine);
    }
    expect(statements()).toEqual(["DROP TABLE pg_seq_users", "DROP SEQUENCE pg_user_id_seq"]);
    expect(await engine.connect((conn) => conn.dialect.hasSequence(conn, "pg_user_id_seq", null))).toBe(false);
  });

  it("hasSequence looks on the search path, or in the schema given", async () => {
    await engine.begin(async (conn) => {
      await conn.execDriverSql("CREATE SCHEMA alk_seq_schema");
      await conn.execDriverSql("CREATE SEQUENCE alk_seq_schema.s1");
    });
    try {
      await engine.connect(async (conn) => {
        expect(await conn.dialect.hasSequence(conn, "s1", "alk_seq_schema")).toBe(true);
        expect(await conn.dialect.hasSequence(conn, "s1", null)).toBe(false);
        expect(await conn.dialect.hasSequence(conn, "s1", "public")).toBe(false);
      });
    } finally {
      await engine.begin((conn) => conn.execDriverSql("DROP SCHEMA alk_seq_schema CASCADE"));
    }
  });
});
