// Compile-time tests for execute(): rows are typed from the statement. Checked by types.test.ts.
import { expectTypeOf } from "expect-type";
import { Boolean, createEngine, DateTime, Integer, text, type Connection, type Result, type Row } from "../../src/index.js";
import { Session } from "../../src/orm/index.js";

declare const conn: Connection;

export async function typedText(): Promise<void> {
  const result = await conn.execute(text<{ x: number; y: string }>("SELECT x, y FROM t"));
  const row = result.one();
  expectTypeOf(row.x).toEqualTypeOf<number>();
  expectTypeOf(row.y).toEqualTypeOf<string>();
  expectTypeOf(row._mapping).toEqualTypeOf<Readonly<{ x: number; y: string }>>();
  expectTypeOf(result.mappings().all()).toEqualTypeOf<Readonly<{ x: number; y: string }>[]>();
  // @ts-expect-error: no such column
  void row.z;
}

export async function declaredColumns(): Promise<void> {
  const stmt = text("SELECT ok, at, n FROM t").columns({ ok: Boolean, at: DateTime, n: Integer });
  const row = (await conn.execute(stmt)).one();
  expectTypeOf(row.ok).toEqualTypeOf<boolean | null>();
  expectTypeOf(row.at).toEqualTypeOf<Date | null>();
  expectTypeOf(row.n).toEqualTypeOf<number | null>();
}

export async function untypedText(): Promise<void> {
  const result = await conn.execute(text("SELECT 1"));
  expectTypeOf(result).toEqualTypeOf<Result<Row<unknown[], Record<string, unknown>>>>();
  expectTypeOf(result.scalar()).toEqualTypeOf<unknown>();
}

export async function parameters(): Promise<void> {
  await conn.execute(text("SELECT :x"), { x: 1 });
  await conn.execute(text("SELECT :x"), [{ x: 1 }, { x: 2 }]);
  // @ts-expect-error: parameters are named, not positional
  await conn.execute(text("SELECT :x"), 5);
}

export async function scopes(): Promise<void> {
  const engine = createEngine("sqlite://");
  expectTypeOf(await engine.connect(async () => 42)).toEqualTypeOf<number>();
  expectTypeOf(await engine.begin(async () => "done")).toEqualTypeOf<string>();
  expectTypeOf(await engine.connect()).toEqualTypeOf<Connection>();
  const session = new Session(engine);
  const rows = (await session.execute(text<{ x: number }>("SELECT x FROM t"))).all();
  expectTypeOf(rows[0]!.x).toEqualTypeOf<number>();
  expectTypeOf(await session.begin(async () => true)).toEqualTypeOf<boolean>();
}
