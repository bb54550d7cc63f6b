/**
 * Results of a statement, SQLAlchemy's `CursorResult` with its `ScalarResult` and
 * `MappingResult` views.
 *
 * A result is consumed once, like a database cursor: every fetching method, every
 * iteration and every view (`scalars()`, `mappings()`, `columns()`) advances the one
 * cursor, so rows already taken are not seen again. Rows are built lazily, only as
 * they are fetched.
 */
import type { DriverResult } from "./driver.js";
import { ArgumentError, InvalidRequestError, MultipleResultsFound, NoResultFound, ResourceClosedError } from "../errors.js";
import { rowClass, type Row, type RowConstructor } from "./row.js";

/** Converts one raw driver value into its JavaScript value (e.g. SQLite 0/1 to boolean). */
export type ResultProcessor = (value: unknown) => unknown;

export interface ResultOptions {
  /**
   * The class to build rows with, from {@link rowClass}; its `fields` become the
   * result's keys and match the driver's columns by position. Default: a class for
   * the driver's column names.
   */
  rowClass?: RowConstructor | undefined;
  /** One per column, null for no conversion; null or omitted when none apply. */
  processors?: readonly (ResultProcessor | null)[] | null | undefined;
  /** Row class and processors prepared once for a compiled statement; wins over the two above. */
  shape?: ResultShape | undefined;
  /**
   * An INSERT's primary keys, one row per parameter set, built on first use; it throws
   * where they cannot be asked for (an INSERT with RETURNING). Omitted for other statements.
   */
  insertedPrimaryKeyRows?: (() => readonly Row[]) | undefined;
}

/** The value tuple type of a row type. */
export type RowTuple<R> = R extends { _tuple(): infer T extends readonly unknown[] } ? T : unknown[];

/** The column name → value type of a row type. */
export type RowMapping<R> = R extends { _asdict(): infer M extends Record<string, unknown> } ? M : Record<string, unknown>;

/** Element `I` of tuple `T`; an out-of-range index gives `unknown`. */
export type TupleElement<T extends readonly unknown[], I extends number> = I extends keyof T ? T[I] : unknown;

/** What `columns()` and `scalars()` accept: a column position or a column name. */
export type ColumnKey<R> = number | (keyof RowMapping<R> & string);

/** The value tuple of `columns(...keys)`. */
export type SelectedTuple<
  T extends readonly unknown[],
  M extends Record<string, unknown>,
  K extends readonly unknown[],
> = K extends readonly [infer Head, ...infer Rest]
  ? [Head extends number ? TupleElement<T, Head> : Head extends keyof M ? M[Head] : unknown, ...SelectedTuple<T, M, Rest>]
  : K extends readonly []
    ? []
    : unknown[];

/** The mapping type of `columns(...keys)`; positions carry no name, so only named keys appear. */
export type SelectedMapping<M extends Record<string, unknown>, K extends readonly unknown[]> = string extends keyof M
  ? Record<string, unknown>
  : { [N in K[number] & keyof M & string]: M[N] };

export const NO_ROWS_MESSAGE = "This result object does not return rows. It has been closed automatically.";
export const CLOSED_MESSAGE = "This result object is closed.";
const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const EMPTY: readonly (readonly unknown[])[] = [];

/** Marks "no row" where null could be a real scalar value. */
const NO_ROW: unique symbol = Symbol("alkahest.result.noRow");
type NoRow = typeof NO_ROW;

/** The one cursor shared by a result and every view taken from it. */
class Cursor {
  rows: readonly (readonly unknown[])[];
  position = 0;
  readonly total: number;
  /** Hard-closed (close(), first(), one(), ...): fetching now throws, unlike merely exhausted. */
  closed = false;

  constructor(
    driver: DriverResult,
    readonly returnsRows: boolean,
  ) {
    this.rows = returnsRows ? driver.rows : EMPTY;
    this.total = this.rows.length;
  }

  check(): void {
    if (!this.returnsRows) throw new ResourceClosedError(NO_ROWS_MESSAGE);
    if (this.closed) throw new ResourceClosedError(CLOSED_MESSAGE);
  }

  next(): readonly unknown[] | undefined {
    this.check();
    const position = this.position;
    if (position >= this.total) return undefined;
    this.position = position + 1;
    const raw = this.rows[position];
    if (position + 1 === this.total) this.release();
    return raw;
  }

  /** Takes up to `limit` raw rows and advances past them. */
  take(limit: number): readonly (readonly unknown[])[] {
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
class Fetcher<V> {
  constructor(
    readonly cursor: Cursor,
    readonly convert: (raw: readonly unknown[]) => V,
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
    return this.build(this.cursor.take(Infinity));
  }

  private build(rows: readonly (readonly unknown[])[]): V[] {
    const convert = this.convert;
    const n = rows.length;
    const out = new Array<V>(n);
    for (let i = 0; i < n; i++) out[i] = convert(rows[i] as readonly unknown[]);
    return out;
  }

  first(): V | null {
    let value: V | NoRow;
    try {
      value = this.next();
    } finally {
      // Closed even when a processor throws, as SQLAlchemy hard-closes on any error here.
      this.cursor.close();
    }
    return value === NO_ROW ? null : value;
  }

  /** SQLAlchemy's `_only_one_row`: takes one row, checks there is no second, then closes. */
  only(raiseForNone: boolean): V | null {
    let value: V | NoRow;
    let second: readonly unknown[] | undefined;
    try {
      value = this.next();
      second = value === NO_ROW ? undefined : this.cursor.next();
    } finally {
      this.cursor.close();
    }
    checkOnlyRow(value !== NO_ROW, second !== undefined, raiseForNone);
    return value === NO_ROW ? null : value;
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

/** How a result turns raw driver arrays into rows: its columns within the driver's. */
interface Shape {
  readonly keys: readonly string[];
  /** The driver column each key reads, or null for all of them in order. */
  readonly sources: readonly number[] | null;
  /** Per driver column; null when no column converts. */
  readonly processors: readonly (ResultProcessor | null)[] | null;
  readonly rowClass: RowConstructor;
}

function rowConverter(shape: Shape): (raw: readonly unknown[]) => Row {
  const Cls = shape.rowClass;
  const { sources, processors } = shape;
  if (sources === null) {
    if (processors === null) return (raw) => new Cls(raw);
    // Only the converting columns are visited; slice() copies the rest natively.
    const at: number[] = [];
    const fns: ResultProcessor[] = [];
    processors.forEach((p, i) => {
      if (p !== null) {
        at.push(i);
        fns.push(p);
      }
    });
    const m = at.length;
    return (raw) => {
      const values = raw.slice();
      for (let k = 0; k < m; k++) {
        const i = at[k] as number;
        values[i] = (fns[k] as ResultProcessor)(values[i]);
      }
      return new Cls(values);
    };
  }
  const n = sources.length;
  return (raw) => {
    const values = new Array<unknown>(n);
    for (let j = 0; j < n; j++) {
      const i = sources[j] as number;
      const p = processors?.[i];
      values[j] = p ? p(raw[i]) : raw[i];
    }
    return new Cls(values);
  };
}

/**
 * How rows of one statement are built, prepared once (per compiled statement) and
 * shared by every Result of it, so that an execution allocates no converter.
 */
export class ResultShape {
  /** @internal */
  readonly shape: Shape;
  /** @internal */
  readonly convert: (raw: readonly unknown[]) => Row;

  constructor(rowClass: RowConstructor, processors: readonly (ResultProcessor | null)[] | null) {
    this.shape = {
      keys: rowClass.fields,
      sources: null,
      processors: normaliseProcessors(processors, rowClass.fields.length),
      rowClass,
    };
    this.convert = rowConverter(this.shape);
  }
}

function normaliseProcessors(
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

let makeScalarResult: <T>(fetcher: Fetcher<T>) => ScalarResult<T>;
let makeMappingResult: <M extends Record<string, unknown>>(
  fetcher: Fetcher<Readonly<M>>,
  keys: readonly string[] | null,
) => MappingResult<M>;

/**
 * The outcome of one statement: its rows, fetched once and in order, plus
 * `rowcount` and `lastInsertId`. Built by Connection from what the driver returns.
 *
 * Consumed once: a second `for` loop, or `mappings()` after iterating, sees no rows.
 * `first()`, `one()`, `oneOrNone()` and the `scalar*()` methods close the result;
 * fetching after that throws ResourceClosedError. A statement that returns no rows
 * (an INSERT without RETURNING) throws ResourceClosedError on any fetch, but keeps
 * `rowcount` and `lastInsertId`.
 *
 * @example
 * const result = await conn.execute(text("SELECT x, y FROM some_table"));
 * for (const row of result) console.log(`x: ${row.x}  y: ${row.y}`);
 *
 * (await conn.execute(stmt)).scalars().all();  // the first column of every row
 * (await conn.execute(stmt)).mappings().one(); // { x: 1, y: 1 }
 */
export class Result<R extends Row = Row> implements Iterable<R>, AsyncIterable<R> {
  #driver: DriverResult;
  #shape: Shape | null;
  #rows: Fetcher<R>;
  #insertedPrimaryKeyRows: (() => readonly Row[]) | undefined;

  constructor(driverResult: DriverResult, options?: ResultOptions) {
    this.#driver = driverResult;
    this.#insertedPrimaryKeyRows = options?.insertedPrimaryKeyRows;
    const columns = driverResult.columns;
    const cursor = new Cursor(driverResult, columns !== null);
    if (columns === null) {
      this.#shape = null;
      this.#rows = new Fetcher<R>(cursor, () => {
        throw new ResourceClosedError(NO_ROWS_MESSAGE);
      });
      return;
    }
    const prepared = options?.shape;
    if (prepared !== undefined && prepared.shape.keys.length === columns.length) {
      this.#shape = prepared.shape;
      this.#rows = new Fetcher(cursor, prepared.convert as (raw: readonly unknown[]) => R);
      return;
    }
    const cls = options?.rowClass ?? rowClass(columns);
    if (cls.fields.length !== columns.length) {
      throw new ArgumentError(
        `The row class has ${cls.fields.length} fields but the statement returned ${columns.length} columns`,
      );
    }
    this.#shape = {
      keys: cls.fields,
      sources: null,
      processors: normaliseProcessors(options?.processors, columns.length),
      rowClass: cls,
    };
    this.#rows = new Fetcher(cursor, rowConverter(this.#shape) as (raw: readonly unknown[]) => R);
  }

  /** True when the statement returns rows (a SELECT, or DML with RETURNING). */
  get returnsRows(): boolean {
    return this.#shape !== null;
  }

  /** Rows an UPDATE/DELETE matched or an INSERT inserted, as the driver reports; -1 when unknown. */
  get rowcount(): number {
    return this.#driver.rowcount;
  }

  /** The last generated row id, where the driver reports one; null otherwise. */
  get lastInsertId(): number | bigint | null {
    return this.#driver.lastInsertId ?? null;
  }

  /**
   * The primary key of each row an `insert()` inserted, one row per parameter set
   * (SQLAlchemy's `inserted_primary_key_rows`): values given in the statement or the
   * parameters, else generated ones as the database reports them. A key the database
   * generated is null where it cannot be known (executemany without RETURNING).
   *
   * @example
   * const result = await conn.execute(insert(userTable).values({ name: "spongebob" }));
   * `[${result.insertedPrimaryKeyRows}]`; // "[(1,)]"
   */
  get insertedPrimaryKeyRows(): Row[] {
    const rows = this.#insertedPrimaryKeyRows;
    if (rows === undefined) throw new InvalidRequestError("Statement is not an insert() expression construct.");
    return rows().slice();
  }

  /**
   * The primary key of the one row an `insert()` inserted, as a row (`(1,)`, named
   * access `.id`); null when no single parameter set tells it (a multi-row VALUES).
   */
  get insertedPrimaryKey(): Row | null {
    const rows = this.insertedPrimaryKeyRows;
    if (rows.length > 1) {
      throw new InvalidRequestError(
        `This statement was an executemany call (${rows.length} parameter sets); use insertedPrimaryKeyRows for their keys.`,
      );
    }
    return rows[0] ?? null;
  }

  /** True once closed by `close()` or a method that closes (`first()`, `one()`, `scalar()`, ...). */
  get closed(): boolean {
    return this.#rows.cursor.closed;
  }

  /** The column names of the rows, in order; empty for a statement that returns no rows. */
  keys(): string[] {
    return this.#shape === null ? [] : this.#shape.keys.slice();
  }

  /** Every remaining row. */
  all(): R[] {
    return this.#rows.all();
  }

  /** Every remaining row; the DB-API name for {@link Result.all}. */
  fetchAll(): R[] {
    return this.#rows.all();
  }

  /** The next row, or null when none remain. Does not close the result. */
  fetchOne(): R | null {
    const row = this.#rows.next();
    return row === NO_ROW ? null : row;
  }

  /** Up to `size` further rows (default 1, the DB-API's arraysize); empty when none remain. */
  fetchMany(size = 1): R[] {
    return this.#rows.many(size);
  }

  /** The first row, or null when there is none; closes the result, discarding the rest. */
  first(): R | null {
    return this.#rows.first();
  }

  /** Exactly one row; throws NoResultFound or MultipleResultsFound otherwise. Closes the result. */
  one(): R {
    return this.#rows.only(true) as R;
  }

  /** One row or null; throws MultipleResultsFound when there are more. Closes the result. */
  oneOrNone(): R | null {
    return this.#rows.only(false);
  }

  /** The first column of the first row, or null when there is no row. Closes the result. */
  scalar(): TupleElement<RowTuple<R>, 0> | null {
    return this.#scalarFetcher(0).first();
  }

  /** The first column of exactly one row; throws like {@link Result.one}. */
  scalarOne(): TupleElement<RowTuple<R>, 0> {
    return this.#scalarFetcher(0).only(true) as TupleElement<RowTuple<R>, 0>;
  }

  /** The first column of one row, or null when there is none; throws like {@link Result.oneOrNone}. */
  scalarOneOrNone(): TupleElement<RowTuple<R>, 0> | null {
    return this.#scalarFetcher(0).only(false);
  }

  /**
   * A view of one column (the first by default) of the remaining rows, as plain values.
   *
   * @example
   * result.scalars().all();       // [1, 2, 3]
   * result.scalars("name").all(); // ["a", "b", "c"]
   */
  scalars(): ScalarResult<TupleElement<RowTuple<R>, 0>>;
  scalars<I extends number>(index: I): ScalarResult<TupleElement<RowTuple<R>, I>>;
  scalars<K extends keyof RowMapping<R> & string>(name: K): ScalarResult<RowMapping<R>[K]>;
  scalars(key: number | string = 0): ScalarResult<unknown> {
    return makeScalarResult(this.#scalarFetcher(key));
  }

  /**
   * A view of the remaining rows as `row._mapping` objects, column name to value.
   *
   * @example
   * result.mappings().all(); // [{ x: 1, y: 1 }, { x: 2, y: 4 }]
   */
  mappings(): MappingResult<RowMapping<R>> {
    const toRow = this.#rows.convert;
    const fetcher = new Fetcher(this.#rows.cursor, (raw) => toRow(raw)._mapping as Readonly<RowMapping<R>>);
    return makeMappingResult(fetcher, this.#shape === null ? null : this.#shape.keys);
  }

  /**
   * A result over the same cursor whose rows hold only the given columns, by
   * position or name, in the order given.
   *
   * @example
   * result.columns("y", "x").all(); // rows (y, x)
   */
  columns<const K extends readonly ColumnKey<R>[]>(
    ...keys: K
  ): Result<Row<SelectedTuple<RowTuple<R>, RowMapping<R>, K>, SelectedMapping<RowMapping<R>, K>>> {
    const shape = this.#shape;
    if (shape === null) throw new ResourceClosedError(NO_ROWS_MESSAGE);
    if (keys.length === 0) throw new ArgumentError("columns() needs at least one column");
    const positions = keys.map((key) => resolveKey(shape.keys, key));
    const sources = positions.map((p) => (shape.sources === null ? p : (shape.sources[p] as number)));
    const child = new Result<Row<SelectedTuple<RowTuple<R>, RowMapping<R>, K>, SelectedMapping<RowMapping<R>, K>>>(
      this.#driver,
    );
    const childShape: Shape = {
      keys: positions.map((p) => shape.keys[p] as string),
      sources,
      processors: shape.processors,
      rowClass: rowClass(positions.map((p) => shape.keys[p] as string)),
    };
    child.#shape = childShape;
    child.#rows = new Fetcher(this.#rows.cursor, rowConverter(childShape) as (raw: readonly unknown[]) => never);
    return child;
  }

  /** Closes the result: the remaining rows are discarded and further fetches throw. */
  close(): void {
    this.#rows.cursor.close();
  }

  /** Iterates the remaining rows, advancing the cursor. */
  [Symbol.iterator](): IterableIterator<R> {
    return this.#rows.iterate();
  }

  /** Iterates the remaining rows, advancing the cursor; for `for await` over any result. */
  [Symbol.asyncIterator](): AsyncIterableIterator<R> {
    return this.#rows.iterateAsync();
  }

  /** `<Result keys=[x, y] rows=4 consumed=1>`, or `<Result returnsRows=false rowcount=3>`. */
  toString(): string {
    if (this.#shape === null) return `<Result returnsRows=false rowcount=${this.rowcount}>`;
    return this.#rows.describe("Result", this.#shape.keys);
  }

  [INSPECT](): string {
    return this.toString();
  }

  #scalarFetcher(key: number | string): Fetcher<never> {
    const shape = this.#shape;
    const cursor = this.#rows.cursor;
    // A statement without rows fails on fetch, like SQLAlchemy, not when the view is made.
    if (shape === null) {
      return new Fetcher<never>(cursor, () => {
        throw new ResourceClosedError(NO_ROWS_MESSAGE);
      });
    }
    const position = resolveKey(shape.keys, key);
    const source = shape.sources === null ? position : (shape.sources[position] as number);
    const processor = shape.processors?.[source] ?? null;
    const convert =
      processor === null ? (raw: readonly unknown[]) => raw[source] : (raw: readonly unknown[]) => processor(raw[source]);
    return new Fetcher(cursor, convert as (raw: readonly unknown[]) => never);
  }
}

/**
 * The values of one column of a result, from {@link Result.scalars}. Shares the
 * result's cursor. There is no `fetchOne()`: null could be a value or the end.
 *
 * @example
 * const ids: number[] = result.scalars().all();
 */
export class ScalarResult<T> implements Iterable<T>, AsyncIterable<T> {
  #values!: Fetcher<T>;

  private constructor() {}

  static {
    makeScalarResult = <V>(fetcher: Fetcher<V>): ScalarResult<V> => {
      const result = new ScalarResult<V>();
      result.#values = fetcher;
      return result;
    };
  }

  get closed(): boolean {
    return this.#values.cursor.closed;
  }

  all(): T[] {
    return this.#values.all();
  }

  fetchAll(): T[] {
    return this.#values.all();
  }

  fetchMany(size = 1): T[] {
    return this.#values.many(size);
  }

  /** The first value, or null when there is no row; closes the result. */
  first(): T | null {
    return this.#values.first();
  }

  one(): T {
    return this.#values.only(true) as T;
  }

  oneOrNone(): T | null {
    return this.#values.only(false);
  }

  close(): void {
    this.#values.cursor.close();
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.#values.iterate();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this.#values.iterateAsync();
  }

  toString(): string {
    return this.#values.describe("ScalarResult", null);
  }

  [INSPECT](): string {
    return this.toString();
  }
}

/**
 * The rows of a result as read-only plain objects (`row._mapping`), from
 * {@link Result.mappings}. Shares the result's cursor.
 *
 * @example
 * for (const { x, y } of result.mappings()) console.log(x, y);
 */
export class MappingResult<M extends Record<string, unknown> = Record<string, unknown>>
  implements Iterable<Readonly<M>>, AsyncIterable<Readonly<M>>
{
  #mappings!: Fetcher<Readonly<M>>;
  #keys: readonly string[] | null = null;

  private constructor() {}

  static {
    makeMappingResult = <N extends Record<string, unknown>>(
      fetcher: Fetcher<Readonly<N>>,
      keys: readonly string[] | null,
    ): MappingResult<N> => {
      const result = new MappingResult<N>();
      result.#mappings = fetcher;
      result.#keys = keys;
      return result;
    };
  }

  get closed(): boolean {
    return this.#mappings.cursor.closed;
  }

  keys(): string[] {
    return this.#keys === null ? [] : this.#keys.slice();
  }

  all(): Readonly<M>[] {
    return this.#mappings.all();
  }

  fetchAll(): Readonly<M>[] {
    return this.#mappings.all();
  }

  fetchOne(): Readonly<M> | null {
    const mapping = this.#mappings.next();
    return mapping === NO_ROW ? null : mapping;
  }

  fetchMany(size = 1): Readonly<M>[] {
    return this.#mappings.many(size);
  }

  first(): Readonly<M> | null {
    return this.#mappings.first();
  }

  one(): Readonly<M> {
    return this.#mappings.only(true) as Readonly<M>;
  }

  oneOrNone(): Readonly<M> | null {
    return this.#mappings.only(false);
  }

  close(): void {
    this.#mappings.cursor.close();
  }

  [Symbol.iterator](): IterableIterator<Readonly<M>> {
    return this.#mappings.iterate();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Readonly<M>> {
    return this.#mappings.iterateAsync();
  }

  toString(): string {
    return this.#mappings.describe("MappingResult", this.#keys);
  }

  [INSPECT](): string {
    return this.toString();
  }
}
