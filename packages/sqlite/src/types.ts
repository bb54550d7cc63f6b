import {
  formatDateTimeUTC as formatDateTime,
  formatDateUTC as formatDate,
  parseDateTimeText,
  type TypeProcessors,
  type TypeVisitName,
} from "@alkahest/core/dialect";
import { isDate } from "node:util/types";

/**
 * How each type is stored in SQLite, which has five storage classes (NULL, INTEGER,
 * REAL, TEXT, BLOB) and no boolean, date, decimal, JSON or UUID type. Each choice is
 * SQLAlchemy's, so a database written by either library reads the same in the other.
 *
 * | type                | DDL (affinity)          | stored as                                       |
 * |---------------------|-------------------------|-------------------------------------------------|
 * | Integer, SmallInteger | INTEGER, SMALLINT     | INTEGER                                         |
 * | BigInteger          | BIGINT (INTEGER)        | INTEGER, 64 bits; read exactly (see below)      |
 * | Float               | FLOAT (REAL)            | REAL                                            |
 * | Numeric             | NUMERIC(p, s) (NUMERIC) | REAL: bound as a number, read back as a decimal string with `scale` digits; exact to 15 significant digits |
 * | String, Text, Enum  | VARCHAR(n), TEXT        | TEXT                                            |
 * | Boolean             | BOOLEAN (NUMERIC)       | INTEGER 0/1                                     |
 * | DateTime            | DATETIME (NUMERIC)      | TEXT `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, also with `timezone: true` (the instant is kept) |
 * | Date                | DATE (NUMERIC)          | TEXT `YYYY-MM-DD` (the Date's UTC day)          |
 * | Time                | TIME (NUMERIC)          | TEXT `HH:MM:SS.ffffff`                          |
 * | JSON                | JSON (NUMERIC)          | TEXT, JSON.stringify / JSON.parse (core's generic conversion); a scalar number may come back as a number, which is the same JSON value |
 * | Uuid                | CHAR(32) (TEXT)         | TEXT, 32 lower-case hex digits (core's generic conversion) |
 * | LargeBinary         | BLOB                    | BLOB, read as a Buffer                          |
 *
 * BigInteger: better-sqlite3 reads integers as numbers, which are exact only to 2^53.
 * A statement whose result columns include a BigInteger runs with the driver's
 * `safeIntegers` for that statement only (see connection.ts), so other statements pay
 * nothing; in it, integers within 2^53 still come back as numbers except in the
 * BigInteger columns, which always come back as bigint.
 */

/** Stored datetime or date text as a Date (mysql2 and pg hand back Dates; SQLite, text). */
const parseDateTime = (value: unknown): unknown => (typeof value === "string" ? parseDateTimeText(value, "SQLite") : value);

const bindBoolean = (value: unknown): unknown => (typeof value === "boolean" ? (value ? 1 : 0) : value);
const resultBoolean = (value: unknown): unknown => (value === null ? null : value !== 0 && value !== 0n);

/** A decimal string as a number: SQLite's NUMERIC affinity stores one anyway, and only a number compares numerically with an expression that has no affinity. */
const bindNumeric = (value: unknown): unknown => (typeof value === "string" ? Number(value) : value);

/** Time's canonical text (`HH:MM:SS[.ffffff]`) with microseconds always, so stored times sort and compare as text. */
const bindTime = (value: unknown): unknown => (typeof value === "string" && value.length === 8 ? `${value}.000000` : value);

/**
 * SQLite's conversions by type; the types not listed (Integer, Float, String, Text,
 * Enum, JSON, Uuid, LargeBinary) need none beyond core's generic ones. The values
 * arrive checked and canonical (see core's TypeEngine), and never null.
 */
export const sqliteColspecs: Partial<Record<TypeVisitName, TypeProcessors>> = {
  boolean: { bind: bindBoolean, result: resultBoolean },
  datetime: { bind: (v) => (isDate(v) ? formatDateTime(v) : v), result: parseDateTime },
  date: { bind: (v) => (isDate(v) ? formatDate(v) : v), result: parseDateTime },
  time: { bind: bindTime },
  numeric: { bind: bindNumeric },
};

/** Booleans and Dates given without a declared type, converted as their types would be. */
export function bindSQLiteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isDate(value)) return formatDateTime(value);
  return value;
}
