import {
  Dialect,
  IdentifierPreparer,
  InvalidRequestError,
  type DBAPIError,
  type DialectCapabilities,
  type DriverConnection,
  type ErrorContext,
  type URL,
} from "@alkahest/core/dialect";
import { MySQLDriverConnection } from "./connection.js";
import { mapMySQLError } from "./errors.js";
import { connectionOptions } from "./options.js";
import { MYSQL_RESERVED_WORDS } from "./reserved-words.js";
import { bindMySQLValue, mysqlColspecs } from "./types.js";

/** Which server a MySQLDialect talks to; they differ in features (RETURNING) and in name. */
export type MySQLFlavour = "mysql" | "mariadb";

/** A server version as `SELECT VERSION()` reports it, e.g. "10.11.19-MariaDB-0+deb12u1". */
export interface ServerVersion {
  readonly flavour: MySQLFlavour;
  /** Numeric parts: [10, 11, 19]. */
  readonly version: readonly number[];
  readonly text: string;
}

/**
 * Every connection's session: UTC, so TIMESTAMP values are stored and read without a
 * shift and match the UTC text dates are bound as; autocommit off, as under SQLAlchemy's
 * MySQL drivers, so transactions begin implicitly (see MySQLDriverConnection).
 */
const SESSION_SETUP = "SET time_zone = '+00:00', autocommit = 0";

/**
 * Reads a version string. MariaDB says so in it; through a MySQL-5-compatible
 * handshake it may carry a "5.5.5-" prefix, which is dropped.
 */
export function parseServerVersion(text: string): ServerVersion {
  const mariadb = /mariadb/i.test(text);
  const digits = mariadb ? text.replace(/^5\.5\.5-/, "") : text;
  const version = (/^\d+(?:\.\d+)*/.exec(digits)?.[0] ?? "0").split(".").map(Number);
  return { flavour: mariadb ? "mariadb" : "mysql", version, text };
}

function atLeast(version: readonly number[], major: number, minor: number): boolean {
  const [a = 0, b = 0] = version;
  return a > major || (a === major && b >= minor);
}

/**
 * MariaDB has INSERT/DELETE ... RETURNING from 10.5; MySQL has no RETURNING. DDL
 * commits implicitly on both, so it never takes part in a transaction.
 */
export function capabilitiesFor(flavour: MySQLFlavour, version: readonly number[]): DialectCapabilities {
  const mariadbReturning = flavour === "mariadb" && atLeast(version, 10, 5);
  return Object.freeze({
    insertReturning: mariadbReturning,
    updateReturning: false,
    deleteReturning: mariadbReturning,
    savepoints: true,
    transactionalDdl: false,
  });
}

/**
 * MySQL 8 and MariaDB 10.5+ through mysql2. URLs: `mysql+mysql2://user:pass@host:3306/db`
 * or `mariadb+mysql2://...` (mysql2 is the default driver, so `mysql://` works too), with
 * `?charset=utf8mb4`, `?ssl=true`, `?connect_timeout=<seconds>`; any other mysql2 option
 * goes in `connectArgs`.
 *
 * The server is asked its version on the first connect. Until then the capabilities
 * follow the URL: `mariadb://` assumes MariaDB 10.5+ (RETURNING), `mysql://` assumes
 * MySQL (none); the suite and core read them before any connection exists. The first
 * connect replaces them with what the server has, so a `mysql://` URL that reaches
 * MariaDB gains RETURNING and the name "mariadb", as in SQLAlchemy; a `mariadb://` URL
 * that reaches MySQL is refused.
 *
 * @example
 * import "@alkahest/mysql";
 * import { createEngine, text } from "@alkahest/core";
 *
 * const engine = createEngine("mariadb+mysql2://scott:tiger@localhost:3306/test");
 * await engine.begin((conn) => conn.execute(text("INSERT INTO t (x) VALUES (:x)"), { x: 1 }));
 * engine.dialect.capabilities.insertReturning; // true on MariaDB 10.5+
 */
export class MySQLDialect extends Dialect {
  readonly driver = "mysql2";
  readonly paramStyle = "qmark";
  protected override readonly colspecs = mysqlColspecs;
  /** Backticks: in MySQL's default sql_mode a double-quoted name is a string literal. */
  override readonly identifierPreparer = new IdentifierPreparer(MYSQL_RESERVED_WORDS, "`");
  /** The flavour the URL named; the server's may differ only for a `mysql://` URL. */
  readonly urlFlavour: MySQLFlavour;
  private server: ServerVersion | null = null;
  private caps: DialectCapabilities;

  constructor(flavour: MySQLFlavour = "mysql") {
    super();
    this.urlFlavour = flavour;
    // Before any connection: MariaDB's supported floor is 10.5, which has RETURNING.
    this.caps = capabilitiesFor(flavour, flavour === "mariadb" ? [10, 5] : [8, 0]);
  }

  /** "mysql" or "mariadb": the URL's until the first connect, then the server's. */
  get name(): MySQLFlavour {
    return this.flavour;
  }

  get flavour(): MySQLFlavour {
    return this.server?.flavour ?? this.urlFlavour;
  }

  /** The server's version, e.g. [10, 11, 19]; null until the first connect. */
  get serverVersion(): readonly number[] | null {
    return this.server?.version ?? null;
  }

  get capabilities(): DialectCapabilities {
    return this.caps;
  }

  async connect(url: URL, connectArgs: Readonly<Record<string, unknown>>): Promise<DriverConnection> {
    const options = connectionOptions(url, connectArgs);
    const conn = await MySQLDriverConnection.open(options, SESSION_SETUP, this.server === null);
    if (conn.serverVersion !== null) {
      try {
        this.initialize(parseServerVersion(conn.serverVersion));
      } catch (error) {
        await conn.close();
        throw error;
      }
    }
    return conn;
  }

  mapError(error: unknown, context: ErrorContext): DBAPIError {
    return mapMySQLError(error, context);
  }

  override bindValue(value: unknown): unknown {
    return bindMySQLValue(value);
  }

  /** Takes the server's flavour and version; SQLAlchemy's `MySQLDialect.initialize`. */
  initialize(server: ServerVersion): void {
    if (this.urlFlavour === "mariadb" && server.flavour !== "mariadb") {
      throw new InvalidRequestError(
        `MySQL version ${server.text} is not a MariaDB variant: connect to MySQL with a mysql+mysql2:// URL.`,
      );
    }
    this.server = server;
    this.caps = capabilitiesFor(server.flavour, server.version);
  }
}
