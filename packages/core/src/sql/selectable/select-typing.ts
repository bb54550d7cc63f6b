/**
 * The row types of `select(...items)`: a tuple of the items' values (tables and
 * subqueries expanded into their columns) and a mapping of the named ones (columns by
 * key, labels by name). Unnamed expressions (`func.count()`, `a + b`) are in the tuple
 * only: their names (`count_1`, `anon_1`) are chosen when the statement is compiled.
 */
import type { ColumnElement } from "../elements/column-element.js";
import type { Label } from "../elements/label.js";
import type { ColumnImpl, ColumnValue } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import type { ColumnProxy } from "./column-proxy.js";

type ValueOfColumn<C> = C extends ColumnElement<infer T> ? T : unknown;

/** The row types a FROM item with its own typing (alias, subquery, CTE) carries. */
type RowOfFrom<I> = I extends { readonly __row?: [infer M, infer T] } ? [M, T] : never;

type ItemTuple<I> =
  I extends TableImpl<infer Cols>
    ? { -readonly [K in keyof Cols]: ValueOfColumn<Cols[K]> }
    : [RowOfFrom<I>] extends [never]
      ? I extends ColumnElement<infer T>
        ? [T]
        : unknown[]
      : RowOfFrom<I>[1] extends infer T extends unknown[]
        ? T
        : unknown[];

/** The tuple type of rows selected by `select(...items)`. */
export type SelectTuple<Items extends readonly unknown[]> = Items extends readonly [infer H, ...infer R]
  ? [...ItemTuple<H>, ...SelectTuple<R>]
  : [];

type NamedValue<I> =
  I extends ColumnImpl<infer K, infer T, infer Nullable>
    ? { [P in K]: ColumnValue<T, Nullable> }
    : I extends ColumnProxy<infer K, infer T>
      ? { [P in K]: T }
      : I extends Label<infer N, infer T>
        ? { [P in N]: T }
        : unknown;

type ItemMapping<I> =
  I extends TableImpl<infer Cols>
    ? SelectMapping<Cols>
    : [RowOfFrom<I>] extends [never]
      ? I extends ColumnElement<unknown>
        ? NamedValue<I>
        : unknown
      : RowOfFrom<I>[0];

/** The named-access type of rows selected by `select(...items)`. */
export type SelectMapping<Items extends readonly unknown[]> = Items extends readonly [infer H, ...infer R]
  ? ItemMapping<H> & SelectMapping<R>
  : unknown;

/** SelectMapping flattened into one object type, or any record when nothing is named. */
export type Mapping<Items extends readonly unknown[]> =
  SelectMapping<Items> extends infer M extends Record<string, unknown> ? { [K in keyof M]: M[K] } : Record<string, unknown>;
