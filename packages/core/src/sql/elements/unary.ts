import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import type { TypeEngine } from "../types/type-engine.js";
import { BinaryExpression } from "./binary.js";
import { ColumnElement } from "./column-element.js";
import { false_, False_, true_, True_ } from "./literal.js";
import { operators, type Operator } from "./operators.js";
import { registerElement } from "./registry.js";

/** `NOT x`, `x DESC`, `-x`: an operator with one operand, before or after it. */
export class UnaryExpression<T = unknown> extends ColumnElement<T> {
  constructor(
    readonly element: ColumnElement<unknown>,
    /** Rendered before the operand (`NOT x`, `-x`). */
    readonly operator: Operator | null,
    /** Rendered after the operand (`x DESC`). */
    readonly modifier: Operator | null,
    readonly type: TypeEngine<unknown>,
  ) {
    super();
  }

  /** `DISTINCT x` or `-x` selected is still column x in a row. */
  override get resultName(): string | null {
    return this.element.resultName;
  }

  override fromObjects(): readonly FromClause[] {
    return this.element.fromObjects();
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `unary(${this.operator?.name ?? ""},`;
    this.element.genCacheKey(ctx);
    ctx.key += `,${this.modifier?.name ?? ""})`;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitUnary(this as UnaryExpression);
  }
}

/**
 * `NOT x`, as SQLAlchemy's `not_()`: a comparison is negated in place
 * (`not(a.eq(b))` renders `a != b`).
 */
export function not(clause: ColumnElement<unknown>): ColumnElement<boolean> {
  if (clause instanceof True_) return false_();
  if (clause instanceof False_) return true_();
  if (clause instanceof BinaryExpression && clause.operator.negate !== undefined) {
    return new BinaryExpression(clause.left, clause.operator.negate, clause.right, clause.type, clause.modifiers);
  }
  if (clause instanceof UnaryExpression && clause.operator === operators.not) {
    return clause.element as ColumnElement<boolean>;
  }
  return new UnaryExpression<boolean>(clause, operators.not, null, clause.type);
}

registerElement("UnaryExpression", UnaryExpression);
