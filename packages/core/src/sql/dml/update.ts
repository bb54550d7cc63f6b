import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { and } from "../elements/boolean-clause-list.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import {
  DMLStatement,
  dmlTable,
  expressionDefaultsCacheKey,
  returningCacheKey,
  returningState,
  type ReturningItem,
  type ReturningMapping,
  type ReturningOptions,
  type ReturningState,
  type ReturningTuple,
} from "./dml-statement.js";
import { valuesRow, valuesRowCacheKey, type ValuesOf, type ValuesRow } from "./values.js";

interface UpdateState extends ReturningState {
  /** The SET columns given with values(), in table order; empty when none were given. */
  readonly values: ValuesRow;
  readonly where: ColumnElement<boolean> | null;
}

/**
 * An UPDATE statement, as SQLAlchemy's `update()`. Builder methods return a new Update.
 *
 * Without `values()`, the SET columns come from the parameters it is executed with
 * (those that are not the names of the statement's own `bindparam()`s).
 *
 * @example
 * update(userTable).where(userTable.c.name.eq("patrick")).values({ fullname: "Patrick Star" })
 * // UPDATE user_account SET fullname=:fullname WHERE user_account.name = :name_1
 */
export class Update<
  Cols extends readonly AnyColumn[] = readonly AnyColumn[],
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends DMLStatement<M, T, UpdateState> {
  declare readonly table: TableImpl<Cols>;

  get setValues(): ValuesRow {
    return this.state.values;
  }

  get whereClause(): ColumnElement<boolean> | null {
    return this.state.where;
  }


  /** The SET clause: column key to a value (bound) or SQL expression; a further call adds to it. */
  values(values: ValuesOf<Cols>): Update<Cols, M, T> {
    const row = valuesRow("update", this.table, values as Readonly<Record<string, unknown>>, (c) => c.key, this.state.values);
    return new Update(this.table, { ...this.state, values: row });
  }

  /** Adds WHERE criteria, joined with AND to any already there. */
  where(...clauses: ColumnElement<unknown>[]): Update<Cols, M, T> {
    const all = this.state.where === null ? clauses : [this.state.where, ...clauses];
    return new Update(this.table, { ...this.state, where: and(...all) });
  }

  /** `RETURNING ...`: the statement returns rows of these columns, typed like a select() of them. */
  returning<const C extends readonly ReturningItem[]>(...columns: C): Update<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  returning<const C extends readonly ReturningItem[]>(
    ...args: [...C, ReturningOptions]
  ): Update<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  returning(...args: (ReturningItem | ReturningOptions)[]): Update<Cols, Record<string, unknown>, unknown[]> {
    return new Update(this.table, { ...this.state, ...returningState("update", this.state, args) });
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `update(${this.table.fullname}`;
    valuesRowCacheKey(ctx, this.state.values);
    if (this.state.where !== null) {
      ctx.key += " where ";
      this.state.where.genCacheKey(ctx);
    }
    expressionDefaultsCacheKey(ctx, this.table, "onUpdate");
    returningCacheKey(ctx, this.state);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitUpdate(this as Update);
  }
}

/**
 * An UPDATE of a table, as SQLAlchemy's `update()`.
 *
 * @example
 * await conn.execute(update(userTable).where(userTable.c.id.eq(5)).values({ name: "sandy" }));
 */
export function update<Cols extends readonly AnyColumn[]>(table: TableImpl<Cols>): Update<Cols> {
  return new Update(dmlTable("update", table) as TableImpl<Cols>, {
    values: [],
    where: null,
    returning: [],
    sortByParameterOrder: false,
  });
}
