import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { BooleanType } from "../types/generic.js";
import { mergeFroms } from "./binary.js";
import { ColumnElement } from "./column-element.js";
import { False_, True_ } from "./literal.js";
import { operators, type Operator } from "./operators.js";

const BOOLEAN = new BooleanType();

/** `a AND b AND c` or `a OR b OR c`. */
export class BooleanClauseList extends ColumnElement<boolean> {
  readonly type = BOOLEAN;

  constructor(
    readonly operator: Operator,
    readonly clauses: readonly ColumnElement<unknown>[],
  ) {
    super();
  }

  override fromObjects(): readonly FromClause[] {
    return this.clauses.reduce<readonly FromClause[]>((froms, c) => mergeFroms(froms, c.fromObjects()), []);
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `${this.operator.sql}[`;
    for (const clause of this.clauses) {
      clause.genCacheKey(ctx);
      ctx.key += ";";
    }
    ctx.key += "]";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitBooleanClauseList(this);
  }
}

function conjunction(operator: Operator, name: string, clauses: readonly ColumnElement<unknown>[]): ColumnElement<boolean> {
  if (clauses.length === 0) {
    throw new ArgumentError(
      `${name}() needs at least one expression; an empty ${name}() has no SQL meaning. ` +
        `Build the list first and skip the filter when it is empty.`,
    );
  }
  // As SQLAlchemy: `true` drops out of an AND (`false` out of an OR), `false` decides an AND
  // (`true` an OR), so `where(ok ? x : true_())` needs no special case.
  const [neutral, absorbing] = operator === operators.and ? [True_, False_] : [False_, True_];
  const absorbed = clauses.find((c) => c instanceof absorbing);
  if (absorbed !== undefined) return absorbed as ColumnElement<boolean>;
  const kept = clauses.filter((c) => !(c instanceof neutral));
  if (kept.length === 0) return clauses[0] as ColumnElement<boolean>;
  clauses = kept;
  // One clause needs no conjunction; flatten nested ones of the same operator, as SQLAlchemy does.
  if (clauses.length === 1) return clauses[0] as ColumnElement<boolean>;
  const flat: ColumnElement<unknown>[] = [];
  for (const c of clauses) {
    if (c instanceof BooleanClauseList && c.operator === operator) flat.push(...c.clauses);
    else flat.push(c);
  }
  return new BooleanClauseList(operator, flat);
}

/**
 * `a AND b AND ...`, as SQLAlchemy's `and_()`.
 *
 * @example
 * select(users).where(and(users.c.name.eq("sandy"), users.c.id.gt(1)))
 */
export function and(...clauses: ColumnElement<unknown>[]): ColumnElement<boolean> {
  return conjunction(operators.and, "and", clauses);
}

/** `a OR b OR ...`, as SQLAlchemy's `or_()`. */
export function or(...clauses: ColumnElement<unknown>[]): ColumnElement<boolean> {
  return conjunction(operators.or, "or", clauses);
}
