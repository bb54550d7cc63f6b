// Compile-time tests: a Sequence is a Column argument that leaves the column's type alone; its next value is a number.
import { expectTypeOf } from "expect-type";
import { Column, Integer, MetaData, select, Sequence, String, Table, type Connection } from "../../src/index.js";

const seq = Sequence("user_id_seq", { start: 1n, increment: 1 });
const users = Table("users", MetaData(), Column("id", Integer, seq, { primaryKey: true }), Column("name", String(30), { comment: "x" }));

declare const conn: Connection;

export async function sequenceTypes(): Promise<void> {
  const row = (await conn.execute(select(users))).one();
  expectTypeOf(row._tuple()).toEqualTypeOf<[number, string | null]>();
  const next = (await conn.execute(select(seq.nextValue()))).scalar();
  expectTypeOf(next).toEqualTypeOf<number | null>(); // scalar() is null when there is no row
  // @ts-expect-error: the numeric options are numbers or bigints
  Sequence("s", { start: "1" });
}
