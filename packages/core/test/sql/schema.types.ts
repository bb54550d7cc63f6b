// Compile-time tests: schema objects and DDL accept any table, and options are checked.
import { expectTypeOf } from "expect-type";
import {
  CreateTable,
  Column,
  ForeignKey,
  Index,
  Integer,
  MetaData,
  PrimaryKeyConstraint,
  String,
  Table,
  UniqueConstraint,
  type Engine,
  type Table as AnyTable,
} from "../../src/index.js";

const metadata = MetaData({ namingConvention: { ix: "ix_%(column_0_label)s" } });
const userTable = Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30)));
const addressTable = Table(
  "address",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", ForeignKey("user_account.id", { onDelete: "CASCADE" }), { nullable: false }),
  UniqueConstraint("user_id", { name: "uq_address_user" }),
  PrimaryKeyConstraint("id"),
);

declare const engine: Engine;

export async function schemaTypes(): Promise<void> {
  // Every specific table is a Table, so APIs over "any table" take it.
  const general: AnyTable = userTable;
  void general;
  await metadata.createAll(engine, { tables: [userTable, addressTable], checkfirst: false });
  await metadata.dropAll(engine);
  void new CreateTable(addressTable);
  void CreateTable(userTable);
  expectTypeOf(metadata.sortedTables).toEqualTypeOf<AnyTable[]>();

  // A column typed only by its ForeignKey has the referenced type at run time, unknown statically.
  expectTypeOf(addressTable.c.user_id.key).toEqualTypeOf<"user_id">();
  expectTypeOf(addressTable.c.user_id.__value).toEqualTypeOf<unknown>();
  expectTypeOf(userTable.c.name.__value).toEqualTypeOf<string | null | undefined>();

  void Index("ix_user_name", userTable.c.name, { unique: true });
  // @ts-expect-error: not a referential action
  void ForeignKey("user_account.id", { onDelete: "EXPLODE" });
  // @ts-expect-error: initially is DEFERRED or IMMEDIATE
  void UniqueConstraint("name", { initially: "LATER" });
  // @ts-expect-error: CreateTable takes a table
  void new CreateTable(userTable.c.name);
}
