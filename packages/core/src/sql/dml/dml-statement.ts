import { ArgumentError } from "../../errors.js";
import { Executable, type CacheKeyContext } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import type { SelectMapping, SelectTuple } from "../selectable/select.js";
import { FromClause } from "../selectable/from-clause.js";
import type { AnyColumn } from "../schema/column.js";
import { TableImpl } from "../schema/table.js";

/** What `returning()` takes: column expressions, or a table for all of its columns. */
export type ReturningItem = ColumnElement<unknown> | FromClause;

/** Options of `returning()`, given after the columns. */
export interface ReturningOptions {
  /**
   * Rows of an INSERT run with many parameter sets come back in the order of the
   * parameter sets. Where the database cannot promise that for a multi-row INSERT,
   * each row is inserted by its own statement (logged `(ordered; batch not supported)`).
   */
  readonly sortByParameterOrder?: boolean;
}

/** The named-access row type of `returning(...items)`. */
export type ReturningMapping<Items extends readonly unknown[]> =
  SelectMapping<Items> extends infer M extends Record<string, unknown> ? { [K in keyof M]: M[K] } : Record<string, unknown>;

/** The tuple row type of `returning(...items)`. */
export type ReturningTuple<Items extends readonly unknown[]> = SelectTuple<Items>;

/** The RETURNING part every DML statement shares. */
export interface ReturningState {
  readonly returning: readonly ColumnElement<unknown>[];
  readonly sortByParameterOrder: boolean;
}

/**
 * INSERT, UPDATE and DELETE: statements against one table whose SQL also depends on
 * the names of the parameters they are executed with (`isDML`), and that can return
 * rows with RETURNING.
 */
export abstract class DMLStatement<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
  S extends ReturningState = ReturningState,
> extends Executable<M, T> {
  override readonly isDML = true;

  constructor(
    readonly table: TableImpl,
    protected readonly state: S,
  ) {
    super();
  }

  /** The RETURNING columns, tables expanded into their columns; empty for none. */
  get returningColumns(): readonly ColumnElement<unknown>[] {
    return this.state.returning;
  }

  /** True when `returning(..., { sortByParameterOrder: true })` asked for rows in parameter order. */
  get sortByParameterOrder(): boolean {
    return this.state.sortByParameterOrder;
  }
}

/** Splits `returning()`'s arguments into its columns (tables expanded) and its options. */
export function returningState(
  statement: string,
  previous: ReturningState,
  args: readonly (ReturningItem | ReturningOptions)[],
): ReturningState {
  const columns: ColumnElement<unknown>[] = [...previous.returning];
  let sortByParameterOrder = previous.sortByParameterOrder;
  args.forEach((arg, i) => {
    if (arg instanceof ColumnElement) columns.push(arg);
    else if (arg instanceof FromClause) columns.push(...arg.exportedColumns());
    else if (i === args.length - 1 && typeof arg === "object" && arg !== null) {
      sortByParameterOrder = arg.sortByParameterOrder ?? sortByParameterOrder;
    } else {
      throw new ArgumentError(
        `${statement}.returning() takes columns, expressions and tables, then optionally { sortByParameterOrder }; ` +
          `got ${String(arg)} at position ${i + 1}.`,
      );
    }
  });
  if (columns.length === 0) {
    throw new ArgumentError(`${statement}.returning() needs at least one column, e.g. .returning(table.c.id).`);
  }
  return { returning: columns, sortByParameterOrder };
}

/** Appends the RETURNING part of a DML statement's cache key. */
export function returningCacheKey(ctx: CacheKeyContext, state: ReturningState): void {
  if (state.returning.length === 0) return;
  ctx.key += " returning[";
  for (const column of state.returning) {
    column.genCacheKey(ctx);
    ctx.key += ",";
  }
  ctx.key += state.sortByParameterOrder ? "]sorted" : "]";
}

/**
 * Appends the table's SQL-expression defaults (`default` / `onUpdate` given as an
 * expression) to the cache key: whether they render depends on the parameters the
 * statement is executed with, so their bound values must always be among its binds.
 */
export function expressionDefaultsCacheKey(ctx: CacheKeyContext, table: TableImpl, option: "default" | "onUpdate"): void {
  for (const column of table.columns) {
    const value = (column as AnyColumn).options[option];
    if (value instanceof ColumnElement) {
      ctx.key += ` ${option}(${column.key}:`;
      value.genCacheKey(ctx);
      ctx.key += ")";
    }
  }
}

/** The table a DML statement targets, checked. */
export function dmlTable(statement: string, table: unknown): TableImpl {
  if (!(table instanceof TableImpl)) {
    throw new ArgumentError(`${statement}() takes a Table, e.g. ${statement}(userTable); got ${String(table)}.`);
  }
  return table;
}
