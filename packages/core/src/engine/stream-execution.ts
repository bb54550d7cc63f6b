/**
 * How `Connection.stream()` runs a statement: compiled and bound as `execute` does
 * (the same statement cache, bind processors and echo lines), then read through the
 * driver's `stream` (a server-side cursor) into a StreamingResult.
 */
import { ArgumentError, InvalidRequestError, type StatementParams } from "../errors.js";
import type { Executable } from "../sql/element.js";
import { reprRow } from "../util/repr.js";
import type { Dialect } from "./dialect.js";
import type { DriverConnection, DriverRowStream, DriverStreamOptions } from "./driver.js";
import type { EchoLogger } from "./logging.js";
import type { ResultShape } from "./result-fetching.js";
import type { Row } from "./row.js";
import type { CachedStatement, StatementCache } from "./statement-cache.js";
import { StreamCursor } from "./stream-cursor.js";
import { StreamingResult } from "./streaming-result.js";

/** Options of `Connection.stream()`. */
export interface StreamOptions {
  /** Rows read from the database per round trip (SQLAlchemy's `yield_per`). Default 1000. */
  readonly batchSize?: number;
}

export const DEFAULT_STREAM_BATCH_SIZE = 1000;

/** What stream execution needs of its Connection. */
export interface StreamHost {
  readonly dialect: Dialect;
  readonly echo: EchoLogger;
  readonly statementCache: StatementCache;
  readonly convert: (value: unknown) => unknown;
  /** The driver connection, with the transaction begun. */
  driverInTransaction(): Promise<DriverConnection>;
  logStatement(sql: string, entry: CachedStatement, params: StatementParams, many: boolean): void;
  /** Runs one driver call, mapping its errors (a disconnect invalidates the connection). */
  run<T>(sql: string, params: StatementParams, call: () => Promise<T>): Promise<T>;
  /** Marks the connection busy with a stream; `release` closes it (a commit or rollback calls it first). */
  attach(release: () => Promise<void>): void;
  /** The stream `release` belongs to has closed: the connection may run statements again. */
  detach(release: () => Promise<void>): void;
}

/** Compiles, binds and opens a stream of one statement's rows. */
export async function openStream<R extends Row>(
  host: StreamHost,
  statement: Executable<Record<string, unknown>, unknown[]>,
  params: Readonly<Record<string, unknown>> | undefined,
  options: StreamOptions | undefined,
): Promise<StreamingResult<R>> {
  const batchSize = options?.batchSize ?? DEFAULT_STREAM_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ArgumentError(`stream() batchSize must be an integer >= 1, e.g. 1000; got ${String(batchSize)}`);
  }
  if (Array.isArray(params)) {
    throw new ArgumentError("stream() takes one set of parameters; a list of them (executemany) returns no rows to stream.");
  }
  if (statement.isDML) {
    throw new InvalidRequestError(
      "stream() reads the rows of a SELECT (or text()); run INSERT/UPDATE/DELETE with execute(), " +
        "whose RETURNING rows come back in one Result.",
    );
  }
  const entry = host.statementCache.lookup(host.dialect, statement);
  const compiled = entry.compiled;
  let sql = compiled.sql;
  let positional = compiled.positional(params, statement.bindParams, host.convert);
  if (compiled.expansion !== null) ({ sql, values: positional } = compiled.expand(positional));
  const driver = await host.driverInTransaction();
  host.logStatement(sql, entry, positional, false);
  const driverOptions: DriverStreamOptions = { batchSize, exactIntegers: compiled.exactIntegers };
  const opened = await host.run(sql, positional, () =>
    driver.stream === undefined
      ? bufferedStream(driver, sql, positional, driverOptions)
      : driver.stream(sql, positional, driverOptions),
  );
  const release = (): Promise<void> => cursor.close();
  const source = guarded(host, opened, sql, positional, () => host.detach(release));
  const columns = opened.columns;
  const cursor = new StreamCursor(source, columns !== null);
  host.attach(release);
  if (columns === null) {
    await cursor.close();
    return new StreamingResult<R>(cursor, null, batchSize);
  }
  const shape = entry.resultOptionsFor(columns).shape as ResultShape;
  if (host.echo.debugEnabled) host.echo.debug(`Col ${reprRow(columns)}`);
  return new StreamingResult<R>(cursor, shape, batchSize);
}

/** The driver's stream with its errors mapped, rows logged at debug level, and the connection freed on close. */
function guarded(
  host: StreamHost,
  stream: DriverRowStream,
  sql: string,
  params: StatementParams,
  onClosed: () => void,
): DriverRowStream {
  const echo = host.echo;
  return {
    columns: stream.columns,
    nextBatch: async () => {
      const batch = await host.run(sql, params, () => stream.nextBatch());
      if (batch !== null && echo.debugEnabled) for (const row of batch) echo.debug(`Row ${reprRow(row)}`);
      return batch;
    },
    close: async () => {
      try {
        await host.run(sql, params, () => stream.close());
      } finally {
        onClosed();
      }
    },
  };
}

/** For a driver without `stream`: the whole result read at once, handed out in batches. */
async function bufferedStream(
  driver: DriverConnection,
  sql: string,
  params: readonly unknown[],
  options: DriverStreamOptions,
): Promise<DriverRowStream> {
  const result = await driver.execute(sql, params, options);
  let rows: readonly (readonly unknown[])[] | null = result.columns === null ? null : result.rows;
  let position = 0;
  return {
    columns: result.columns,
    nextBatch: async () => {
      if (rows === null || position >= rows.length) return null;
      const batch = rows.slice(position, position + options.batchSize);
      position += batch.length;
      return batch;
    },
    close: async () => {
      rows = null;
    },
  };
}
