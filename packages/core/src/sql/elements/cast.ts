import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { resolveType, type TypeArg, type TypeEngine, type ValueOf } from "../types/type-engine.js";
import { BindParameter } from "./bind-parameter.js";
import { typeForValue } from "./literal.js";
import { ColumnElement } from "./column-element.js";
import { registerElement } from "./registry.js";

/**
 * `CAST(expr AS type)`, as SQLAlchemy's `cast()`. The type is rendered by the dialect's
 * type compiler, and results are converted as that type.
 */
export class Cast<T = unknown> extends ColumnElement<T> {
  constructor(
    readonly element: ColumnElement<unknown>,
    readonly type: TypeEngine<unknown>,
  ) {
    super();
  }

  /** Selected on its own, a cast of a column keeps the column's name: `CAST(t.x AS INTEGER) AS x`. */
  get wrappedName(): string | null {
    return this.element.resultName;
  }

  override fromObjects(): readonly FromClause[] {
    return this.element.fromObjects();
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "cast(";
    this.element.genCacheKey(ctx);
    ctx.key += ` as ${this.type.cacheKey})`;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitCast(this as Cast);
  }
}

/**
 * `CAST(expr AS type)`. A plain value is bound as a parameter (of its own type).
 *
 * @example
 * select(cast(users.c.id, String)) // SELECT CAST(user_account.id AS VARCHAR) AS id ...
 */
export function cast<A extends TypeArg>(expression: ColumnElement<unknown> | unknown, type: A): Cast<ValueOf<A>> {
  const resolved = resolveType(type as TypeArg);
  // A plain value is bound as what it is: the database converts it, which is what CAST is for.
  const element =
    expression instanceof ColumnElement ? expression : new BindParameter("param", expression, typeForValue(expression), true);
  return new Cast<ValueOf<A>>(element, resolved);
}

registerElement("Cast", Cast);
