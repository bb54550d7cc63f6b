// Compile-time tests for stream(): streamed rows are typed from the statement as execute()'s are. Checked by types.test.ts.
import { expectTypeOf } from "expect-type";
import { Column, Integer, MetaData, select, String, Table, text, type Connection } from "../../src/index.js";
import { Session } from "../../src/orm/index.js";

declare const conn: Connection;

const users = Table("users", MetaData(), Column("id", Integer, { primaryKey: true }), Column("name", String(30)));

export async function typedRows(): Promise<void> {
  const result = await conn.stream(select(users.c.id, users.c.name), undefined, { batchSize: 500 });
  for await (const row of result) {
    expectTypeOf(row.id).toEqualTypeOf<number>();
    expectTypeOf(row.name).toEqualTypeOf<string | null>();
    expectTypeOf(row[0]).toEqualTypeOf<number>();
    // @ts-expect-error: no such column
    void row.email;
  }
  for await (const part of result.partitions(100)) expectTypeOf(part[0]!.id).toEqualTypeOf<number>();
  expectTypeOf(await result.scalars().all()).toEqualTypeOf<number[]>();
  expectTypeOf(await result.scalars("name").first()).toEqualTypeOf<string | null>();
  expectTypeOf(await result.mappings().all()).toEqualTypeOf<Readonly<{ id: number; name: string | null }>[]>();
  expectTypeOf(await result.scalar()).toEqualTypeOf<number | null>();
}

export async function options(): Promise<void> {
  const stmt = text<{ x: number }>("SELECT x FROM t WHERE x > :x");
  expectTypeOf((await (await conn.stream(stmt, { x: 1 })).one()).x).toEqualTypeOf<number>();
  // @ts-expect-error: a list of parameter sets (executemany) cannot be streamed
  await conn.stream(stmt, [{ x: 1 }]);
  // @ts-expect-error: batchSize is a number
  await conn.stream(stmt, undefined, { batchSize: "10" });
  const session = new Session(null as never);
  expectTypeOf((await (await session.stream(stmt)).all())[0]!.x).toEqualTypeOf<number>();
}
