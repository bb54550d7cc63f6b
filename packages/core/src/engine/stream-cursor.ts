/**
 * The cursor behind a StreamingResult and its views: one batch of raw driver rows in
 * memory at a time, refilled from the driver's stream as rows are taken, so a result
 * of any size is read in constant memory.
 */
import { ArgumentError, ResourceClosedError } from "../errors.js";
import { checkOnlyRow, CLOSED_MESSAGE, NO_ROWS_MESSAGE } from "./result-fetching.js";
import type { DriverRowStream } from "./driver.js";

type RawRow = readonly unknown[];

const EMPTY: readonly RawRow[] = [];

/** Marks "no row" where null could be a real scalar value. */
export const NO_ROW: unique symbol = Symbol("alkahest.stream.noRow");
export type NoRow = typeof NO_ROW;

export class StreamCursor {
  private rows: readonly RawRow[] = EMPTY;
  private position = 0;
  private exhausted = false;
  private releasing: Promise<void> | null = null;
  /** Hard-closed (close(), first(), one(), a loop left early): fetching now throws, unlike merely exhausted. */
  closed = false;

  constructor(
    private readonly source: DriverRowStream,
    readonly returnsRows: boolean,
  ) {
    if (!returnsRows) this.exhausted = true;
  }

  get isExhausted(): boolean {
    return this.exhausted;
  }

  check(): void {
    if (!this.returnsRows) throw new ResourceClosedError(NO_ROWS_MESSAGE);
    if (this.closed) throw new ResourceClosedError(CLOSED_MESSAGE);
  }

  /** The next raw row, or undefined once none remain. */
  async next(): Promise<RawRow | undefined> {
    this.check();
    while (this.position >= this.rows.length) if (!(await this.fill())) return undefined;
    return this.rows[this.position++];
  }

  /** The next raw row when one is buffered, without a promise; undefined when the next must be fetched (next()). */
  nextBuffered(): RawRow | undefined {
    this.check();
    return this.position < this.rows.length ? this.rows[this.position++] : undefined;
  }

  /** Up to `limit` raw rows: what is buffered, refilled once when empty; empty once none remain. */
  async take(limit: number): Promise<readonly RawRow[]> {
    this.check();
    while (this.position >= this.rows.length) if (!(await this.fill())) return EMPTY;
    const start = this.position;
    const end = Math.min(this.rows.length, start + limit);
    this.position = end;
    return start === 0 && end === this.rows.length ? this.rows : this.rows.slice(start, end);
  }

  /** Discards the unread rows and releases the driver's cursor. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    this.rows = EMPTY;
    await this.release();
  }

  private async fill(): Promise<boolean> {
    if (this.exhausted) return false;
    let batch: readonly RawRow[] | null;
    try {
      batch = await this.source.nextBatch();
    } catch (error) {
      this.exhausted = true;
      this.rows = EMPTY;
      await this.release().catch(() => undefined);
      throw error;
    }
    if (batch === null) {
      this.exhausted = true;
      this.rows = EMPTY;
      await this.release();
      return false;
    }
    this.rows = batch;
    this.position = 0;
    return true;
  }

  private release(): Promise<void> {
    return (this.releasing ??= this.source.close());
  }
}

/** Fetching shared by StreamingResult and its scalar and mapping views: a cursor and a row converter. */
export class StreamFetcher<V> {
  constructor(
    readonly cursor: StreamCursor,
    readonly convert: (raw: RawRow) => V,
    /** Rows per partition when `partitions()` is given no size: the driver's batch size. */
    readonly batchSize: number,
  ) {}

  async next(): Promise<V | NoRow> {
    const raw = await this.cursor.next();
    return raw === undefined ? NO_ROW : this.convert(raw);
  }

  async many(size: number): Promise<V[]> {
    checkSize("fetchMany", size);
    const out: V[] = [];
    while (out.length < size) {
      const rows = await this.cursor.take(size - out.length);
      if (rows.length === 0) break;
      for (const raw of rows) out.push(this.convert(raw));
    }
    return out;
  }

  async all(): Promise<V[]> {
    const out: V[] = [];
    for (;;) {
      const rows = await this.cursor.take(Infinity);
      if (rows.length === 0) return out;
      for (const raw of rows) out.push(this.convert(raw));
    }
  }

  async first(): Promise<V | null> {
    try {
      const value = await this.next();
      return value === NO_ROW ? null : value;
    } finally {
      await this.cursor.close();
    }
  }

  /** SQLAlchemy's `_only_one_row`: takes one row, checks there is no second, then closes. */
  async only(raiseForNone: boolean): Promise<V | null> {
    let value: V | NoRow;
    let second: RawRow | undefined;
    try {
      value = await this.next();
      second = value === NO_ROW ? undefined : await this.cursor.next();
    } finally {
      await this.cursor.close();
    }
    checkOnlyRow(value !== NO_ROW, second !== undefined, raiseForNone);
    return value === NO_ROW ? null : value;
  }

  /** Every remaining row, one at a time; leaving the loop early (break, throw) closes the cursor. */
  async *iterate(): AsyncGenerator<V, void, undefined> {
    try {
      for (;;) {
        // A buffered row is converted at once: a promise only where a batch is fetched.
        const raw = this.cursor.nextBuffered() ?? (await this.cursor.next());
        if (raw === undefined) return;
        yield this.convert(raw);
      }
    } finally {
      if (!this.cursor.isExhausted) await this.cursor.close();
    }
  }

  /** The remaining rows in lists of `size` (the last may be shorter); leaving early closes the cursor. */
  async *partitions(size?: number): AsyncGenerator<V[], void, undefined> {
    if (size !== undefined) checkSize("partitions", size, 1);
    try {
      for (;;) {
        const part = await this.many(size ?? this.batchSize);
        if (part.length === 0) return;
        yield part;
      }
    } finally {
      if (!this.cursor.isExhausted) await this.cursor.close();
    }
  }
}

function checkSize(method: string, size: number, min = 0): void {
  if (!Number.isInteger(size) || size < min) {
    throw new ArgumentError(`${method}() size must be an integer >= ${min}, got ${String(size)}`);
  }
}
