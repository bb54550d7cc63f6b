import type { Connection, Params, RowOf } from "../engine/connection.js";
import type { Engine } from "../engine/engine.js";
import type { Result } from "../engine/result.js";
import type { StreamOptions } from "../engine/stream-execution.js";
import type { StreamingResult } from "../engine/streaming-result.js";
import type { Executable } from "../sql/element.js";

/**
 * A unit of work against one engine. For now it runs Core statements; the ORM's
 * identity map and flush will wrap this same execution path.
 *
 * The session checks a connection out on its first execute, which begins a
 * transaction; `commit()` and `rollback()` end it and give the connection back.
 *
 * @example
 * await using session = new Session(engine);          // closes (rolls back) at scope end
 * const result = await session.execute(stmt, { y: 6 });
 *
 * await new Session(engine).begin(async (session) => { // commits, or rolls back on throw
 *   await session.execute(stmt, [{ x: 9, y: 11 }]);
 * });
 */
export class Session {
  /** A promise so that concurrent first executes share one checkout. */
  private connection: Promise<Connection> | null = null;

  constructor(readonly bind: Engine) {}

  /** Runs a statement in the session's transaction, beginning one if needed. */
  async execute<R extends Record<string, unknown>>(
    statement: Executable<R>,
    params?: Params | readonly Params[],
  ): Promise<Result<RowOf<R>>> {
    return (await this.connectionForExecute()).execute(statement, params);
  }

  /**
   * Runs a SELECT in the session's transaction and reads its rows in batches, as
   * `Connection.stream()` does; the session runs nothing else until the stream is done.
   *
   * @example
   * for await (const row of await session.stream(select(userTable))) console.log(row.name);
   */
  async stream<M extends Record<string, unknown>, T extends unknown[]>(
    statement: Executable<M, T>,
    params?: Params,
    options?: StreamOptions,
  ): Promise<StreamingResult<RowOf<M, T>>> {
    return (await this.connectionForExecute()).stream(statement, params, options);
  }

  /** The connection the session's transaction runs on, checked out if needed. */
  async getConnection(): Promise<Connection> {
    return this.connectionForExecute();
  }

  /** Commits the transaction, if one began, and releases its connection. */
  async commit(): Promise<void> {
    await this.endTransaction((conn) => conn.commit());
  }

  /** Rolls back the transaction, if one began, and releases its connection. */
  async rollback(): Promise<void> {
    await this.endTransaction((conn) => conn.rollback());
  }

  /** Rolls back what is uncommitted and releases the connection. The session can be used again. */
  async close(): Promise<void> {
    await this.rollback();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Runs the callback, then closes the session (as `with Session(engine) as session:`). */
  async run<T>(callback: (session: this) => Promise<T>): Promise<T> {
    try {
      return await callback(this);
    } finally {
      await this.close();
    }
  }

  /**
   * Runs the callback in a transaction: commits when it resolves, rolls back when it
   * throws (and rethrows), as `with session.begin():`.
   */
  async begin<T>(callback: (session: this) => Promise<T>): Promise<T> {
    let value: T;
    try {
      value = await callback(this);
    } catch (error) {
      await this.rollback();
      throw error;
    }
    await this.commit();
    return value;
  }

  private connectionForExecute(): Promise<Connection> {
    return (this.connection ??= this.bind.connect().catch((error: unknown) => {
      this.connection = null;
      throw error;
    }));
  }

  private async endTransaction(end: (conn: Connection) => Promise<void>): Promise<void> {
    const pending = this.connection;
    if (pending === null) return;
    this.connection = null;
    const conn = await pending;
    try {
      await end(conn);
    } finally {
      await conn.close();
    }
  }
}
