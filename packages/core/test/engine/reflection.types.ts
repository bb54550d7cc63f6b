// Compile-time tests for reflection: inspect() answers are typed, reflected Tables are plain Tables. Checked by types.test.ts.
import { expectTypeOf } from "expect-type";
import {
  inspect,
  MetaData,
  Table,
  type Connection,
  type Engine,
  type Inspector,
  type ReflectedColumn,
  type ReflectedForeignKey,
  type TableImpl,
  type TypeEngine,
} from "../../src/index.js";

declare const engine: Engine;
declare const conn: Connection;

export async function inspectorAnswers(): Promise<void> {
  expectTypeOf(await inspect(engine)).toEqualTypeOf<Inspector>();
  const insp = await inspect(conn);
  expectTypeOf(await insp.getTableNames({ schema: "public" })).toEqualTypeOf<string[]>();
  expectTypeOf(await insp.hasTable("t")).toEqualTypeOf<boolean>();
  const [column] = await insp.getColumns("t");
  expectTypeOf(column).toEqualTypeOf<ReflectedColumn | undefined>();
  expectTypeOf(column!.type).toEqualTypeOf<TypeEngine<unknown>>();
  expectTypeOf(column!.default).toEqualTypeOf<string | null>();
  const [fk] = await insp.getForeignKeys("t");
  expectTypeOf(fk!.options.onDelete).toEqualTypeOf<ReflectedForeignKey["options"]["onDelete"]>();
  // @ts-expect-error the schema is an option, not a second string
  await insp.getColumns("t", "public");
}

export async function reflectedTables(): Promise<void> {
  const metadata = MetaData();
  await metadata.reflect(engine, { only: ["t"] });
  await metadata.reflect(conn, { schema: "public" });
  expectTypeOf(await Table.reflect("t", metadata, engine)).toEqualTypeOf<TableImpl>();
  // @ts-expect-error only takes table names
  await metadata.reflect(engine, { only: "t" });
}
