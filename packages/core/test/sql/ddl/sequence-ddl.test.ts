import { describe, expect, it } from "@jest/globals";
import {
  ArgumentError,
  Column,
  CreateSequence,
  CreateTable,
  DropSequence,
  insert,
  Integer,
  MetaData,
  select,
  Sequence,
  SetColumnComment,
  SetTableComment,
  String,
  Table,
} from "../../../src/index.js";

// `String` here is the SQL type: print statements with a template literal.
const sql = (element: object): string => `${element}`;

describe("Sequence", () => {
  it("CREATE SEQUENCE writes the options given, in SQLAlchemy's order", () => {
    const seq = Sequence("order_no", { start: 100, increment: 5, minValue: 1, maxValue: 10_000n, cache: 20, cycle: true });
    expect(sql(new CreateSequence(seq))).toBe("CREATE SEQUENCE order_no INCREMENT BY 5 START WITH 100 MINVALUE 1 MAXVALUE 10000 CACHE 20 CYCLE");
    expect(sql(CreateSequence(Sequence("s", { cycle: false }), { ifNotExists: true }))).toBe("CREATE SEQUENCE IF NOT EXISTS s NO CYCLE");
    expect(sql(CreateSequence(Sequence("s")))).toBe("CREATE SEQUENCE s");
    expect(sql(DropSequence(seq))).toBe("DROP SEQUENCE order_no");
    expect(sql(DropSequence(seq, { ifExists: true }))).toBe("DROP SEQUENCE IF EXISTS order_no");
  });

  it("its name is quoted where needed and takes its MetaData's schema unless it names one", () => {
    expect(sql(CreateSequence(Sequence("Order No", { schema: "shop" })))).toBe('CREATE SEQUENCE shop."Order No"');
    const metadata = MetaData({ schema: "acct" });
    const standalone = Sequence("invoice_no", { metadata });
    expect(standalone.fullname).toBe("acct.invoice_no");
    expect(metadata.sequences.get("acct.invoice_no")).toBe(standalone);
    const own = Sequence("x", { metadata, schema: "other" });
    expect(own.fullname).toBe("other.x");
  });

  it("nextValue() prints as SQLAlchemy's string dialect does, labelled next_value_1", () => {
    const seq = Sequence("user_id_seq");
    expect(sql(select(seq.nextValue()))).toBe("SELECT <next sequence value: user_id_seq> AS next_value_1");
  });

  it("statements with nextValue() of different sequences have different cache keys, of the same sequence the same", () => {
    const a = Sequence("a");
    const b = Sequence("b");
    expect(select(a.nextValue()).cacheKey).toBe(select(a.nextValue()).cacheKey);
    expect(select(a.nextValue()).cacheKey).not.toBe(select(b.nextValue()).cacheKey);
  });

  it("as a Column argument it joins the table's MetaData and shows in the column's repr", () => {
    const metadata = MetaData();
    const seq = Sequence("user_id_seq");
    const users = Table("users", metadata, Column("id", Integer, seq, { primaryKey: true }), Column("name", String(30)));
    expect(users.c.id.sequence).toBe(seq);
    expect(users.c.name.sequence).toBeNull();
    expect(seq.metadata).toBe(metadata);
    expect([...seq.columns]).toEqual([users.c.id]);
    expect(metadata.sequences.get("user_id_seq")).toBe(seq);
    expect(users.c.id.repr()).toBe("Column('id', Integer(), Sequence('user_id_seq'), table=<users>, primary_key=True, nullable=False)");
    // Still the table's autoincrement column: where sequences are ignored, the database numbers it.
    expect(users.primaryKey.autoincrementColumn).toBe(users.c.id);
  });

  it("the string dialect's INSERT takes the sequence's next value for the column", () => {
    const metadata = MetaData();
    const users = Table("users", metadata, Column("id", Integer, Sequence("user_id_seq"), { primaryKey: true }), Column("name", String(30)));
    expect(sql(insert(users).values({ name: "x" }))).toBe("INSERT INTO users (id, name) VALUES (<next sequence value: user_id_seq>, :name)");
    // A value given for the column wins.
    expect(sql(insert(users).values({ id: 7, name: "x" }))).toBe("INSERT INTO users (id, name) VALUES (:id, :name)");
  });

  it("bad arguments are ArgumentErrors that say what to give", () => {
    expect(() => Sequence("")).toThrow(ArgumentError);
    expect(() => Sequence("s", { start: 1.5 })).toThrow("Sequence('s'): start must be an integer (a number or a bigint); got 1.5.");
    expect(() => Sequence("s", { increment: 0 })).toThrow("increment can't be 0");
    expect(() => Column("id", Integer, Sequence("a"), Sequence("b"))).toThrow("Column('id', ...) has 2 Sequences; a column takes one.");
    expect(() => Column("id", Integer, Sequence("a"), { default: 5 })).toThrow("has both a Sequence and a default");
  });

  it("two different Sequence objects of one name in one MetaData are refused; one shared object is fine", () => {
    const metadata = MetaData();
    const shared = Sequence("shared_seq");
    Table("a", metadata, Column("id", Integer, shared, { primaryKey: true }));
    Table("b", metadata, Column("id", Integer, shared, { primaryKey: true }));
    expect([...shared.columns].map((c) => c.owner.name)).toEqual(["a", "b"]);
    expect(() => Table("c", metadata, Column("id", Integer, Sequence("shared_seq"), { primaryKey: true }))).toThrow(
      "Sequence 'shared_seq' is already defined for this MetaData",
    );
    expect(() => Table("d", MetaData(), Column("id", Integer, shared))).toThrow("already belongs to another MetaData");
  });

  it("the plain CREATE TABLE of the string dialect is unchanged by a Sequence", () => {
    const users = Table("users", MetaData(), Column("id", Integer, Sequence("user_id_seq"), { primaryKey: true }));
    expect(sql(new CreateTable(users))).toBe("\nCREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n");
  });
});

describe("SetTableComment / SetColumnComment", () => {
  const table = Table(
    "account",
    MetaData(),
    Column("id", Integer, { primaryKey: true }),
    Column("owner", String(30), { comment: "who's paying" }),
    Column("plain", Integer),
    { comment: "the customer's account", schema: "billing" },
  );

  it("COMMENT ON TABLE / COLUMN, the text a quoted literal", () => {
    expect(sql(SetTableComment(table))).toBe("COMMENT ON TABLE billing.account IS 'the customer''s account'");
    expect(sql(SetColumnComment(table.c.owner))).toBe("COMMENT ON COLUMN billing.account.owner IS 'who''s paying'");
  });

  it("a column without a comment has it removed (IS NULL)", () => {
    expect(sql(SetColumnComment(table.c.plain))).toBe("COMMENT ON COLUMN billing.account.plain IS NULL");
  });
});
