import {
  ArgumentError,
  autoincrementOrderedBatch,
  Dialect,
  type ClauseElement,
  type Compiled,
  type Connection,
  type DBAPIError,
  type DialectCapabilities,
  type DriverConnection,
  type ErrorContext,
  type OrderedBatch,
  type PoolPlan,
  type URL,
} from "@alkahest/core/dialect";
import Database from "better-sqlite3";
import { SQLiteDriverConnection } from "./connection.js";
import { SQLiteDDLCompiler } from "./ddl-compiler.js";
import { mapSQLiteError } from "./errors.js";
import { SQLiteReflection } from "./reflection.js";
import { SQLiteCompiler } from "./statement-compiler.js";
import { SQLiteTypeCompiler } from "./type-compiler.js";
import { bindSQLiteValue, sqliteColspecs } from "./types.js";

/** Query-string options of a `sqlite://` URL, as pysqlite takes them. */
const URL_OPTIONS = ["timeout", "mode"] as const;

let bundledVersion: readonly number[] | undefined;

/** The SQLite version better-sqlite3 was built with, e.g. [3, 53, 2]; asked once. */
function sqliteVersion(): readonly number[] {
  if (bundledVersion !== undefined) return bundledVersion;
  const db = new Database(":memory:");
  try {
    return (bundledVersion = String(db.prepare("SELECT sqlite_version()").pluck().get()).split(".").map(Number));
  } finally {
    db.close();
  }
}

function atLeast(version: readonly number[], major: number, minor: number): boolean {
  const [a = 0, b = 0] = version;
  return a > major || (a === major && b >= minor);
}

export function isMemoryDatabase(url: URL): boolean {
  return url.database === null || url.database === "" || url.database === ":memory:";
}

/**
 * SQLite through better-sqlite3. URLs: `sqlite+better-sqlite3:///:memory:` (or
 * `sqlite://`), `sqlite:///relative.db`, `sqlite:////absolute/path.db`, with
 * `?timeout=<seconds>` (busy timeout) and `?mode=ro`.
 */
export class SQLiteDialect extends Dialect {
  readonly name = "sqlite";
  readonly driver = "better-sqlite3";
  readonly paramStyle = "qmark";
  readonly capabilities: DialectCapabilities;
  protected override readonly colspecs = sqliteColspecs;
  override readonly typeCompiler = new SQLiteTypeCompiler(this);
  override readonly statementCompiler = SQLiteCompiler;
  override readonly ddlCompiler = SQLiteDDLCompiler;
  override readonly reflection = new SQLiteReflection(this.identifierPreparer);
  // SQLITE_MAX_VARIABLE_NUMBER: 32766 since SQLite 3.32, 999 before.
  override readonly insertmanyvaluesMaxParameters = atLeast(sqliteVersion(), 3, 32) ? 32766 : 999;
  readonly version: readonly number[];

  constructor() {
    super();
    this.version = sqliteVersion();
    const returning = atLeast(this.version, 3, 35);
    this.capabilities = {
      insertReturning: returning,
      updateReturning: returning,
      deleteReturning: returning,
      savepoints: true,
      transactionalDdl: true,
      primaryKeyFromLastInsertId: true,
      multiRowInsertReturning: returning,
      // Multi-row INSERT ... RETURNING rows come back in no promised order, but the
      // rowid key is handed out in VALUES order: sorting by it restores the order.
      sentinelOrdering: returning,
      // No native storage for these: see types.ts for how each is stored.
      nativeBoolean: false,
      nativeDecimal: false,
      nativeJson: false,
      nativeUuid: false,
      nativeEnum: false,
      // No ALTER TABLE ... ADD CONSTRAINT: useAlter foreign keys go inside CREATE TABLE.
      alterConstraints: false,
      // better-sqlite3 turns PRAGMA foreign_keys on for every connection.
      foreignKeysEnforced: true,
      // No sequences (a Column's Sequence is ignored: INTEGER PRIMARY KEY numbers rows) and no comments.
      sequences: false,
      comments: false,
      fullOuterJoin: atLeast(this.version, 3, 39),
      nullsOrdering: atLeast(this.version, 3, 30),
      // SQLite rejects `(SELECT ... LIMIT 1) UNION ...`.
      parenthesizedCompoundSelects: false,
      // INSERT ... ON CONFLICT from SQLite 3.24 (insert from "@alkahest/sqlite").
      upsert: atLeast(this.version, 3, 24) ? "onConflict" : undefined,
    };
  }

  /**
   * As SQLAlchemy's SQLite has_table: `PRAGMA main.table_info("t")`, then the same for
   * `temp` (temporary tables share the namespace), or the named attached database.
   */
  override async hasTable(conn: Connection, tableName: string, schema: string | null): Promise<boolean> {
    const quote = (name: string): string => this.identifierPreparer.quoteAlways(name);
    const prefixes = schema === null ? ["PRAGMA main.", "PRAGMA temp."] : [`PRAGMA ${quote(schema)}.`];
    for (const prefix of prefixes) {
      const rows = (await conn.execDriverSql(`${prefix}table_info(${quote(tableName)})`)).all();
      if (rows.length > 0) return true;
    }
    return false;
  }

  /** Rows of a multi-row INSERT ... RETURNING put back in parameter order by their rowid key (see autoincrementOrderedBatch). */
  override sentinelOrderedBatch(compiled: Compiled, statement: ClauseElement, rows: number): OrderedBatch | null {
    return autoincrementOrderedBatch(this, compiled, statement, rows, false);
  }

  override poolPlan(url: URL): PoolPlan {
    // Every connection to ":memory:" would be a new, empty database: share one.
    return isMemoryDatabase(url) ? { kind: "static" } : { kind: "queue" };
  }

  async connect(url: URL, connectArgs: Readonly<Record<string, unknown>>): Promise<DriverConnection> {
    const options: Database.Options = { ...urlOptions(url), ...connectArgs };
    const filename = isMemoryDatabase(url) ? ":memory:" : (url.database as string);
    return new SQLiteDriverConnection(new Database(filename, options));
  }

  mapError(error: unknown, context: ErrorContext): DBAPIError {
    return mapSQLiteError(error, context);
  }

  override bindValue(value: unknown): unknown {
    return bindSQLiteValue(value);
  }
}

function urlOptions(url: URL): Database.Options {
  const options: Database.Options = {};
  for (const [key, value] of Object.entries(url.query)) {
    if (key === "timeout") {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new ArgumentError(`sqlite URL option timeout must be a number of seconds, got '${String(value)}'.`);
      }
      options.timeout = seconds * 1000;
    } else if (key === "mode" && value === "ro") {
      options.readonly = true;
    } else {
      throw new ArgumentError(
        `Unknown sqlite URL option '${key}=${String(value)}'. Supported: ${URL_OPTIONS.join(", ")} (mode=ro only).`,
      );
    }
  }
  return options;
}
