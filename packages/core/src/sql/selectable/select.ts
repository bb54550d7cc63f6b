import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import { Executable, type CacheKeyContext } from "../element.js";
import { mergeFroms } from "../elements/binary.js";
import { and } from "../elements/boolean-clause-list.js";
import { ColumnElement } from "../elements/column-element.js";
import type { ColumnValue, ColumnImpl } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import { FromClause } from "./from-clause.js";

/** What `select()` takes: column expressions and FROM items (tables) whose columns it selects. */
export type SelectItem = ColumnElement<unknown> | FromClause;

type ValueOfColumn<C> = C extends ColumnElement<infer T> ? T : unknown;

type ItemTuple<I> =
  I extends TableImpl<infer Cols> ? { -readonly [K in keyof Cols]: ValueOfColumn<Cols[K]> } : I extends ColumnElement<infer T> ? [T] : unknown[];

/** The tuple type of rows selected by `select(...items)`. */
export type SelectTuple<Items extends readonly unknown[]> = Items extends readonly [infer H, ...infer R]
  ? [...ItemTuple<H>, ...SelectTuple<R>]
  : [];

type NamedValue<I> =
  I extends ColumnImpl<infer K, infer T, infer Nullable>
    ? { [P in K]: ColumnValue<T, Nullable> }
    : I extends { readonly name: infer N extends string; readonly __value?: infer T }
      ? I extends ColumnElement<unknown>
        ? { [P in N]: T }
        : unknown
      : unknown;

type ItemMapping<I> =
  I extends TableImpl<infer Cols> ? SelectMapping<Cols> : I extends ColumnElement<unknown> ? NamedValue<I> : unknown;

/** The named-access type of rows selected by `select(...items)`. */
export type SelectMapping<Items extends readonly unknown[]> = Items extends readonly [infer H, ...infer R]
  ? ItemMapping<H> & SelectMapping<R>
  : unknown;

type Mapping<Items extends readonly unknown[]> = SelectMapping<Items> extends infer M extends Record<string, unknown> ? { [K in keyof M]: M[K] } : Record<string, unknown>;

interface SelectState {
  readonly columns: readonly ColumnElement<unknown>[];
  readonly where: ColumnElement<boolean> | null;
}

/**
 * A SELECT statement. Every builder method returns a new Select; the original is
 * unchanged, so statements can be shared and cached.
 *
 * @example
 * select(userTable).where(userTable.c.name.eq("spongebob"))
 */
export class Select<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends Executable<M, T> {
  constructor(private readonly state: SelectState) {
    super();
  }

  /** The selected column expressions, tables expanded into their columns. */
  get selectedColumns(): readonly ColumnElement<unknown>[] {
    return this.state.columns;
  }

  get whereClause(): ColumnElement<boolean> | null {
    return this.state.where;
  }

  /** Adds criteria, joined with AND to any already there. */
  where(...clauses: ColumnElement<unknown>[]): Select<M, T> {
    const all = this.state.where === null ? clauses : [this.state.where, ...clauses];
    return new Select({ ...this.state, where: and(...all) });
  }

  /**
   * The FROM list: every table the selected columns mention, then every table the
   * WHERE clause mentions, each once (as cell In [38]'s `FROM address, user_account`).
   */
  froms(): readonly FromClause[] {
    let froms: readonly FromClause[] = [];
    for (const column of this.state.columns) froms = mergeFroms(froms, column.fromObjects());
    if (this.state.where !== null) froms = mergeFroms(froms, this.state.where.fromObjects());
    return froms;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "select(";
    for (const column of this.state.columns) {
      column.genCacheKey(ctx);
      ctx.key += ",";
    }
    if (this.state.where !== null) {
      ctx.key += " where ";
      this.state.where.genCacheKey(ctx);
    }
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitSelect(this as Select);
  }
}

/**
 * A SELECT of columns and tables, as SQLAlchemy's `select()`.
 *
 * @example
 * select(userTable.c.name, userTable.c.fullname) // rows typed [string | null, string | null]
 */
export function select<const Items extends readonly SelectItem[]>(...items: Items): Select<Mapping<Items>, SelectTuple<Items>> {
  const columns: ColumnElement<unknown>[] = [];
  for (const item of items) {
    if (item instanceof ColumnElement) columns.push(item);
    else if (item instanceof FromClause) columns.push(...item.exportedColumns());
    else throw new ArgumentError(`select() takes columns, expressions and tables; got ${String(item)}.`);
  }
  return new Select({ columns, where: null });
}
