import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import { NullType } from "../types/generic.js";
import type { TypeEngine } from "../types/type-engine.js";
import type { FromClause } from "./from-clause.js";
import type { SelectBase } from "./select-base.js";

/**
 * A SELECT of one column used as an expression, `(SELECT max(x) ...)`, as SQLAlchemy's
 * `scalar_subquery()`. Tables it shares with the enclosing SELECT are correlated: they
 * stay in the enclosing FROM list only.
 *
 * @example
 * const addressCount = select(func.count(addresses.c.id))
 *   .where(addresses.c.user_id.eq(users.c.id))
 *   .scalarSubquery();
 * select(users.c.name, addressCount.label("n"))
 */
export class ScalarSelect<T = unknown> extends ColumnElement<T> {
  readonly type: TypeEngine<unknown>;

  constructor(readonly element: SelectBase) {
    super();
    this.type = element.selectedColumns[0]?.type ?? new NullType();
  }

  /** Its tables are the subquery's own: they never join the enclosing FROM list. */
  override fromObjects(): readonly FromClause[] {
    return [];
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "scalar(";
    this.element.genCacheKey(ctx);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitScalarSelect(this as ScalarSelect);
  }
}
