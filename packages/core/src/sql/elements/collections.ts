/**
 * The operators of ARRAY and JSON expressions, as SQLAlchemy's ARRAY and JSON(B)
 * comparators: containment (`@>`, `<@`, `&&`), `= ANY (a)`, `a[i]`, `a -> k`, `a ->> k`.
 * ColumnElement's methods build them here; compiler/collections.ts renders them.
 */
import { ArgumentError } from "../../errors.js";
import { ClauseElement } from "../element.js";
import { ArrayType } from "../types/array.js";
import { BooleanType, IntegerType, StringType, TextType } from "../types/generic.js";
import type { JSONValue } from "../types/json.js";
import { TypeDecorator } from "../types/type-decorator.js";
import type { TypeEngine } from "../types/type-engine.js";
import type { BinaryExpression } from "./binary.js";
import type { ColumnElement, Operand } from "./column-element.js";
import { operators, type Operator } from "./operators.js";
import { elementClass } from "./registry.js";

const BOOLEAN = new BooleanType();
const INTEGER = new IntegerType();
const STRING = new StringType();
const TEXT = new TextType();

/**
 * The innermost elements of an array value type, up to four dimensions: `number` for
 * `number[][]`. Not distributed over unions, and not recursive, so that a recursive
 * union such as JSONValue stays itself.
 */
export type ArrayElementOf<T> = [T] extends [readonly (infer U)[]]
  ? [U] extends [readonly (infer V)[]]
    ? [V] extends [readonly (infer W)[]]
      ? [W] extends [readonly (infer X)[]]
        ? X
        : W
      : V
    : U
  : T;

/** The elements one level down: `number[]` for `number[][]`. */
export type ArrayItemOf<T> = [T] extends [readonly (infer U)[]] ? U : unknown;

/**
 * What `contains()` takes: an array of the same type on an ARRAY; on other
 * expressions a LIKE fragment, a value of its type, or part of a JSON object.
 */
export type ContainsOperand<T> = [NonNullable<T>] extends [readonly unknown[]]
  ? Operand<T>
  : Operand<string> | Operand<T> | PartialObject<NonNullable<T>>;

type PartialObject<V> = V extends readonly unknown[] ? never : V extends object ? Partial<V> : never;

/** The value type of `a -> key`: the member's where the JSON type spells it out, else any JSON value. */
export type JSONMemberOf<T, K> = unknown extends T
  ? unknown
  : [JSONValue] extends [NonNullable<T>]
    ? JSONValue
    : NonNullable<T> extends readonly (infer U)[]
      ? U
      : K extends keyof NonNullable<T>
        ? NonNullable<T>[K]
        : JSONValue;

/** The ARRAY type of `expr`, or an ArgumentError naming `method` and the type it has instead. */
function arrayTypeOf(expr: ColumnElement<unknown>, method: string): ArrayType {
  const type = implOf(expr.type);
  if (type instanceof ArrayType) return type;
  throw new ArgumentError(`${method}() is an ARRAY operator, but this expression is ${String(expr.type)}; use it on an ARRAY column.`);
}

function implOf(type: TypeEngine<unknown>): TypeEngine<unknown> {
  return type instanceof TypeDecorator ? implOf(type.implType as TypeEngine<unknown>) : type;
}

function bind(expr: ColumnElement<unknown>, value: unknown, type: TypeEngine<unknown>): ColumnElement<unknown> {
  if (value instanceof ClauseElement) return value as ColumnElement<unknown>;
  return new (elementClass("BindParameter"))(expr.bindBaseName, value, type, true);
}

function binary<R>(left: ColumnElement<unknown>, operator: Operator, right: ColumnElement<unknown>, type: TypeEngine<unknown>): BinaryExpression<R> {
  return new (elementClass("BinaryExpression"))(left, operator, right, type) as BinaryExpression<R>;
}

/** `a @> :p` / `a <@ :p` on an ARRAY or JSONB expression, the value bound with the expression's type. */
export function containment(expr: ColumnElement<unknown>, operator: "contains" | "containedBy", value: unknown): BinaryExpression<boolean> {
  const kind = expr.type.containment;
  if (kind === null) {
    throw new ArgumentError(`${operator}() as containment needs an ARRAY or JSONB expression; this one is ${String(expr.type)}.`);
  }
  const op =
    kind === "array"
      ? operator === "contains" ? operators.arrayContains : operators.arrayContainedBy
      : operator === "contains" ? operators.jsonContains : operators.jsonContainedBy;
  return binary(expr, op, bind(expr, value, expr.type), BOOLEAN);
}

/** `a && :p`: the arrays share an element. */
export function arrayOverlap(expr: ColumnElement<unknown>, values: unknown): BinaryExpression<boolean> {
  arrayTypeOf(expr, "overlap");
  return binary(expr, operators.arrayOverlap, bind(expr, values, expr.type), BOOLEAN);
}

/** `:p = ANY (a)` / `:p = ALL (a)`, the value bound with the array's item type. */
export function anyOrAll(expr: ColumnElement<unknown>, which: "any" | "all", value: unknown): BinaryExpression<boolean> {
  const type = arrayTypeOf(expr, which);
  return binary(expr, which === "any" ? operators.arrayAny : operators.arrayAll, bind(expr, value, type.itemType), BOOLEAN);
}

/** `a[:p]`, typed as an element (or, in a multi-dimensional ARRAY, a sub-array). */
export function arrayItem<R>(expr: ColumnElement<unknown>, index: unknown): BinaryExpression<R> {
  const type = arrayTypeOf(expr, "item");
  if (!(index instanceof ClauseElement) && !Number.isInteger(index)) {
    throw new ArgumentError(`item() takes a whole-number index (PostgreSQL arrays start at 1), got ${String(index)}.`);
  }
  return binary(expr, operators.arrayIndex, bind(expr, index, INTEGER), type.elementType);
}

/** `a -> :key` (typed as `a`) or `a ->> :key` (text) on a JSON expression; a number indexes a JSON array. */
export function jsonMember<R>(expr: ColumnElement<unknown>, asText: boolean, key: unknown): BinaryExpression<R> {
  const method = asText ? "getText" : "get";
  if (implOf(expr.type).visitName !== "json") {
    throw new ArgumentError(`${method}() reads a member of a JSON value, but this expression is ${String(expr.type)}; use it on a JSON or JSONB column.`);
  }
  const keyType = typeof key === "number" ? INTEGER : typeof key === "string" ? STRING : null;
  if (keyType === null || (typeof key === "number" && !Number.isInteger(key))) {
    throw new ArgumentError(`${method}() takes an object key (string) or an array index (whole number), got ${String(key)}.`);
  }
  const operator = asText ? operators.jsonGetText : operators.jsonGet;
  return binary(expr, operator, bind(expr, key, keyType), asText ? TEXT : expr.type);
}
