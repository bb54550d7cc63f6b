import { InvalidRequestError, type TypeProcessors, type TypeVisitName } from "@alkahest/core/dialect";
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

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function formatDate(value: Date): string {
  const year = value.getUTCFullYear();
  const y = year >= 0 && year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff`, microseconds always shown, as SQLAlchemy stores them. */
export function formatDateTime(value: Date): string {
  const millis = value.getUTCMilliseconds();
  const fraction = `${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}000`;
  return (
    `${formatDate(value)} ${pad2(value.getUTCHours())}:${pad2(value.getUTCMinutes())}:` +
    `${pad2(value.getUTCSeconds())}.${fraction}`
  );
}

/** SQLAlchemy's layout, or ISO 8601 with `T`, optionally with a `Z` or `±HH:MM` offset. */
const DATETIME =
  /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?(?:\s*(Z)|\s*([+-])(\d\d):?(\d\d))?$/;

/**
 * Text stored by a DateTime or Date, as a Date. Without an offset the text is UTC (as
 * it was bound); with one (written by other software), the offset is applied.
 */
function parseDateTime(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = DATETIME.exec(value);
  if (m === null) {
    throw new InvalidRequestError(
      `Couldn't parse datetime string '${value}' from SQLite: expected 'YYYY-MM-DD HH:MM:SS[.ffffff]'.`,
    );
  }
  const [, y, mo, d, h, mi, s, f, , sign, oh, om] = m;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not move years 0-99 to 1900-1999.
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  const millis = f === undefined ? 0 : Math.floor(Number(f.padEnd(9, "0").slice(0, 6)) / 1000);
  date.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), millis);
  if (sign !== undefined) {
    const offsetMinutes = Number(oh) * 60 + Number(om);
    date.setTime(date.getTime() - (sign === "-" ? -1 : 1) * offsetMinutes * 60_000);
  }
  return date;
}

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
