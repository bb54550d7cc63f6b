// Compile-time tests: table.c and select() rows are typed from the Column definitions.
import { expectTypeOf } from "expect-type";
import { Column, Integer, MetaData, select, String, Table, type Connection } from "../../src/index.js";

const userTable = Table(
  "user_account",
  MetaData(),
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String),
);

declare const conn: Connection;

export async function typedColumnsAndRows(): Promise<void> {
  expectTypeOf(userTable.c.id.key).toEqualTypeOf<"id">();
  // @ts-expect-error: no such column
  void userTable.c.nickname;

  const row = (await conn.execute(select(userTable.c.name, userTable.c.fullname))).one();
  expectTypeOf(row[0]).toEqualTypeOf<string>();
  expectTypeOf(row[1]).toEqualTypeOf<string | null>();
  expectTypeOf(row.fullname).toEqualTypeOf<string | null>();
  const [name, fullname] = row;
  expectTypeOf(name).toEqualTypeOf<string>();
  expectTypeOf(fullname).toEqualTypeOf<string | null>();

  const whole = (await conn.execute(select(userTable))).one();
  expectTypeOf(whole._tuple()).toEqualTypeOf<[number, string, string | null]>();
  expectTypeOf(whole.id).toEqualTypeOf<number>();

  const labelled = (await conn.execute(select(userTable.c.id.label("user_id")))).one();
  expectTypeOf(labelled.user_id).toEqualTypeOf<number>();

  // Comparisons take values of the column's type.
  userTable.c.id.eq(5);
  // @ts-expect-error: a string is not an integer column's value
  userTable.c.id.eq("five");
}
