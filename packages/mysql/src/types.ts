import { InvalidRequestError, type TypeProcessors, type TypeVisitName } from "@alkahest/core/dialect";

// How values cross the wire (see connectionOptions() in dialect.ts for the driver side):
// - BOOLEAN is TINYINT(1): bound as 1/0, read back as 0/1 and turned into false/true
//   where the column is declared Boolean.
// - DATETIME/TIMESTAMP/DATE are bound as UTC text, SQLAlchemy's 'YYYY-MM-DD HH:MM:SS.ffffff'
//   layout; the session runs with time_zone '+00:00', so TIMESTAMP values do not shift,
//   and mysql2 (timezone 'Z') reads them back as Dates in UTC, DATE at UTC midnight.
// - BIGINT and DECIMAL come back as decimal strings (exact; see dialect.ts).

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of the Date's UTC calendar day. */
export function formatDate(value: Date): string {
  const year = value.getUTCFullYear();
  const y = year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, microseconds always shown, as SQLAlchemy binds them. */
export function formatDateTime(value: Date): string {
  const millis = value.getUTCMilliseconds();
  const fraction = `${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}000`;
  return (
    `${formatDate(value)} ${pad2(value.getUTCHours())}:${pad2(value.getUTCMinutes())}:` +
    `${pad2(value.getUTCSeconds())}.${fraction}`
  );
}

const DATETIME = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,6}))?)?)?$/;

/**
 * mysql2 already returns Dates; text arrives only from a column that is not a date
 * (a VARCHAR declared DateTime) or when `connectArgs` asks for `dateStrings`.
 */
function parseDateTime(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = DATETIME.exec(value);
  if (m === null) {
    throw new InvalidRequestError(
      `Couldn't parse datetime string '${value}' from MySQL: expected 'YYYY-MM-DD HH:MM:SS[.ffffff]'.`,
    );
  }
  const [, y, mo, d, h, mi, s, f] = m;
  const millis = f === undefined ? 0 : Math.floor(Number(f.padEnd(6, "0")) / 1000);
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not move years 0-99 to 1900-1999.
  at.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  at.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), millis);
  return at;
}

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

export const mysqlColspecs: Partial<Record<TypeVisitName, TypeProcessors>> = {
  boolean: { bind: bindBoolean, result: resultBoolean },
  datetime: { bind: (v) => (v instanceof Date ? formatDateTime(v) : v), result: parseDateTime },
  date: { bind: (v) => (v instanceof Date ? formatDate(v) : v), result: parseDateTime },
};

/** Booleans and Dates given without a declared type, converted as their types would be. */
export function bindMySQLValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return formatDateTime(value);
  return value;
}
