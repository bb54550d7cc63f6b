import type { DBAPIError, StatementErrorOptions } from "../errors.js";
import { IdentifierPreparer } from "../sql/compiler/identifier-preparer.js";
import { SQLCompiler, type CompileOptions, type CompilerDialect, type ParamStyle } from "../sql/compiler/sql-compiler.js";
import type { Compiled } from "../sql/compiled.js";
import type { ClauseElement } from "../sql/element.js";
import type { TypeProcessors, TypeVisitName } from "../sql/types/index.js";
import type { DriverConnection } from "./driver.js";
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

  processorsFor(visitName: TypeVisitName): TypeProcessors | undefined {
    return this.colspecs[visitName];
  }

  compile(element: ClauseElement, options?: CompileOptions): Compiled {
    return new this.statementCompiler(this, options).compile(element);
  }

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
