import { InvalidRequestError, type DBAPIError, type StatementErrorOptions } from "../errors.js";
import { IdentifierPreparer } from "../sql/compiler/identifier-preparer.js";
import { SQLCompiler, type CompileOptions, type CompilerDialect, type ParamStyle } from "../sql/compiler/sql-compiler.js";
import type { Compiled } from "../sql/compiled.js";
import { TypeCompiler } from "../sql/compiler/type-compiler.js";
import { DDLCompiler, type DDLCompilerClass } from "../sql/compiler/ddl-compiler.js";
import type { Connection } from "./connection.js";
import type { ClauseElement } from "../sql/element.js";
import type { Table } from "../sql/schema/table.js";
import type { TypeProcessors, TypeVisitName } from "../sql/types/index.js";
import type { DialectTestingHooks } from "./dialect-testing.js";
import type { DriverConnection } from "./driver.js";
import type { OrderedBatch } from "./insertmanyvalues.js";
import type { DialectReflection } from "./reflection/dialect-reflection.js";
import type { PoolOptions } from "./pool.js";
import type { URL } from "./url.js";

/**
 * What a database can do, read by core and by the conformance suite (as
 * SQLAlchemy's `testing/requirements.py` reads `supports_*` flags).
 */
export interface DialectCapabilities {
  /** INSERT ... RETURNING (SQLAlchemy's insert_returning). */
  readonly insertReturning: boolean;
  /** UPDATE ... RETURNING: MariaDB has INSERT/DELETE ... RETURNING but not this one. */
  readonly updateReturning: boolean;
  /** DELETE ... RETURNING. */
  readonly deleteReturning: boolean;
  /** SAVEPOINT / RELEASE / ROLLBACK TO. */
  readonly savepoints: boolean;
  /** DDL statements take part in transactions and roll back. */
  readonly transactionalDdl: boolean;
  // INSERT execution (see engine/dml-execution.ts); absent means false.
  /**
   * The driver's lastInsertId is the autoincrement primary key of the row a single-row
   * INSERT inserted (SQLite, MySQL, MariaDB: SQLAlchemy's postfetch_lastrowid). Where it
   * is not and INSERT ... RETURNING is (PostgreSQL), the key is fetched with RETURNING.
   */
  readonly primaryKeyFromLastInsertId?: boolean;
  /** A multi-row `INSERT ... VALUES (...), (...) RETURNING` returns every row (insertmanyvalues batches). */
  readonly multiRowInsertReturning?: boolean;
  /**
   * The rows of a multi-row INSERT ... RETURNING can be put in parameter order (see
   * `Dialect.sentinelOrderedBatch`); without it, ordered inserts go one row a statement.
   */
  readonly sentinelOrdering?: boolean;
  // Native storage for types; absent means false, and the type's generic conversion
  // (see sql/types/type-engine.ts) stores the value in a type the database has.
  /** A boolean type (PostgreSQL); else 0/1 in an integer. */
  readonly nativeBoolean?: boolean;
  /** Exact decimals of any precision in NUMERIC; SQLite keeps 15 significant digits. */
  readonly nativeDecimal?: boolean;
  /** A JSON type the driver parses (PostgreSQL, MySQL); else JSON text. */
  readonly nativeJson?: boolean;
  /** A UUID type (PostgreSQL, MariaDB 10.7+); else 32 hex digits in CHAR(32). */
  readonly nativeUuid?: boolean;
  /** An enum type (PostgreSQL's CREATE TYPE, MySQL's ENUM); else VARCHAR. */
  readonly nativeEnum?: boolean;
  /**
   * ARRAY columns and their operators (PostgreSQL: SQLAlchemy's supports_arrays); else
   * ARRAY is a CompileError and lists go in JSON.
   */
  readonly arrays?: boolean;
  // DDL (see engine/ddl-runner.ts); absent means false.
  /**
   * ALTER TABLE ... ADD CONSTRAINT / DROP CONSTRAINT (SQLAlchemy's supports_alter): how
   * `createAll` adds `useAlter` foreign keys after the tables. Without it (SQLite) they
   * stay inside CREATE TABLE.
   */
  readonly alterConstraints?: boolean;
  /** FOREIGN KEY constraints are enforced (SQLite: only with PRAGMA foreign_keys=ON, which better-sqlite3 sets). */
  readonly foreignKeysEnforced?: boolean;
  /**
   * CREATE SEQUENCE and a sequence's next value (PostgreSQL, MariaDB 10.3+: SQLAlchemy's
   * supports_sequences). A Column's Sequence is then its INSERT value, and createAll
   * creates sequences before the tables. Without it (SQLite, MySQL) a Column's Sequence
   * is ignored, and `nextValue()` is a CompileError.
   */
  readonly sequences?: boolean;
  /** Comments on tables and columns (SQLAlchemy's supports_comments); SQLite has none. */
  readonly comments?: boolean;
  /**
   * Comments are written inside CREATE TABLE (MySQL's `COMMENT '...'`, SQLAlchemy's
   * inline_comments); otherwise createAll sets them after it (`COMMENT ON TABLE ...`).
   */
  readonly inlineComments?: boolean;
  // SELECT (read by the conformance suite); absent means false.
  /** FULL OUTER JOIN (not MySQL/MariaDB; SQLite from 3.39). */
  readonly fullOuterJoin?: boolean;
  /** ORDER BY ... NULLS FIRST / NULLS LAST (not MySQL/MariaDB; SQLite from 3.30). */
  readonly nullsOrdering?: boolean;
  /** A SELECT of a UNION in parentheses with its own ORDER BY / LIMIT (not SQLite). */
  readonly parenthesizedCompoundSelects?: boolean;
  /**
   * The dialect's insert() upserts with `ON CONFLICT` (PostgreSQL, SQLite: core's
   * OnConflictInsert) or `ON DUPLICATE KEY UPDATE` (MySQL, MariaDB: OnDuplicateKeyInsert);
   * absent: no upsert.
   */
  readonly upsert?: "onConflict" | "onDuplicateKeyUpdate";
  /** `SELECT DISTINCT ON (...)` (PostgreSQL). */
  readonly distinctOn?: boolean;
}

/** How core's pool should hold connections for a URL. */
export interface PoolPlan {
  /** "queue": a QueuePool; "static": one connection shared by every checkout. */
  readonly kind: "queue" | "static";
  readonly options?: Partial<PoolOptions>;
}

/** What the dialect is told when it maps a driver error. */
export type ErrorContext = StatementErrorOptions;

/**
 * The contract a dialect package implements. Subclass it, override the compiler and
 * the hooks where the database differs, and register it with `registerDialect`.
 */
export abstract class Dialect implements CompilerDialect {
  /** The URL's dialect part: `sqlite`, `postgresql`, `mysql`. */
  abstract readonly name: string;
  /** The URL's driver part: `better-sqlite3`, `pg`, `mysql2`. */
  abstract readonly driver: string;
  abstract readonly paramStyle: ParamStyle;
  abstract readonly capabilities: DialectCapabilities;
  /** The statement compiler; a dialect overrides its hooks in a subclass. */
  readonly statementCompiler: new (dialect: CompilerDialect, options?: CompileOptions) => SQLCompiler = SQLCompiler;
  /** Identifier quoting: which names need quotes, and the quote characters. */
  readonly identifierPreparer: IdentifierPreparer = new IdentifierPreparer();
  /**
   * Type names for DDL; a dialect overrides the visit methods where its names differ.
   * Construct it with the dialect (`new MyTypeCompiler(this)`) so types' variants apply.
   */
  readonly typeCompiler: TypeCompiler = new TypeCompiler(this);
  /** CREATE/DROP/ALTER statements; a dialect overrides its hooks in a subclass. */
  readonly ddlCompiler: DDLCompilerClass = DDLCompiler;
  /** insertmanyvalues: rows per multi-row INSERT statement (SQLAlchemy's insertmanyvalues_page_size). */
  readonly insertmanyvaluesPageSize: number = 1000;
  /** insertmanyvalues: the most bound parameters one statement may have (batches shrink to fit); null for no limit. */
  readonly insertmanyvaluesMaxParameters: number | null = null;
  /** Reflection queries (`inspect(engine)`, `metadata.reflect`); null where the dialect has none. */
  readonly reflection: DialectReflection | null = null;
  /** What the conformance suite needs to kill a session from the server side; null without a server. */
  readonly testing: DialectTestingHooks | null = null;
  /** Conversions per kind of type, where the driver's values differ from JavaScript's. */
  protected readonly colspecs: Partial<Record<TypeVisitName, TypeProcessors>> = {};

  /** Opens one driver connection; core's Pool calls it. */
  abstract connect(url: URL, connectArgs: Readonly<Record<string, unknown>>): Promise<DriverConnection>;

  /** Turns an error the driver raised into core's hierarchy, keeping it as `cause`. */
  abstract mapError(error: unknown, context: ErrorContext): DBAPIError;

  /** How the pool holds connections for this URL. */
  poolPlan(_url: URL): PoolPlan {
    return { kind: "queue" };
  }

  /**
   * Converts a bound value the caller gave without a declared type into one the
   * driver accepts (booleans and dates on SQLite, for instance). Identity by default.
   */
  bindValue(value: unknown): unknown {
    return value;
  }

  /**
   * The names a type's variant (`withVariant`) is looked up by, most specific first: the
   * dialect's `name`. A dialect that is a flavour of another adds the other's name after
   * its own (MariaDB: "mariadb", then "mysql").
   */
  get variantNames(): readonly string[] {
    return [this.name];
  }

  processorsFor(visitName: TypeVisitName): TypeProcessors | undefined {
    return this.colspecs[visitName];
  }

  compile(element: ClauseElement, options?: CompileOptions): Compiled {
    return new this.statementCompiler(this, options).compile(element);
  }

  /**
   * insertmanyvalues hook, used when `capabilities.sentinelOrdering` is set: the SQL of
   * a batch of `rows` rows of an INSERT ... RETURNING whose rows can be put back in
   * parameter order, and how. The batch binds the same parameters as the plain
   * multi-row VALUES form. PostgreSQL renders SQLAlchemy's
   * `INSERT ... SELECT ... FROM (VALUES (..., 0), (..., 1)) ... ORDER BY sen_counter RETURNING ...`
   * here. Null (the default) inserts such rows one statement each.
   */
  sentinelOrderedBatch(_compiled: Compiled, _statement: ClauseElement, _rows: number): OrderedBatch | null {
    return null;
  }

  /**
   * Reflection: whether the table exists, as SQLAlchemy's `has_table`; `createAll` and
   * `dropAll` ask it for `checkfirst`. Run queries with `conn.execDriverSql` (logged
   * `[raw sql]`). `schema` null means the connection's default schema.
   */
  async hasTable(_conn: Connection, tableName: string, _schema: string | null): Promise<boolean> {
    throw new InvalidRequestError(
      `The ${this.name} dialect does not implement hasTable(), so it cannot check whether '${tableName}' exists. ` +
        `Pass { checkfirst: false } to createAll()/dropAll(), or implement Dialect.hasTable.`,
    );
  }

  /**
   * Whether the sequence exists, as SQLAlchemy's `has_sequence`; `createAll` and
   * `dropAll` ask it for `checkfirst` where `capabilities.sequences` is set. `schema`
   * null means the connection's default schema.
   */
  async hasSequence(_conn: Connection, sequenceName: string, _schema: string | null): Promise<boolean> {
    throw new InvalidRequestError(
      `The ${this.name} dialect does not implement hasSequence(), so it cannot check whether sequence '${sequenceName}' exists. ` +
        `Pass { checkfirst: false } to createAll()/dropAll(), or implement Dialect.hasSequence.`,
    );
  }

  /**
   * createAll hook, run once `checkfirst` has chosen the tables to create and before
   * the first CREATE TABLE: schema objects those tables use that are not tables, as
   * SQLAlchemy's before_create events create PostgreSQL's enum types. Nothing by default.
   */
  async beforeCreateTables(_conn: Connection, _tables: readonly Table[], _checkfirst: boolean): Promise<void> {}

  /** dropAll hook, run after the last DROP TABLE: drops what `beforeCreateTables` created. Nothing by default. */
  async afterDropTables(_conn: Connection, _tables: readonly Table[], _checkfirst: boolean): Promise<void> {}

  savepointSql(name: string): string {
    return `SAVEPOINT ${name}`;
  }

  releaseSavepointSql(name: string): string {
    return `RELEASE SAVEPOINT ${name}`;
  }

  rollbackToSavepointSql(name: string): string {
    return `ROLLBACK TO SAVEPOINT ${name}`;
  }
}
