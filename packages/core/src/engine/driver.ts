/**
 * What a dialect's driver adapter gives core: one open database connection.
 * Core's Pool holds these; Connection drives them. Every method is async, even on
 * SQLite, so that one API fits every database.
 */

/** One statement's outcome as the driver reports it, before core builds a Result. */
export interface DriverResult {
  /** Column names of the rows the statement returns, or null when it returns none. */
  readonly columns: readonly string[] | null;
  /** The returned rows as arrays, in `columns` order; empty when `columns` is null. */
  readonly rows: readonly (readonly unknown[])[];
  /** Rows matched by an UPDATE/DELETE or inserted by an INSERT; -1 when unknown. */
  readonly rowcount: number;
  /** The last generated row id, where the driver reports one. */
  readonly lastInsertId?: number | bigint | null;
}

/** How core asks a driver to run one statement, beyond its SQL and parameters. */
export interface DriverExecuteOptions {
  /**
   * The statement reads a BigInteger column: integers past 2^53 must come back exact,
   * as bigint. A driver that always reads 64-bit integers exactly ignores it.
   */
  readonly exactIntegers?: boolean;
}

export interface DriverConnection {
  /** Runs one statement with positional parameters already in the dialect's form. */
  execute(sql: string, params: readonly unknown[], options?: DriverExecuteOptions): Promise<DriverResult>;
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
  /** Throws when the connection is no longer usable; used by the pool's pre-ping. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
