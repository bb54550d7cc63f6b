/**
 * How a result reads its rows: the one cursor over the driver's rows that a Result and
 * every view taken from it share, the fetcher that turns raw rows into values, and the
 * row converters prepared once per statement (ResultShape).
 */
import type { DriverResult } from "./driver.js";
import { ArgumentError, InvalidRequestError, MultipleResultsFound, NoResultFound, ResourceClosedError } from "../errors.js";
import type { Row, RowConstructor, RowObject } from "./row.js";

/** Converts one raw driver value into its JavaScript value (e.g. SQLite 0/1 to boolean). */
export type ResultProcessor = (value: unknown) => unknown;

export const NO_ROWS_MESSAGE = "This result object does not return rows. It has been closed automatically.";
export const CLOSED_MESSAGE = "This result object is closed.";
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");
export const EMPTY: readonly (readonly unknown[])[] = [];

/** A row as the driver built it: a values array, or a row object (DriverResult.objectRows). */
export type RawRow = readonly unknown[] | RowObject;

/** Marks "no row" where null could be a real scalar value. */
export const NO_ROW: unique symbol = Symbol("alkahest.result.noRow");
export type NoRow = typeof NO_ROW;

/** The one cursor shared by a result and every view taken from it. */
export class Cursor {
  rows: readonly RawRow[];
  position = 0;
  readonly total: number;
  /** Hard-closed (close(), first(), one(), ...): fetching now throws, unlike merely exhausted. */
  closed = false;
  /** The rows came straight from a driver and are core's to keep (see ResultShape): all() may reuse their array. */
  ownsRows = false;

  constructor(
    driver: DriverResult,
    readonly returnsRows: boolean,
  ) {
    this.rows = returnsRows ? (driver.objectRows ?? driver.rows) : EMPTY;
    this.total = this.rows.length;
  }

  check(): void {
    if (!this.returnsRows) throw new ResourceClosedError(NO_ROWS_MESSAGE);
    if (this.closed) throw new ResourceClosedError(CLOSED_MESSAGE);
  }

  next(): RawRow | undefined {
    this.check();
    const position = this.position;
    if (position >= this.total) return undefined;
    this.position = position + 1;
    const raw = this.rows[position];
    if (position + 1 === this.total) this.release();
    return raw;
  }

  /** Takes up to `limit` raw rows and advances past them. */
  take(limit: number): readonly RawRow[] {
    this.check();
    const start = this.position;
    const end = Math.min(this.total, start + limit);
    if (start >= end) return EMPTY;
    const rows = start === 0 && end === this.total ? this.rows : this.rows.slice(start, end);
    this.position = end;
    if (end === this.total) this.release();
    return rows;
  }

  close(): void {
    this.closed = true;
    this.release();
  }

  /** Drops the driver's rows once consumed, so a held result does not pin them in memory. */
  private release(): void {
    this.rows = EMPTY;
  }
}

/** Fetching logic shared by Result, ScalarResult and MappingResult: a cursor and a row converter. */
export class Fetcher<V> {
  constructor(
    readonly cursor: Cursor,
    readonly convert: (raw: RawRow) => V,
  ) {}

  next(): V | NoRow {
    const raw = this.cursor.next();
    return raw === undefined ? NO_ROW : this.convert(raw);
  }

  many(size: number): V[] {
    if (!Number.isInteger(size) || size < 0) {
      throw new ArgumentError(`fetchMany() size must be a non-negative integer, got ${String(size)}`);
    }
    return this.build(this.cursor.take(size));
  }

  all(): V[] {
    const cursor = this.cursor;
    const unread = cursor.ownsRows && cursor.position === 0 ? cursor.rows : null;
    const rows = cursor.take(Infinity);
    // All of a driver's own array, which the cursor now lets go of: converted in place,
    // so a large result does not allocate a second array of its length.
    if (rows !== unread || rows.length === 0 || Object.isFrozen(rows)) return this.build(rows);
    const out = rows as unknown as V[];
    const convert = this.convert;
    for (let i = 0; i < out.length; i++) out[i] = convert(rows[i] as RawRow);
    return out;
  }

  private build(rows: readonly RawRow[]): V[] {
    const convert = this.convert;
    const n = rows.length;
    const out = new Array<V>(n);
    for (let i = 0; i < n; i++) out[i] = convert(rows[i] as RawRow);
    return out;
  }

  first(): V | null {
    return firstRow(this.cursor, this.convert);
  }

  /** SQLAlchemy's `_only_one_row`: takes one row, checks there is no second, then closes. */
  only(raiseForNone: boolean): V | null {
    return onlyRow(this.cursor, this.convert, raiseForNone);
  }

  iterate(): IterableIterator<V> {
    return new RowIterator(this);
  }

  async *iterateAsync(): AsyncGenerator<V, void, undefined> {
    for (;;) {
      const value = this.next();
      if (value === NO_ROW) return;
      yield value;
    }
  }

  describe(name: string, keys: readonly string[] | null): string {
    const cursor = this.cursor;
    if (!cursor.returnsRows) return `<${name} returnsRows=false>`;
    const keyText = keys === null ? "" : ` keys=[${keys.join(", ")}]`;
    return `<${name}${keyText} rows=${cursor.total} consumed=${cursor.position}${cursor.closed ? " closed" : ""}>`;
  }
}

/**
 * The first row, or null, then closes the cursor: Fetcher.first() without a Fetcher,
 * for a Result's own rows (one execution, one row: no fetcher object made).
 */
export function firstRow<V>(cursor: Cursor, convert: (raw: RawRow) => V): V | null {
  let raw: RawRow | undefined;
  try {
    raw = cursor.next();
    return raw === undefined ? null : convert(raw);
  } finally {
    // Closed even when a processor throws, as SQLAlchemy hard-closes on any error here.
    cursor.close();
  }
}

/** SQLAlchemy's `_only_one_row` over a cursor: takes one row, checks there is no second, then closes. */
export function onlyRow<V>(cursor: Cursor, convert: (raw: RawRow) => V, raiseForNone: boolean): V | null {
  let value: V | NoRow;
  let second: RawRow | undefined;
  try {
    const raw = cursor.next();
    value = raw === undefined ? NO_ROW : convert(raw);
    second = value === NO_ROW ? undefined : cursor.next();
  } finally {
    cursor.close();
  }
  checkOnlyRow(value !== NO_ROW, second !== undefined, raiseForNone);
  return value === NO_ROW ? null : value;
}

/**
 * SQLAlchemy's `one()` / `oneOrNone()` verdict once up to two rows were read: throws
 * when there is no row (and one is required) or a second one.
 */
export function checkOnlyRow(found: boolean, hasSecond: boolean, raiseForNone: boolean): void {
  if (!found) {
    if (raiseForNone) throw new NoResultFound("No row was found when one was required");
    return;
  }
  if (hasSecond) {
    throw new MultipleResultsFound(
      raiseForNone
        ? "Multiple rows were found when exactly one was required"
        : "Multiple rows were found when one or none was required",
    );
  }
}

/** A plain iterator rather than a generator: iteration is a hot path and this is cheaper. */
class RowIterator<V> implements IterableIterator<V> {
  constructor(private readonly fetcher: Fetcher<V>) {}

  next(): IteratorResult<V, undefined> {
    const value = this.fetcher.next();
    return value === NO_ROW ? { done: true, value: undefined } : { done: false, value };
  }

  [Symbol.iterator](): IterableIterator<V> {
    return this;
  }
}

/** How a result turns raw driver rows into rows: its columns within the driver's. */
export interface Shape {
  readonly keys: readonly string[];
  /** The driver column each key reads, or null for all of them in order. */
  readonly sources: readonly number[] | null;
  /** Per driver column; null when no column converts. */
  readonly processors: readonly (ResultProcessor | null)[] | null;
  /** Null when the driver's rows are arrays; else they are objects and this is each driver column's property. */
  readonly rowKeys: readonly string[] | null;
  readonly rowClass: RowConstructor;
}

/** Where driver column `column` is in a raw row of this shape: an index, or a row object's property. */
export function rawKey(shape: Shape, column: number): number | string {
  return shape.rowKeys === null ? column : (shape.rowKeys[column] as string);
}

/**
 * How a shape turns one raw row into a Row. `inPlace`: the raw arrays are the
 * converter's to keep (a driver's fresh arrays, see ResultShape), so processed values
 * are written back into them rather than into a copy, and every row is just a wrapper.
 */
export function rowConverter(shape: Shape, inPlace = false): (raw: RawRow) => Row {
  const Cls = shape.rowClass;
  const { sources, processors, rowKeys } = shape;
  if (sources === null) {
    if (processors === null) return (raw) => new Cls(raw);
    // Only the converting columns are visited; the rest are left as the driver made them.
    const converting: number[] = [];
    const fns: ResultProcessor[] = [];
    processors.forEach((p, i) => {
      if (p !== null) {
        converting.push(i);
        fns.push(p);
      }
    });
    const m = converting.length;
    if (rowKeys !== null) {
      const props = converting.map((i) => rowKeys[i] as string);
      return (raw) => {
        const values = (inPlace ? raw : { ...raw }) as Record<string, unknown>;
        for (let k = 0; k < m; k++) {
          const prop = props[k] as string;
          values[prop] = (fns[k] as ResultProcessor)(values[prop]);
        }
        return new Cls(values);
      };
    }
    return (raw) => {
      // slice() copies the values natively when the driver's array must stay as it was.
      const values = inPlace ? (raw as unknown[]) : (raw as readonly unknown[]).slice();
      for (let k = 0; k < m; k++) {
        const i = converting[k] as number;
        values[i] = (fns[k] as ResultProcessor)(values[i]);
      }
      return new Cls(values);
    };
  }
  const n = sources.length;
  const at = sources.map((i) => rawKey(shape, i));
  return (raw) => {
    const values = new Array<unknown>(n);
    for (let j = 0; j < n; j++) {
      const p = processors?.[sources[j] as number];
      const value = (raw as Record<number | string, unknown>)[at[j] as number | string];
      values[j] = p ? p(value) : value;
    }
    return new Cls(values);
  };
}

/**
 * How rows of one statement are built, prepared once (per compiled statement) and
 * shared by every Result of it, so that an execution allocates no converter.
 *
 * Only for rows straight from a DriverConnection, whose arrays are core's to keep
 * (see DriverResult.rows): result processors write their values into those arrays,
 * so a row costs one small wrapper object whether or not a column converts.
 */
export class ResultShape {
  /** @internal */
  readonly shape: Shape;
  /** @internal */
  readonly convert: (raw: RawRow) => Row;

  /** `rowClass` with `rowKeys` for a driver's row objects (DriverResult.objectRows), without for its arrays. */
  constructor(rowClass: RowConstructor, processors: readonly (ResultProcessor | null)[] | null) {
    this.shape = {
      keys: rowClass.fields,
      sources: null,
      processors: normaliseProcessors(processors, rowClass.fields.length),
      rowKeys: rowClass.rowKeys,
      rowClass,
    };
    this.convert = rowConverter(this.shape, true);
  }
}

export function normaliseProcessors(
  processors: readonly (ResultProcessor | null)[] | null | undefined,
  width: number,
): readonly (ResultProcessor | null)[] | null {
  if (processors == null) return null;
  if (processors.length !== width) {
    throw new ArgumentError(`Expected ${width} result processors, one per column, got ${processors.length}`);
  }
  // All-null is the same as none, and lets rows wrap the driver's arrays untouched.
  return processors.some((p) => p !== null) ? processors : null;
}

/** The position in `keys` a column key names, with SQLAlchemy's ambiguity and missing-key errors. */
export function resolveKey(keys: readonly string[], key: number | string): number {
  if (typeof key === "number") {
    if (!Number.isInteger(key) || key < 0 || key >= keys.length) {
      throw new ArgumentError(`Column index ${key} is out of range for a result with ${keys.length} columns`);
    }
    return key;
  }
  const index = keys.indexOf(key);
  if (index === -1) throw new InvalidRequestError(`Could not locate column in row for column '${key}'`);
  if (keys.indexOf(key, index + 1) !== -1) {
    throw new InvalidRequestError(`Ambiguous column name '${key}' in result set; use an index or label the columns`);
  }
  return index;
}
