import { ArgumentError } from "../../errors.js";
import type { CacheKeyContext } from "../element.js";
import { BindParameter } from "../elements/bind-parameter.js";
import { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";

type ValueOfColumn<C> = C extends ColumnElement<infer V> ? V : unknown;

/**
 * The values `insert(t).values({...})` and `update(t).values({...})` take: column key
 * to a value of the column's type, or to a SQL expression.
 */
export type ValuesOf<Cols extends readonly AnyColumn[]> = {
  readonly [C in Cols[number] as C["key"]]?: ValueOfColumn<C> | ColumnElement<unknown>;
};

/** One row of a statement's values: each column given, in table order, with its SQL element. */
export type ValuesRow = readonly (readonly [AnyColumn, ColumnElement<unknown>])[];

/**
 * Turns a values object into a row in table order. Plain values become bound
 * parameters named by `bindName(column)` (the column key, or `name_m0` for row 0 of
 * a multi-row INSERT); SQL expressions stay as they are. `base` holds the values of
 * earlier `values()` calls, which the new ones extend or replace.
 */
export function valuesRow(
  statement: string,
  table: TableImpl,
  values: Readonly<Record<string, unknown>>,
  bindName: (column: AnyColumn) => string,
  base: ValuesRow = [],
): ValuesRow {
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new ArgumentError(`${statement}.values() takes an object of column values, e.g. .values({ name: "sandy" }).`);
  }
  const given = new Map<AnyColumn, ColumnElement<unknown>>(base);
  for (const [key, value] of Object.entries(values)) {
    // An optional property left undefined is a column not given, not a NULL (pass null for NULL).
    if (value === undefined) continue;
    const column = table.columns.find((c) => c.key === key);
    if (column === undefined) {
      throw new ArgumentError(
        `${statement}.values(): table '${table.fullname}' has no column '${key}'; ` +
          `its columns are ${table.columns.map((c) => `'${c.key}'`).join(", ")}.`,
      );
    }
    given.set(
      column,
      value instanceof ColumnElement ? value.withBinaryElementType(column.type) : new BindParameter(bindName(column), value, column.type),
    );
  }
  return table.columns.filter((c) => given.has(c)).map((c) => [c, given.get(c) as ColumnElement<unknown>] as const);
}

/** Appends a row of values to a cache key: which columns, and the shape of each value. */
export function valuesRowCacheKey(ctx: CacheKeyContext, row: ValuesRow): void {
  ctx.key += "[";
  for (const [column, value] of row) {
    ctx.key += `${column.key}=`;
    value.genCacheKey(ctx);
    ctx.key += ";";
  }
  ctx.key += "]";
}
