/**
 * Results of a statement, SQLAlchemy's `CursorResult`, with its `ScalarResult` and
 * `MappingResult` views (scalar-result.ts, mapping-result.ts).
 *
 * A result is consumed once, like a database cursor: every fetching method, every
 * iteration and every view (`scalars()`, `mappings()`, `columns()`) advances the one
 * cursor (result-fetching.ts), so rows already taken are not seen again. Rows are built
 * lazily, only as they are fetched.
 */
import type { DriverResult } from "./driver.js";
import { ArgumentError, InvalidRequestError, ResourceClosedError } from "../errors.js";
import { mappingResultOf, type MappingResult } from "./mapping-result.js";
import {
  Cursor,
  Fetcher,
  firstRow,
  INSPECT,
  NO_ROW,
  NO_ROWS_MESSAGE,
  normaliseProcessors,
  onlyRow,
  rawKey,
  resolveKey,
  rowConverter,
  type RawRow,
  type ResultProcessor,
  type ResultShape,
  type Shape,
} from "./result-fetching.js";
import { rowClass, type Row, type RowConstructor } from "./row.js";
import { scalarResultOf, type ScalarResult } from "./scalar-result.js";

export { MappingResult } from "./mapping-result.js";
export {
  checkOnlyRow,
  CLOSED_MESSAGE,
  NO_ROWS_MESSAGE,
  resolveKey,
  ResultShape,
  type ResultProcessor,
} from "./result-fetching.js";
export { ScalarResult } from "./scalar-result.js";

export interface ResultOptions {
  /**
   * The class to build rows with, from {@link rowClass}; its `fields` become the
   * result's keys and match the driver's columns by position. Default: a class for
   * the driver's column names. (Over `objectRows`, a class with the same fields
   * reading the driver's row objects is used.)
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
  #cursor: Cursor;
  /** Builds this result's rows from the cursor's raw rows. */
  #convert: (raw: RawRow) => R;
  /** Made on the first fetch that needs one: first()/one(), the usual single-row reads, read the cursor directly. */
  #fetcher: Fetcher<R> | null;
  #insertedPrimaryKeyRows: (() => readonly Row[]) | undefined;

  constructor(driverResult: DriverResult, options?: ResultOptions) {
    this.#driver = driverResult;
    this.#insertedPrimaryKeyRows = options?.insertedPrimaryKeyRows;
    const columns = driverResult.columns;
    const cursor = new Cursor(driverResult, columns !== null);
    this.#cursor = cursor;
    this.#fetcher = null;
    if (columns === null) {
      this.#shape = null;
      this.#convert = throwNoRows;
      return;
    }
    const prepared = options?.shape;
    // Row objects need a class reading them (rowKeys), arrays one without.
    const rowKeys = driverResult.objectRows === undefined ? null : columns;
    const fits = prepared !== undefined && prepared.shape.keys.length === columns.length;
    if (fits && (rowKeys === null) === (prepared.shape.rowKeys === null)) {
      cursor.ownsRows = true;
      this.#shape = prepared.shape;
      this.#convert = prepared.convert as (raw: RawRow) => R;
      return;
    }
    const given = fits ? prepared.shape.rowClass : options?.rowClass;
    const keys = given === undefined ? columns : given.fields;
    if (keys.length !== columns.length) {
      throw new ArgumentError(`The row class has ${keys.length} fields but the statement returned ${columns.length} columns`);
    }
    const cls = given !== undefined && given.rowKeys === rowKeys ? given : rowClass(keys, rowKeys ?? undefined);
    this.#shape = {
      keys,
      sources: null,
      processors: normaliseProcessors(fits ? prepared.shape.processors : options?.processors, columns.length),
      rowKeys,
      rowClass: cls,
    };
    this.#convert = rowConverter(this.#shape) as (raw: RawRow) => R;
  }

  get #rows(): Fetcher<R> {
    return (this.#fetcher ??= new Fetcher(this.#cursor, this.#convert));
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
    return this.#cursor.closed;
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
    return firstRow(this.#cursor, this.#convert);
  }

  /** Exactly one row; throws NoResultFound or MultipleResultsFound otherwise. Closes the result. */
  one(): R {
    return onlyRow(this.#cursor, this.#convert, true) as R;
  }

  /** One row or null; throws MultipleResultsFound when there are more. Closes the result. */
  oneOrNone(): R | null {
    return onlyRow(this.#cursor, this.#convert, false);
  }

  /** The first column of the first row, or null when there is no row. Closes the result. */
  scalar(): TupleElement<RowTuple<R>, 0> | null {
    return firstRow(this.#cursor, this.#scalarConverter(0)) as TupleElement<RowTuple<R>, 0> | null;
  }

  /** The first column of exactly one row; throws like {@link Result.one}. */
  scalarOne(): TupleElement<RowTuple<R>, 0> {
    return onlyRow(this.#cursor, this.#scalarConverter(0), true) as TupleElement<RowTuple<R>, 0>;
  }

  /** The first column of one row, or null when there is none; throws like {@link Result.oneOrNone}. */
  scalarOneOrNone(): TupleElement<RowTuple<R>, 0> | null {
    return onlyRow(this.#cursor, this.#scalarConverter(0), false) as TupleElement<RowTuple<R>, 0> | null;
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
    return scalarResultOf(this.#scalarFetcher(key));
  }

  /**
   * A view of the remaining rows as `row._mapping` objects, column name to value.
   *
   * @example
   * result.mappings().all(); // [{ x: 1, y: 1 }, { x: 2, y: 4 }]
   */
  mappings(): MappingResult<RowMapping<R>> {
    const toRow = this.#convert;
    const fetcher = new Fetcher(this.#cursor, (raw) => toRow(raw)._mapping as Readonly<RowMapping<R>>);
    return mappingResultOf(fetcher, this.#shape === null ? null : this.#shape.keys);
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
      rowKeys: shape.rowKeys,
      rowClass: rowClass(positions.map((p) => shape.keys[p] as string)),
    };
    child.#shape = childShape;
    child.#cursor = this.#cursor;
    child.#convert = rowConverter(childShape) as (raw: RawRow) => never;
    child.#fetcher = null;
    return child;
  }

  /** Closes the result: the remaining rows are discarded and further fetches throw. */
  close(): void {
    this.#cursor.close();
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
    return new Fetcher(this.#cursor, this.#scalarConverter(key) as (raw: RawRow) => never);
  }

  /** How one column's value is read from a raw row (scalar(), scalars()). */
  #scalarConverter(key: number | string): (raw: RawRow) => unknown {
    const shape = this.#shape;
    // A statement without rows fails on fetch, like SQLAlchemy, not when the view is made.
    if (shape === null) return throwNoRows;
    const position = resolveKey(shape.keys, key);
    const source = shape.sources === null ? position : (shape.sources[position] as number);
    const processor = shape.processors?.[source] ?? null;
    const at = rawKey(shape, source);
    // The usual scalar(): no closure made per call.
    if (at === 0 && processor === null) return firstValue;
    const value = (raw: RawRow): unknown => (raw as Record<number | string, unknown>)[at];
    return processor === null ? value : (raw: RawRow) => processor(value(raw));
  }
}

/** The row builder of a result without rows: any fetch fails, like SQLAlchemy, not the execute. */
function throwNoRows(): never {
  throw new ResourceClosedError(NO_ROWS_MESSAGE);
}

/** Column 0 of a values array: scalar()'s usual reader, shared. */
function firstValue(raw: RawRow): unknown {
  return (raw as readonly unknown[])[0];
}
