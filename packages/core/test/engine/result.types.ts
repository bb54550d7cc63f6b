/**
 * Compile-time tests for Row and Result types, checked by `tsc -p packages/core`
 * (not run by jest). Every assertion fails to compile if the types regress.
 */
import { expectTypeOf } from "expect-type";
import type { MappingResult, Result, ScalarResult } from "../../src/engine/result.js";
import { rowClass, type Row, type RowConstructor } from "../../src/engine/row.js";

type UserRow = Row<[number, string], { x: number; y: string }>;

declare const row: UserRow;
declare const result: Result<UserRow>;
declare const untypedRow: Row;
declare const untyped: Result;

// --- Row: index access from T, named access from M --------------------------------
expectTypeOf(row[0]).toEqualTypeOf<number>();
expectTypeOf(row[1]).toEqualTypeOf<string>();
expectTypeOf(row.x).toEqualTypeOf<number>();
expectTypeOf(row.y).toEqualTypeOf<string>();
expectTypeOf(row.length).toEqualTypeOf<2>();
expectTypeOf(row._mapping).toEqualTypeOf<Readonly<{ x: number; y: string }>>();
expectTypeOf(row._asdict()).toEqualTypeOf<{ x: number; y: string }>();
expectTypeOf(row._tuple()).toEqualTypeOf<[number, string]>();
expectTypeOf(row._fields).toEqualTypeOf<readonly string[]>();
expectTypeOf(row.toString()).toEqualTypeOf<string>();

// A non-literal index could be any column (and past the end).
declare const i: number;
expectTypeOf(row[i]).toEqualTypeOf<number | string | undefined>();

// Destructuring and iteration are typed.
const [first, second] = row;
expectTypeOf(first).toEqualTypeOf<number>();
expectTypeOf(second).toEqualTypeOf<string>();
for (const value of row) expectTypeOf(value).toEqualTypeOf<number | string>();
expectTypeOf([...row]).toEqualTypeOf<(number | string)[]>();

// A Row is not an array.
// @ts-expect-error rows have no map()
row.map((v: unknown) => v);
// @ts-expect-error rows have no filter()
row.filter(Boolean);
// @ts-expect-error rows have no push()
row.push(1);
// @ts-expect-error no such column
row.z;
// @ts-expect-error out of the tuple's range
row[2].toFixed();

// Rows are read-only.
// @ts-expect-error named columns are read-only
row.x = 1;
// @ts-expect-error indexes are read-only
row[0] = 1;
// @ts-expect-error the mapping is read-only
row._mapping.x = 1;

// Columns whose names clash with Row members keep the member's type.
declare const clash: Row<[string, string], { length: string; then: string; ok: string }>;
expectTypeOf(clash.length).toEqualTypeOf<2>();
expectTypeOf(clash.ok).toEqualTypeOf<string>();
// @ts-expect-error a "then" column gets no getter, so rows are never thenable
clash.then;
expectTypeOf(clash._mapping.then).toEqualTypeOf<string>();

// Untyped rows (text()) give unknown everywhere.
expectTypeOf(untypedRow[0]).toEqualTypeOf<unknown>();
expectTypeOf(untypedRow.anything).toEqualTypeOf<unknown>();
expectTypeOf(untypedRow.length).toEqualTypeOf<number>();
expectTypeOf(untypedRow._mapping).toEqualTypeOf<Readonly<Record<string, unknown>>>();

// Typed rows are usable where untyped rows are expected.
expectTypeOf(row).toMatchTypeOf<Row>();
expectTypeOf<Result<UserRow>>().toMatchTypeOf<Result>();

// --- rowClass ----------------------------------------------------------------------
expectTypeOf(rowClass(["x", "y"])).toEqualTypeOf<RowConstructor<Row>>();
expectTypeOf(new (rowClass<UserRow>(["x", "y"]))([1, "a"])).toEqualTypeOf<UserRow>();

// --- Result: rows -------------------------------------------------------------------
expectTypeOf(result.all()).toEqualTypeOf<UserRow[]>();
expectTypeOf(result.fetchAll()).toEqualTypeOf<UserRow[]>();
expectTypeOf(result.first()).toEqualTypeOf<UserRow | null>();
expectTypeOf(result.one()).toEqualTypeOf<UserRow>();
expectTypeOf(result.oneOrNone()).toEqualTypeOf<UserRow | null>();
expectTypeOf(result.fetchOne()).toEqualTypeOf<UserRow | null>();
expectTypeOf(result.fetchMany(2)).toEqualTypeOf<UserRow[]>();
expectTypeOf(result.keys()).toEqualTypeOf<string[]>();
expectTypeOf(result.rowcount).toEqualTypeOf<number>();
expectTypeOf(result.returnsRows).toEqualTypeOf<boolean>();
expectTypeOf(result.lastInsertId).toEqualTypeOf<number | bigint | null>();
for (const r of result) expectTypeOf(r).toEqualTypeOf<UserRow>();
async function asyncIteration(): Promise<void> {
  for await (const r of result) expectTypeOf(r).toEqualTypeOf<UserRow>();
  for await (const v of result.scalars()) expectTypeOf(v).toEqualTypeOf<number>();
}
void asyncIteration;

// Destructuring a fetched row keeps the tuple types.
const [id, name] = result.one();
expectTypeOf(id).toEqualTypeOf<number>();
expectTypeOf(name).toEqualTypeOf<string>();

// --- Result: scalars, typed from the first tuple element ---------------------------
expectTypeOf(result.scalar()).toEqualTypeOf<number | null>();
expectTypeOf(result.scalarOne()).toEqualTypeOf<number>();
expectTypeOf(result.scalarOneOrNone()).toEqualTypeOf<number | null>();
expectTypeOf(result.scalars()).toEqualTypeOf<ScalarResult<number>>();
expectTypeOf(result.scalars().all()).toEqualTypeOf<number[]>();
expectTypeOf(result.scalars().first()).toEqualTypeOf<number | null>();
expectTypeOf(result.scalars().one()).toEqualTypeOf<number>();
expectTypeOf(result.scalars().oneOrNone()).toEqualTypeOf<number | null>();
expectTypeOf(result.scalars(1).all()).toEqualTypeOf<string[]>();
expectTypeOf(result.scalars("y").all()).toEqualTypeOf<string[]>();
expectTypeOf(result.scalars("x").one()).toEqualTypeOf<number>();
for (const v of result.scalars(1)) expectTypeOf(v).toEqualTypeOf<string>();
// @ts-expect-error no such column name
result.scalars("z");

// --- Result: mappings, typed from M ------------------------------------------------
expectTypeOf(result.mappings()).toEqualTypeOf<MappingResult<{ x: number; y: string }>>();
expectTypeOf(result.mappings().all()).toEqualTypeOf<Readonly<{ x: number; y: string }>[]>();
expectTypeOf(result.mappings().one().y).toEqualTypeOf<string>();
expectTypeOf(result.mappings().first()).toEqualTypeOf<Readonly<{ x: number; y: string }> | null>();
expectTypeOf(result.mappings().fetchOne()).toEqualTypeOf<Readonly<{ x: number; y: string }> | null>();
for (const m of result.mappings()) expectTypeOf(m.x).toEqualTypeOf<number>();
// @ts-expect-error mappings are read-only
result.mappings().one().x = 1;

// --- Result: columns, typed where practical ----------------------------------------
const yx = result.columns("y", "x").one();
expectTypeOf(yx[0]).toEqualTypeOf<string>();
expectTypeOf(yx[1]).toEqualTypeOf<number>();
expectTypeOf(yx.y).toEqualTypeOf<string>();
expectTypeOf(yx._mapping).toEqualTypeOf<Readonly<{ y: string; x: number }>>();
expectTypeOf(result.columns(1).one()[0]).toEqualTypeOf<string>();
expectTypeOf(result.columns("y").scalars().all()).toEqualTypeOf<string[]>();
// @ts-expect-error no such column name
result.columns("z");
// @ts-expect-error x was not selected
result.columns("y").one().x;

// --- Untyped results ---------------------------------------------------------------
expectTypeOf(untyped.all()).toEqualTypeOf<Row[]>();
expectTypeOf(untyped.scalar()).toEqualTypeOf<unknown>();
expectTypeOf(untyped.scalars().all()).toEqualTypeOf<unknown[]>();
expectTypeOf(untyped.scalars("anything").all()).toEqualTypeOf<unknown[]>();
expectTypeOf(untyped.mappings().all()).toEqualTypeOf<Readonly<Record<string, unknown>>[]>();
expectTypeOf(untyped.columns("a", 2).one()[0]).toEqualTypeOf<unknown>();
