import type { BinaryExpression } from "../elements/binary.js";
import { BindParameter } from "../elements/bind-parameter.js";
import { isNegated, operators, type Operator } from "../elements/operators.js";
import { NumericType } from "../types/numeric.js";
import { expandingPlaceholder } from "./placeholders.js";
import type { SQLCompiler } from "./sql-compiler.js";

const NUMERIC = new NumericType();

/**
 * Binary expressions: `a op b` with each side parenthesized as precedence requires, or,
 * for the operators with a form of their own, the compiler hook named by the operator
 * (`visitInBinary`, `visitLikeBinary`, ...), which a dialect overrides.
 */
export function compileBinary(compiler: SQLCompiler, binary: BinaryExpression): string {
  switch (binary.operator.special) {
    case "in":
      return compiler.visitInBinary(binary);
    case "like":
    case "startsWith":
    case "endsWith":
    case "contains":
      return compiler.visitLikeBinary(binary);
    case "ilike":
      return compiler.visitIlikeBinary(binary);
    case "between":
      return compiler.visitBetweenBinary(binary);
    case "truediv":
      return compiler.visitTruedivBinary(binary);
    case "floordiv":
      return compiler.visitFloordivBinary(binary);
    case "mod":
      return compiler.visitModBinary(binary);
    case "concat":
      return compiler.visitConcatBinary(binary);
    case "array":
      return compiler.visitArrayBinary(binary);
    case "json":
      return compiler.visitJsonBinary(binary);
    default:
      return genericBinary(compiler, binary, binary.operator.sql);
  }
}

/** `left <sql> right`, operands grouped against the expression's operator. */
export function genericBinary(compiler: SQLCompiler, binary: BinaryExpression, sql: string): string {
  const { left, operator, right } = binary;
  return `${compiler.processAgainst(left, operator)} ${sql} ${compiler.processAgainst(right, operator)}`;
}

/**
 * `a IN (__[POSTCOMPILE_a_1])` for a list, `a IN (SELECT ...)`, `a IN (b, c)`; NOT IN is
 * parenthesized because its empty-list form contains an OR (SQLAlchemy does the same).
 */
export function compileIn(compiler: SQLCompiler, binary: BinaryExpression): string {
  const { left, operator, right } = binary;
  let rightSql: string;
  if (right instanceof BindParameter && right.expanding) {
    rightSql = expandingPlaceholder(compiler, compiler.bindName(right), compiler.bindIndexOf(right), right, operator);
  } else {
    rightSql = compiler.processAgainst(right, operator);
  }
  const sql = `${compiler.processAgainst(left, operator)} ${operator.sql} ${rightSql}`;
  return operator === operators.notIn ? `(${sql})` : sql;
}

/**
 * The empty-list form of IN / NOT IN, which replaces the parenthesized placeholder's
 * content: `a IN (NULL) AND (1 != 1)` matches nothing, `(a NOT IN (NULL) OR (1 = 1))`
 * everything.
 */
export function emptySetExpression(operator: Operator): string {
  return operator === operators.notIn ? "NULL) OR (1 = 1" : "NULL) AND (1 != 1";
}

/**
 * LIKE and the patterns built on it: `a LIKE :p`, `a LIKE :p || '%'` (startsWith),
 * `a LIKE '%' || :p` (endsWith), `a LIKE '%' || :p || '%'` (contains), each with
 * `ESCAPE '<char>'` when given.
 */
export function compileLike(compiler: SQLCompiler, binary: BinaryExpression, left?: string, right?: string): string {
  const { operator } = binary;
  const leftSql = left ?? compiler.processAgainst(binary.left, operator);
  let pattern = right ?? compiler.processAgainst(binary.right, operator);
  const percent = compiler.escapeLiteralColumn("'%'");
  switch (operator.special) {
    case "startsWith":
      pattern = compiler.renderConcat(pattern, percent);
      break;
    case "endsWith":
      pattern = compiler.renderConcat(percent, pattern);
      break;
    case "contains":
      pattern = compiler.renderConcat(compiler.renderConcat(percent, pattern), percent);
      break;
  }
  const escape = binary.modifiers.escape;
  const suffix = escape === undefined ? "" : ` ESCAPE ${compiler.renderLiteralString(escape)}`;
  return `${leftSql} ${isNegated(operator) ? "NOT LIKE" : "LIKE"} ${pattern}${suffix}`;
}

/** Case-insensitive LIKE where the database has no ILIKE: `lower(a) LIKE lower(:p)`. */
export function compileIlike(compiler: SQLCompiler, binary: BinaryExpression): string {
  const left = `lower(${compiler.process(binary.left)})`;
  const right = `lower(${compiler.process(binary.right)})`;
  return compileLike(compiler, binary, left, right);
}

/** `a BETWEEN :a_1 AND :a_2` (`BETWEEN SYMMETRIC` when asked). */
export function compileBetween(compiler: SQLCompiler, binary: BinaryExpression): string {
  const keyword = `${binary.operator.sql}${binary.modifiers.symmetric ? " SYMMETRIC" : ""}`;
  return genericBinary(compiler, binary, keyword);
}

/**
 * True division, SQLAlchemy 2.0's `/`: where the database's `/` floors integers
 * (`divisionFloors`), the divisor is cast to a decimal type: `a / CAST(:a_1 AS NUMERIC)`.
 */
export function compileTruediv(compiler: SQLCompiler, binary: BinaryExpression): string {
  if (!compiler.divisionFloors) return genericBinary(compiler, binary, "/");
  const right = binary.right;
  const decimal = right.type.visitName === "numeric" || right.type.visitName === "float";
  const type = compiler.dialect.typeCompiler.process(decimal ? right.type : NUMERIC);
  return `${compiler.processAgainst(binary.left, binary.operator)} / CAST(${compiler.process(right)} AS ${type})`;
}

/** Floor division: `a / b` where `/` floors integers, else `FLOOR(a / b)`. */
export function compileFloordiv(compiler: SQLCompiler, binary: BinaryExpression): string {
  const division = genericBinary(compiler, binary, "/");
  return compiler.divisionFloors && binary.right.type.visitName === "integer" ? division : `FLOOR(${division})`;
}

/** `a % b`, the `%` escaped where the parameter style uses it (`%s`). */
export function compileMod(compiler: SQLCompiler, binary: BinaryExpression): string {
  return genericBinary(compiler, binary, compiler.escapeLiteralColumn("%"));
}

/** `a || b`, or the dialect's concatenation. */
export function compileConcat(compiler: SQLCompiler, binary: BinaryExpression): string {
  const { left, operator, right } = binary;
  return compiler.renderConcat(compiler.processAgainst(left, operator), compiler.processAgainst(right, operator));
}
