/**
 * What a dialect's driver adapter gives core: one open database connection.
 * Core's Pool holds these; Connection drives them. Every method is async, even on
 * SQLite, so that one API fits every database.
 */

/** One statement's outcome as the driver reports it, before core builds a Result. */
export interface DriverResult {
  /** Column names of the rows the statement returns, or null when it returns none. */
  readonly columns: readonly string[] | null;
  /**
   * The returned rows as arrays, in `columns` order; empty when `columns` is null or
   * the rows are `objectRows`. Core takes the arrays over (result processors write
   * their values into them, so that no row is copied): return fresh ones, never
   * arrays the driver keeps or reuses.
   */
  readonly rows: readonly (readonly unknown[])[];
  /**
   * Only when asked with `DriverExecuteOptions.objectRows`: the rows as the driver's
   * own objects instead of `rows`, column `i`'s value being the property `columns[i]`
   * (so every column name must be distinct, and none `__proto__`). Taken over like `rows`.
   */
  readonly objectRows?: readonly Readonly<Record<string, unknown>>[];
  /** Rows matched by an UPDATE/DELETE or inserted by an INSERT; -1 when unknown. */
  readonly rowcount: number;
  /** The last generated row id, where the driver reports one. */
  readonly lastInsertId?: number | bigint | null;
  /**
   * executeMany of an INSERT asked for `generatedIds`: the id generated for each
   * parameter set's row, in order (null where the driver cannot tell it).
   */
  readonly insertIds?: readonly (number | bigint | null)[];
}

/** How core asks a driver to run one statement, beyond its SQL and parameters. */
export interface DriverExecuteOptions {
  /**
   * The statement reads a BigInteger column: integers past 2^53 must come back exact,
   * as bigint. A driver that always reads 64-bit integers exactly ignores it.
   */
  readonly exactIntegers?: boolean;
  /**
   * Core reads the rows only through a Result: the driver may return them as its own
   * row objects (`DriverResult.objectRows`) where it builds those more cheaply than
   * arrays and the column names are distinct. A driver that cannot ignores it.
   */
  readonly objectRows?: boolean;
  /**
   * executeMany of an INSERT whose autoincrement key the parameter sets do not give:
   * report each row's generated id as `insertIds` (MySQL derives them from the insert
   * id of a multi-row INSERT where they are consecutive). A driver that cannot ignores it.
   */
  readonly generatedIds?: boolean;
  /**
   * The same SQL text runs again and again with other values (the full pages of a
   * batched UPDATE): a driver with server-side prepared statements may prepare it once
   * and bind the values in its binary protocol. A driver that cannot ignores it.
   */
  readonly prepare?: boolean;
}

/** How core asks a driver to stream one statement's rows. */
export interface DriverStreamOptions extends DriverExecuteOptions {
  /** Rows per batch (the cursor's fetch size). */
  readonly batchSize: number;
}

/**
 * The open cursor of a streamed statement. The connection runs nothing else until it
 * is exhausted or closed; core enforces that.
 */
export interface DriverRowStream {
  /** Column names of the rows, or null when the statement returns none. */
  readonly columns: readonly string[] | null;
  /** The next batch of rows (fresh arrays in `columns` order, taken over as DriverResult.rows are), or null once none remain. */
  nextBatch(): Promise<readonly (readonly unknown[])[] | null>;
  /** Releases the cursor (discarding unread rows) so the connection can run statements again. Idempotent. */
  close(): Promise<void>;
}

export interface DriverConnection {
  /** Runs one statement with positional parameters already in the dialect's form. */
  execute(sql: string, params: readonly unknown[], options?: DriverExecuteOptions): Promise<DriverResult>;
  /**
   * `execute` for a driver that completes synchronously (better-sqlite3): the same
   * result and errors, without the promise, so that a statement costs its caller no
   * extra await. Optional; Connection.execute prefers it for one parameter set.
   */
  executeSync?(sql: string, params: readonly unknown[], options?: DriverExecuteOptions): DriverResult;
  /** Runs one statement once per parameter set (executemany); rowcount is the sum. */
  executeMany(
    sql: string,
    paramSets: readonly (readonly unknown[])[],
    options?: DriverExecuteOptions,
  ): Promise<DriverResult>;
  /** Starts a transaction (the driver's BEGIN). */
  begin(): Promise<void>;
  commit(): Promise<void>;
  /** Rolls back the open transaction; a no-op when none is open (the pool resets with it). */
  rollback(): Promise<void>;
  /**
   * Runs a statement that returns rows and reads them in batches of about
   * `options.batchSize` (a server-side cursor, a row stream), so memory stays constant
   * however many rows there are. Optional: without it, `Connection.stream` reads the
   * whole result with `execute` and hands it out in batches.
   */
  stream?(sql: string, params: readonly unknown[], options: DriverStreamOptions): Promise<DriverRowStream>;
  /** Throws when the connection is no longer usable; used by the pool's pre-ping. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
