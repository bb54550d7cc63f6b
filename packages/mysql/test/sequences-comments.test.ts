import {
  Column,
  CompileError,
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
  type Executable,
} from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { capabilitiesFor, MySQLDialect, parseServerVersion } from "@alkahest/mysql";
import { describeServer } from "./server.js";

const mysql = new MySQLDialect("mysql");
mysql.initialize(parseServerVersion("8.4.0"));
const mariadb = new MySQLDialect("mariadb");
mariadb.initialize(parseServerVersion("10.11.19-MariaDB"));
const mariadbNoReturning = new MySQLDialect("mariadb", { returning: false });
mariadbNoReturning.initialize(parseServerVersion("10.11.19-MariaDB"));
const compile = (element: Executable, dialect: MySQLDialect): string => element.compile({ dialect }).sql;

function usersSchema() {
  const metadata = MetaData();
  const seq = Sequence("my_user_id_seq", { start: 100, increment: 5 });
  const users = Table(
    "my_seq_users",
    metadata,
    Column("id", Integer, seq, { primaryKey: true }),
    Column("name", String(40), { comment: "the user's name, e.g. C:\\Users\\ann" }),
    Column("plain", Integer),
    { comment: "people's table" },
  );
  return { metadata, seq, users };
}

describe("MySQL/MariaDB sequences (compiled)", () => {
  it("sequences: MariaDB from 10.3, never MySQL", () => {
    expect(capabilitiesFor("mariadb", [10, 2, 40]).sequences).toBe(false);
    expect(capabilitiesFor("mariadb", [10, 3, 0]).sequences).toBe(true);
    expect(capabilitiesFor("mysql", [8, 4, 0]).sequences).toBe(false);
    expect(mariadb.capabilities.sequences).toBe(true);
    expect(mysql.capabilities.sequences).toBe(false);
    // Comments on both, inside CREATE TABLE.
    expect([mysql.capabilities.comments, mysql.capabilities.inlineComments]).toEqual([true, true]);
  });

  it("MariaDB: the column is no AUTO_INCREMENT; INSERT takes NEXT VALUE FOR and returns the key", () => {
    const { users } = usersSchema();
    expect(compile(new CreateTable(users), mariadb)).toContain("\n\tid INTEGER NOT NULL, \n");
    expect(compile(insert(users).values({ name: "ann" }), mariadb)).toBe(
      "INSERT INTO my_seq_users (id, name) VALUES (NEXT VALUE FOR my_user_id_seq, ?) RETURNING my_seq_users.id",
    );
    expect(compile(insert(users).values({ name: "ann" }), mariadbNoReturning)).toBe(
      "INSERT INTO my_seq_users (id, name) VALUES (NEXT VALUE FOR my_user_id_seq, ?)",
    );
    expect(compile(select(Sequence("Order No", { schema: "shop" }).nextValue()), mariadb)).toBe(
      "SELECT NEXT VALUE FOR shop.`Order No` AS next_value_1",
    );
  });

  it("MySQL ignores the Sequence: AUTO_INCREMENT, and INSERT leaves the key to the server", () => {
    const { users } = usersSchema();
    expect(compile(new CreateTable(users), mysql)).toContain("\n\tid INTEGER NOT NULL AUTO_INCREMENT, \n");
    expect(compile(insert(users).values({ name: "ann" }), mysql)).toBe("INSERT INTO my_seq_users (name) VALUES (?)");
  });

  it("MySQL: nextValue() and CREATE SEQUENCE are CompileErrors naming the sequence and the fix", () => {
    const { seq } = usersSchema();
    expect(() => compile(select(seq.nextValue()), mysql)).toThrow(CompileError);
    expect(() => compile(select(seq.nextValue()), mysql)).toThrow(
      "Can't render the next value of Sequence 'my_user_id_seq': the mysql dialect has no sequences (capabilities.sequences is false). " +
        'There, number rows with an autoincrement primary key (Column("id", Integer, { primaryKey: true }), which ignores a Sequence argument); ' +
        "nextValue() needs a database with sequences (PostgreSQL, MariaDB 10.3+).",
    );
    expect(() => compile(new CreateSequence(seq), mysql)).toThrow(
      "Can't emit CREATE SEQUENCE my_user_id_seq: the mysql dialect has no sequences (capabilities.sequences is false).",
    );
  });
});

describe("MySQL/MariaDB comments (compiled)", () => {
  it("inline: COMMENT '...' on the column, COMMENT='...' after the table, quotes doubled and backslashes escaped", () => {
    const { users } = usersSchema();
    const create = compile(new CreateTable(users), mysql);
    expect(create).toContain("\n\tname VARCHAR(40) COMMENT 'the user''s name, e.g. C:\\\\Users\\\\ann', \n");
    expect(create.endsWith("\n)COMMENT='people''s table'\n\n")).toBe(true);
  });

  it("SetTableComment is ALTER TABLE ... COMMENT; SetColumnComment re-states the column with MODIFY", () => {
    const { users } = usersSchema();
    expect(compile(SetTableComment(users), mysql)).toBe("ALTER TABLE my_seq_users COMMENT 'people''s table'");
    expect(compile(SetColumnComment(users.c.name), mysql)).toBe(
      "ALTER TABLE my_seq_users MODIFY name VARCHAR(40) COMMENT 'the user''s name, e.g. C:\\\\Users\\\\ann'",
    );
  });
});

describeServer("MySQL/MariaDB sequences and comments against the server", (db) => {
  it("the comments reach information_schema as written", async () => {
    const engine = db.engine();
    const { metadata, users } = usersSchema();
    await metadata.createAll(engine);
    try {
      const comments = await engine.connect(async (conn) => {
        const table = (
          await conn.execDriverSql("SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'my_seq_users'")
        ).scalar();
        const columns = (
          await conn.execDriverSql(
            "SELECT COLUMN_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() " +
              "AND TABLE_NAME = 'my_seq_users' ORDER BY ORDINAL_POSITION",
          )
        ).all();
        return { table, columns: columns.map((r) => r._tuple()) };
      });
      expect(comments).toEqual({
        table: "people's table",
        columns: [
          ["id", ""],
          ["name", "the user's name, e.g. C:\\Users\\ann"],
          ["plain", ""],
        ],
      });
      // SetTableComment / SetColumnComment change them afterwards.
      const renamed = Table("my_seq_users", MetaData(), Column("id", Integer, { primaryKey: true }), Column("plain", Integer, { comment: "now 'noted'" }), {
        comment: "renamed",
      });
      await engine.begin(async (conn) => {
        await conn.execute(SetTableComment(renamed));
        await conn.execute(SetColumnComment(renamed.c.plain));
      });
      const after = await engine.connect(async (conn) =>
        (
          await conn.execDriverSql(
            "SELECT t.TABLE_COMMENT, c.COLUMN_COMMENT FROM information_schema.TABLES t JOIN information_schema.COLUMNS c " +
              "ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME " +
              "WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = 'my_seq_users' AND c.COLUMN_NAME = 'plain'",
          )
        )
          .one()
          ._tuple(),
      );
      expect(after).toEqual(["renamed", "now 'noted'"]);
      expect(users.comment).toBe("people's table");
    } finally {
      await metadata.dropAll(engine);
    }
  });

  it("sequences where the server has them (MariaDB): created first, numbering inserts, dropped last; MySQL ignores them", async () => {
    const log: string[] = [];
    const engine = db.engine({ echo: true, logger: { info: (line) => log.push(line) } });
    const { metadata, seq, users } = usersSchema();
    await metadata.createAll(engine);
    const statements = (): string[] =>
      log.filter((line, i) => log[i + 1]?.startsWith("[no key") === true).map((line) => line.trim().split(/\s*\n\s*/)[0] as string);
    try {
      const sequences = engine.dialect.capabilities.sequences === true;
      expect(statements()).toEqual([...(sequences ? ["CREATE SEQUENCE my_user_id_seq INCREMENT BY 5 START WITH 100"] : []), "CREATE TABLE my_seq_users ("]);
      const keys = await engine.begin(async (conn) => {
        const first = await conn.execute(insert(users).values({ name: "ann" }));
        const second = await conn.execute(insert(users), { name: "bob" });
        return [first.insertedPrimaryKey?._tuple(), second.insertedPrimaryKey?._tuple()];
      });
      expect(keys).toEqual(sequences ? [[100], [105]] : [[1], [2]]);
      if (sequences) {
        const next = await engine.connect(async (conn) => (await conn.execute(select(seq.nextValue()))).scalar());
        expect(next).toBe(110);
        expect(await engine.connect((conn) => conn.dialect.hasSequence(conn, "my_user_id_seq", null))).toBe(true);
      }
    } finally {
      log.length = 0;
      await metadata.dropAll(engine);
    }
    const sequences = engine.dialect.capabilities.sequences === true;
    expect(statements()).toEqual(["DROP TABLE my_seq_users", ...(sequences ? ["DROP SEQUENCE my_user_id_seq"] : [])]);
    if (sequences) expect(await engine.connect((conn) => conn.dialect.hasSequence(conn, "my_user_id_seq", null))).toBe(false);
  });

  it("MariaDB takes every CREATE SEQUENCE option as written", async () => {
    const engine = db.engine();
    await engine.connect(async () => {});
    if (engine.dialect.capabilities.sequences !== true) return;
    const seq = Sequence("my_opts_seq", { start: 10, increment: -1, minValue: 1, maxValue: 10, cache: 5, cycle: true });
    await seq.create(engine);
    try {
      const values = await engine.connect(async (conn) => {
        const got: unknown[] = [];
        for (let i = 0; i < 11; i++) got.push((await conn.execute(select(seq.nextValue()))).scalar());
        return got;
      });
      expect(values).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 10]);
    } finally {
      await seq.drop(engine);
    }
    expect(await engine.connect((conn) => conn.dialect.hasSequence(conn, "my_opts_seq", null))).toBe(false);
  });
});
