/**
 * `ON CONFLICT ... DO NOTHING | DO UPDATE SET ...`: PostgreSQL's and SQLite's upsert
 * clauses, the AST nodes SQLAlchemy's `postgresql.insert().on_conflict_do_*()` build.
 * They sit in an Insert's `onConflict` slot and compile through the statement
 * compiler's `visitOnConflictDoNothing` / `visitOnConflictDoUpdate` (compiler/upsert.ts).
 */
import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import { ClauseElement, type CacheKeyContext } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import type { TableImpl } from "../schema/table.js";
import { valuesRow, valuesRowCacheKey, type ValuesRow } from "./values.js";
import { BindParameter } from "../elements/bind-parameter.js";

/** What a conflict is detected on: the columns (or expressions) of a unique index, or a named constraint. */
export interface ConflictTargetOptions {
  /** Columns (by key or as columns) or expressions of the unique index: `ON CONFLICT (id)`. */
  readonly indexElements?: readonly (string | ColumnElement<unknown>)[];
  /** The WHERE of a partial unique index: `ON CONFLICT (email) WHERE active`. */
  readonly indexWhere?: ColumnElement<boolean>;
  /** A unique or primary key constraint by name: `ON CONFLICT ON CONSTRAINT uq_name` (PostgreSQL only). */
  readonly constraint?: string;
}

/** A resolved conflict target. */
export interface ConflictTarget {
  readonly indexElements: readonly ColumnElement<unknown>[];
  readonly indexWhere: ColumnElement<boolean> | null;
  readonly constraint: string | null;
}

export function conflictTarget(table: TableImpl, method: string, options: ConflictTargetOptions): ConflictTarget {
  const { indexElements = [], indexWhere = null, constraint = null } = options;
  if (constraint !== null && (indexElements.length > 0 || indexWhere !== null)) {
    throw new ArgumentError(`insert(${table.name}).${method}(): give either constraint or indexElements (with indexWhere), not both.`);
  }
  if (indexWhere !== null && indexElements.length === 0) {
    throw new ArgumentError(`insert(${table.name}).${method}(): indexWhere needs the indexElements of the partial index it belongs to.`);
  }
  return {
    indexElements: indexElements.map((e) => (typeof e === "string" ? table.column(e) : e)),
    indexWhere,
    constraint,
  };
}

function targetCacheKey(ctx: CacheKeyContext, target: ConflictTarget): void {
  if (target.constraint !== null) ctx.key += `constraint(${JSON.stringify(target.constraint)})`;
  ctx.key += "(";
  for (const element of target.indexElements) {
    element.genCacheKey(ctx);
    ctx.key += ",";
  }
  ctx.key += ")";
  if (target.indexWhere !== null) {
    ctx.key += " where ";
    target.indexWhere.genCacheKey(ctx);
  }
}

/** `ON CONFLICT [target] DO NOTHING`. */
export class OnConflictDoNothing extends ClauseElement {
  constructor(readonly target: ConflictTarget) {
    super();
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "on_conflict_do_nothing";
    targetCacheKey(ctx, this.target);
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitOnConflictDoNothing(this);
  }
}

/** `ON CONFLICT target DO UPDATE SET col = value, ... [WHERE ...]`. */
export class OnConflictDoUpdate extends ClauseElement {
  constructor(
    readonly target: ConflictTarget,
    /** The SET columns in table order, each with its SQL element. */
    readonly set: ValuesRow,
    readonly where: ColumnElement<boolean> | null,
  ) {
    super();
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "on_conflict_do_update";
    targetCacheKey(ctx, this.target);
    valuesRowCacheKey(ctx, this.set);
    if (this.where !== null) {
      ctx.key += " where ";
      this.where.genCacheKey(ctx);
    }
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitOnConflictDoUpdate(this);
  }
}

/**
 * The SET of an upsert: column key to value or expression, in table order. Plain values
 * are anonymous parameters (`param_1`), as SQLAlchemy binds them, so they never clash
 * with the VALUES parameters named after the columns.
 */
export function upsertSet(table: TableImpl, method: string, set: Readonly<Record<string, unknown>>): ValuesRow {
  if (typeof set !== "object" || set === null || Object.keys(set).length === 0) {
    throw new ArgumentError(`insert(${table.name}).${method}() needs set: { column: value, ... } with at least one column.`);
  }
  const row = valuesRow(`insert(${table.name}).${method}`, table, set, () => "param");
  return row.map(([column, value]) =>
    set[column.key] instanceof ColumnElement || !(value instanceof BindParameter)
      ? ([column, value] as const)
      : ([column, new BindParameter("param", value.value, column.type, true)] as const),
  );
}
