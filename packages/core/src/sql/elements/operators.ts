/**
 * SQL operators with SQLAlchemy's precedence, which decides where the compiler puts
 * parentheses: an operand is grouped when its operator binds no tighter than the one
 * it sits in, unless both are the same associative operator (`a AND b AND c`).
 */
export interface Operator {
  /** Identifies the operator in cache keys: its key in `operators` (`startsWith`, `like`). */
  readonly name: string;
  /** The SQL text between the operands (`=`, `AND`, `LIKE`) or before one (`NOT`). */
  readonly sql: string;
  readonly precedence: number;
  /** `a op b op c` needs no parentheses: AND, OR, +, *, ||. */
  readonly associative: boolean;
  /** The operator `NOT (a op b)` becomes, when there is one (`=` → `!=`). */
  negate?: Operator;
  /** Comparisons and other operators whose value is a boolean. */
  readonly comparison: boolean;
  /**
   * Operators the compiler renders in a form of their own rather than `a op b`
   * (`IN`, `LIKE ... ESCAPE`, `BETWEEN`, startsWith's `'%'` concatenation, division).
   * Names the compiler hook; see compiler/binary.ts.
   */
  readonly special?: string;
}

interface OperatorOptions {
  associative?: boolean;
  comparison?: boolean;
  special?: string;
}

function op(sql: string, precedence: number, options: OperatorOptions = {}): Operator {
  // `name` is set to the operator's key in `operators` below.
  const operator: Operator = { name: sql, sql, precedence, associative: options.associative ?? false, comparison: options.comparison ?? false };
  return options.special === undefined ? operator : { ...operator, special: options.special };
}

function comparison(sql: string, special?: string): Operator {
  return op(sql, 5, special === undefined ? { comparison: true } : { comparison: true, special });
}

function negates(a: Operator, b: Operator): void {
  a.negate = b;
  b.negate = a;
}

export const operators = {
  mul: op("*", 8, { associative: true }),
  /** True division (`/` in SQLAlchemy 2.0): dialects whose `/` floors integers cast the divisor. */
  div: op("/", 8, { special: "truediv" }),
  /** Floor division (`//`): `/` where it already floors integers, else `FLOOR(a / b)`. */
  floordiv: op("/", 8, { special: "floordiv" }),
  mod: op("%", 8, { special: "mod" }),
  neg: op("-", 8),
  add: op("+", 7, { associative: true }),
  sub: op("-", 7),
  concat: op("||", 5, { associative: true, special: "concat" }),
  eq: comparison("="),
  ne: comparison("!="),
  lt: comparison("<"),
  le: comparison("<="),
  gt: comparison(">"),
  ge: comparison(">="),
  is: comparison("IS"),
  isNot: comparison("IS NOT"),
  like: comparison("LIKE", "like"),
  notLike: comparison("NOT LIKE", "like"),
  ilike: comparison("ILIKE", "ilike"),
  notIlike: comparison("NOT ILIKE", "ilike"),
  startsWith: comparison("LIKE", "startsWith"),
  notStartsWith: comparison("NOT LIKE", "startsWith"),
  endsWith: comparison("LIKE", "endsWith"),
  notEndsWith: comparison("NOT LIKE", "endsWith"),
  contains: comparison("LIKE", "contains"),
  notContains: comparison("NOT LIKE", "contains"),
  in: comparison("IN", "in"),
  notIn: comparison("NOT IN", "in"),
  between: comparison("BETWEEN", "between"),
  notBetween: comparison("NOT BETWEEN", "between"),
  // PostgreSQL's array and JSON operators (compiler/collections.ts); a CompileError where
  // the compiler does not take them. ANY/ALL compare the right operand with the array's
  // elements: `:p = ANY (a)`. JSON access groups itself inside any other operator, as
  // SQLAlchemy's eager grouping does: `(a -> :p) = :q`.
  arrayContains: comparison("@>", "array"),
  arrayContainedBy: comparison("<@", "array"),
  arrayOverlap: comparison("&&", "array"),
  arrayAny: comparison("ANY", "array"),
  arrayAll: comparison("ALL", "array"),
  arrayIndex: op("[]", 10, { associative: true, special: "array" }),
  jsonGet: op("->", 0, { special: "json" }),
  jsonGetText: op("->>", 0, { special: "json" }),
  jsonContains: comparison("@>", "json"),
  jsonContainedBy: comparison("<@", "json"),
  not: op("NOT", 5),
  distinct: op("DISTINCT", 5),
  and: op("AND", 3, { associative: true, comparison: true }),
  or: op("OR", 2, { associative: true, comparison: true }),
  asc: op("ASC", 3),
  desc: op("DESC", 3),
  nullsFirst: op("NULLS FIRST", 3),
  nullsLast: op("NULLS LAST", 3),
  /** Items of a list: never grouped. */
  comma: op(",", -1),
  as: op("AS", -1),
  exists: op("EXISTS", 0),
} as const;

for (const [name, operator] of Object.entries(operators)) (operator as { name: string }).name = name;

negates(operators.eq, operators.ne);
negates(operators.lt, operators.ge);
negates(operators.gt, operators.le);
negates(operators.is, operators.isNot);
negates(operators.like, operators.notLike);
negates(operators.ilike, operators.notIlike);
negates(operators.in, operators.notIn);
negates(operators.between, operators.notBetween);
negates(operators.startsWith, operators.notStartsWith);
negates(operators.endsWith, operators.notEndsWith);
negates(operators.contains, operators.notContains);

/** The operators whose negation is spelled with NOT before the operator (`NOT LIKE`, `NOT IN`). */
export function isNegated(operator: Operator): boolean {
  return operator.sql.startsWith("NOT ");
}

/** True when an expression of operator `inner` must be parenthesized inside `outer`. */
export function needsGrouping(inner: Operator, outer: Operator | null): boolean {
  if (outer === null) return false;
  if (inner === outer && inner.associative) return false;
  return inner.precedence <= outer.precedence;
}
