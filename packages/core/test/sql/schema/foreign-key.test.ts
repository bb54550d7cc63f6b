import { describe, expect, it } from "@jest/globals";
import { inspect } from "node:util";
import {
  ArgumentError,
  Column,
  ForeignKey,
  ForeignKeyConstraint,
  Integer,
  MetaData,
  NoReferencedColumnError,
  NoReferencedTableError,
  PrimaryKeyConstraint,
  String,
  Table,
} from "../../../src/index.js";

describe("ForeignKey", () => {
  it("In [13]: a column typed only by its ForeignKey takes the referenced type, even when that table comes later", () => {
    const metadata = MetaData();
    const address = Table(
      "address",
      metadata,
      Column("id", Integer, { primaryKey: true }),
      Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
    );
    expect(`${address.c.user_id.type}`).toBe("NullType()");
    const users = Table("user_account", metadata, Column("id", Integer, { primaryKey: true }));
    expect(`${address.c.user_id.type}`).toBe("Integer()");
    expect(inspect(address.c.user_id)).toBe("Column('user_id', Integer(), ForeignKey('user_account.id'), table=<address>, nullable=False)");
    const [fk] = [...address.foreignKeys];
    expect(fk!.parent).toBe(address.c.user_id);
    expect(fk!.column).toBe(users.c.id);
    expect(fk!.references(users)).toBe(true);
    expect(fk!.references(address)).toBe(false);
    expect(fk!.getReferent(users)).toBe(users.c.id);
    expect(fk!.constraint?.table).toBe(address);
    expect([...address.c.user_id.foreignKeys]).toEqual([fk]);
  });

  it("a Column as target, a schema-qualified target, and the MetaData's default schema", () => {
    const metadata = MetaData({ schema: "app" });
    const users = Table("users", metadata, Column("id", Integer, { primaryKey: true }));
    const a = Table("a", metadata, Column("u1", ForeignKey(users.c.id)), Column("u2", ForeignKey("app.users.id")), Column("u3", ForeignKey("users.id")));
    const fks = [...a.foreignKeys];
    expect(fks.map((fk) => fk.targetFullname)).toEqual(["app.users.id", "app.users.id", "users.id"]);
    expect(fks.map((fk) => fk.column)).toEqual([users.c.id, users.c.id, users.c.id]);
  });

  it("a table-level ForeignKeyConstraint gives each column its ForeignKey", () => {
    const metadata = MetaData();
    const invoice = Table("invoice", metadata, Column("invoice_id", Integer), Column("ref_num", Integer), PrimaryKeyConstraint("invoice_id", "ref_num"));
    const item = Table(
      "item",
      metadata,
      Column("invoice_id", Integer),
      Column("ref_num", Integer),
      ForeignKeyConstraint(["invoice_id", "ref_num"], ["invoice.invoice_id", "invoice.ref_num"], { onDelete: "CASCADE" }),
    );
    const [fkc] = [...item.foreignKeyConstraints];
    expect(fkc!.columns).toEqual([item.c.invoice_id, item.c.ref_num]);
    expect(fkc!.referredColumns).toEqual([invoice.c.invoice_id, invoice.c.ref_num]);
    expect(fkc!.referredTable).toBe(invoice);
    expect(fkc!.onDelete).toBe("CASCADE");
    expect([...item.c.ref_num.foreignKeys][0]!.constraint).toBe(fkc);
    expect([...item.foreignKeys]).toHaveLength(2);
  });

  it("a missing target table or column is an error naming the column and the target", () => {
    const metadata = MetaData();
    const address = Table("address", metadata, Column("user_id", ForeignKey("user_account.id")));
    const [fk] = [...address.foreignKeys];
    expect(() => fk!.column).toThrow(NoReferencedTableError);
    expect(() => fk!.column).toThrow(
      "Foreign key associated with column 'address.user_id' could not find table 'user_account' with which to generate a foreign key to target column 'id'.",
    );
    Table("user_account", metadata, Column("uid", Integer));
    expect(() => fk!.column).toThrow(NoReferencedColumnError);
    expect(() => fk!.column).toThrow(/ForeignKey 'user_account.id' on table 'address': table 'user_account' has no column named 'id'. Its columns are 'uid'/);
  });

  it("bad arguments say what to pass", () => {
    expect(() => ForeignKey("")).toThrow(ArgumentError);
    expect(() => ForeignKey("user_account..id")).toThrow(/"table.column"/);
    // @ts-expect-error: not a referential action
    expect(() => ForeignKey("a.id", { onDelete: "EXPLODE" })).toThrow(/onDelete must be one of CASCADE, RESTRICT, SET NULL, SET DEFAULT, NO ACTION/);
    expect(() => ForeignKeyConstraint(["a"], [])).toThrow(/as many referenced columns as columns/);
  });
});

describe("explicit PrimaryKeyConstraint and autoincrement", () => {
  it("marks its columns primary key and NOT NULL, unless nullable was given", () => {
    const t = Table("t", MetaData(), Column("a", Integer), Column("b", String(5), { nullable: true }), PrimaryKeyConstraint("a", "b"));
    expect(t.primaryKey.columns).toEqual([t.c.a, t.c.b]);
    expect([t.c.a.primaryKey, t.c.a.nullable, t.c.b.primaryKey, t.c.b.nullable]).toEqual([true, false, true, true]);
    expect(t.primaryKey.implicit).toBe(false);
  });

  it("the autoincrement column: a lone integer key without default or ForeignKey, or the one marked", () => {
    const metadata = MetaData();
    const a = Table("a", metadata, Column("id", Integer, { primaryKey: true }));
    const b = Table("b", metadata, Column("id", String(5), { primaryKey: true }));
    const c = Table("c", metadata, Column("id", Integer, ForeignKey("a.id"), { primaryKey: true }));
    const d = Table("d", metadata, Column("x", Integer, { primaryKey: true }), Column("y", Integer, { primaryKey: true, autoincrement: true }));
    const e = Table("e", metadata, Column("id", Integer, { primaryKey: true, autoincrement: false }));
    expect([a, b, c, e].map((t) => t.primaryKey.autoincrementColumn)).toEqual([a.c.id, null, null, null]);
    expect(d.primaryKey.autoincrementColumn).toBe(d.c.y);
    expect(d.primaryKey.columnsAutoincrementFirst).toEqual([d.c.y, d.c.x]);
    const bad = Table("f", metadata, Column("id", String(5), { primaryKey: true, autoincrement: true }));
    expect(() => bad.primaryKey.autoincrementColumn).toThrow(/String\(length=5\) on column 'id' is not compatible with autoincrement: true/);
  });
});
