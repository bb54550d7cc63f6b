/**
 * insertmanyvalues, as SQLAlchemy 2.0 runs an INSERT ... RETURNING with many
 * parameter sets: a driver's executemany cannot return rows, so the rows go in pages,
 * each one statement with a multi-row `VALUES (...), (...)`, its rows bound in order.
 * A page holds `dialect.insertmanyvaluesPageSize` rows (1000), fewer where the
 * database limits the parameters of one statement. Logged as SQLAlchemy logs it:
 *
 * ```
 * INSERT INTO t (x) VALUES (?), (?), (?) RETURNING id
 * [generated in 0.00016s (insertmanyvalues) 1/3 (unordered)] (1, 2, 3)
 * INSERT INTO t (x) VALUES (?), (?), (?) RETURNING id
 * [insertmanyvalues 2/3 (unordered)] (4, 5, 6)
 * ```
 *
 * When the rows must come back in parameter order (`sortByParameterOrder`, and every
 * ORM flush) and the database cannot promise that for a multi-row INSERT, each row is
 * its own statement, logged `(ordered; batch not supported)`; a dialect that can
 * order them implements `Dialect.sentinelOrderedBatch` (PostgreSQL's sentinel form).
 */
import type { StatementParams } from "../errors.js";
import type { Compiled } from "../sql/compiled.js";
import type { ClauseElement } from "../sql/element.js";
import { reprParams } from "../util/repr.js";
import type { Dialect } from "./dialect.js";
import type { DriverConnection, DriverExecuteOptions, DriverResult } from "./driver.js";
import type { EchoLogger } from "./logging.js";
import { cachedBatchSql } from "./batch-sql-cache.js";
import type { CachedStatement } from "./statement-cache.js";

/** A batch whose RETURNING rows a dialect can put back in parameter order. */
export interface OrderedBatch {
  /** The batch's SQL; it binds the same parameters, in the same order, as the plain multi-row VALUES. */
  readonly sql: string;
  /** The returned rows in parameter order, holding only the statement's own RETURNING columns. */
  order(rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[];
}

/** What insertmanyvalues needs of the Connection running it. */
export interface InsertmanyvaluesHost {
  readonly dialect: Dialect;
  readonly echo: EchoLogger;
  /** Runs one driver call, mapping its errors into core's hierarchy with this SQL and these parameters. */
  run<T>(sql: string, params: StatementParams, many: boolean, call: () => Promise<T>): Promise<T>;
  /** `[generated in 0.00016s]`, `[cached since 1.2s ago]`, ... for the statement's first log line. */
  cacheTag(entry: CachedStatement): string;
}

/** One statement of an insertmanyvalues run: its SQL, parameters and what it is called in the log. */
export interface InsertBatch {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly rows: number;
  readonly order: OrderedBatch["order"] | null;
}

/**
 * Runs an INSERT ... RETURNING once per batch of parameter sets and returns the rows
 * of every batch, in parameter order when the statement asked for it. `positional`
 * holds each set's values for the single-row statement, already converted.
 */
export async function runInsertmanyvalues(
  host: InsertmanyvaluesHost,
  driver: DriverConnection,
  statement: ClauseElement,
  entry: CachedStatement,
  columnKeys: readonly string[],
  positional: readonly (readonly unknown[])[],
  options?: DriverExecuteOptions,
): Promise<DriverResult> {
  const { batches, downgraded } = planBatches(host.dialect, statement, entry, columnKeys, positional);
  const ordered = entry.compiled.dml?.sortByParameterOrder ?? false;
  const echo = host.echo;
  const rows: (readonly unknown[])[] = [];
  let columns: readonly string[] | null = null;
  let rowcount = 0;
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i] as InsertBatch;
    if (echo.enabled) {
      const note = `${ordered ? "ordered" : "unordered"}${downgraded ? "; batch not supported" : ""}`;
      logBatch(host, entry, "insertmanyvalues", `${i + 1}/${batches.length} (${note})`, batch.sql, batch.params);
    }
    const result = await host.run(batch.sql, batch.params, false, () => driver.execute(batch.sql, batch.params, options));
    // An ordered batch may return its sentinel after the statement's own columns; `order` drops it from the rows.
    columns ??= batch.order === null || result.columns === null ? result.columns : result.columns.slice(0, entry.compiled.resultColumns?.length);
    const got = batch.order === null ? result.rows : batch.order(result.rows);
    for (const row of got) rows.push(row);
    rowcount += result.rowcount >= 0 ? result.rowcount : got.length;
  }
  return { columns, rows, rowcount };
}

/** Whether the dialect can insert several rows of this statement in one statement and keep the order asked for. */
function batchable(dialect: Dialect, compiled: Compiled, ordered: boolean): boolean {
  const caps = dialect.capabilities;
  if (caps.multiRowInsertReturning !== true || compiled.dml?.valuesRow == null) return false;
  // A multi-row statement repeats the row's placeholders; named ones would repeat their names.
  if (dialect.paramStyle === "named") return false;
  return !ordered || caps.sentinelOrdering === true;
}

/** How the parameter sets are inserted: pages of rows, or one row a statement ("downgraded"). */
export interface BatchPlan {
  readonly batches: readonly InsertBatch[];
  /** One row a statement because the database cannot batch these rows as asked. */
  readonly downgraded: boolean;
}

/** The statements that insert the parameter sets: pages of rows, or one row each. */
export function planBatches(
  dialect: Dialect,
  statement: ClauseElement,
  entry: CachedStatement,
  columnKeys: readonly string[],
  positional: readonly (readonly unknown[])[],
): BatchPlan {
  const compiled = entry.compiled;
  const ordered = compiled.dml?.sortByParameterOrder ?? false;
  const row = compiled.dml?.valuesRow;
  const oneEach = (): BatchPlan => ({
    batches: positional.map((params) => ({ sql: compiled.sql, params, rows: 1, order: null })),
    downgraded: true,
  });
  // An upsert's returned rows (skipped, or keys of updated rows) cannot be matched back to parameter sets.
  if (!batchable(dialect, compiled, ordered) || row == null || (ordered && compiled.dml?.upsert === true)) return oneEach();
  const perRow = row.end - row.start;
  const outside = compiled.placeholders.length - perRow;
  const size = pageSize(dialect, perRow, outside);
  const batches: InsertBatch[] = [];
  for (let first = 0; first < positional.length; first += size) {
    const sets = positional.slice(first, first + size);
    const head = sets[0] as readonly unknown[];
    const params = head.slice(0, row.start);
    for (const set of sets) for (let p = row.start; p < row.end; p++) params.push(set[p]);
    for (let p = row.end; p < head.length; p++) params.push(head[p]);
    if (ordered) {
      const sentinel = dialect.sentinelOrderedBatch(compiled, statement, sets.length);
      if (sentinel === null) return oneEach();
      batches.push({ sql: sentinel.sql, params, rows: sets.length, order: (rows) => sentinel.order(rows) });
    } else {
      batches.push({ sql: batchSql(dialect, statement, entry, columnKeys, sets.length), params, rows: sets.length, order: null });
    }
  }
  return { batches, downgraded: false };
}

/** Rows per page: the dialect's page size, shrunk so that no statement exceeds its parameter limit. */
export function pageSize(dialect: Dialect, perRow: number, outside: number): number {
  let size = Math.max(1, Math.floor(dialect.insertmanyvaluesPageSize));
  const limit = dialect.insertmanyvaluesMaxParameters;
  if (limit !== null && perRow > 0) size = Math.min(size, Math.floor((limit - outside) / perRow));
  return Math.max(1, size);
}

/** The statement with its VALUES row repeated `rows` times, compiled once per size and kept with the cached statement. */
function batchSql(
  dialect: Dialect,
  statement: ClauseElement,
  entry: CachedStatement,
  columnKeys: readonly string[],
  rows: number,
): string {
  if (rows === 1) return entry.compiled.sql;
  return cachedBatchSql(entry, "insertmanyvalues", rows, () => {
    const compiled = dialect.compile(statement, { columnKeys, forExecutemany: true, insertmanyvaluesRows: rows });
    const row = entry.compiled.dml?.valuesRow;
    const expected = entry.compiled.placeholders.length + (rows - 1) * (row === null || row === undefined ? 0 : row.end - row.start);
    if (compiled.placeholders.length !== expected) {
      throw new Error(`insertmanyvalues: a batch of ${rows} rows compiled to ${compiled.placeholders.length} placeholders, expected ${expected}`);
    }
    return compiled.sql;
  });
}

/**
 * The log lines of one statement of a batched executemany, as SQLAlchemy logs
 * insertmanyvalues: the SQL, then `[generated in 0.0001s (label) 1/3 ...] params` for
 * the first batch and `[label 2/3 ...] params` for the others.
 */
export function logBatch(
  host: InsertmanyvaluesHost,
  entry: CachedStatement,
  label: string,
  progress: string,
  sql: string,
  params: readonly unknown[],
): void {
  const first = progress.startsWith("1/");
  const stats = first ? `${host.cacheTag(entry).slice(1, -1)} (${label}) ${progress}` : `${label} ${progress}`;
  host.echo.info(longStatement(sql));
  host.echo.info(`[${stats}] ${reprParams(params, false)}`);
}

/**
 * A statement as SQLAlchemy's `_long_statement` logs it: past 500 characters, the
 * first 250 and the last 100 with the count of those left out between them.
 *
 * @example
 * longStatement("INSERT ... 2,000 characters ... RETURNING id");
 * // "INSERT ... ... 1650 characters truncated ... RETURNING id"
 */
export function longStatement(sql: string): string {
  if (sql.length <= 500) return sql;
  return `${sql.slice(0, 250)} ... ${sql.length - 350} characters truncated ... ${sql.slice(-100)}`;
}
