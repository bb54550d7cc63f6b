import { InvalidRequestError, type TypeProcessors, type TypeVisitName } from "@alkahest/core/dialect";

// SQLite has no boolean or date storage: booleans are stored as 0/1, and dates as
// text in SQLAlchemy's layout ("2025-11-13 11:19:23.348000"), in UTC.

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function formatDate(value: Date): string {
  return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
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

const DATETIME = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,6}))?)?)?$/;

function parseDateTime(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = DATETIME.exec(value);
  if (m === null) {
    throw new InvalidRequestError(
      `Couldn't parse datetime string '${value}' from SQLite: expected 'YYYY-MM-DD HH:MM:SS[.ffffff]'.`,
    );
  }
  const [, y, mo, d, h, mi, s, f] = m;
  const millis = f === undefined ? 0 : Math.floor(Number(f.padEnd(6, "0")) / 1000);
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), millis));
}

const bindBoolean = (value: unknown): unknown => (typeof value === "boolean" ? (value ? 1 : 0) : value);
const resultBoolean = (value: unknown): unknown => (value === null ? null : value !== 0 && value !== 0n);

export const sqliteColspecs: Partial<Record<TypeVisitName, TypeProcessors>> = {
  boolean: { bind: bindBoolean, result: resultBoolean },
  datetime: { bind: (v) => (v instanceof Date ? formatDateTime(v) : v), result: parseDateTime },
  date: { bind: (v) => (v instanceof Date ? formatDate(v) : v), result: parseDateTime },
};

/** Booleans and Dates given without a declared type, converted as their types would be. */
export function bindSQLiteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return formatDateTime(value);
  return value;
}
