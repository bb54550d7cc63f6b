import type { ColumnElement } from "./column-element.js";
import type { UnaryExpression } from "./unary.js";

/**
 * `expr ASC`, as SQLAlchemy's `asc()`.
 *
 * @example
 * select(users).orderBy(asc(users.c.name))
 */
export function asc<T>(expression: ColumnElement<T>): UnaryExpression<T> {
  return expression.asc();
}

/** `expr DESC`, as SQLAlchemy's `desc()`. */
export function desc<T>(expression: ColumnElement<T>): UnaryExpression<T> {
  return expression.desc();
}

/** `expr NULLS FIRST`, as SQLAlchemy's `nulls_first()`. */
export function nullsFirst<T>(expression: ColumnElement<T>): UnaryExpression<T> {
  return expression.nullsFirst();
}

/** `expr NULLS LAST`, as SQLAlchemy's `nulls_last()`. */
export function nullsLast<T>(expression: ColumnElement<T>): UnaryExpression<T> {
  return expression.nullsLast();
}

/** `DISTINCT expr`, as SQLAlchemy's `distinct()`: `func.count(distinct(users.c.name))`. */
export function distinct<T>(expression: ColumnElement<T>): UnaryExpression<T> {
  return expression.distinct();
}
