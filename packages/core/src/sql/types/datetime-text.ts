import { InvalidRequestError } from "../../errors.js";

/**
 * Dates as the text SQLAlchemy binds for databases without native date storage (SQLite),
 * or through drivers that take text (mysql2): UTC, microseconds always shown. Shared
 * by the dialects so that every one reads and writes the same layout.
 */

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of the Date's UTC calendar day. */
export function formatDateUTC(value: Date): string {
  const year = value.getUTCFullYear();
  const y = year >= 0 && year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, as SQLAlchemy stores and binds datetimes. */
export function formatDateTimeUTC(value: Date): string {
  const millis = value.getUTCMilliseconds();
  const fraction = `${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}000`;
  return (
    `${formatDateUTC(value)} ${pad2(value.getUTCHours())}:${pad2(value.getUTCMinutes())}:` +
    `${pad2(value.getUTCSeconds())}.${fraction}`
  );
}

/** SQLAlchemy's layout, or ISO 8601 with `T`, optionally with a `Z` or `±HH:MM` offset. */
const DATETIME =
  /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?(?:\s*(Z)|\s*([+-])(\d\d):?(\d\d))?$/;

/**
 * Datetime or date text as a Date. Without an offset the text is UTC (as it was
 * bound); with one (written by other software) the offset is applied.
 *
 * @example
 * parseDateTimeText("2025-11-13 11:19:23.348000", "SQLite"); // 2025-11-13T11:19:23.348Z
 */
export function parseDateTimeText(value: string, source: string): Date {
  const m = DATETIME.exec(value);
  if (m === null) {
    throw new InvalidRequestError(
      `Couldn't parse datetime string '${value}' from ${source}: expected 'YYYY-MM-DD HH:MM:SS[.ffffff]'.`,
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
