import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { NullType } from "../types/generic.js";
import type { TypeEngine } from "../types/type-engine.js";
import { mergeFroms } from "./binary.js";
import { BindParameter } from "./bind-parameter.js";
import { ColumnElement } from "./column-element.js";
import { typeForValue } from "./literal.js";

/** One `WHEN condition THEN result` of a CASE: the condition and the result (a value or expression). */
export type When = readonly [condition: ColumnElement<unknown> | unknown, result: unknown];

export interface CaseOptions<E = never> {
  /** The `ELSE` result; without it, rows matching no WHEN get NULL. */
  readonly else?: E;
  /** `CASE value WHEN a THEN ...`: compare this expression with each WHEN's key instead. */
  readonly value?: ColumnElement<unknown>;
}

type ValueOfResult<R> = R extends ColumnElement<infer T> ? T : R extends string ? string : R extends number ? number : R extends boolean ? boolean : R;

/** The value type of a CASE: the union of its results, plus null when there is no ELSE. */
export type CaseValue<W extends readonly When[], O> =
  | ValueOfResult<W[number][1]>
  | (O extends { readonly else: infer E } ? ValueOfResult<E> : null);

/** `CASE WHEN c1 THEN r1 ... ELSE e END`, as SQLAlchemy's `case()`. */
export class Case<T = unknown> extends ColumnElement<T> {
  readonly type: TypeEngine<unknown>;

  constructor(
    readonly whens: readonly (readonly [ColumnElement<unknown>, ColumnElement<unknown>])[],
    readonly elseResult: ColumnElement<unknown> | null,
    /** `CASE value WHEN ...`, or null for searched CASE. */
    readonly value: ColumnElement<unknown> | null,
  ) {
    super();
    const typed = [...whens.map(([, r]) => r), ...(elseResult === null ? [] : [elseResult])].find(
      (r) => !(r.type instanceof NullType),
    );
    this.type = typed?.type ?? new NullType();
  }

  override fromObjects(): readonly FromClause[] {
    let froms = this.value?.fromObjects() ?? [];
    for (const [condition, result] of this.whens) froms = mergeFroms(mergeFroms(froms, condition.fromObjects()), result.fromObjects());
    return this.elseResult === null ? froms : mergeFroms(froms, this.elseResult.fromObjects());
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "case(";
    if (this.value !== null) this.value.genCacheKey(ctx);
    for (const [condition, result] of this.whens) {
      ctx.key += " when ";
      condition.genCacheKey(ctx);
      ctx.key += " then ";
      result.genCacheKey(ctx);
    }
    if (this.elseResult !== null) {
      ctx.key += " else ";
      this.elseResult.genCacheKey(ctx);
    }
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitCase(this as Case);
  }
}

function asExpression(value: unknown, type: TypeEngine<unknown> | null): ColumnElement<unknown> {
  if (value instanceof ColumnElement) return value;
  return new BindParameter("param", value, type ?? typeForValue(value), true);
}

/**
 * A CASE expression, as SQLAlchemy's `case()` (`case` is a reserved word in JavaScript,
 * hence the underscore, as with `null_()` and `true_()`): each argument is a `[condition, result]`
 * pair; a trailing options object gives the ELSE result, or a `value` to compare each
 * WHEN key with (`CASE value WHEN key THEN ...`). Plain results are bound parameters.
 *
 * @example
 * case_([users.c.name.eq("sandy"), "S"], [users.c.name.eq("patrick"), "P"], { else: "?" })
 * // CASE WHEN (user_account.name = :name_1) THEN :param_1 WHEN ... ELSE :param_3 END
 */
export function case_<const W extends readonly When[]>(...whens: W): Case<CaseValue<W, {}>>;
export function case_<const W extends readonly When[], const O extends CaseOptions<unknown>>(...args: [...W, O]): Case<CaseValue<W, O>>;
export function case_(...args: unknown[]): Case<unknown> {
  const list = [...args] as unknown[];
  const last = list[list.length - 1];
  const options = (last !== undefined && !Array.isArray(last) ? list.pop() : {}) as CaseOptions<unknown>;
  const whens = list as unknown as readonly When[];
  if (whens.length === 0) {
    throw new ArgumentError("case_() needs at least one [condition, result] pair, e.g. case_([t.c.x.eq(1), 'one'], { else: 'other' }).");
  }
  const value = options.value ?? null;
  const resultType = whens.map(([, r]) => r).find((r): r is ColumnElement<unknown> => r instanceof ColumnElement)?.type ?? null;
  const built = whens.map((when): readonly [ColumnElement<unknown>, ColumnElement<unknown>] => {
    if (!Array.isArray(when) || when.length !== 2) {
      throw new ArgumentError(`case(): each WHEN is a [condition, result] pair; got ${String(when)}.`);
    }
    const [condition, result] = when;
    if (value === null && !(condition instanceof ColumnElement)) {
      throw new ArgumentError(
        `case(): a WHEN condition must be a SQL expression such as t.c.x.eq(1); got ${String(condition)}. ` +
          `To compare one expression with plain values, pass { value: expression }.`,
      );
    }
    return [asExpression(condition, value?.type ?? null), asExpression(result, resultType)];
  });
  const elseResult = "else" in options ? asExpression(options.else, resultType) : null;
  return new Case(built, elseResult, value);
}
