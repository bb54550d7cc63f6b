import { AlkahestError, ArgumentError, InvalidRequestError } from "../errors.js";
import type { SchemaDDLRequest } from "../sql/ddl/schema-ddl-request.js";
import { Connection, type ConnectionContext } from "./connection.js";
import { runSchemaDDL as runSchemaDDLOn, validateSchemaDDL } from "./ddl-runner.js";
import { reflectMetadata } from "./reflection/reflect-metadata.js";
import type { ReflectionRequest } from "../sql/schema/reflect-request.js";
import type { Dialect } from "./dialect.js";
import { EchoLogger, type EchoFlag, type Logger } from "./logging.js";
import { QueuePool, StaticPool, type Pool, type PooledConnection, type PoolOptions, type PoolStatus } from "./pool.js";
import { checkDialectName, findDialect, loadDialect } from "./registry.js";
import { StatementCache } from "./statement-cache.js";
import { parseURL, renderURL, type URL } from "./url.js";

export interface EngineOptions {
  /** Log every statement like SQLAlchemy's `echo=True`; `"debug"` also logs result rows. */
  echo?: EchoFlag;
  /** Where echo lines go; any console- or pino-like logger. Default: stdout. */
  logger?: Logger;
  /** Connections the pool keeps open. */
  poolSize?: number;
  /** Connections opened past poolSize under load. */
  maxOverflow?: number;
  /** Milliseconds to wait for a free connection before TimeoutError. */
  poolTimeout?: number;
  /** Milliseconds after which a pooled connection is replaced; -1 never. */
  poolRecycle?: number;
  /** Test each connection with a ping when it is checked out. */
  poolPrePing?: boolean;
  /** How a connection given back to the pool is reset. */
  poolResetOnReturn?: PoolOptions["resetOnReturn"];
  /** Entries in the compiled-statement cache (SQLAlchemy's query_cache_size); 0 disables it. */
  compiledCacheSize?: number;
  /** Options passed through to the driver's connect call. */
  connectArgs?: Readonly<Record<string, unknown>>;
}

const DEFAULT_CACHE_SIZE = 500;

/**
 * The starting point: a dialect, a pool and a statement cache for one database URL.
 * Creating it opens nothing; the first `connect()` does.
 */
export class Engine {
  readonly url: URL;
  readonly echo: EchoLogger;
  readonly statementCache: StatementCache;
  private loadedDialect: Dialect | undefined;
  private dialectLoading: Promise<Dialect> | null = null;
  private pool: Pool | null = null;
  private readonly context: ConnectionContext;

  constructor(
    url: URL,
    private readonly options: EngineOptions = {},
  ) {
    this.url = url;
    checkDialectName(url);
    this.loadedDialect = findDialect(url);
    this.echo = new EchoLogger({ echo: options.echo ?? false, logger: options.logger });
    const cacheSize = options.compiledCacheSize ?? DEFAULT_CACHE_SIZE;
    if (!Number.isInteger(cacheSize) || cacheSize < 0) {
      throw new ArgumentError(`compiledCacheSize must be a whole number >= 0 (0 disables the cache), got ${cacheSize}.`);
    }
    this.statementCache = new StatementCache(cacheSize);
    const engine = this;
    this.context = {
      get dialect() {
        return engine.dialect;
      },
      echo: this.echo,
      statementCache: this.statementCache,
      checkout: () => this.checkout(),
    };
    // Built now when possible so that bad pool options fail at createEngine(); it opens nothing.
    if (this.loadedDialect !== undefined) this.pool = this.createPool();
  }

  /**
   * The engine's dialect. Available at once when its package was imported before
   * `createEngine`, otherwise after `await engine.ready()` or the first connect.
   */
  get dialect(): Dialect {
    if (this.loadedDialect === undefined) {
      throw new InvalidRequestError(
        `The '${this.url.dialect}' dialect is not loaded yet: await engine.ready() (or connect once) first, ` +
          `or import its package before createEngine().`,
      );
    }
    return this.loadedDialect;
  }

  /** Loads the dialect (importing its package if needed). */
  async ready(): Promise<Dialect> {
    if (this.loadedDialect !== undefined) return this.loadedDialect;
    this.dialectLoading ??= loadDialect(this.url).then((dialect) => (this.loadedDialect = dialect));
    return this.dialectLoading;
  }

  /**
   * Checks a connection out of the pool. With a callback, closes it (rolling back
   * what is uncommitted) when the callback settles and returns the callback's value.
   *
   * @example
   * await engine.connect(async (conn) => {
   *   const result = await conn.execute(text("select 'hello world'"));
   *   console.log(result.all());
   * });
   */
  connect(): Promise<Connection>;
  connect<T>(callback: (conn: Connection) => Promise<T>): Promise<T>;
  async connect<T>(callback?: (conn: Connection) => Promise<T>): Promise<Connection | T> {
    await this.ready();
    const conn = new Connection(this.context, await this.checkout());
    if (callback === undefined) return conn;
    try {
      return await callback(conn);
    } finally {
      await conn.close();
    }
  }

  /**
   * Runs the callback in a transaction: commits when it resolves, rolls back when it
   * throws (and rethrows), and returns the connection to the pool either way.
   *
   * @example
   * await engine.begin(async (conn) => {
   *   await conn.execute(text("INSERT INTO t (x) VALUES (:x)"), { x: 1 });
   * });
   */
  async begin<T>(callback: (conn: Connection) => Promise<T>): Promise<T> {
    return this.connect((conn) => conn.begin(() => callback(conn)));
  }

  /**
   * Where `metadata.createAll(engine)` / `dropAll(engine)` run: in one transaction of
   * their own, committed at the end (`BEGIN (implicit)` ... `COMMIT`, as the seed logs).
   */
  async runSchemaDDL(request: SchemaDDLRequest): Promise<void> {
    validateSchemaDDL(request);
    await this.begin((conn) => runSchemaDDLOn(conn, request));
  }

  /** Runs `metadata.reflect(engine)` on a connection of its own. */
  async runReflection(request: ReflectionRequest): Promise<void> {
    await this.connect((conn) => reflectMetadata(conn, request));
  }

  /**
   * The pool's counters now (SQLAlchemy's `engine.pool.status()`); all zero before the first connect.
   *
   * @example
   * engine.poolStatus(); // { size: 5, checkedIn: 1, checkedOut: 0, overflow: 0 }
   */
  poolStatus(): PoolStatus {
    return this.pool?.status() ?? { size: 0, checkedIn: 0, checkedOut: 0, overflow: 0 };
  }

  /** Closes the pool's idle connections; the engine stays usable and reconnects on demand. */
  async dispose(): Promise<void> {
    await this.pool?.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  toString(): string {
    return `Engine(${renderURL(this.url)})`;
  }

  private async checkout(): Promise<PooledConnection> {
    return (this.pool ??= this.createPool()).checkout();
  }

  private createPool(): Pool {
    const dialect = this.dialect;
    const plan = dialect.poolPlan(this.url);
    const o = this.options;
    const options: Partial<PoolOptions> = { ...plan.options };
    if (o.poolSize !== undefined) options.size = o.poolSize;
    if (o.maxOverflow !== undefined) options.maxOverflow = o.maxOverflow;
    if (o.poolTimeout !== undefined) options.timeout = o.poolTimeout;
    if (o.poolRecycle !== undefined) options.recycle = o.poolRecycle;
    if (o.poolPrePing !== undefined) options.prePing = o.poolPrePing;
    if (o.poolResetOnReturn !== undefined) options.resetOnReturn = o.poolResetOnReturn;
    const connectArgs = o.connectArgs ?? {};
    // A failed connect is a driver error too: map it (OperationalError, ...) like any other.
    const creator = () =>
      dialect.connect(this.url, connectArgs).catch((error: unknown) => {
        throw error instanceof AlkahestError ? error : dialect.mapError(error, { sql: "", cause: error });
      });
    return plan.kind === "static" ? new StaticPool(creator, options) : new QueuePool(creator, options);
  }
}

/**
 * Creates an Engine from a SQLAlchemy-style URL. Opens no connection.
 *
 * @example
 * import "@alkahest/sqlite";
 * const engine = createEngine("sqlite+better-sqlite3:///:memory:", { echo: true });
 */
export function createEngine(url: string | URL, options: EngineOptions = {}): Engine {
  return new Engine(typeof url === "string" ? parseURL(url) : url, options);
}
