import type { Case } from "../elements/case.js";
import type { Cast } from "../elements/cast.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { ExpressionList } from "../elements/expression-list.js";
import type { LiteralColumn } from "../elements/literal.js";
import { operators, type Operator } from "../elements/operators.js";
import type { UnaryExpression } from "../elements/unary.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** `(a, b, c)` for a grouped list; `a AND b` for BETWEEN's bounds. */
export function compileExpressionList(compiler: SQLCompiler, list: ExpressionList): string {
  const separator = list.separator === operators.comma ? ", " : ` ${list.separator.sql} `;
  const sql = list.clauses.map((c) => compiler.processAgainst(c, list.separator)).join(separator);
  return list.grouped ? `(${sql})` : sql;
}

/** A literal column's text as written, `%` doubled where the parameter style needs it. */
export function compileLiteralColumn(compiler: SQLCompiler, column: LiteralColumn): string {
  return compiler.escapeLiteralColumn(column.text);
}

/** `CAST(x AS <type>)`, the type as the dialect's type compiler names it. */
export function compileCast(compiler: SQLCompiler, cast: Cast): string {
  return `CAST(${compiler.process(cast.element)} AS ${compiler.dialect.typeCompiler.process(cast.type)})`;
}

/**
 * An expression that groups itself on its own, as SQLAlchemy's `self_group()` with no
 * outer operator: comparisons and boolean lists are parenthesized (`WHEN (a = 1)`).
 */
function selfGrouped(compiler: SQLCompiler, element: ColumnElement<unknown>): string {
  const sql = compiler.process(element);
  const operator = (element as { operator?: Operator | null }).operator;
  return operator != null && operator !== operators.comma ? `(${sql})` : sql;
}

/** `CASE [value] WHEN c THEN r ... [ELSE e] END`. */
export function compileCase(compiler: SQLCompiler, element: Case): string {
  let sql = "CASE ";
  if (element.value !== null) sql += `${compiler.process(element.value)} `;
  for (const [condition, result] of element.whens) {
    const when = element.value === null ? selfGrouped(compiler, condition) : compiler.process(condition);
    sql += `WHEN ${when} THEN ${compiler.process(result)} `;
  }
  if (element.elseResult !== null) sql += `ELSE ${compiler.process(element.elseResult)} `;
  return `${sql}END`;
}

/**
 * `NOT x`, `-x`, `DISTINCT x`, `EXISTS x` before the operand; `x DESC`, `x NULLS FIRST`
 * after it. Negation sticks to its operand (`-x`), the others take a space.
 */
export function compileUnary(compiler: SQLCompiler, unary: UnaryExpression): string {
  const operand = compiler.processAgainst(unary.element, unary.operator ?? (unary.modifier as Operator));
  if (unary.operator !== null) return unary.operator === operators.neg ? `-${operand}` : `${unary.operator.sql} ${operand}`;
  return `${operand} ${unary.modifier?.sql ?? ""}`;
}
