import { ClauseElement } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { BooleanType } from "../types/generic.js";
import type { TypeEngine } from "../types/type-engine.js";
import type { BinaryExpression } from "./binary.js";
import type { Label } from "./label.js";
import { operators, type Operator } from "./operators.js";
import { elementClass } from "./registry.js";

const BOOLEAN = new BooleanType();

/** The right side of a comparison: a value of the column's type, or another expression. */
export type Operand<T> = NonNullable<T> | ColumnElement<unknown>;

/**
 * An expression that has a value and a type: a column, a bound value, `a + b`,
 * `count(x)`. Its operators are methods (`col.eq(5)`, `col.like("a%")`) that build
 * new expressions; nothing is mutated.
 */
export abstract class ColumnElement<T = unknown> extends ClauseElement {
  /** Phantom: the TypeScript type of the expression's value. */
  declare readonly __value?: T;
  abstract readonly type: TypeEngine<unknown>;

  /** The base name of anonymous parameters compared against this expression (`name_1`). */
  get bindBaseName(): string {
    return "param";
  }

  /** The name this expression gets as a result column when selected, if it has one. */
  get resultName(): string | null {
    return null;
  }

  /** The tables (and other FROM items) the expression refers to, for a SELECT's implicit FROM. */
  fromObjects(): readonly FromClause[] {
    return [];
  }

  /** `a = b`; compared with null it renders `a IS NULL`, as SQLAlchemy's `== None`. */
  eq(other: Operand<T> | null): BinaryExpression<boolean> {
    return other === null ? this.isNull() : this.compare(operators.eq, other);
  }

  /** `a != b`; compared with null it renders `a IS NOT NULL`. */
  ne(other: Operand<T> | null): BinaryExpression<boolean> {
    return other === null ? this.isNotNull() : this.compare(operators.ne, other);
  }

  lt(other: Operand<T>): BinaryExpression<boolean> {
    return this.compare(operators.lt, other);
  }

  le(other: Operand<T>): BinaryExpression<boolean> {
    return this.compare(operators.le, other);
  }

  gt(other: Operand<T>): BinaryExpression<boolean> {
    return this.compare(operators.gt, other);
  }

  ge(other: Operand<T>): BinaryExpression<boolean> {
    return this.compare(operators.ge, other);
  }

  isNull(): BinaryExpression<boolean> {
    return new (elementClass("BinaryExpression"))(this, operators.is, elementClass("NULL"), BOOLEAN);
  }

  isNotNull(): BinaryExpression<boolean> {
    return new (elementClass("BinaryExpression"))(this, operators.isNot, elementClass("NULL"), BOOLEAN);
  }

  like(pattern: Operand<string>): BinaryExpression<boolean> {
    return this.compare(operators.like, pattern);
  }

  notLike(pattern: Operand<string>): BinaryExpression<boolean> {
    return this.compare(operators.notLike, pattern);
  }

  /** `expr AS name`: names the expression as a result column. */
  label<N extends string>(name: N): Label<N, T> {
    return new (elementClass("Label"))(name, this);
  }

  /** Wraps a plain value as a bound parameter typed like this expression. */
  protected bindOperand(value: unknown): ColumnElement<unknown> {
    if (value instanceof ColumnElement) return value;
    return new (elementClass("BindParameter"))(this.bindBaseName, value, this.type, true);
  }

  protected compare(operator: Operator, other: unknown): BinaryExpression<boolean> {
    return new (elementClass("BinaryExpression"))(this, operator, this.bindOperand(other), BOOLEAN);
  }
}
