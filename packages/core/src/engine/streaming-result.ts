/**
 * Streamed results, SQLAlchemy's `AsyncResult` of `Connection.stream()`: rows are read
 * from a server-side cursor in batches as they are consumed, so memory stays constant
 * however many rows the statement returns. Rows are built exactly as a Result builds
 * them (the same ResultShape of the cached statement).
 */
import { ResourceClosedError } from "../errors.js";
import { NO_ROWS_MESSAGE, resolveKey, type ResultShape } from "./result-fetching.js";
import type { RowMapping, RowTuple, TupleElement } from "./result.js";
import type { Row } from "./row.js";
import { NO_ROW, StreamFetcher, type StreamCursor } from "./stream-cursor.js";


/**
 * The rows of `conn.stream(stmt)`, read in batches while you consume them. Consumed
 * once, with `for await`, `partitions(n)`, `fetchMany(n)` or the views `scalars()` and
 * `mappings()`, which share the one cursor. The server-side cursor is released when
 * the rows run out, when a loop over them ends early (`break`, a throw), on `close()`,
 * and when the connection's transaction ends. Until then the connection runs nothing
 * else.
 *
 * @example
 * const result = await conn.stream(select(userTable.c.id, userTable.c.name));
 * for await (const row of result) console.log(row.id, row.name);
 *
 * for await (const ids of (await conn.stream(select(userTable.c.id))).scalars().partitions(500)) {
 *   await process(ids); // number[] of up to 500
 * }
 */
export class StreamingResult<R extends Row = Row> implements AsyncIterable<R>, AsyncDisposable {
  readonly #shape: ResultShape | null;
  readonly #rows: StreamFetcher<R>;

  /** @internal Built by Connection.stream. */
  constructor(cursor: StreamCursor, shape: ResultShape | null, batchSize: number) {
    this.#shape = shape;
    const convert =
      shape === null
        ? () => {
            throw new ResourceClosedError(NO_ROWS_MESSAGE);
          }
        : (shape.convert as (raw: readonly unknown[]) => R);
    this.#rows = new StreamFetcher(cursor, convert, batchSize);
  }

  /** True when the statement returns rows. */
  get returnsRows(): boolean {
    return this.#shape !== null;
  }

  /** True once closed by `close()`, an early exit from a loop, or a method that closes (`first()`, `one()`, ...). */
  get closed(): boolean {
    return this.#rows.cursor.closed;
  }

  /** The column names of the rows, in order. */
  keys(): string[] {
    return this.#shape === null ? [] : this.#shape.shape.keys.slice();
  }

  /** The next row, or null when none remain. */
  async fetchOne(): Promise<R | null> {
    const row = await this.#rows.next();
    return row === NO_ROW ? null : row;
  }

  /** Up to `size` further rows (default 1); empty when none remain. */
  fetchMany(size = 1): Promise<R[]> {
    return this.#rows.many(size);
  }

  /** Every remaining row, in memory at once: for a large result, iterate instead. */
  all(): Promise<R[]> {
    return this.#rows.all();
  }

  /** The first row, or null; closes the result (and the cursor), discarding the rest. */
  first(): Promise<R | null> {
    return this.#rows.first();
  }

  /** Exactly one row; throws NoResultFound or MultipleResultsFound otherwise. Closes the result. */
  async one(): Promise<R> {
    return (await this.#rows.only(true)) as R;
  }

  /** One row or null; throws MultipleResultsFound when there are more. Closes the result. */
  oneOrNone(): Promise<R | null> {
    return this.#rows.only(false);
  }

  /** The first column of the first row, or null when there is none. Closes the result. */
  scalar(): Promise<TupleElement<RowTuple<R>, 0> | null> {
    return this.#scalarFetcher(0).first();
  }

  /**
   * The remaining rows in lists of `size` rows (default: the batch size the stream
   * reads with); the last list may be shorter.
   *
   * @example
   * for await (const rows of result.partitions(100)) await handle(rows);
   */
  partitions(size?: number): AsyncGenerator<R[], void, undefined> {
    return this.#rows.partitions(size);
  }

  /**
   * A streaming view of one column (the first by default), as plain values.
   *
   * @example
   * for await (const id of (await conn.stream(select(t.c.id))).scalars()) total += id;
   */
  scalars(): StreamingView<TupleElement<RowTuple<R>, 0>>;
  scalars<I extends number>(index: I): StreamingView<TupleElement<RowTuple<R>, I>>;
  scalars<K extends keyof RowMapping<R> & string>(name: K): StreamingView<RowMapping<R>[K]>;
  scalars(key: number | string = 0): StreamingView<unknown> {
    return new StreamingView(this.#scalarFetcher(key));
  }

  /** A streaming view of the remaining rows as `row._mapping` objects, column name to value. */
  mappings(): StreamingView<Readonly<RowMapping<R>>> {
    const toRow = this.#rows.convert;
    const { cursor, batchSize } = this.#rows;
    return new StreamingView(new StreamFetcher(cursor, (raw) => toRow(raw)._mapping as Readonly<RowMapping<R>>, batchSize));
  }

  /** Discards the remaining rows and releases the server-side cursor. */
  close(): Promise<void> {
    return this.#rows.cursor.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Iterates the remaining rows; leaving the loop early releases the cursor. */
  [Symbol.asyncIterator](): AsyncGenerator<R, void, undefined> {
    return this.#rows.iterate();
  }

  toString(): string {
    if (this.#shape === null) return "<StreamingResult returnsRows=false>";
    return `<StreamingResult keys=[${this.#shape.shape.keys.join(", ")}]${this.closed ? " closed" : ""}>`;
  }

  #scalarFetcher(key: number | string): StreamFetcher<never> {
    const { cursor, batchSize } = this.#rows;
    const shape = this.#shape?.shape;
    if (shape === undefined) {
      return new StreamFetcher<never>(cursor, () => {
        throw new ResourceClosedError(NO_ROWS_MESSAGE);
      }, batchSize);
    }
    const position = resolveKey(shape.keys, key);
    const source = shape.sources === null ? position : (shape.sources[position] as number);
    const processor = shape.processors?.[source] ?? null;
    const convert =
      processor === null ? (raw: readonly unknown[]) => raw[source] : (raw: readonly unknown[]) => processor(raw[source]);
    return new StreamFetcher(cursor, convert as (raw: readonly unknown[]) => never, batchSize);
  }
}

/**
 * One column's values (`scalars()`) or the rows' mappings (`mappings()`) of a
 * StreamingResult; shares its cursor.
 *
 * @example
 * const names: string[] = await (await conn.stream(select(t.c.name))).scalars().all();
 */
export class StreamingView<T> implements AsyncIterable<T>, AsyncDisposable {
  readonly #values: StreamFetcher<T>;

  /** @internal */
  constructor(values: StreamFetcher<T>) {
    this.#values = values;
  }

  get closed(): boolean {
    return this.#values.cursor.closed;
  }

  fetchMany(size = 1): Promise<T[]> {
    return this.#values.many(size);
  }

  all(): Promise<T[]> {
    return this.#values.all();
  }

  first(): Promise<T | null> {
    return this.#values.first();
  }

  async one(): Promise<T> {
    return (await this.#values.only(true)) as T;
  }

  oneOrNone(): Promise<T | null> {
    return this.#values.only(false);
  }

  partitions(size?: number): AsyncGenerator<T[], void, undefined> {
    return this.#values.partitions(size);
  }

  close(): Promise<void> {
    return this.#values.cursor.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    return this.#values.iterate();
  }
}
