import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { and } from "../elements/boolean-clause-list.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import {
  DMLStatement,
  dmlTable,
  returningCacheKey,
  returningState,
  type ReturningItem,
  type ReturningMapping,
  type ReturningOptions,
  type ReturningState,
  type ReturningTuple,
} from "./dml-statement.js";

interface DeleteState extends ReturningState {
  readonly where: ColumnElement<boolean> | null;
}

/**
 * A DELETE statement, as SQLAlchemy's `delete()`. Builder methods return a new Delete.
 *
 * @example
 * delete_(userTable).where(userTable.c.name.eq("patrick"))
 * // DELETE FROM user_account WHERE user_account.name = :name_1
 */
export class Delete<
  Cols extends readonly AnyColumn[] = readonly AnyColumn[],
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends DMLStatement<M, T, DeleteState> {
  declare readonly table: TableImpl<Cols>;

  get whereClause(): ColumnElement<boolean> | null {
    return this.state.where;
  }


  /** Adds WHERE criteria, joined with AND to any already there. */
  where(...clauses: ColumnElement<unknown>[]): Delete<Cols, M, T> {
    const all = this.state.where === null ? clauses : [this.state.where, ...clauses];
    return new Delete(this.table, { ...this.state, where: and(...all) });
  }

  /** `RETURNING ...`: the statement returns the deleted rows' columns, typed like a select() of them. */
  returning<const C extends readonly ReturningItem[]>(...columns: C): Delete<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  returning<const C extends readonly ReturningItem[]>(
    ...args: [...C, ReturningOptions]
  ): Delete<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  returning(...args: (ReturningItem | ReturningOptions)[]): Delete<Cols, Record<string, unknown>, unknown[]> {
    return new Delete(this.table, { ...this.state, ...returningState("delete", this.state, args) });
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `delete(${this.table.fullname}`;
    if (this.state.where !== null) {
      ctx.key += " where ";
      this.state.where.genCacheKey(ctx);
    }
    returningCacheKey(ctx, this.state);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitDelete(this as Delete);
  }
}

/**
 * A DELETE from a table, as SQLAlchemy's `delete()`. `delete` is a reserved word in
 * JavaScript, so it is exported as `delete_`, and as `delete` for namespace imports
 * (`sa.delete(t)`).
 *
 * @example
 * await conn.execute(delete_(userTable).where(userTable.c.id.eq(5)));
 */
export function delete_<Cols extends readonly AnyColumn[]>(table: TableImpl<Cols>): Delete<Cols> {
  return new Delete(dmlTable("delete", table) as TableImpl<Cols>, { where: null, returning: [], sortByParameterOrder: false });
}
