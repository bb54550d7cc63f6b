import { isDate, isUint8Array } from "node:util/types";
import { ArgumentError } from "../../errors.js";
import { reprValue } from "../../util/repr.js";

/**
 * A value bound to a typed parameter cannot be a value of that type: a string for an
 * Integer, an enum non-member, an invalid Date. Raised by the type's check before
 * anything reaches the database; `execute()` reports it as a BindTypeError that also
 * names the parameter and shows the SQL.
 *
 * @example
 * // inside a TypeDecorator's processBindParam:
 * if (!isPoint(value)) throw new TypeMismatchError(this, value, "a {x, y} point");
 */
export class TypeMismatchError extends ArgumentError {
  /** The type's repr, `Integer()`. */
  readonly typeName: string;

  constructor(
    type: { toString(): string },
    readonly value: unknown,
    /** What the type accepts, `a number or bigint`. */
    readonly expected: string,
    /** The whole message, when the default `Integer() expects ..., got ...` does not fit. */
    message?: string,
  ) {
    super(message ?? `${String(type)} expects ${expected}, got ${describeValue(value)}.`);
    this.typeName = String(type);
  }
}

/** A value for an error message: its kind and Python-style repr, `the string 'five'`. */
export function describeValue(value: unknown): string {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? "an invalid Date" : `the Date ${reprValue(value)}`;
  if (isUint8Array(value)) return `bytes ${reprValue(value)}`;
  if (Array.isArray(value)) return `an array ${reprValue(value)}`;
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
    case "boolean":
      return `the ${typeof value} ${reprValue(value)}`;
    case "object":
      return `an object ${reprValue(value)}`;
    default:
      return `a ${typeof value}`;
  }
}
