import type { DriverConnection, DriverResult, DriverRowStream, DriverStreamOptions } from "@alkahest/core/dialect";
import pg from "pg";
import { ConnectionLostError, mapPgConnectError } from "./errors.js";
import { ExecuteManyQuery } from "./execute-many.js";
import { isStalePreparedStatement, PreparedNames } from "./prepared-names.js";
import { openPgStream } from "./stream.js";

const NO_ROWS: readonly (readonly unknown[])[] = Object.freeze([]);

type ArrayResult = pg.QueryArrayResult<unknown[]>;

/**
 * One `pg.Client` as core's DriverConnection. Rows come back as arrays
 * (`rowMode: "array"`), the cheapest shape for core's Row classes. `objectRows` is
 * ignored: pg's row objects cost as much to build and read as its arrays (measured).
 *
 * @example
 * const conn = await PostgresDriverConnection.open({ host: "127.0.0.1", user: "postgres", database: "test" });
 * const result = await conn.execute("SELECT $1::int + 1 AS n", [41]); // { columns: ["n"], rows: [[42]], rowcount: 1 }
 * await conn.close();
 */
export class PostgresDriverConnection implements DriverConnection {
  /** Set when pg reports the connection broken while no query was running (admin shutdown, lost socket). */
  private brokenBy: unknown = null;
  private closed = false;
  /** The statements this connection runs prepared (prepared-names.ts). */
  private readonly prepared = new PreparedNames();

  constructor(
    readonly client: pg.Client,
    /** The dialect's type parsers, which a cursor must be given itself (the client's own are not used by it). */
    private readonly types?: pg.CustomTypesConfig,
  ) {
    // pg emits connection errors on the client; without a listener Node would crash the process.
    client.on("error", (error: Error) => {
      this.brokenBy ??= error;
    });
  }

  /** Connects a new client; a failure is an OperationalError carrying pg's error and SQLSTATE. */
  static async open(config: pg.ClientConfig): Promise<PostgresDriverConnection> {
    const connection = new PostgresDriverConnection(new pg.Client(config), config.types);
    try {
      await connection.client.connect();
    } catch (error) {
      throw mapPgConnectError(error);
    }
    return connection;
  }

  async execute(sql: string, params: readonly unknown[]): Promise<DriverResult> {
    this.throwIfBroken();
    // Only a statement with parameters is prepared: a parameterless string may hold
    // several statements, which only the simple protocol runs.
    const name = params.length > 0 ? this.prepared.nameFor(sql) : undefined;
    let result: ArrayResult | ArrayResult[];
    try {
      result = await this.query(sql, params, name);
    } catch (error) {
      if (name === undefined || !isStalePreparedStatement(error)) throw error;
      this.prepared.forget(sql);
      // Outside a transaction nothing was lost: run it again, prepared anew. Inside one
      // the transaction is aborted, so the error stands (the next attempt works).
      if (this.inTransaction()) throw error;
      result = await this.query(sql, params, undefined);
    }
    // Several statements in one parameterless string give one result each; the last
    // one speaks for the call, as with psycopg2.
    return driverResult(Array.isArray(result) ? (result.at(-1) as ArrayResult) : result);
  }

  private query(sql: string, params: readonly unknown[], name: string | undefined): Promise<ArrayResult | ArrayResult[]> {
    // pg does not modify `values`; it maps them into a new array when it binds.
    return this.client.query<unknown[]>({ name, text: sql, values: params as unknown[], rowMode: "array" });
  }

  /** Every parameter set in one round trip (see ExecuteManyQuery), stopping at the first error. */
  async executeMany(sql: string, paramSets: readonly (readonly unknown[])[]): Promise<DriverResult> {
    this.throwIfBroken();
    const query = new ExecuteManyQuery(sql, paramSets, this.types);
    this.client.query(query);
    return query.result;
  }

  /** Reads the rows through a server-side cursor (stream.ts), `batchSize` rows per round trip. */
  async stream(sql: string, params: readonly unknown[], options: DriverStreamOptions): Promise<DriverRowStream> {
    this.throwIfBroken();
    return openPgStream(this.client, this.types, sql, params, options.batchSize);
  }

  async begin(): Promise<void> {
    await this.command("BEGIN");
  }

  async commit(): Promise<void> {
    await this.command("COMMIT");
  }

  /**
   * Rolls back when the server says a transaction is open or failed. The status is the
   * server's own (from its last ReadyForQuery), so it stays right even when raw SQL
   * ran BEGIN or COMMIT; the pool's reset on return costs no round trip when idle.
   */
  async rollback(): Promise<void> {
    // A broken connection throws, so that the pool discards it instead of reusing it.
    this.throwIfBroken();
    const status = this.client.getTransactionStatus();
    if (status === "T" || status === "E") await this.command("ROLLBACK");
  }

  async ping(): Promise<void> {
    await this.command("SELECT 1");
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end();
  }

  /** True when the server reports an open (or failed) transaction. */
  inTransaction(): boolean {
    const status = this.client.getTransactionStatus();
    return status === "T" || status === "E";
  }

  private async command(sql: string): Promise<void> {
    this.throwIfBroken();
    await this.client.query(sql);
  }

  private throwIfBroken(): void {
    // Names the error that broke the connection, which says more than pg's "not queryable".
    if (this.brokenBy !== null) throw new ConnectionLostError(this.brokenBy);
  }
}

function driverResult(result: ArrayResult): DriverResult {
  const rowcount = result.rowCount ?? -1;
  const fields = result.fields;
  // No row description (INSERT/UPDATE/DDL without RETURNING): nothing to fetch.
  if (fields.length === 0) return { columns: null, rows: NO_ROWS, rowcount };
  const columns = new Array<string>(fields.length);
  for (let i = 0; i < fields.length; i++) columns[i] = (fields[i] as pg.FieldDef).name;
  return { columns, rows: result.rows, rowcount };
}
