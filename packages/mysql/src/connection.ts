import type {
  DriverConnection,
  DriverExecuteOptions,
  DriverResult,
  DriverRowStream,
  DriverStreamOptions,
} from "@alkahest/core/dialect";
import mysql from "mysql2";
import { isDate } from "node:util/types";
import type {
  Connection,
  ConnectionOptions,
  FieldPacket,
  QueryError,
  QueryResult,
  ResultSetHeader,
  SqlValue,
  ExecuteValues,
} from "mysql2";
import { consecutiveIds, consecutiveInsertIds, insertValuesShape, pageRows } from "./insert-pages.js";
import { openMySQLStream } from "./stream.js";

/** The server's status flag for sql_mode NO_BACKSLASH_ESCAPES, sent with every OK packet. */
const SERVER_STATUS_NO_BACKSLASH_ESCAPES = 512;
const NO_BACKSLASH_ESCAPES = Object.freeze({ noBackslashEscapes: true });
const NO_ROWS: readonly (readonly unknown[])[] = Object.freeze([]);

/** How the server numbers AUTO_INCREMENT ids in this session (see executeMany). */
interface AutoincrementSequence {
  /** A multi-row INSERT's ids are consecutive (innodb_autoinc_lock_mode 0 or 1). */
  readonly consecutive: boolean;
  /** auto_increment_increment: the step between consecutive ids. */
  readonly increment: number;
}

/** How long close() waits for the server to acknowledge goodbye before dropping the socket. */
const CLOSE_TIMEOUT_MS = 1000;

/**
 * One mysql2 connection as core's DriverConnection.
 *
 * Statements run with `query` (text protocol; mysql2 interpolates the `?` values on the
 * client), not `execute` (server-side prepared statements), because:
 * - it is what SQLAlchemy's MySQL drivers do (mysqlclient and PyMySQL interpolate too);
 * - one round trip per statement, where a prepared statement costs a second one on its
 *   first use on each connection, and holds server memory: mysql2 keeps up to 16000 per
 *   connection, and the server allows only max_prepared_stmt_count (16382) in total;
 * - every statement can run, where MySQL refuses to prepare some (ER_UNSUPPORTED_PS);
 * - one decoder (text) for every result, with or without parameters; the binary one
 *   reads FLOAT columns as float32 (0.1 comes back as 0.10000000149011612).
 * mysql2's escaper skips `?` inside quotes and comments, and is told when the session
 * runs with NO_BACKSLASH_ESCAPES (from the server's status flags), so quoting stays right.
 * The exception is a statement core marks as repeated (`prepare`, the full pages of a
 * batched UPDATE, which return no rows): see executePrepared.
 *
 * The session runs with autocommit off, as under SQLAlchemy's drivers: the first
 * statement after COMMIT/ROLLBACK opens the next transaction, so `begin()` costs no round
 * trip. DDL commits implicitly, as MySQL always does.
 */
export class MySQLDriverConnection implements DriverConnection {
  readonly raw: Connection;
  /** A statement ran since the last COMMIT/ROLLBACK, so a transaction may be open. */
  private inTransaction = false;
  /** mysql2 reported a fatal error: the socket is closed and every call would fail. */
  private broken = false;
  private noBackslashEscapes = false;
  /** `SELECT VERSION()`, when open() was asked to detect it. */
  serverVersion: string | null = null;
  private sequence: AutoincrementSequence | null = null;

  private constructor(options: ConnectionOptions) {
    this.raw = mysql.createConnection({
      ...options,
      queryFormat: (sql: string, values: readonly unknown[]) => this.format(sql, values),
    });
    // Without a listener, an error on an idle connection (the server closing it after
    // wait_timeout, a KILL) would be an unhandled 'error' event and end the process.
    this.raw.on("error", () => {
      this.broken = true;
    });
  }

  /**
   * Connects, runs the session setup statement and, when asked, reads the server's
   * version; closes the socket if any of it fails.
   */
  static async open(options: ConnectionOptions, setupSql: string, detectVersion: boolean): Promise<MySQLDriverConnection> {
    const conn = new MySQLDriverConnection(options);
    try {
      await new Promise<void>((resolve, reject) => conn.raw.connect((err) => (err ? reject(err) : resolve())));
      if (detectVersion) conn.serverVersion = String((await conn.execute("SELECT VERSION()", [])).rows[0]?.[0]);
      await conn.execute(setupSql, []);
      conn.inTransaction = false;
    } catch (error) {
      conn.raw.destroy();
      throw error;
    }
    return conn;
  }

  /** `\` is an escape in this session's string literals (no NO_BACKSLASH_ESCAPES), as the server's last OK packet said. */
  get backslashEscapes(): boolean {
    return !this.noBackslashEscapes;
  }

  /**
   * Rows come as arrays, or with `objectRows` as mysql2's row objects when the column
   * names are distinct: mysql2 builds an object in one allocation, an array in two.
   */
  execute(sql: string, params: readonly unknown[], options?: DriverExecuteOptions): Promise<DriverResult> {
    // With autocommit off, any statement may open a transaction; note it, so that the
    // pool's reset rolls it back even if the caller never called begin().
    this.inTransaction = true;
    if (options?.prepare === true && params.length > 0) return this.executePrepared(sql, params);
    return new Promise((resolve, reject) => {
      let objects = false;
      const query = this.raw.query(sql, params as unknown[], this.settle(resolve, reject, () => objects));
      if (options?.objectRows !== true) return;
      // The names are known only once the server sent them: mysql2 emits 'fields' just
      // before it builds the row parser from the query's options (a fresh object per
      // query), so the first result's rows come as objects only where no value would be
      // lost. Were mysql2 to read the option earlier, the rows would stay arrays (the
      // connection's rowsAsArray), which toDriverResult sees.
      let decided = false;
      query.on("fields", (packets: FieldPacket[] | undefined) => {
        // Emitted without packets for a statement that returns no rows.
        if (decided || packets === undefined) return;
        decided = true;
        const names = packets.map((f) => f.name);
        objects = new Set(names).size === names.length && !names.includes("__proto__");
        const internal = query as unknown as { options?: { rowsAsArray?: boolean } };
        if (objects && internal.options !== undefined) internal.options.rowsAsArray = false;
      });
    });
  }

  /**
   * A statement core runs many times with other values (DriverExecuteOptions.prepare):
   * prepared once per connection (mysql2 keeps the statement, and closes the least
   * recently used past `maxPreparedStatements`), its values sent in the binary
   * protocol, which spares the server parsing thousands of literals per page.
   */
  private executePrepared(sql: string, params: readonly unknown[]): Promise<DriverResult> {
    const values = params.map((value, i) => {
      checkBindable(value, i);
      // mysql2's binary protocol takes Buffers, not other byte arrays.
      return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value;
    });
    return new Promise((resolve, reject) => {
      this.raw.execute(sql, values as ExecuteValues[], this.settle(resolve, reject, () => false));
    });
  }

  /** mysql2's callback for one statement: its result for `resolve`, its error (noting a fatal one) for `reject`. */
  private settle(
    resolve: (result: DriverResult) => void,
    reject: (error: QueryError) => void,
    objects: () => boolean,
  ): (err: QueryError | null, result: QueryResult, fields: FieldPacket[]) => void {
    return (err, result, fields) => {
      if (err !== null) {
        if (err.fatal) this.broken = true;
        reject(err);
      } else {
        resolve(this.toDriverResult(result, fields, objects()));
      }
    };
  }

  /**
   * executemany. An `INSERT ... VALUES (?, ...)` runs as multi-row statements (see
   * insert-pages.ts), as PyMySQL's and mysqlclient's executemany do; anything else runs
   * once per parameter set, in order.
   *
   * With `generatedIds` (core wants each inserted row's AUTO_INCREMENT id), the ids of a
   * multi-row page are derived from its insert id (the first row's) when the server
   * provably hands them out consecutively: `@@innodb_autoinc_lock_mode` 0 or 1, read once
   * per connection with `@@auto_increment_increment`, and every row of the page inserted.
   * Where that cannot be proven (lock mode 2, MySQL 8's default), the rows go one a
   * statement, each reporting its own id.
   */
  async executeMany(sql: string, paramSets: readonly (readonly unknown[])[], options?: DriverExecuteOptions): Promise<DriverResult> {
    const shape = paramSets.length > 1 ? insertValuesShape(sql) : null;
    if (shape === null) return this.executeEach(sql, paramSets);
    let increment: number | null = null;
    if (options?.generatedIds === true && !shape.upsert) {
      const sequence = await this.autoincrementSequence();
      if (!sequence.consecutive) return this.executeEach(sql, paramSets);
      increment = sequence.increment;
    }
    const rows = paramSets.map((params) => this.format(shape.row, params));
    const insertIds: (number | bigint | null)[] = [];
    let rowcount = 0;
    let lastInsertId: number | bigint | null = null;
    for (const page of pageRows(shape, rows)) {
      const result = await this.execute(page.sql, []);
      rowcount += result.rowcount;
      const first = result.lastInsertId ?? null;
      lastInsertId = first ?? lastInsertId;
      // Every row inserted (no IGNOREd duplicates): the ids are the first one's successors.
      if (increment !== null && first !== null && result.rowcount === page.count) {
        for (const id of consecutiveInsertIds(first, page.count, increment)) insertIds.push(id);
      } else {
        for (let k = 0; k < page.count; k++) insertIds.push(null);
      }
    }
    return { columns: null, rows: NO_ROWS, rowcount, lastInsertId, insertIds: increment === null ? undefined : insertIds };
  }

  /** One statement per parameter set, in order; each INSERT's own id is reported. */
  private async executeEach(sql: string, paramSets: readonly (readonly unknown[])[]): Promise<DriverResult> {
    let columns: readonly string[] | null = null;
    const rows: (readonly unknown[])[] = [];
    const insertIds: (number | bigint | null)[] = [];
    let rowcount = 0;
    let lastInsertId: number | bigint | null = null;
    for (const params of paramSets) {
      const result = await this.execute(sql, params);
      if (result.columns !== null) {
        columns = result.columns;
        for (const row of result.rows) rows.push(row);
      } else {
        rowcount += result.rowcount;
        insertIds.push(result.lastInsertId ?? null);
        lastInsertId = result.lastInsertId ?? lastInsertId;
      }
    }
    if (columns !== null) return { columns, rows, rowcount: rows.length };
    return { columns: null, rows: NO_ROWS, rowcount, lastInsertId, insertIds };
  }

  /** How this session's AUTO_INCREMENT ids are handed out; asked once per connection. */
  private async autoincrementSequence(): Promise<AutoincrementSequence> {
    if (this.sequence === null) {
      const result = await this.execute("SELECT @@innodb_autoinc_lock_mode, @@auto_increment_increment", []);
      const [lockMode, increment] = (result.rows[0] ?? []).map(Number);
      this.sequence = { consecutive: consecutiveIds(lockMode ?? 2), increment: increment ?? 1 };
    }
    return this.sequence;
  }

  /** Reads the rows as the server sends them, pausing the socket between batches (stream.ts). */
  stream(sql: string, params: readonly unknown[], options: DriverStreamOptions): Promise<DriverRowStream> {
    // mysql2 reports a command on a closed connection on the connection, not the query: say it here.
    if (this.broken) throw connectionLost();
    this.inTransaction = true;
    return openMySQLStream(this.raw, sql, params, options.batchSize, () => {
      this.broken = true;
    });
  }

  async begin(): Promise<void> {
    // Autocommit is off: the next statement opens the transaction on the server.
    this.inTransaction = true;
  }

  async commit(): Promise<void> {
    await this.execute("COMMIT", []);
    this.inTransaction = false;
  }

  async rollback(): Promise<void> {
    if (!this.inTransaction) return;
    await this.execute("ROLLBACK", []);
    this.inTransaction = false;
  }

  async ping(): Promise<void> {
    if (this.broken) throw new Error("The MySQL connection is closed.");
    await new Promise<void>((resolve, reject) => this.raw.ping((err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    if (this.broken) {
      this.raw.destroy();
      return;
    }
    // end() says goodbye (COM_QUIT) and waits for the server to close the socket; a
    // server that never answers must not hang the pool's dispose(), hence the timer.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      timer.unref();
      this.raw.end(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.raw.destroy();
  }

  /**
   * Rows come as arrays (rowsAsArray), whatever mysql2's types say, or as objects where
   * execute() asked for them (`objects`); DML gives an OK packet.
   */
  private toDriverResult(result: QueryResult, fields: FieldPacket[] | undefined, objects = false): DriverResult {
    if (fields !== undefined && Array.isArray(result)) {
      // A CALL returns several result sets (fields is then one array per set): keep the first.
      const several = Array.isArray(fields[0]);
      const first = (several ? fields[0] : fields) as unknown as FieldPacket[];
      const rows = (several ? result[0] : result) as unknown[];
      const columns = first.map((f) => f.name);
      if (objects && rows.length > 0 && !Array.isArray(rows[0])) {
        return { columns, rows: NO_ROWS, objectRows: rows as Record<string, unknown>[], rowcount: -1 };
      }
      return { columns, rows: rows as unknown[][], rowcount: -1 };
    }
    const header = result as ResultSetHeader;
    this.noBackslashEscapes = (header.serverStatus & SERVER_STATUS_NO_BACKSLASH_ESCAPES) !== 0;
    return { columns: null, rows: NO_ROWS, rowcount: header.affectedRows, lastInsertId: insertId(header.insertId) };
  }

  /** mysql2's queryFormat hook: every query's values go through here. */
  private format(sql: string, values: readonly unknown[]): string {
    if (values.length === 0) return sql;
    for (let i = 0; i < values.length; i++) checkBindable(values[i], i);
    return mysql.format(sql, values as SqlValue[], true, "Z", this.noBackslashEscapes ? NO_BACKSLASH_ESCAPES : undefined);
  }
}

/** What mysql2 itself reports for a connection the server ended (mapped as a disconnect). */
function connectionLost(): Error {
  const error = new Error("The MySQL connection was closed by the server; it cannot run statements.");
  return Object.assign(error, { code: "PROTOCOL_CONNECTION_LOST", fatal: true });
}

/** 0 means no AUTO_INCREMENT value was generated; mysql2 gives large ids as strings. */
function insertId(id: number | string): number | bigint | null {
  if (typeof id === "number") return id === 0 ? null : id;
  const big = BigInt(id);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/**
 * mysql2's escaper would turn an array into a list and an object into '[object Object]';
 * neither is one SQL value, so refuse them before anything is sent.
 */
function checkBindable(value: unknown, index: number): void {
  switch (typeof value) {
    case "string":
    case "bigint":
    case "boolean":
      return;
    case "number":
      if (Number.isFinite(value)) return;
      throw new TypeError(`Parameter ${index + 1} is ${value}, which MySQL cannot store; pass a finite number or null.`);
    case "object":
      if (value === null || isDate(value) || value instanceof Uint8Array || Buffer.isBuffer(value)) return;
  }
  throw new TypeError(
    `Parameter ${index + 1} is ${Array.isArray(value) ? "an array" : `of type ${typeof value}`}, which mysql2 cannot bind as ` +
      `one value; pass a string, number, bigint, boolean, Date, Buffer or null (JSON.stringify() objects).`,
  );
}
