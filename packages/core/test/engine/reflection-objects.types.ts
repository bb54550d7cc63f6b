// Compile-time tests for views, CHECK constraints, comments and table options in reflection. Checked by types.test.ts.
import { expectTypeOf } from "expect-type";
import {
  inspect,
  MetaData,
  type DialectTableOptions,
  type Engine,
  type ReflectedCheckConstraint,
  type ReflectedTableComment,
} from "../../src/index.js";

declare const engine: Engine;

export async function viewsChecksComments(): Promise<void> {
  const insp = await inspect(engine);
  expectTypeOf(await insp.getViewNames({ schema: "public" })).toEqualTypeOf<string[]>();
  expectTypeOf(await insp.getMaterializedViewNames()).toEqualTypeOf<string[]>();
  expectTypeOf(await insp.getViewDefinition("v")).toEqualTypeOf<string>();
  const [check] = await insp.getCheckConstraints("t");
  expectTypeOf(check).toEqualTypeOf<ReflectedCheckConstraint | undefined>();
  expectTypeOf(check!.name).toEqualTypeOf<string | null>();
  expectTypeOf(check!.sqltext).toEqualTypeOf<string>();
  expectTypeOf(await insp.getTableComment("t")).toEqualTypeOf<ReflectedTableComment>();
  expectTypeOf((await insp.getTableComment("t")).text).toEqualTypeOf<string | null>();
  expectTypeOf(await insp.getTableOptions("t")).toEqualTypeOf<DialectTableOptions>();
}

export async function reflectViews(): Promise<void> {
  await MetaData().reflect(engine, { views: true, only: ["v"] });
  // @ts-expect-error views is a boolean
  await MetaData().reflect(engine, { views: "yes" });
}
