import {
  DatabaseError,
  DataError,
  IntegrityError,
  InterfaceError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
} from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { mapMySQLError } from "../src/errors.js";

const context = { sql: "INSERT INTO t (x) VALUES (?)", params: [1] };

/** A server error as mysql2 builds it. */
function serverError(errno: number, message = `error ${errno}`): Error {
  return Object.assign(new Error(message), { errno, code: `ER_${errno}`, sqlState: "HY000", sqlMessage: message });
}

describe("mysql2 errors → core's hierarchy", () => {
  it.each([
    [1062, IntegrityError], // duplicate entry
    [1452, IntegrityError], // no referenced row (FK)
    [1451, IntegrityError], // row is referenced (FK)
    [1048, IntegrityError], // column cannot be null
    [1216, IntegrityError],
    [1217, IntegrityError],
    [4025, IntegrityError], // CHECK constraint (MariaDB)
    [3819, IntegrityError], // CHECK constraint (MySQL)
    [1146, ProgrammingError], // no such table
    [1064, ProgrammingError], // syntax
    [1054, ProgrammingError], // unknown column
    [1264, DataError], // out of range
    [1406, DataError], // data too long
    [1366, DataError], // incorrect value for the column
    [1292, DataError], // truncated wrong value (datetime)
    [1205, OperationalError], // lock wait timeout
    [1213, OperationalError], // deadlock
    [1235, NotSupportedError],
    [1105, DatabaseError], // anything else
  ])("errno %i → %p, keeping the connection", (errno, errorClass) => {
    const error = mapMySQLError(serverError(errno), context);
    expect(error).toBeInstanceOf(errorClass);
    expect(error.constructor).toBe(errorClass);
    expect(error.connectionInvalidated).toBe(false);
    expect(error.code).toBe(errno);
  });

  it.each([2006, 2013, 2014, 2045, 2055, 4031, 1927])(
    "errno %i (the connection is gone) → OperationalError that invalidates it",
    (errno) => {
      const error = mapMySQLError(serverError(errno), context);
      expect(error).toBeInstanceOf(OperationalError);
      expect(error.connectionInvalidated).toBe(true);
    },
  );

  it.each(["ECONNRESET", "PROTOCOL_CONNECTION_LOST", "EPIPE"])("socket error %s → OperationalError that invalidates", (code) => {
    // Node's system errors carry a negative errno: it is not a server error number.
    const error = mapMySQLError(Object.assign(new Error(`read ${code}`), { code, errno: -104, fatal: true }), context);
    expect(error).toBeInstanceOf(OperationalError);
    expect(error.connectionInvalidated).toBe(true);
    expect(error.code).toBe(code);
  });

  it("mysql2's fatal errors without a code (a closed connection) invalidate it", () => {
    const closed = Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true });
    const error = mapMySQLError(closed, context);
    expect(error).toBeInstanceOf(OperationalError);
    expect(error.connectionInvalidated).toBe(true);
  });

  it("shows server errors as SQLAlchemy shows PyMySQL's, with the SQL and parameters", () => {
    const cause = serverError(1062, "Duplicate entry '1' for key 'x'");
    const error = mapMySQLError(cause, context);
    expect(error.message).toBe(
      `(mysql2.Error) (1062, "Duplicate entry '1' for key 'x'")\n[SQL: INSERT INTO t (x) VALUES (?)]\n[parameters: (1,)]`,
    );
    expect(error.cause).toBe(cause);
    expect(mapMySQLError(serverError(1146, "Table 'db.t' doesn't exist"), context).detail).toBe(
      `(mysql2.Error) (1146, "Table 'db.t' doesn't exist")`,
    );
    expect(mapMySQLError(serverError(1064, "near 'SELEC 1'\\"), context).detail).toBe(
      `(mysql2.Error) (1064, "near 'SELEC 1'\\\\")`,
    );
    expect(mapMySQLError(serverError(1105, "plain"), context).detail).toBe(`(mysql2.Error) (1105, 'plain')`);
  });

  it("a value mysql2 refuses before sending (TypeError) is a ProgrammingError", () => {
    const error = mapMySQLError(new TypeError("Parameter 1 is an array"), context);
    expect(error).toBeInstanceOf(ProgrammingError);
    expect(error.message).toMatch(/^\(mysql2\.TypeError\) Parameter 1 is an array/);
  });

  it("an unknown client-side code is an InterfaceError; a non-error is a DatabaseError", () => {
    expect(mapMySQLError(Object.assign(new Error("no ssl"), { code: "HANDSHAKE_NO_SSL_SUPPORT" }), context)).toBeInstanceOf(
      InterfaceError,
    );
    const odd = mapMySQLError("weird", context);
    expect(odd).toBeInstanceOf(DatabaseError);
    expect(odd.message).toMatch(/^\(mysql2\) weird/);
  });
});
