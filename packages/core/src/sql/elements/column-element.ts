import { ArgumentError } from "../../errors.js";
import { ClauseElement } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { BooleanType, StringType } from "../types/generic.js";
import { NumericType } from "../types/numeric.js";
import { resolveType, type TypeArg, type TypeEngine, type ValueOf } from "../types/type-engine.js";
import type { BinaryExpression, BinaryModifiers } from "./binary.js";
import type { Cast } from "./cast.js";
import {
  anyOrAll,
  arrayItem,
  arrayOverlap,
  containment,
  jsonMember,
  type ArrayElementOf,
  type ArrayItemOf,
  type ContainsOperand,
  type JSONMemberOf,
} from "./collections.js";
import type { Label } from "./label.js";
import { operators, type Operator } from "./operators.js";
import { elementClass } from "./registry.js";
import type { UnaryExpression } from "./unary.js";

const BOOLEAN = new BooleanType();
const STRING = new StringType();
// Integer / integer is true division (SQLAlchemy 2.0); its result is a decimal, read as a number.
const TRUEDIV_RESULT = new NumericType({ asDecimal: false });

/** A SELECT (or UNION) usable where an expression is expected: `x.in(select(...))`. */
export interface ScalarSubqueryCoercible {
  scalarSubquery(): ColumnElement<unknown>;
}

/** LIKE's options. */
export interface LikeOptions {
  /** The escape character: `x LIKE :p ESCAPE '/'`. */
  readonly escape?: string;
}

/** startsWith/endsWith/contains's options. */
export interface MatchOptions extends LikeOptions {
  /**
   * Escape `%`, `_` and the escape character itself in the value, so it matches
   * literally (the escape character is `/` unless `escape` names another).
   */
  readonly autoescape?: boolean;
}

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

  /** `a LIKE pattern`, optionally `ESCAPE '<char>'`. */
  like(pattern: Operand<string>, options: LikeOptions = {}): BinaryExpression<boolean> {
    return this.compare(operators.like, pattern, escapeOf(options));
  }

  notLike(pattern: Operand<string>, options: LikeOptions = {}): BinaryExpression<boolean> {
    return this.compare(operators.notLike, pattern, escapeOf(options));
  }

  /**
   * Case-insensitive LIKE: `lower(a) LIKE lower(:p)`, or the dialect's ILIKE
   * (PostgreSQL).
   */
  ilike(pattern: Operand<string>, options: LikeOptions = {}): BinaryExpression<boolean> {
    return this.compare(operators.ilike, pattern, escapeOf(options));
  }

  notIlike(pattern: Operand<string>, options: LikeOptions = {}): BinaryExpression<boolean> {
    return this.compare(operators.notIlike, pattern, escapeOf(options));
  }

  /**
   * `a LIKE :p || '%'`. With `autoescape`, `%` and `_` in the value match literally.
   *
   * @example
   * users.c.name.startsWith("sp") // user_account.name LIKE :name_1 || '%'
   */
  startsWith(prefix: Operand<string>, options: MatchOptions = {}): BinaryExpression<boolean> {
    return this.match(operators.startsWith, prefix, options);
  }

  /** `a LIKE '%' || :p`. */
  endsWith(suffix: Operand<string>, options: MatchOptions = {}): BinaryExpression<boolean> {
    return this.match(operators.endsWith, suffix, options);
  }

  /**
   * `a LIKE '%' || :p || '%'`. On an ARRAY or JSONB expression it is containment, as
   * SQLAlchemy's comparators for those types: `a @> :p`, every element (or key/value)
   * of the value is in `a`.
   *
   * @example
   * users.c.name.contains("ng")      // user_account.name LIKE '%' || :name_1 || '%'
   * posts.c.tags.contains(["sql"])   // posts.tags @> $1 (PostgreSQL)
   */
  contains(value: ContainsOperand<T>, options: MatchOptions = {}): BinaryExpression<boolean> {
    if (this.type.containment !== null) return containment(this, "contains", value);
    return this.match(operators.contains, value, options);
  }

  /** `a <@ :p`: every element (or key/value) of `a` is in the value. ARRAY and JSONB; PostgreSQL. */
  containedBy(value: Operand<T>): BinaryExpression<boolean> {
    return containment(this, "containedBy", value);
  }

  /** `a && :p`: the arrays have an element in common. ARRAY; PostgreSQL. */
  overlap(this: ColumnElement<readonly unknown[] | null>, values: Operand<T>): BinaryExpression<boolean> {
    return arrayOverlap(this, values);
  }

  /**
   * `:p = ANY (a)`: the array has an element equal to the value. ARRAY; PostgreSQL.
   *
   * @example
   * select(posts.c.id).where(posts.c.tags.any("sql")) // ... WHERE $1 = ANY (posts.tags)
   */
  any(this: ColumnElement<readonly unknown[] | null>, value: Operand<ArrayElementOf<NonNullable<T>>>): BinaryExpression<boolean> {
    return anyOrAll(this, "any", value);
  }

  /** `:p = ALL (a)`: every element of the array equals the value. ARRAY; PostgreSQL. */
  all(this: ColumnElement<readonly unknown[] | null>, value: Operand<ArrayElementOf<NonNullable<T>>>): BinaryExpression<boolean> {
    return anyOrAll(this, "all", value);
  }

  /**
   * `a[:p]`: the element at a 1-based index, NULL past the end. In a multi-dimensional
   * ARRAY it is a sub-array, indexed again: `grid.item(2).item(1)` → `grid[$1][$2]`.
   * ARRAY; PostgreSQL.
   */
  item(this: ColumnElement<readonly unknown[] | null>, index: number | ColumnElement<number>): BinaryExpression<ArrayItemOf<NonNullable<T>> | null> {
    return arrayItem(this, index);
  }

  /**
   * `a -> :key`: a member of a JSON object (a string key) or array (a whole-number
   * index), as JSON. JSON and JSONB; PostgreSQL.
   *
   * @example
   * select(docs.c.body.get("tags")) // SELECT docs.body -> $1 AS anon_1 ...
   */
  get<V, K extends string | number>(this: ColumnElement<V>, key: K): BinaryExpression<JSONMemberOf<V, K> | null> {
    return jsonMember(this, false, key);
  }

  /** `a ->> :key`: a member of a JSON object or array, as text. JSON and JSONB; PostgreSQL. */
  getText(key: string | number): BinaryExpression<string | null> {
    return jsonMember(this, true, key);
  }

  /**
   * `a IN (...)`. A list of values is one "expanding" parameter, rendered
   * `IN (__[POSTCOMPILE_a_1])` and expanded into one placeholder per value when the
   * statement runs, so lists of any length share one cached statement. An empty list
   * is an IN that matches nothing. Also takes a SELECT (`IN (SELECT ...)`).
   *
   * @example
   * users.c.id.in([1, 2, 3])
   * users.c.id.in(select(addresses.c.user_id))
   */
  in(values: readonly Operand<T>[] | ScalarSubqueryCoercible | ColumnElement<unknown>): BinaryExpression<boolean> {
    return this.inOperation(operators.in, values);
  }

  /** `(a NOT IN (...))`; an empty list matches every row. */
  notIn(values: readonly Operand<T>[] | ScalarSubqueryCoercible | ColumnElement<unknown>): BinaryExpression<boolean> {
    return this.inOperation(operators.notIn, values);
  }

  /** `a BETWEEN low AND high` (`symmetric`: `BETWEEN SYMMETRIC`, PostgreSQL). */
  between(low: Operand<T>, high: Operand<T>, options: { symmetric?: boolean } = {}): BinaryExpression<boolean> {
    const bounds = new (elementClass("ExpressionList"))([this.bindOperand(low), this.bindOperand(high)], operators.and, false);
    const modifiers = options.symmetric ? { symmetric: true } : undefined;
    return new (elementClass("BinaryExpression"))(this, operators.between, bounds, BOOLEAN, modifiers);
  }

  /** `a + b`; on strings, concatenation (`a || b`), as SQLAlchemy's `+`. */
  add(other: Operand<T>): BinaryExpression<T> {
    return this.arithmetic(isStringType(this.type) ? operators.concat : operators.add, other);
  }

  sub(other: Operand<T>): BinaryExpression<T> {
    return this.arithmetic(operators.sub, other);
  }

  mul(other: Operand<T>): BinaryExpression<T> {
    return this.arithmetic(operators.mul, other);
  }

  /**
   * True division, as `/` in SQLAlchemy 2.0: integers divide to a fraction on every
   * database (`a / CAST(:p AS NUMERIC)` where `/` would floor).
   */
  div(other: Operand<T>): BinaryExpression<T> {
    const right = this.bindOperand(other);
    const integers = this.type.visitName === "integer" && right.type.visitName === "integer";
    return new (elementClass("BinaryExpression"))(this, operators.div, right, integers ? TRUEDIV_RESULT : this.type);
  }

  /** Floor division, as `//` in SQLAlchemy: `a / b` for integers, else `FLOOR(a / b)`. */
  floordiv(other: Operand<T>): BinaryExpression<T> {
    return this.arithmetic(operators.floordiv, other);
  }

  /** `a % b`. */
  mod(other: Operand<T>): BinaryExpression<T> {
    return this.arithmetic(operators.mod, other);
  }

  /** `-a`. */
  neg(): UnaryExpression<T> {
    return new (elementClass("UnaryExpression"))(this, operators.neg, null, this.type) as UnaryExpression<T>;
  }

  /** `a || b`: string concatenation (`concat(a, b)` on MySQL). */
  concat(other: Operand<string> | Operand<T>): BinaryExpression<string> {
    const right = other instanceof ColumnElement ? other : new (elementClass("BindParameter"))(this.bindBaseName, other, STRING, true);
    return new (elementClass("BinaryExpression"))(this, operators.concat, right, STRING);
  }

  /**
   * `CAST(a AS type)`.
   *
   * @example
   * users.c.id.cast(String) // CAST(user_account.id AS VARCHAR)
   */
  cast<A extends TypeArg>(type: A): Cast<ValueOf<A>> {
    return new (elementClass("Cast"))(this, resolveType(type as TypeArg)) as Cast<ValueOf<A>>;
  }

  /** `DISTINCT a`, as in `func.count(users.c.name.distinct())`. */
  distinct(): UnaryExpression<T> {
    return new (elementClass("UnaryExpression"))(this, operators.distinct, null, this.type) as UnaryExpression<T>;
  }

  /** `a ASC`, for ORDER BY. */
  asc(): UnaryExpression<T> {
    return this.modified(operators.asc);
  }

  /** `a DESC`, for ORDER BY. */
  desc(): UnaryExpression<T> {
    return this.modified(operators.desc);
  }

  /** `a NULLS FIRST`, for ORDER BY (`users.c.name.desc().nullsFirst()`). */
  nullsFirst(): UnaryExpression<T> {
    return this.modified(operators.nullsFirst);
  }

  /** `a NULLS LAST`, for ORDER BY. */
  nullsLast(): UnaryExpression<T> {
    return this.modified(operators.nullsLast);
  }

  /** `expr AS name`: names the expression as a result column. */
  label<N extends string>(name: N): Label<N, T> {
    return new (elementClass("Label"))(name, this);
  }

  /**
   * This element as the other side of an operator on an expression of `type`: itself,
   * except an untyped `bindparam()`, which takes the type (SQLAlchemy's
   * `_with_binary_element_type`), so its value is converted as the column's.
   */
  withBinaryElementType(_type: TypeEngine<unknown>): ColumnElement<unknown> {
    return this;
  }

  /** Wraps a plain value as a bound parameter typed like this expression. */
  protected bindOperand(value: unknown): ColumnElement<unknown> {
    if (value instanceof ColumnElement) return value.withBinaryElementType(this.type);
    return new (elementClass("BindParameter"))(this.bindBaseName, value, this.type, true);
  }

  protected compare(operator: Operator, other: unknown, modifiers?: BinaryModifiers): BinaryExpression<boolean> {
    return new (elementClass("BinaryExpression"))(this, operator, this.bindOperand(other), BOOLEAN, modifiers);
  }

  private arithmetic(operator: Operator, other: unknown): BinaryExpression<T> {
    return new (elementClass("BinaryExpression"))(this, operator, this.bindOperand(other), this.type);
  }

  private modified(modifier: Operator): UnaryExpression<T> {
    return new (elementClass("UnaryExpression"))(this, null, modifier, this.type) as UnaryExpression<T>;
  }

  private match(operator: Operator, value: unknown, options: MatchOptions): BinaryExpression<boolean> {
    if (!options.autoescape) return this.compare(operator, value, escapeOf(options));
    const escape = options.escape ?? "/";
    if (typeof value !== "string") {
      throw new ArgumentError(`autoescape needs a plain string to escape; got ${String(value)}. Escape the expression yourself and pass { escape }.`);
    }
    // The escape character first, so the escapes added for % and _ are not doubled.
    const escaped = value.split(escape).join(escape + escape).replace(/[%_]/g, (c) => escape + c);
    return this.compare(operator, escaped, { escape });
  }

  private inOperation(operator: Operator, values: unknown): BinaryExpression<boolean> {
    let right: ColumnElement<unknown>;
    if (values instanceof ColumnElement) right = values;
    else if (isScalarSubqueryCoercible(values)) right = values.scalarSubquery();
    else if (Array.isArray(values)) {
      right = values.some((v) => v instanceof ColumnElement)
        ? new (elementClass("ExpressionList"))(values.map((v) => this.bindOperand(v)))
        : new (elementClass("BindParameter"))(this.bindBaseName, [...values], this.type, true, true);
    } else {
      throw new ArgumentError(
        `in() takes a list of values, a select(), or an expression; got ${String(values)}. ` +
          `Wrap a single value in a list: in([value]).`,
      );
    }
    return new (elementClass("BinaryExpression"))(this, operator, right, BOOLEAN);
  }
}

function escapeOf(options: LikeOptions): BinaryModifiers | undefined {
  if (options.escape === undefined) return undefined;
  if (typeof options.escape !== "string" || options.escape.length !== 1) {
    throw new ArgumentError(`escape must be a single character; got ${JSON.stringify(options.escape)}.`);
  }
  return { escape: options.escape };
}

function isStringType(type: TypeEngine<unknown>): boolean {
  return type.visitName === "string" || type.visitName === "text";
}

function isScalarSubqueryCoercible(value: unknown): value is ScalarSubqueryCoercible {
  return typeof value === "object" && value !== null && typeof (value as ScalarSubqueryCoercible).scalarSubquery === "function";
}
