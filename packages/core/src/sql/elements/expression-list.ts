import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { NullType } from "../types/generic.js";
import type { TypeEngine } from "../types/type-engine.js";
import { mergeFroms } from "./binary.js";
import { ColumnElement } from "./column-element.js";
import { operators, type Operator } from "./operators.js";
import { registerElement } from "./registry.js";

const nullType = new NullType();

/**
 * Expressions joined by a separator: `(a, b, :param_1)` (an IN list of expressions) or
 * `:x_1 AND :x_2` (BETWEEN's bounds). Grouped lists render in parentheses.
 */
export class ExpressionList extends ColumnElement<unknown> {
  readonly type: TypeEngine<unknown>;

  constructor(
    readonly clauses: readonly ColumnElement<unknown>[],
    /** The separator: `operators.comma` or `operators.and`. */
    readonly separator: Operator = operators.comma,
    readonly grouped = true,
  ) {
    super();
    this.type = clauses[0]?.type ?? nullType;
  }

  override fromObjects(): readonly FromClause[] {
    return this.clauses.reduce<readonly FromClause[]>((froms, c) => mergeFroms(froms, c.fromObjects()), []);
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `list(${this.separator.name},${this.grouped ? "g" : ""}`;
    for (const clause of this.clauses) {
      clause.genCacheKey(ctx);
      ctx.key += ";";
    }
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitExpressionList(this);
  }
}

registerElement("ExpressionList", ExpressionList);
