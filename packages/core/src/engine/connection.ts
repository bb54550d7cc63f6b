import { AlkahestError, InvalidRequestError, ResourceClosedError, type StatementParams } from "../errors.js";
import type { SchemaDDLRequest } from "../sql/ddl/schema-ddl-request.js";
import type { Executable } from "../sql/element.js";
import { runSchemaDDL as runSchemaDDLOn, validateSchemaDDL } from "./ddl-runner.js";
import { reflectMetadata } from "./reflection/reflect-metadata.js";
import type { ReflectionRequest } from "../sql/schema/reflect-request.js";
import type { Dialect } from "./dialect.js";
import { executeDML, type DMLHost } from "./dml-execution.js";
import type { DriverConnection, DriverExecuteOptions, DriverResult } from "./driver.js";
import type { EchoLogger } from "./logging.js";
import type { PooledConnection } from "./pool.js";
import { Result } from "./result.js";
import { rowClass, type Row } from "./row.js";
import { SavepointStack } from "./savepoint-stack.js";
import type { CachedStatement, StatementCache } from "./statement-cache.js";
import { cacheTag, logControl, logRawStatement, logRows, logSavepointStatement, logStatement } from "./statement-logging.js";
import { NestedTransaction, Transaction, type TransactionHost } from "./transaction.js";
import { openStream, type StreamHost, type StreamOptions } from "./stream-execution.js";
import type { StreamingResult } from "./streaming-result.js";

/** Statements reading a BigInteger column ask the driver for exact integers. */
const EXACT_INTEGERS: DriverExecuteOptions = Object.freeze({ exactIntegers: true });
/** What execute() asks of one statement's rows, which only its Result reads (see DriverExecuteOptions.objectRows). */
const OBJECT_ROWS: DriverExecuteOptions = Object.freeze({ objectRows: true });
const EXACT_OBJECT_ROWS: DriverExecuteOptions = Object.freeze({ exactIntegers: true, objectRows: true });

/** Named parameters for one execution. */
export type Params = Readonly<Record<string, unknown>>;

/** What a Connection needs from its Engine. */
export interface ConnectionContext {
  readonly dialect: Dialect;
  readonly echo: EchoLogger;
  readonly statementCache: StatementCache;
  checkout(): Promise<PooledConnection>;
}

/** Rows of a statement: tuple-like, with named access typed from the statement. */
export type RowOf<M extends Record<string, unknown>, T extends unknown[] = unknown[]> = Row<T, M>;

/**
 * One database connection checked out of the engine's pool, SQLAlchemy 2.0 style:
 * the first execute begins a transaction (logged `BEGIN (implicit)`), nothing is
 * committed unless you call `commit()`, and closing rolls back what is uncommitted.
 *
 * @example
 * await using conn = await engine.connect();
 * await conn.execute(text("INSERT INTO t (x) VALUES (:x)"), [{ x: 1 }, { x: 2 }]);
 * await conn.commit();
 */
export class Connection implements TransactionHost {
  private pooled: PooledConnection | null;
  private transaction: Transaction | null = null;
  private readonly savepoints = new SavepointStack();
  private dmlHost: DMLHost | null = null;
  /** Closes the stream this connection is reading, while one is open (see stream()). */
  private streamRelease: (() => Promise<void>) | null = null;
  private closed = false;
  readonly dialect: Dialect;
  private readonly convert: (value: unknown) => unknown;

  constructor(
    private readonly context: ConnectionContext,
    pooled: PooledConnection,
  ) {
    this.pooled = pooled;
    this.dialect = context.dialect;
    const dialect = context.dialect;
    this.convert = (value) => dialect.bindValue(value);
  }

  /** True once `close()` ran; every further use throws ResourceClosedError. */
  get isClosed(): boolean {
    return this.closed;
  }

  inTransaction(): boolean {
    return this.transaction !== null;
  }

  /**
   * Runs a statement once with named parameters, or once per parameter set when
   * given a list (executemany).
   */
  async execute<M extends Record<string, unknown>, T extends unknown[]>(
    statement: Executable<M, T>,
    params?: Params | readonly Params[],
  ): Promise<Result<RowOf<M, T>>> {
    if (this.streamRelease !== null) throwStreaming();
    // The hot path: no await where nothing is pending (a held connection, an open transaction).
    const driver = this.pooled?.driver ?? (await this.activeDriver());
    const many = isParamList(params) && params.length > 0;
    const first = many ? params[0] : isParamList(params) ? undefined : params;
    // DML takes the columns it sets from the parameter names (no parameters: none).
    const columnKeys = statement.isDML ? (first === undefined ? [] : Object.keys(first).sort()) : undefined;
    const forExecutemany = many && params.length > 1;
    const entry = this.context.statementCache.lookup(this.dialect, statement, columnKeys, forExecutemany);
    const compiled = entry.compiled;
    if (compiled.dml !== null) {
      const host = (this.dmlHost ??= this.createDMLHost());
      return executeDML(host, driver, statement, entry, params, columnKeys ?? []) as Promise<Result<RowOf<M, T>>>;
    }
    const binds = statement.bindParams;
    const convert = this.convert;
    let driverResult: DriverResult;
    // IN lists (expanding parameters) make the SQL depend on their lengths: expanded here, after the cache lookup.
    let sql = compiled.sql;
    if (many) {
      let sets = params.map((p) => compiled.positional(p, binds, convert));
      if (compiled.expansion !== null) ({ sql, sets } = compiled.expandMany(sets));
      if (this.transaction === null) await this.beginRoot(driver);
      logStatement(this.context.echo, sql, entry, sets, true);
      const options = compiled.exactIntegers ? EXACT_INTEGERS : undefined;
      try {
        driverResult = await driver.executeMany(sql, sets, options);
      } catch (error) {
        throw await this.driverError(error, sql, sets, true);
      }
    } else {
      let positional = compiled.positional(first, binds, convert);
      if (compiled.expansion !== null) ({ sql, values: positional } = compiled.expand(positional));
      if (this.transaction === null) await this.beginRoot(driver);
      logStatement(this.context.echo, sql, entry, positional, false);
      const options = compiled.exactIntegers ? EXACT_OBJECT_ROWS : OBJECT_ROWS;
      try {
        // A synchronous driver's result is used at once: one await less per statement.
        driverResult =
          driver.executeSync !== undefined
            ? driver.executeSync(sql, positional, options)
            : await driver.execute(sql, positional, options);
      } catch (error) {
        throw await this.driverError(error, sql, positional, false);
      }
    }
    return this.buildResult(driverResult, entry);
  }

  /**
   * Runs SQL as the driver takes it (its own placeholders, positional parameters),
   * bypassing compilation and the statement cache; logged `[raw sql]`.
   */
  async execDriverSql(sql: string, params: StatementParams = []): Promise<Result<RowOf<Record<string, unknown>>>> {
    if (this.streamRelease !== null) throwStreaming();
    const driver = await this.activeDriver();
    await this.autobegin(driver);
    const many = params.length > 0 && params.every(Array.isArray);
    logRawStatement(this.context.echo, sql, params, many);
    const driverResult = await this.run(sql, params, many, () =>
      many
        ? driver.executeMany(sql, params as readonly (readonly unknown[])[])
        : driver.execute(sql, params as readonly unknown[]),
    );
    return this.buildResult(driverResult, null);
  }

  /**
   * Runs a SELECT and reads its rows in batches through a server-side cursor, so a
   * result of any size is read in constant memory (SQLAlchemy's `Connection.stream()`,
   * `stream_results=True`). Logged as execute logs. Until the stream is exhausted or
   * closed (a loop left early, `close()`, the transaction's commit or rollback) the
   * connection runs nothing else; use a second connection for other work meanwhile.
   *
   * @example
   * const result = await conn.stream(select(userTable.c.id), undefined, { batchSize: 500 });
   * for await (const row of result) console.log(row.id);
   */
  async stream<M extends Record<string, unknown>, T extends unknown[]>(
    statement: Executable<M, T>,
    params?: Params,
    options?: StreamOptions,
  ): Promise<StreamingResult<RowOf<M, T>>> {
    if (this.streamRelease !== null) throwStreaming();
    return openStream<RowOf<M, T>>(this.createStreamHost(), statement, params, options);
  }

  /**
   * Begins the transaction explicitly. With a callback: commits when it resolves,
   * rolls back when it throws (and rethrows).
   */
  begin(): Promise<Transaction>;
  begin<T>(callback: (conn: this) => Promise<T>): Promise<T>;
  async begin<T>(callback?: (conn: this) => Promise<T>): Promise<Transaction | T> {
    if (this.streamRelease !== null) throwStreaming();
    const driver = await this.activeDriver();
    if (this.transaction !== null) {
      throw new InvalidRequestError(
        "This connection has already begun a transaction (autobegin happens on the first execute). " +
          "Call commit() or rollback() first, or use beginNested() for a SAVEPOINT.",
      );
    }
    const tx = await this.beginRoot(driver);
    return callback === undefined ? tx : runInTransaction(tx, () => callback(this));
  }

  /**
   * Begins a SAVEPOINT, beginning the outer transaction first if none is open.
   * With a callback: releases it when the callback resolves, rolls back to it when
   * it throws (and rethrows); the outer transaction goes on either way.
   */
  beginNested(): Promise<NestedTransaction>;
  beginNested<T>(callback: (conn: this) => Promise<T>): Promise<T>;
  async beginNested<T>(callback?: (conn: this) => Promise<T>): Promise<NestedTransaction | T> {
    if (this.streamRelease !== null) throwStreaming();
    const driver = await this.activeDriver();
    await this.autobegin(driver);
    const savepoint = new NestedTransaction(this, this.savepoints.nextName());
    await this.runControl(driver, this.dialect.savepointSql(savepoint.name));
    this.savepoints.push(savepoint);
    return callback === undefined ? savepoint : runInTransaction(savepoint, () => callback(this));
  }

  /**
   * Where `metadata.createAll(conn)` / `dropAll(conn)` run: in this connection's
   * transaction (begun if none is open); nothing is committed until you commit.
   */
  async runSchemaDDL(request: SchemaDDLRequest): Promise<void> {
    validateSchemaDDL(request);
    await runSchemaDDLOn(this, request);
  }

  /** Runs `metadata.reflect(conn)` in this connection's transaction. */
  async runReflection(request: ReflectionRequest): Promise<void> {
    await reflectMetadata(this, request);
  }

  /** Commits the transaction, if one is open (savepoints inside it are released). */
  async commit(): Promise<void> {
    if (this.transaction !== null) await this.commitRoot(this.transaction);
    else this.assertOpen();
  }

  /** Rolls back the transaction, if one is open. */
  async rollback(): Promise<void> {
    if (this.transaction !== null) await this.rollbackRoot(this.transaction);
    else this.assertOpen();
  }

  /** Rolls back what is uncommitted and returns the connection to the pool. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.transaction !== null) await this.rollbackRoot(this.transaction);
    } finally {
      this.closed = true;
      const pooled = this.pooled;
      this.pooled = null;
      await pooled?.release();
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /**
   * Discards the underlying database connection (after it broke). The transaction
   * is gone with it; the next use checks out a fresh connection from the pool.
   */
  async invalidate(): Promise<void> {
    const pooled = this.pooled;
    this.pooled = null;
    // An open stream dies with the connection: nothing to close on the server.
    this.streamRelease = null;
    this.endTransaction();
    await pooled?.invalidate();
  }

  // TransactionHost: the handles from begin() / beginNested() call back into these.

  async commitRoot(tx: Transaction): Promise<void> {
    // An open server-side cursor ends with its transaction (and blocks the COMMIT until closed).
    if (this.streamRelease !== null) await this.streamRelease();
    const driver = await this.activeDriver();
    logControl(this.context.echo, "COMMIT");
    try {
      await this.run("COMMIT", undefined, false, () => driver.commit());
    } finally {
      if (this.transaction === tx) this.endTransaction();
    }
  }

  async rollbackRoot(tx: Transaction): Promise<void> {
    if (this.pooled === null) {
      // The connection was invalidated: the database already dropped the transaction.
      if (this.transaction === tx) this.endTransaction();
      return;
    }
    // Errors closing it are the connection's: a dead one is invalidated, and the rollback below is moot.
    if (this.streamRelease !== null) await this.streamRelease().catch(() => undefined);
    const driver = this.pooled?.driver;
    if (driver === undefined) {
      // Closing the stream found the connection dead and invalidated it.
      if (this.transaction === tx) this.endTransaction();
      return;
    }
    logControl(this.context.echo, "ROLLBACK");
    try {
      await this.run("ROLLBACK", undefined, false, () => driver.rollback());
    } finally {
      if (this.transaction === tx) this.endTransaction();
    }
  }

  async releaseSavepoint(savepoint: NestedTransaction): Promise<void> {
    const driver = await this.activeDriver();
    this.savepoints.end(savepoint);
    await this.runControl(driver, this.dialect.releaseSavepointSql(savepoint.name));
  }

  async rollbackToSavepoint(savepoint: NestedTransaction): Promise<void> {
    const driver = await this.activeDriver();
    this.savepoints.end(savepoint);
    await this.runControl(driver, this.dialect.rollbackToSavepointSql(savepoint.name));
  }

  private endTransaction(): void {
    if (this.transaction !== null) this.transaction.isActive = false;
    this.transaction = null;
    this.savepoints.clear();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new ResourceClosedError("This Connection is closed. Open a new one with engine.connect().");
    }
  }

  /** The driver connection, checking out a fresh one after an invalidation. */
  private async activeDriver(): Promise<DriverConnection> {
    if (this.pooled !== null) return this.pooled.driver;
    this.assertOpen();
    this.pooled = await this.context.checkout();
    return this.pooled.driver;
  }

  private async autobegin(driver: DriverConnection): Promise<void> {
    if (this.transaction === null) await this.beginRoot(driver);
  }

  private async beginRoot(driver: DriverConnection): Promise<Transaction> {
    logControl(this.context.echo, "BEGIN (implicit)");
    await this.run("BEGIN", undefined, false, () => driver.begin());
    return (this.transaction = new Transaction(this));
  }

  /** Runs savepoint statements: logged as SQLAlchemy logs them, uncached. */
  private async runControl(driver: DriverConnection, sql: string): Promise<void> {
    logSavepointStatement(this.context.echo, sql);
    await this.run(sql, [], false, () => driver.execute(sql, []));
  }

  /** Runs one driver call, mapping its errors into core's hierarchy. */
  private async run<T>(
    sql: string,
    params: StatementParams | undefined,
    many: boolean,
    call: () => Promise<T>,
  ): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw await this.driverError(error, sql, params, many);
    }
  }

  /** A driver's error mapped into core's hierarchy; a disconnect invalidates the connection. */
  private async driverError(
    error: unknown,
    sql: string,
    params: StatementParams | undefined,
    many: boolean,
  ): Promise<unknown> {
    if (error instanceof AlkahestError) return error;
    const mapped = this.dialect.mapError(error, { sql, params, many, cause: error });
    if (mapped.connectionInvalidated) await this.invalidate();
    return mapped;
  }

  /** What stream execution (stream-execution.ts) needs of this connection. */
  private createStreamHost(): StreamHost {
    const context = this.context;
    return {
      dialect: this.dialect,
      echo: context.echo,
      statementCache: context.statementCache,
      convert: this.convert,
      driverInTransaction: async () => {
        const driver = await this.activeDriver();
        await this.autobegin(driver);
        return driver;
      },
      logStatement: (sql, entry, params, many) => logStatement(context.echo, sql, entry, params, many),
      run: (sql, params, call) => this.run(sql, params, false, call),
      attach: (release) => {
        this.streamRelease = release;
      },
      detach: (release) => {
        if (this.streamRelease === release) this.streamRelease = null;
      },
    };
  }

  /** What DML execution (dml-execution.ts) needs of this connection. */
  private createDMLHost(): DMLHost {
    const echo = this.context.echo;
    return {
      dialect: this.dialect,
      echo,
      convert: this.convert,
      autobegin: async () => this.autobegin(await this.activeDriver()),
      run: (sql, params, many, call) => this.run(sql, params, many, call),
      cacheTag,
      logStatement: (sql, entry, params, many) => logStatement(echo, sql, entry, params, many),
      buildResult: (result, entry, keys) => this.buildResult(result, entry, keys),
    };
  }

  private buildResult<R extends Row>(
    driverResult: DriverResult,
    entry: CachedStatement | null,
    insertedPrimaryKeyRows?: () => readonly Row[],
  ): Result<R> {
    const columns = driverResult.columns;
    if (columns === null) return new Result<R>(driverResult, { insertedPrimaryKeyRows });
    if (entry === null) return new Result<R>(driverResult, { rowClass: rowClass(columns) });
    const objects = driverResult.objectRows;
    const options = entry.resultOptionsFor(columns, objects !== undefined);
    const echo = this.context.echo;
    if (echo.debugEnabled) {
      logRows(echo, columns, objects === undefined ? driverResult.rows : objects.map((o) => columns.map((c) => o[c])));
    }
    return new Result<R>(driverResult, insertedPrimaryKeyRows === undefined ? options : { ...options, insertedPrimaryKeyRows });
  }
}

function throwStreaming(): never {
  throw new InvalidRequestError(
    "This connection is reading the rows of a stream() and can run nothing else until it is done. " +
      "Finish or break out of the loop over it (or call its close()) first, or run the statement on another connection.",
  );
}

function isParamList(params: Params | readonly Params[] | undefined): params is readonly Params[] {
  return Array.isArray(params);
}

async function runInTransaction<T>(tx: Transaction, body: () => Promise<T>): Promise<T> {
  let value: T;
  try {
    value = await body();
  } catch (error) {
    await tx.rollback();
    throw error;
  }
  if (tx.isActive) await tx.commit();
  return value;
}
