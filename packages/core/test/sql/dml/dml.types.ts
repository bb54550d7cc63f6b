// Compile-time tests: values() takes the table's columns with their value types, and
// RETURNING rows are typed like a select() of the same columns.
import { expectTypeOf } from "expect-type";
import { Column, delete_, insert, Integer, MetaData, String, Table, update, type Connection, type Row } from "../../../src/index.js";

const userTable = Table(
  "user_account",
  MetaData(),
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String),
);

declare const conn: Connection;

export async function typedValues(): Promise<void> {
  insert(userTable).values({ name: "spongebob", fullname: "Spongebob Squarepants" });
  insert(userTable).values({ fullname: null });
  insert(userTable).values([{ name: "a" }, { name: "b" }]);
  // A SQL expression is accepted for any column.
  insert(userTable).values({ id: userTable.c.id.add(1) });
  update(userTable).values({ name: "x" });

  // @ts-expect-error: no such column
  insert(userTable).values({ nickname: "x" });
  // @ts-expect-error: a number is not a String column's value
  insert(userTable).values({ name: 5 });
  // @ts-expect-error: name is NOT NULL
  update(userTable).values({ name: null });
  // @ts-expect-error: fromSelect names the table's column keys
  insert(userTable).fromSelect(["nickname"], undefined as never);
}

export async function typedReturning(): Promise<void> {
  const inserted = (await conn.execute(insert(userTable).returning(userTable.c.id, userTable.c.fullname), [{ name: "a" }])).one();
  expectTypeOf(inserted._tuple()).toEqualTypeOf<[number, string | null]>();
  expectTypeOf(inserted.id).toEqualTypeOf<number>();
  expectTypeOf(inserted.fullname).toEqualTypeOf<string | null>();

  const sorted = (await conn.execute(insert(userTable).returning(userTable.c.id, { sortByParameterOrder: true }), [])).all();
  expectTypeOf(sorted[0]!._tuple()).toEqualTypeOf<[number]>();

  const whole = (await conn.execute(update(userTable).values({ name: "x" }).returning(userTable))).one();
  expectTypeOf(whole._tuple()).toEqualTypeOf<[number, string, string | null]>();

  const labelled = (await conn.execute(delete_(userTable).returning(userTable.c.name.label("gone")))).one();
  expectTypeOf(labelled.gone).toEqualTypeOf<string>();

  const result = await conn.execute(insert(userTable).values({ name: "a" }));
  expectTypeOf(result.insertedPrimaryKey).toEqualTypeOf<Row | null>();
  expectTypeOf(result.insertedPrimaryKeyRows).toEqualTypeOf<Row[]>();
}
