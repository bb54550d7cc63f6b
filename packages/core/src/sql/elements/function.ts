import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import type { TypeEngine } from "../types/type-engine.js";
import { mergeFroms } from "./binary.js";
import { ColumnElement } from "./column-element.js";
import type { Over, WindowSpec } from "./over.js";
import { elementClass, registerElement } from "./registry.js";

/**
 * A SQL function call, `name(arg, ...)`, as SQLAlchemy's Function. Built through
 * `func` (`func.count(users.c.id)`, `func.lower(users.c.name)`, `func.anything(...)`).
 * Selected without a label it is named after the function: `count(x) AS count_1`.
 */
export class FunctionElement<T = unknown> extends ColumnElement<T> {
  constructor(
    /** The function's name as written in SQL (quoted only if it has illegal characters). */
    readonly name: string,
    readonly args: readonly ColumnElement<unknown>[],
    readonly type: TypeEngine<unknown>,
    /**
     * ANSI functions such as CURRENT_TIMESTAMP render without parentheses when called
     * without arguments; their SQL name is upper case.
     */
    readonly ansiName: string | null = null,
  ) {
    super();
  }

  /** Selected on its own it is labelled `<name>_<n>`; its key in a subquery's `.c` is the name. */
  get anonBaseName(): string {
    return this.name;
  }

  override fromObjects(): readonly FromClause[] {
    return this.args.reduce<readonly FromClause[]>((froms, a) => mergeFroms(froms, a.fromObjects()), []);
  }

  /**
   * A window function: `row_number() OVER (PARTITION BY ... ORDER BY ...)`.
   *
   * @example
   * func.row_number().over({ partitionBy: users.c.name, orderBy: users.c.id })
   */
  over(spec: WindowSpec = {}): Over<T> {
    return new (elementClass("Over"))(this, spec) as Over<T>;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `fn(${this.name}:${this.type.cacheKey}`;
    for (const arg of this.args) {
      ctx.key += ",";
      arg.genCacheKey(ctx);
    }
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitFunction(this as FunctionElement);
  }
}

registerElement("FunctionElement", FunctionElement);
