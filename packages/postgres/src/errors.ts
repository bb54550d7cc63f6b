import {
  DatabaseError,
  DataError,
  IntegrityError,
  InternalError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
  type DBAPIError,
  type DBAPIErrorClass,
  type ErrorContext,
} from "@alkahest/core/dialect";

/**
 * SQLSTATE class (its first two characters) → error class, as psycopg2 maps them for
 * SQLAlchemy, plus class 08 (connection exception) as OperationalError.
 */
const bySqlstateClass: Readonly<Record<string, DBAPIErrorClass>> = {
  "08": OperationalError, // connection exception
  "0A": NotSupportedError, // feature not supported
  "20": ProgrammingError, // case not found
  "21": ProgrammingError, // cardinality violation
  "22": DataError, // data exception
  "23": IntegrityError, // integrity constraint violation
  "24": InternalError, // invalid cursor state
  "25": InternalError, // invalid transaction state (e.g. 25P02, the transaction is aborted)
  "26": OperationalError, // invalid SQL statement name
  "27": OperationalError, // triggered data change violation
  "28": OperationalError, // invalid authorization specification
  "2B": InternalError,
  "2D": InternalError,
  "2F": InternalError,
  "34": OperationalError, // invalid cursor name
  "38": InternalError,
  "39": InternalError,
  "3B": InternalError, // savepoint exception
  "3D": ProgrammingError, // invalid catalog name
  "3F": ProgrammingError, // invalid schema name
  "40": OperationalError, // transaction rollback: serialization failure, deadlock
  "42": ProgrammingError, // syntax error or access rule violation
  "44": ProgrammingError, // WITH CHECK OPTION violation
  "53": OperationalError, // insufficient resources
  "54": OperationalError, // program limit exceeded
  "55": OperationalError, // object not in prerequisite state (lock_not_available)
  "57": OperationalError, // operator intervention (query_canceled, admin_shutdown)
  "58": OperationalError, // system error
  F0: InternalError,
  HV: OperationalError, // foreign data wrapper error
  P0: InternalError, // PL/pgSQL error (RAISE EXCEPTION)
  XX: InternalError,
};

/** admin_shutdown, crash_shutdown, cannot_connect_now: the server ends the session. */
const SESSION_ENDING_STATES = new Set(["57P01", "57P02", "57P03"]);

/** Node socket errors that mean the connection is gone. */
const SOCKET_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** What pg says when the socket went away or the client can no longer be used. */
const DISCONNECT_MESSAGE =
  /Connection terminated|not queryable|timeout expired|socket hang up|read ECONNRESET|write EPIPE|Client was closed/i;

/**
 * Thrown for work on a connection that pg reported broken while it sat idle (an admin
 * shutdown, a lost socket); the error pg reported is its `cause`, and its `code` too.
 */
export class ConnectionLostError extends Error {
  override readonly name = "ConnectionLostError";
  readonly code: string | undefined;

  constructor(cause: unknown) {
    const fields = typeof cause === "object" && cause !== null ? fieldsOf(cause) : undefined;
    super(`The connection was lost: ${fields?.message ?? String(cause)}`, { cause });
    this.code = fields?.code;
  }
}

interface DriverErrorFields {
  readonly message: string;
  readonly name: string;
  readonly code: string | undefined;
  readonly sqlstate: string | undefined;
  readonly severity: string | undefined;
}

/** Reads an error duck-typed: errors may come from another realm (jest's vm), so no instanceof. */
function fieldsOf(error: object): DriverErrorFields {
  const get = (key: string): string | undefined => {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === "string" ? value : undefined;
  };
  const code = get("code");
  const severity = get("severity");
  let message = get("message") ?? String(error);
  // Server errors carry `severity`; a Node socket error's code ("EPIPE") may look like a SQLSTATE.
  const sqlstate = severity !== undefined && code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  if (sqlstate !== undefined) {
    const detail = get("detail");
    const hint = get("hint");
    // Laid out as libpq (and so SQLAlchemy on psycopg2) prints them.
    if (detail !== undefined) message += `\nDETAIL:  ${detail}`;
    if (hint !== undefined) message += `\nHINT:  ${hint}`;
  }
  return { message, name: get("name") ?? "Error", code, sqlstate, severity };
}

function endsSession(fields: DriverErrorFields): boolean {
  const { sqlstate, severity, code, message } = fields;
  if (fields.name === "ConnectionLostError") return true;
  if (sqlstate === undefined) return (code !== undefined && SOCKET_CODES.has(code)) || DISCONNECT_MESSAGE.test(message);
  if (severity === "FATAL" || severity === "PANIC") return true;
  // A server localized in another language spells the severity otherwise; the class
  // still tells. Only an ERROR-level 08 (a bind message with the wrong parameter
  // count, say) leaves the session usable.
  return (sqlstate.startsWith("08") || SESSION_ENDING_STATES.has(sqlstate)) && severity !== "ERROR";
}

/**
 * Maps an error from pg into core's hierarchy by its SQLSTATE class, keeping it as
 * `cause` and its SQLSTATE as `code`. Errors that mean the connection is gone (the
 * server ended the session, the socket broke) are OperationalErrors with
 * `connectionInvalidated`, so core discards the connection.
 */
export function mapPgError(error: unknown, context: ErrorContext): DBAPIError {
  return build(error, context, false);
}

/**
 * Maps a failure to open a connection: always an OperationalError (the server is
 * down, refuses the login, or has no such database), as psycopg2 raises it.
 */
export function mapPgConnectError(error: unknown): DBAPIError {
  return build(error, { sql: "" }, true);
}

function build(error: unknown, context: ErrorContext, connecting: boolean): DBAPIError {
  if (typeof error !== "object" || error === null) {
    const errorClass = connecting ? OperationalError : DatabaseError;
    return new errorClass(String(error), { ...context, driverErrorName: "pg" });
  }
  const fields = fieldsOf(error);
  const connectionInvalidated = connecting || endsSession(fields);
  const options = {
    ...context,
    cause: error,
    code: fields.code,
    driverErrorName: fields.sqlstate === undefined ? `pg.${fields.name}` : "pg.DatabaseError",
    connectionInvalidated,
  };
  let errorClass: DBAPIErrorClass;
  // A lost session is an OperationalError whatever its SQLSTATE class (25P03, the
  // idle-in-transaction timeout, is class 25): it is what callers catch to retry.
  if (connectionInvalidated) errorClass = OperationalError;
  else if (fields.sqlstate !== undefined) errorClass = bySqlstateClass[fields.sqlstate.slice(0, 2)] ?? DatabaseError;
  // pg raised before the server saw the statement: a value it cannot bind, bad arguments.
  else errorClass = ProgrammingError;
  return new errorClass(fields.message, options);
}
