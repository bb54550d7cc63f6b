import {
  DatabaseError,
  DataError,
  IntegrityError,
  InterfaceError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
  type DBAPIError,
  type DBAPIErrorClass,
  type ErrorContext,
} from "@alkahest/core/dialect";

/**
 * Server error numbers, mapped as SQLAlchemy's MySQL drivers (mysqlclient, PyMySQL) map
 * them. Anything not listed is a DatabaseError.
 */
const byErrno: ReadonlyMap<number, DBAPIErrorClass> = new Map<number, DBAPIErrorClass>([
  // Constraint violations: duplicate key, foreign keys, NOT NULL, CHECK (MariaDB 4025, MySQL 3819).
  ...entries(IntegrityError, [1062, 1169, 1215, 1216, 1217, 1451, 1452, 1048, 1364, 4025, 3819]),
  // Statements the server cannot run as written: no such table or column, syntax, bad names.
  ...entries(ProgrammingError, [1146, 1064, 1054, 1149, 1102, 1103, 1110, 1111, 1113, 1166, 1007, 1179]),
  // Values that do not fit their column: out of range, too long, wrong value for the type.
  ...entries(DataError, [1264, 1406, 1366, 1292, 1265, 1263, 1171, 1441, 1690, 1365]),
  // The connection or the server: lock wait timeout, deadlock, access denied, too many connections.
  ...entries(OperationalError, [1205, 1213, 1040, 1044, 1045, 1129, 1130, 1053]),
  ...entries(NotSupportedError, [1196, 1235, 1286, 1289]),
]);

/**
 * Errors after which the connection is gone, as SQLAlchemy's MySQL `is_disconnect` reads
 * them: server has gone away (2006), lost connection (2013), commands out of sync (2014),
 * 2045, 2055, disconnected for inactivity (4031), connection killed (MariaDB 1927).
 */
const DISCONNECT_ERRNOS: ReadonlySet<number> = new Set([2006, 2013, 2014, 2045, 2055, 4031, 1927]);

/** mysql2's and Node's codes for a socket that broke or closed under the connection. */
const DISCONNECT_CODES: ReadonlySet<string> = new Set([
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "PROTOCOL_PACKETS_OUT_OF_ORDER",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
]);

function entries(errorClass: DBAPIErrorClass, errnos: readonly number[]): [number, DBAPIErrorClass][] {
  return errnos.map((errno) => [errno, errorClass]);
}

/**
 * Maps a mysql2 error into core's hierarchy, keeping it as `cause`. Server errors show
 * as SQLAlchemy shows PyMySQL's: `(mysql2.Error) (1062, "Duplicate entry '1' for key 'x'")`.
 */
export function mapMySQLError(error: unknown, context: ErrorContext): DBAPIError {
  // Duck-typed, not `instanceof Error`: the driver's errors may come from another realm (jest's vm).
  if (typeof error !== "object" || error === null || !("message" in error)) {
    return new DatabaseError(String(error), { ...context, driverErrorName: "mysql2" });
  }
  const message = String(error.message);
  const name = "name" in error ? String(error.name) : "Error";
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  // Node's system errors carry a negative errno; only the server's are positive.
  const errno = "errno" in error && typeof error.errno === "number" && error.errno > 0 ? error.errno : undefined;
  const fatal = "fatal" in error && error.fatal === true;
  const options = { ...context, cause: error, code: errno ?? code, driverErrorName: `mysql2.${name}` };

  if (errno !== undefined) {
    const detail = `(${errno}, ${pythonRepr(message)})`;
    if (DISCONNECT_ERRNOS.has(errno) || fatal) {
      return new OperationalError(detail, { ...options, connectionInvalidated: true });
    }
    return new (byErrno.get(errno) ?? DatabaseError)(detail, options);
  }
  // No server errno: the socket, the protocol, or mysql2 refusing the call itself.
  if ((code !== undefined && DISCONNECT_CODES.has(code)) || fatal) {
    return new OperationalError(message, { ...options, connectionInvalidated: true });
  }
  // mysql2 raises TypeError and friends before anything is sent: a value it cannot bind.
  if (code === undefined) return new ProgrammingError(message, options);
  return new InterfaceError(message, options);
}

/** How Python prints a str, so messages read like SQLAlchemy's for PyMySQL. */
function pythonRepr(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text.replaceAll("\\", "\\\\")}"`;
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}
