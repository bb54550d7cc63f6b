import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import type { TypeEngine } from "../types/type-engine.js";
import { ColumnElement } from "./column-element.js";
import type { Operator } from "./operators.js";
import { registerElement } from "./registry.js";

/** What some operators carry besides their operands. */
export interface BinaryModifiers {
  /** LIKE's escape character: `x LIKE :p ESCAPE '/'`. */
  readonly escape?: string;
  /** `BETWEEN SYMMETRIC` (PostgreSQL). */
  readonly symmetric?: boolean;
}

const NO_MODIFIERS: BinaryModifiers = Object.freeze({});

/** `left operator right`: a comparison, arithmetic, LIKE, IN, ... */
export class BinaryExpression<T = unknown> extends ColumnElement<T> {
  constructor(
    readonly left: ColumnElement<unknown>,
    readonly operator: Operator,
    readonly right: ColumnElement<unknown>,
    readonly type: TypeEngine<unknown>,
    readonly modifiers: BinaryModifiers = NO_MODIFIERS,
  ) {
    super();
  }

  override fromObjects(): readonly FromClause[] {
    return mergeFroms(this.left.fromObjects(), this.right.fromObjects());
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "(";
    this.left.genCacheKey(ctx);
    // The operator's name, not its SQL: `like` and `startsWith` both render LIKE.
    ctx.key += ` ${this.operator.name} `;
    this.right.genCacheKey(ctx);
    if (this.modifiers !== NO_MODIFIERS) ctx.key += JSON.stringify(this.modifiers);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitBinary(this as BinaryExpression);
  }
}

/** The FROM items of both sides, each once, in order of first appearance. */
export function mergeFroms(a: readonly FromClause[], b: readonly FromClause[]): readonly FromClause[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged = [...a];
  for (const from of b) if (!merged.includes(from)) merged.push(from);
  return merged;
}

registerElement("BinaryExpression", BinaryExpression);
