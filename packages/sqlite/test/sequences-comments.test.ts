import { describe, expect, it } from "@jest/globals";
import {
  Column,
  CompileError,
  createEngine,
  CreateSequence,
  CreateTable,
  insert,
  Integer,
  MetaData,
  select,
  Sequence,
  SetTableComment,
  String,
  Table,
  type Executable,
} from "@alkahest/core";
import { SQLiteDialect } from "@alkahest/sqlite";

const dialect = new SQLiteDialect();
const compile = (element: Executable): string => element.compile({ dialect }).sql;

function usersSchema() {
  const metadata = MetaData();
  const orderNo = Sequence("order_no", { metadata });
  const users = Table(
    "users",
    metadata,
    Column("id", Integer, Sequence("user_id_seq", { start: 100 }), { primaryKey: true }),
    Column("name", String(30), { comment: "the user's name" }),
    { comment: "people" },
  );
  return { metadata, orderNo, users };
}

describe("SQLite: no sequences, no comments", () => {
  it("a Column's Sequence is ignored: the key is the rowid, INSERT leaves it out", () => {
    const { users } = usersSchema();
    expect(dialect.capabilities.sequences).toBe(false);
    expect(compile(new CreateTable(users))).toBe("\nCREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(30), \n\tPRIMARY KEY (id)\n)\n\n");
    expect(compile(insert(users).values({ name: "ann" }))).toBe("INSERT INTO users (name) VALUES (?)");
  });

  it("nextValue(), CREATE SEQUENCE and comment statements are CompileErrors that say why", () => {
    const { users, orderNo } = usersSchema();
    expect(() => compile(select(orderNo.nextValue()))).toThrow(CompileError);
    expect(() => compile(select(orderNo.nextValue()))).toThrow("Can't render the next value of Sequence 'order_no': the sqlite dialect has no sequences");
    expect(() => compile(new CreateSequence(orderNo))).toThrow("Can't emit CREATE SEQUENCE order_no: the sqlite dialect has no sequences");
    expect(() => compile(SetTableComment(users))).toThrow(
      "Can't set the comment of table 'users': the sqlite dialect has no comments (capabilities.comments is false); createAll leaves them out there.",
    );
  });

  it("createAll emits no sequence and no comment; inserts are numbered by the rowid", async () => {
    const log: string[] = [];
    const engine = createEngine("sqlite://", { echo: true, logger: { info: (line) => log.push(line) } });
    try {
      const { metadata, users } = usersSchema();
      await metadata.createAll(engine);
      expect(log.filter((line) => /SEQUENCE|COMMENT/.test(line))).toEqual([]);
      const key = await engine.begin(async (conn) => (await conn.execute(insert(users).values({ name: "ann" }))).insertedPrimaryKey?._tuple());
      expect(key).toEqual([1]);
      await metadata.dropAll(engine);
      expect(log.filter((line) => /SEQUENCE/.test(line))).toEqual([]);
    } finally {
      await engine.dispose();
    }
  });
});
