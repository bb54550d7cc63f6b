import { StatementError, type StatementErrorOptions } from "../errors.js";
import type { TypeMismatchError } from "./types/type-mismatch.js";

/**
 * A value given for a typed bind parameter cannot be a value of its type (a string
 * for an Integer column, an enum non-member, an invalid Date). Raised by `execute()`
 * before anything reaches the database; names the parameter, the value and the type,
 * and shows the SQL. The type's own TypeMismatchError is `cause`.
 *
 * @example
 * // BindTypeError: Bind parameter 'id_1': Integer() expects a finite number or bigint, got the string 'five'.
 * // [SQL: SELECT ... WHERE user_account.id = ?]
 */
export class BindTypeError extends StatementError {
  /** The parameter's name in the statement (`id_1`, or the column key in INSERT values). */
  readonly parameter: string;
  readonly value: unknown;
  /** The type's repr, `Integer()`. */
  readonly typeName: string;

  constructor(parameter: string, mismatch: TypeMismatchError, options: Omit<StatementErrorOptions, "cause">) {
    super(`Bind parameter '${parameter}': ${mismatch.message}`, { ...options, cause: mismatch });
    this.parameter = parameter;
    this.value = mismatch.value;
    this.typeName = mismatch.typeName;
  }
}
