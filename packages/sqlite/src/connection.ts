import type {
  DriverConnection,
  DriverExecuteOptions,
  DriverResult,
  DriverRowStream,
  DriverStreamOptions,
} from "@alkahest/core/dialect";
import type BetterSqlite3 from "better-sqlite3";
import { openSQLiteStream } from "./stream.js";

type Statement = BetterSqlite3.Statement<unknown[], unknown[]>;

/** A prepared statement with what its executions reuse. */
interface Prepared {
  readonly stmt: Statement;
  readonly reader: boolean;
  /** CREATE/ALTER/DROP: running it may change the columns of other statements. */
  readonly ddl: boolean;
  /** Result column names, asked of SQLite once per schema generation. */
  columns: string[] | null;
  generation: number;
}

const DDL = /^\s*(?:CREATE|ALTER|DROP)\b/i;

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
   * Bumped by DDL and rollbacks on this connection: `SELECT *` may then return other
   * columns, so cached column names are asked again. (DDL from another connection to
   * the same file is not seen; SQLAlchemy's result metadata cache has the same limit.)
   */
  private schemaGeneration = 0;

  constructor(readonly db: BetterSqlite3.Database) {}

  async execute(sql: string, params: readonly unknown[], options?: DriverExecuteOptions): Promise<DriverResult> {
    const prepared = this.prepare(sql);
    const stmt = prepared.stmt;
    if (prepared.reader) {
      const rows = options?.exactIntegers ? readExact(stmt, [params]) : (stmt.all(...params) as unknown[][]);
      return { columns: this.columnsOf(prepared), rows, rowcount: -1 };
    }
    if (prepared.ddl) this.schemaGeneration++;
    const info = stmt.run(...params);
    return { columns: null, rows: NO_ROWS, rowcount: info.changes, lastInsertId: info.lastInsertRowid };
  }

  async executeMany(
    sql: string,
    paramSets: readonly (readonly unknown[])[],
    options?: DriverExecuteOptions,
  ): Promise<DriverResult> {
    const prepared = this.prepare(sql);
    const stmt = prepared.stmt;
    if (prepared.reader) {
      if (options?.exactIntegers) {
        const rows = readExact(stmt, paramSets);
        return { columns: this.columnsOf(prepared), rows, rowcount: rows.length };
      }
      const rows: unknown[][] = [];
      for (const params of paramSets) for (const row of stmt.all(...params) as unknown[][]) rows.push(row);
      return { columns: this.columnsOf(prepared), rows, rowcount: rows.length };
    }
    if (prepared.ddl) this.schemaGeneration++;
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
  }

  async rollback(): Promise<void> {
    if (!this.db.inTransaction) return;
    // A rolled-back transaction may have held DDL.
    this.schemaGeneration++;
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
      prepared = { stmt, reader: stmt.reader, ddl: !stmt.reader && DDL.test(sql), columns: null, generation: -1 };
      this.prepared.set(sql, prepared);
    }
    return prepared;
  }

  private columnsOf(prepared: Prepared): string[] {
    if (prepared.columns === null || prepared.generation !== this.schemaGeneration) {
      prepared.columns = prepared.stmt.columns().map((column) => column.name);
      prepared.generation = this.schemaGeneration;
    }
    return prepared.columns;
  }
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
