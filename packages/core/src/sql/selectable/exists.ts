import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import { operators } from "../elements/operators.js";
import { BooleanType } from "../types/generic.js";
import type { FromClause } from "./from-clause.js";
import type { SelectBase } from "./select-base.js";

const BOOLEAN = new BooleanType();

/**
 * `EXISTS (SELECT ...)`, as SQLAlchemy's `exists()`. The SELECT is correlated to the
 * enclosing one, so `exists(select(a.c.id).where(a.c.user_id.eq(u.c.id)))` in a WHERE
 * on `u` tests each row of `u`.
 */
export class Exists extends ColumnElement<boolean> {
  readonly type = BOOLEAN;
  /** Lets `not()` and AND/OR group it by EXISTS's precedence. */
  readonly operator = operators.exists;

  constructor(readonly element: SelectBase) {
    super();
  }

  override fromObjects(): readonly FromClause[] {
    return [];
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "exists(";
    this.element.genCacheKey(ctx);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitExists(this);
  }
}

/**
 * `EXISTS (SELECT ...)`.
 *
 * @example
 * select(users.c.name).where(exists(select(addresses.c.id).where(addresses.c.user_id.eq(users.c.id))))
 */
export function exists(select: SelectBase): Exists {
  return new Exists(select);
}
