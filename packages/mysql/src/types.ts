import {
  formatDateTimeUTC as formatDateTime,
  formatDateUTC as formatDate,
  parseDateTimeText,
  type TypeProcessors,
  type TypeVisitName,
} from "@alkahest/core/dialect";
import { isDate } from "node:util/types";

/**
 * How each type crosses the wire (see options.ts for how mysql2 reads values):
 *
 * | type               | DDL                  | bound as                        | read back                           |
 * |--------------------|----------------------|---------------------------------|-------------------------------------|
 * | Integer, SmallInteger | INTEGER, SMALLINT | number                          | number; an expression the server types BIGINT or DECIMAL (count(), sum(), `a + 1`) arrives as a decimal string and is turned into a number |
 * | BigInteger         | BIGINT               | bigint / number                 | decimal string → bigint (core's generic conversion) |
 * | Float              | DOUBLE               | number                          | number                              |
 * | Numeric            | NUMERIC(p, s)        | decimal string / number         | exact decimal string (nativeDecimal)|
 * | String, Text, Enum | VARCHAR(n), TEXT, ENUM(...) or VARCHAR | string      | string                              |
 * | Boolean            | BOOL (TINYINT(1))    | 1 / 0                           | 0/1 → false/true                    |
 * | DateTime           | DATETIME(6)          | UTC text `YYYY-MM-DD HH:MM:SS.ffffff` | Date (mysql2 reads it in UTC, the session's time zone) |
 * | Date               | DATE                 | `YYYY-MM-DD` of the UTC day     | Date at UTC midnight                |
 * | Time               | TIME(6)              | `HH:MM:SS[.ffffff]`             | text, canonical form (core's generic conversion) |
 * | JSON               | JSON (MariaDB: LONGTEXT) | JSON text                   | JSON text (mysql2's `jsonStrings`), parsed by core's JSON type |
 * | Uuid               | CHAR(32)             | 32 hex digits, as SQLAlchemy stores them | canonical UUID string         |
 * | LargeBinary        | BLOB                 | Buffer                          | Buffer                              |
 */
/**
 * mysql2 already returns Dates; text arrives only from a column that is not a date
 * (a VARCHAR declared DateTime) or when `connectArgs` asks for `dateStrings`.
 */
const parseDateTime = (value: unknown): unknown => (typeof value === "string" ? parseDateTimeText(value, "MySQL") : value);

const bindBoolean = (value: unknown): unknown => (typeof value === "boolean" ? (value ? 1 : 0) : value);

/** TINYINT(1) arrives as a number; an expression of BIGINT type as a string. */
function resultBoolean(value: unknown): unknown {
  switch (typeof value) {
    case "number":
      return value !== 0;
    case "string":
      return Number(value) !== 0;
    case "bigint":
      return value !== 0n;
    default:
      return value;
  }
}

/** BIGINT and DECIMAL values arrive as decimal strings (see options.ts); an Integer's value is a number. */
const resultInteger = (value: unknown): unknown => (typeof value === "string" ? Number(value) : value);

/**
 * The conversions by type; the types not listed need none beyond core's generic ones.
 * The values arrive checked and canonical (see core's TypeEngine), and never null.
 */
export const mysqlColspecs: Partial<Record<TypeVisitName, TypeProcessors>> = Object.freeze({
  integer: { result: resultInteger },
  small_integer: { result: resultInteger },
  boolean: { bind: bindBoolean, result: resultBoolean },
  datetime: { bind: (v: unknown) => (isDate(v) ? formatDateTime(v) : v), result: parseDateTime },
  date: { bind: (v: unknown) => (isDate(v) ? formatDate(v) : v), result: parseDateTime },
});

/** Booleans and Dates given without a declared type, converted as their types would be. */
export function bindMySQLValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isDate(value)) return formatDateTime(value);
  return value;
}
