import {
  DBAPIError,
  IntegrityError,
  InterfaceError,
  InternalError,
  OperationalError,
  ProgrammingError,
  DataError,
  DatabaseError,
  type DBAPIErrorClass,
  type ErrorContext,
} from "@alkahest/core/dialect";

/** SQLite's primary result codes, mapped as Python's sqlite3 module maps them. */
const byPrimaryCode: Readonly<Record<string, DBAPIErrorClass>> = {
  SQLITE_CONSTRAINT: IntegrityError,
  SQLITE_ERROR: OperationalError,
  SQLITE_BUSY: OperationalError,
  SQLITE_LOCKED: OperationalError,
  SQLITE_READONLY: OperationalError,
  SQLITE_IOERR: OperationalError,
  SQLITE_CANTOPEN: OperationalError,
  SQLITE_FULL: OperationalError,
  SQLITE_PROTOCOL: OperationalError,
  SQLITE_NOMEM: OperationalError,
  SQLITE_INTERRUPT: OperationalError,
  SQLITE_ABORT: OperationalError,
  SQLITE_TOOBIG: DataError,
  SQLITE_MISMATCH: DataError,
  SQLITE_RANGE: ProgrammingError,
  SQLITE_MISUSE: InterfaceError,
  SQLITE_CORRUPT: DatabaseError,
  SQLITE_NOTADB: DatabaseError,
  SQLITE_INTERNAL: InternalError,
};

/** Maps a better-sqlite3 error into core's hierarchy, keeping it as `cause`. */
export function mapSQLiteError(error: unknown, context: ErrorContext): DBAPIError {
  // Duck-typed, not `instanceof Error`: the driver's errors may come from another realm (jest's vm).
  if (typeof error !== "object" || error === null || !("message" in error)) {
    return new DatabaseError(String(error), { ...context, driverErrorName: "better-sqlite3" });
  }
  const message = String(error.message);
  const name = "name" in error ? String(error.name) : "Error";
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  const options = { ...context, cause: error, code, driverErrorName: `better-sqlite3.${name}` };
  if (code !== undefined) {
    const primary = code.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1");
    return new (byPrimaryCode[primary] ?? DatabaseError)(message, options);
  }
  // better-sqlite3 raises TypeError/RangeError before SQLite sees the statement:
  // values it cannot bind, or the wrong number of parameters.
  if (/not open/i.test(message)) {
    return new InterfaceError(message, { ...options, connectionInvalidated: true });
  }
  return new ProgrammingError(message, options);
}
