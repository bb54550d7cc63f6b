import { ArgumentError, InvalidRequestError, type TypeProcessors, type TypeVisitName } from "@alkahest/core/dialect";
import { isDate } from "node:util/types";
import pg from "pg";

// Values cross the wire as text. pg's own parsers are global (`pg.types.setTypeParser`)
// and read `timestamp`/`date` as local time, so each client gets the parsers below
// through its own `types` option instead: nothing global is touched.

/** How int8 values (bigint columns, `count(*)`) come back: exact as `bigint`, or as text. */
export type Int8Mode = "bigint" | "string";

/** The text parser pg calls for one column value; must never throw (it runs inside pg's row parsing). */
type TextParser = (text: string) => unknown;

/** pg_type OIDs of the types parsed here. */
const OID = {
  int8: 20,
  int8Array: 1016,
  numericArray: 1231,
  date: 1082,
  dateArray: 1182,
  timestamp: 1114,
  timestampArray: 1115,
  timestamptz: 1184,
  timestamptzArray: 1185,
} as const;

// The text output of timestamp, timestamptz and date under DateStyle ISO (the default):
// `2025-11-13 11:19:23.348+05:30`, an LMT offset may carry seconds (`+00:19:32`),
// years before 1 AD end in ` BC`, years past 9999 have five or more digits.
const TIMESTAMP =
  /^(\d{4,})-(\d\d)-(\d\d)(?: (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?(?:([+-])(\d\d)(?::(\d\d)(?::(\d\d))?)?)?( BC)?$/;

/**
 * Parses timestamp, timestamptz or date text into a Date; a value without an offset
 * (timestamp, date) is read as UTC, the way it was bound. `infinity` becomes
 * `Infinity` as pg returns it; text in another DateStyle comes back unchanged.
 */
export function parseTimestamp(text: string): Date | number | string {
  const m = TIMESTAMP.exec(text);
  if (m === null) return text === "infinity" ? Infinity : text === "-infinity" ? -Infinity : text;
  const [, y, mo, d, h, mi, s, fraction, sign, oh, om, os, bc] = m;
  const year = bc === undefined ? Number(y) : 1 - Number(y);
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0").slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  date.setUTCFullYear(year, Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), millis);
  if (sign !== undefined) {
    const offsetSeconds = Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0);
    date.setTime(date.getTime() - (sign === "-" ? -1 : 1) * offsetSeconds * 1000);
  }
  return date;
}

/** The ISO text of a Date with its time zone (UTC), in a form PostgreSQL accepts for every year. */
export function formatTimestamp(value: Date): string {
  const iso = isoString(value);
  const year = value.getUTCFullYear();
  if (year >= 1 && year <= 9999) return iso;
  // toISOString writes year 0 as "0000" and others as "+010000" / "-000001"; PostgreSQL
  // wants plain digits and " BC" for the years before 1 AD (year 0 is 1 BC).
  const rest = iso.slice(iso[0] === "+" || iso[0] === "-" ? 7 : 4);
  return year < 1 ? `${String(1 - year).padStart(4, "0")}${rest} BC` : `${year}${rest}`;
}

/** `YYYY-MM-DD` of a Date's UTC calendar day, as a `date` is bound. */
export function formatDate(value: Date): string {
  const text = formatTimestamp(value);
  const time = text.indexOf("T");
  return text.endsWith(" BC") ? `${text.slice(0, time)} BC` : text.slice(0, time);
}

function isoString(value: Date): string {
  if (Number.isNaN(value.getTime())) {
    throw new ArgumentError("Cannot bind an invalid Date (its time is NaN); pass a valid Date or null.");
  }
  return value.toISOString();
}

// pg-types 2 (pinned by pg 8) exports its array parser as `{ create(source, transform) }`;
// @types/pg-types declares another shape, so the runtime one is spelled out here.
const arrayParser = pg.types.arrayParser as unknown as {
  create(source: string, transform: TextParser): { parse(): unknown[] };
};

function arrayOf(parse: TextParser): TextParser {
  return (text) => arrayParser.create(text, parse).parse();
}

const parseBigInt: TextParser = (text) => BigInt(text);

/**
 * Array text (`{1,NULL,"a b"}`, nested for more dimensions) as arrays of element text,
 * NULL as null: what pg hands over for arrays of types it has no parser for (enums,
 * domains). An ARRAY type then converts each element (see core's ArrayType).
 */
export function parseArrayText(text: string): unknown[] {
  return arrayParser.create(text, (element) => element).parse();
}

/**
 * The per-client `types` option: int8 as configured, dates and timestamps as Dates
 * read in UTC, numeric arrays as text like numeric itself (pg's default reads them as
 * floats, losing digits), and pg's defaults for every other type (numeric stays text,
 * booleans and int4 are native).
 */
export function clientTypes(int8: Int8Mode): pg.CustomTypesConfig {
  const own = new Map<number, TextParser>([
    [OID.date, parseTimestamp],
    [OID.dateArray, arrayOf(parseTimestamp)],
    [OID.timestamp, parseTimestamp],
    [OID.timestampArray, arrayOf(parseTimestamp)],
    [OID.timestamptz, parseTimestamp],
    [OID.timestamptzArray, arrayOf(parseTimestamp)],
    [OID.numericArray, parseArrayText],
  ]);
  if (int8 === "bigint") {
    own.set(OID.int8, parseBigInt);
    own.set(OID.int8Array, arrayOf(parseBigInt));
  }
  const getTypeParser = ((oid: number, format?: "text" | "binary") => {
    const parser = format === "binary" ? undefined : own.get(oid);
    return parser ?? pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"];
  return { getTypeParser };
}

function strictTimestamp(kind: string): (value: unknown) => unknown {
  return (value) => {
    if (typeof value !== "string") return value; // already a Date (or null) from the column's own type
    const parsed = parseTimestamp(value);
    if (typeof parsed === "string") {
      throw new InvalidRequestError(
        `Couldn't parse ${kind} string '${value}' from PostgreSQL: expected ISO 'YYYY-MM-DD[ HH:MM:SS[.ffffff][+HH[:MM]]]' (DateStyle ISO).`,
      );
    }
    return parsed;
  };
}

/**
 * An Integer's value is a number, but an integer expression may be int8 on the server
 * (`count(*)`, `sum()` of integers), which comes back as a bigint or, with `int8:
 * "string"`, as text: those within 2^53 become numbers; larger ones stay exact.
 */
function integerResult(value: unknown): unknown {
  if (typeof value === "bigint") return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : BigInt(value);
  }
  return value;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Conversions for declared types, where pg's values differ from the types' values.
 * Booleans, numbers, bytea (Buffers) and times need none; json and uuid are native:
 * - json: bound as JSON text (core's generic conversion, so that a JS array is not
 *   sent as a PostgreSQL array literal); pg parses json and jsonb results itself.
 * - uuid: the canonical text both ways; pg reads uuid as text.
 * - datetime/date: Dates bound as ISO text in UTC, read through this dialect's own
 *   parsers (see clientTypes); a string here is text pg did not parse.
 * - array: bound as the JavaScript array of its elements' bound values, which pg
 *   writes as an array literal; read as pg parsed it, or from the text pg leaves
 *   unparsed (arrays of enums).
 */
export const postgresColspecs: Partial<Record<TypeVisitName, TypeProcessors>> = {
  integer: { result: integerResult },
  small_integer: { result: integerResult },
  json: { result: null },
  uuid: { bind: null, result: null },
  datetime: { bind: (v) => (isDate(v) ? formatTimestamp(v) : v), result: strictTimestamp("datetime") },
  date: { bind: (v) => (isDate(v) ? formatDate(v) : v), result: strictTimestamp("date") },
  array: { result: (v) => (typeof v === "string" ? parseArrayText(v) : v) },
};

/**
 * A value given without a declared type, as pg should receive it: Dates (also inside
 * arrays) as ISO text in UTC, so a `timestamp` column stores the UTC time that is read
 * back; everything else as pg binds it (booleans native, bigint as text).
 */
export function bindPostgresValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isDate(value)) return formatTimestamp(value);
  if (Array.isArray(value) && value.some(needsConversion)) return value.map(bindPostgresValue);
  return value;
}

function needsConversion(value: unknown): boolean {
  return isDate(value) || (Array.isArray(value) && value.some(needsConversion));
}
