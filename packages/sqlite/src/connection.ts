import type {
  DriverConnection,
  DriverExecuteOptions,
  DriverResult,
  DriverRowStream,
  DriverStreamOptions,
} from "@alkahest/core/dialect";
import type BetterSqlite3 from "better-sqlite3";
import { returnsAtMostOneRow } from "./single-row.js";
import { openSQLiteStream } from "./stream.js";

type Statement = BetterSqlite3.Statement<unknown[], unknown[]>;
type RowObject = Record<string, unknown>;

/** A prepared statement with what its executions reuse. */
interface Prepared {
  readonly stmt: Statement;
  readonly reader: boolean;
  /** CREATE/ALTER/DROP: running it may change the columns of other statements. */
  readonly ddl: boolean;
  /** Result column names, asked of SQLite once per schema generation. */
  columns: string[] | null;
  /** The column names are distinct and none is `__proto__`, so row objects lose no value. */
  objectSafe: boolean;
  generation: number;
  /** The statement's mode: row objects, or arrays (better-sqlite3's raw mode). */
  objects: boolean;
  /** Rows its last run returned. */
  lastRowCount: number;
  /** Runs so far: a statement is analysed for single-row reads (single-row.ts) on its second. */
  runs: number;
  /** SQLite's program returns at most one row (read with get()), as of `singleRowGeneration`. */
  singleRow: boolean;
  singleRowGeneration: number;
}

const DDL = /^\s*(?:CREATE|ALTER|DROP)\b/i;

/**
 * A statement whose last run returned at least this many rows gives row objects where
 * core allows it: better-sqlite3 builds them at half the memory of its arrays (which,
 * before Node 22, it grows to 17 slots however few the columns), and a large result
 * outlives garbage collections during its own read, each copying it. Objects cost more
 * to build per row (the column names are looked up for every row), so small results,
 * which die young, stay arrays. (Measured with 3 columns: arrays win at 10,000 rows,
 * objects at 30,000.)
 */
const OBJECT_ROWS_FROM = 20_000;

/** Prepared statements kept per connection; beyond this the oldest are dropped. */
const PREPARED_LIMIT = 500;

const NO_ROWS: readonly (readonly unknown[])[] = Object.freeze([]);

/**
 * One better-sqlite3 database as core's DriverConnection. The driver is synchronous;
 * the promises are for the one async API every dialect shares.
 */
export class SQLiteDriverConnection implements DriverConnection {
  private readonly prepared = new Map<string, Prepared>();
  /**
   * Bumped by DDL on this connection and by rolling it back: `SELECT *` may then return other
   * columns, so cached column names are asked again. (DDL from another connection to
   * the same file is not seen; SQLAlchemy's result metadata cache has the same limit.)
   */
  private schemaGeneration = 0;
  /** DDL ran since the last COMMIT or ROLLBACK: rolling back undoes it, a schema change too. */
  private ddlInTransaction = false;

  constructor(
    readonly db: BetterSqlite3.Database,
    /** See OBJECT_ROWS_FROM; tests lower it. */
    private readonly objectRowsFrom = OBJECT_ROWS_FROM,
  ) {}

  /**
   * Rows come as arrays, or as better-sqlite3's row objects for large results (see
   * OBJECT_ROWS_FROM) where core allows it (`objectRows`) and the column names are distinct.
   */
  async execute(sql: string, params: readonly unknown[], options?: DriverExecuteOptions): Promise<DriverResult> {
    return this.executeSync(sql, params, options);
  }

  /** `execute` without the promise: better-sqlite3 is synchronous (see DriverConnection.executeSync). */
  executeSync(sql: string, params: readonly unknown[], options?: DriverExecuteOptions): DriverResult {
    const prepared = this.prepare(sql);
    const stmt = prepared.stmt;
    if (prepared.reader) {
      // Objects only when the columns are known from an earlier run in this schema
      // generation: after DDL, SQLite tells the new ones only once the statement ran.
      const known = prepared.generation === this.schemaGeneration;
      const large = prepared.lastRowCount >= this.objectRowsFrom;
      if (options?.objectRows && !options.exactIntegers && large && prepared.objectSafe && known) {
        const objectRows = setMode(prepared, true).all(...params) as unknown as RowObject[];
        prepared.lastRowCount = objectRows.length;
        return { columns: this.columnsOf(prepared), rows: NO_ROWS, objectRows, rowcount: -1 };
      }
      const rows = options?.exactIntegers
        ? readExact(setMode(prepared, false), [params])
        : this.singleRow(prepared, params.length)
          ? oneOrNone(setMode(prepared, false).get(...params) as unknown[] | undefined)
          : (setMode(prepared, false).all(...params) as unknown[][]);
      prepared.lastRowCount = rows.length;
      return { columns: this.columnsOf(prepared), rows, rowcount: -1 };
    }
    if (prepared.ddl) this.schemaChanged();
    const info = stmt.run(...params);
    return { columns: null, rows: NO_ROWS, rowcount: info.changes, lastInsertId: info.lastInsertRowid };
  }

  async executeMany(
    sql: string,
    paramSets: readonly (readonly unknown[])[],
    options?: DriverExecuteOptions,
  ): Promise<DriverResult> {
    const prepared = this.prepare(sql);
    const stmt = prepared.reader ? setMode(prepared, false) : prepared.stmt;
    if (prepared.reader) {
      if (options?.exactIntegers) {
        const rows = readExact(stmt, paramSets);
        return { columns: this.columnsOf(prepared), rows, rowcount: rows.length };
      }
      const rows: unknown[][] = [];
      for (const params of paramSets) for (const row of stmt.all(...params) as unknown[][]) rows.push(row);
      return { columns: this.columnsOf(prepared), rows, rowcount: rows.length };
    }
    if (prepared.ddl) this.schemaChanged();
    let rowcount = 0;
    let lastInsertId: number | bigint | null = null;
    for (const params of paramSets) {
      const info = stmt.run(...params);
      rowcount += info.changes;
      lastInsertId = info.lastInsertRowid;
    }
    return { columns: null, rows: NO_ROWS, rowcount, lastInsertId };
  }

  /** Steps through the rows with better-sqlite3's iterate() (stream.ts); a statement without rows just runs. */
  async stream(sql: string, params: readonly unknown[], options: DriverStreamOptions): Promise<DriverRowStream> {
    if (!this.prepare(sql).reader) {
      await this.execute(sql, params, options);
      return { columns: null, nextBatch: async () => null, close: async () => {} };
    }
    return openSQLiteStream(this.db, sql, params, options.batchSize, options.exactIntegers === true);
  }

  async begin(): Promise<void> {
    this.db.exec("BEGIN");
  }

  async commit(): Promise<void> {
    this.db.exec("COMMIT");
    this.ddlInTransaction = false;
  }

  async rollback(): Promise<void> {
    if (!this.db.inTransaction) return;
    // Only a rollback of DDL changes the columns of statements (and so costs their cached ones).
    if (this.ddlInTransaction) this.schemaChanged();
    this.ddlInTransaction = false;
    this.db.exec("ROLLBACK");
  }

  async ping(): Promise<void> {
    this.prepare("SELECT 1").stmt.get();
  }

  async close(): Promise<void> {
    this.prepared.clear();
    if (this.db.open) this.db.close();
  }

  private prepare(sql: string): Prepared {
    let prepared = this.prepared.get(sql);
    if (prepared === undefined) {
      const stmt = this.db.prepare<unknown[], unknown[]>(sql);
      if (stmt.reader) stmt.raw(true);
      if (this.prepared.size >= PREPARED_LIMIT) {
        this.prepared.delete(this.prepared.keys().next().value as string);
      }
      const ddl = !stmt.reader && DDL.test(sql);
      prepared = {
        stmt,
        reader: stmt.reader,
        ddl,
        columns: null,
        objectSafe: false,
        generation: -1,
        objects: false,
        lastRowCount: 0,
        runs: 0,
        singleRow: false,
        singleRowGeneration: -1,
      };
      this.prepared.set(sql, prepared);
    }
    return prepared;
  }

  /**
   * Whether the statement returns at most one row, so get() reads it (single-row.ts).
   * Asked of SQLite on a statement's second run (a statement run once is not worth an
   * EXPLAIN) and again after DDL on this connection, which may change its program.
   */
  private singleRow(prepared: Prepared, paramCount: number): boolean {
    if (prepared.singleRowGeneration !== this.schemaGeneration && ++prepared.runs >= 2) {
      prepared.singleRow = returnsAtMostOneRow(this.db, prepared.stmt.source, paramCount);
      prepared.singleRowGeneration = this.schemaGeneration;
    }
    return prepared.singleRow && prepared.singleRowGeneration === this.schemaGeneration;
  }

  private schemaChanged(): void {
    this.schemaGeneration++;
    this.ddlInTransaction = true;
  }

  private columnsOf(prepared: Prepared): string[] {
    if (prepared.columns === null || prepared.generation !== this.schemaGeneration) {
      const columns = prepared.stmt.columns().map((column) => column.name);
      prepared.columns = columns;
      prepared.objectSafe = new Set(columns).size === columns.length && !columns.includes("__proto__");
      prepared.generation = this.schemaGeneration;
    }
    return prepared.columns;
  }
}

function oneOrNone(row: unknown[] | undefined): unknown[][] {
  return row === undefined ? (NO_ROWS as unknown[][]) : [row];
}

/** Switches a reader between row objects and arrays; a no-op when it is in that mode already. */
function setMode(prepared: Prepared, objects: boolean): Statement {
  if (prepared.objects !== objects) {
    prepared.stmt.raw(!objects);
    prepared.objects = objects;
  }
  return prepared.stmt;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Rows of a statement that reads a BigInteger column: read with safeIntegers, so every
 * integer is an exact bigint, then those within 2^53 turned back into numbers, so
 * that only the BigInteger columns (whose type makes bigints of them again) and values
 * a number cannot hold differ from a normal read. Only such statements pay for this.
 */
function readExact(stmt: Statement, paramSets: readonly (readonly unknown[])[]): unknown[][] {
  stmt.safeIntegers(true);
  const rows: unknown[][] = [];
  try {
    for (const params of paramSets) for (const row of stmt.all(...params) as unknown[][]) rows.push(row);
  } finally {
    // The prepared statement is shared by every execution of this SQL.
    stmt.safeIntegers(false);
  }
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (typeof value === "bigint" && value >= MIN_SAFE && value <= MAX_SAFE) row[i] = Number(value);
    }
  }
  return rows;
}
