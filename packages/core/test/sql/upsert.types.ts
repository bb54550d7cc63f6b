// Compile-time tests for the dialect inserts (upserts). Checked by types.test.ts.
import { expectTypeOf } from "expect-type";
import { onConflictInsert, onDuplicateKeyInsert, type InsertedColumn } from "../../src/dialect.js";
import { Column, Integer, MetaData, String, Table, type Connection } from "../../src/index.js";
import type { ColumnProxy } from "../../src/sql/selectable/column-proxy.js";

declare const conn: Connection;
const users = Table("users", MetaData(), Column("id", Integer, { primaryKey: true }), Column("name", String(30), { nullable: false }));

export async function onConflict(): Promise<void> {
  const stmt = onConflictInsert(users).values({ id: 1, name: "x" });
  // Builders keep the class: the upsert methods are still there after values() and returning().
  expectTypeOf(stmt.onConflictDoUpdate).toBeFunction();
  expectTypeOf(stmt.excluded.name).toEqualTypeOf<ColumnProxy<"name", string>>();
  // @ts-expect-error: no such column
  void stmt.excluded.nope;
  // @ts-expect-error: set values are typed by column
  stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: 5 } });
  const returning = stmt.onConflictDoNothing().returning(users.c.id, users.c.name);
  expectTypeOf(returning.excluded.id).toEqualTypeOf<ColumnProxy<"id", number>>();
  const row = (await conn.execute(returning)).one();
  expectTypeOf(row.name).toEqualTypeOf<string>();
}

export function onDuplicateKey(): void {
  const stmt = onDuplicateKeyInsert(users).values({ id: 1, name: "x" });
  expectTypeOf(stmt.inserted.name).toEqualTypeOf<InsertedColumn<string>>();
  expectTypeOf(stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name })).toEqualTypeOf<typeof stmt>();
  expectTypeOf(stmt.returning(users.c.id).onDuplicateKeyUpdate).toBeFunction();
}
