/**
 * SQL operators with SQLAlchemy's precedence, which decides where the compiler puts
 * parentheses: an operand is grouped when its operator binds no tighter than the one
 * it sits in, unless both are the same associative operator (`a AND b AND c`).
 */
export interface Operator {
  /** The SQL text between the operands (`=`, `AND`, `LIKE`) or before one (`NOT`). */
  readonly sql: string;
  readonly precedence: number;
  /** `a op b op c` needs no parentheses: AND, OR, +, *, ||. */
  readonly associative: boolean;
  /** The operator `NOT (a op b)` becomes, when there is one (`=` → `!=`). */
  negate?: Operator;
  /** Comparisons and other operators whose value is a boolean. */
  readonly comparison: boolean;
}

function op(sql: string, precedence: number, options: { associative?: boolean; comparison?: boolean } = {}): Operator {
  return { sql, precedence, associative: options.associative ?? false, comparison: options.comparison ?? false };
}

function comparison(sql: string): Operator {
  return op(sql, 5, { comparison: true });
}

function negates(a: Operator, b: Operator): void {
  a.negate = b;
  b.negate = a;
}

export const operators = {
  mul: op("*", 8, { associative: true }),
  div: op("/", 8),
  mod: op("%", 8),
  neg: op("-", 8),
  add: op("+", 7, { associative: true }),
  sub: op("-", 7),
  concat: op("||", 5, { associative: true }),
  eq: comparison("="),
  ne: comparison("!="),
  lt: comparison("<"),
  le: comparison("<="),
  gt: comparison(">"),
  ge: comparison(">="),
  is: comparison("IS"),
  isNot: comparison("IS NOT"),
  like: comparison("LIKE"),
  notLike: comparison("NOT LIKE"),
  ilike: comparison("ILIKE"),
  notIlike: comparison("NOT ILIKE"),
  in: comparison("IN"),
  notIn: comparison("NOT IN"),
  between: comparison("BETWEEN"),
  notBetween: comparison("NOT BETWEEN"),
  not: op("NOT", 5),
  and: op("AND", 3, { associative: true, comparison: true }),
  or: op("OR", 2, { associative: true, comparison: true }),
  asc: op("ASC", 3),
  desc: op("DESC", 3),
  /** Items of a list: never grouped. */
  comma: op(",", -1),
  as: op("AS", -1),
  exists: op("EXISTS", 0),
} as const;

negates(operators.eq, operators.ne);
negates(operators.lt, operators.ge);
negates(operators.gt, operators.le);
negates(operators.is, operators.isNot);
negates(operators.like, operators.notLike);
negates(operators.ilike, operators.notIlike);
negates(operators.in, operators.notIn);
negates(operators.between, operators.notBetween);

/** True when an expression of operator `inner` must be parenthesized inside `outer`. */
export function needsGrouping(inner: Operator, outer: Operator | null): boolean {
  if (outer === null) return false;
  if (inner === outer && inner.associative) return false;
  return inner.precedence <= outer.precedence;
}
