/**
 * The one error hierarchy of Alkahest, modelled on SQLAlchemy's `sqlalchemy.exc`.
 *
 * ```
 * AlkahestError
 * ├── ArgumentError            bad arguments to an API (a malformed URL, an unknown option)
 * │   ├── NoSuchModuleError    a dialect that is unknown or whose package is not installed
 * │   └── NoForeignKeysError / AmbiguousForeignKeysError   a join's ON clause cannot be inferred
 * ├── InvalidRequestError      a valid call at the wrong time (a closed connection, ...)
 * │   ├── ResourceClosedError
 * │   ├── NoResultFound / MultipleResultsFound
 * │   └── NoReferenceError     a ForeignKey whose target table or column is missing
 * ├── CompileError             a construct cannot be rendered as SQL (for this dialect)
 * ├── CircularDependencyError  foreign keys between tables form a cycle that cannot be ordered
 * ├── TimeoutError             the pool had no connection to give in time
 * └── StatementError           a statement failed; carries `sql` and `params`
 *     └── DBAPIError           the driver raised; the original error is `cause`
 *         ├── InterfaceError
 *         └── DatabaseError
 *             ├── DataError, OperationalError, IntegrityError,
 *             └── InternalError, ProgrammingError, NotSupportedError
 * ```
 */
import { reprParams } from "./util/repr.js";

export class AlkahestError extends Error {
  override get name(): string {
    return this.constructor.name;
  }
}

export class ArgumentError extends AlkahestError {}

export class NoSuchModuleError extends ArgumentError {}

/** A join has no ON clause and no foreign key relates its two sides. */
export class NoForeignKeysError extends ArgumentError {}

/** A join has no ON clause and more than one foreign key constraint relates its two sides. */
export class AmbiguousForeignKeysError extends ArgumentError {}

export class InvalidRequestError extends AlkahestError {}

export class ResourceClosedError extends InvalidRequestError {}

export class NoResultFound extends InvalidRequestError {}

export class MultipleResultsFound extends InvalidRequestError {}

/** Reflection asked about a table the database does not have (SQLAlchemy's NoSuchTableError). */
export class NoSuchTableError extends InvalidRequestError {
  constructor(
    message: string,
    readonly tableName: string,
  ) {
    super(message);
  }
}

/** A ForeignKey's target cannot be found. */
export class NoReferenceError extends InvalidRequestError {}

/** A ForeignKey names a table that is not in the MetaData. */
export class NoReferencedTableError extends NoReferenceError {
  constructor(
    message: string,
    readonly tableName: string,
  ) {
    super(message);
  }
}

/** A ForeignKey names a column its target table does not have. */
export class NoReferencedColumnError extends NoReferenceError {
  constructor(
    message: string,
    readonly tableName: string,
    readonly columnName: string,
  ) {
    super(message);
  }
}

/** A construct cannot be rendered as SQL, at least not for this dialect. */
export class CompileError extends AlkahestError {}

/** Dependencies (foreign keys between tables) form a cycle, so they cannot be put in order. */
export class CircularDependencyError extends AlkahestError {
  constructor(
    message: string,
    /** The items on the cycle(s). */
    readonly cycles: readonly unknown[],
    /** The dependency edges involved, as [parent, child] pairs. */
    readonly edges: readonly (readonly [unknown, unknown])[],
  ) {
    super(message);
  }
}

/** The pool could not hand out a connection before its `timeout`. */
export class TimeoutError extends AlkahestError {}

/** Parameters for a statement as the driver receives them: one set, or many. */
export type StatementParams = readonly unknown[] | readonly (readonly unknown[])[];

export interface StatementErrorOptions {
  sql: string;
  params?: StatementParams | Readonly<Record<string, unknown>> | undefined;
  /** True when `params` holds many parameter sets (executemany). */
  many?: boolean;
  cause?: unknown;
}

/** A statement could not run; the message shows the SQL and the parameters. */
export class StatementError extends AlkahestError {
  readonly sql: string;
  readonly params: StatementErrorOptions["params"];
  /** The message without the SQL and parameter lines. */
  readonly detail: string;

  constructor(detail: string, options: StatementErrorOptions) {
    super(formatStatementMessage(detail, options), { cause: options.cause });
    this.detail = detail;
    this.sql = options.sql;
    this.params = options.params;
  }
}

function formatStatementMessage(detail: string, options: StatementErrorOptions): string {
  // No statement (a failed connect): the SQL and parameter lines would be empty noise.
  if (options.sql === "") return detail;
  let message = `${detail}\n[SQL: ${options.sql}]`;
  if (options.params !== undefined) {
    message += `\n[parameters: ${reprParams(options.params, options.many ?? false)}]`;
  }
  return message;
}

export interface DBAPIErrorOptions extends StatementErrorOptions {
  /** The driver's name for its error, e.g. `SqliteError` or `error` for pg. */
  driverErrorName?: string;
  /** The driver's error code (SQLITE_CONSTRAINT_UNIQUE, 23505, ER_DUP_ENTRY, ...). */
  code?: string | number | undefined;
  /** True when the error means the connection is unusable and must be discarded. */
  connectionInvalidated?: boolean;
}

/** The database driver raised. The driver's own error is `cause`. */
export class DBAPIError extends StatementError {
  readonly code: string | number | undefined;
  readonly connectionInvalidated: boolean;

  constructor(detail: string, options: DBAPIErrorOptions) {
    super(options.driverErrorName ? `(${options.driverErrorName}) ${detail}` : detail, options);
    this.code = options.code;
    this.connectionInvalidated = options.connectionInvalidated ?? false;
  }
}

export class InterfaceError extends DBAPIError {}
export class DatabaseError extends DBAPIError {}
export class DataError extends DatabaseError {}
export class OperationalError extends DatabaseError {}
export class IntegrityError extends DatabaseError {}
export class InternalError extends DatabaseError {}
export class ProgrammingError extends DatabaseError {}
export class NotSupportedError extends DatabaseError {}

/** The DBAPIError subclasses a dialect maps driver errors into. */
export type DBAPIErrorClass = new (detail: string, options: DBAPIErrorOptions) => DBAPIError;
