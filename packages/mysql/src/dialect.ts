import {
  autoincrementOrderedBatch,
  DBAPIError,
  Dialect,
  IdentifierPreparer,
  InvalidRequestError,
  type ClauseElement,
  type Compiled,
  type Connection,
  type DialectCapabilities,
  type DriverConnection,
  type ErrorContext,
  type OrderedBatch,
  type URL,
} from "@alkahest/core/dialect";
import { MySQLDriverConnection } from "./connection.js";
import { MySQLDDLCompiler } from "./ddl-compiler.js";
import { mapMySQLError } from "./errors.js";
import { hasSequence } from "./has-sequence.js";
import { connectionOptions, dialectURLOptions, type DialectURLOptions } from "./options.js";
import { MySQLReflection } from "./reflection.js";
import { MYSQL_RESERVED_WORDS } from "./reserved-words.js";
import {
  atLeast,
  parseServerVersion,
  serverFeatures,
  type MySQLFlavour,
  type ServerFeatures,
  type ServerVersion,
} from "./server-version.js";
import { MySQLCompiler } from "./statement-compiler.js";
import { mysqlTesting } from "./testing.js";
import { MySQLTypeCompiler } from "./type-compiler.js";
import { bindMySQLValue, mysqlColspecs } from "./types.js";

/**
 * Every connection's session: UTC, so TIMESTAMP values are stored and read without a
 * shift and match the UTC text dates are bound as; autocommit off, as under SQLAlchemy's
 * MySQL drivers, so transactions begin implicitly (see MySQLDriverConnection).
 */
const SESSION_SETUP = "SET time_zone = '+00:00', autocommit = 0";

/** What is assumed before the first connect tells: the oldest versions supported. */
const ASSUMED_VERSION: Readonly<Record<MySQLFlavour, readonly number[]>> = { mysql: [8, 0], mariadb: [10, 5] };

/** Errors DESCRIBE raises for a table that does not exist: no such table (1146), no such database (1049), 1051. */
const NO_SUCH_TABLE: ReadonlySet<unknown> = new Set([1146, 1049, 1051]);

/**
 * The capabilities of a server, as SQLAlchemy's MySQL dialect sets them on initialize:
 * MariaDB has INSERT/DELETE ... RETURNING from 10.5 (never UPDATE ... RETURNING); MySQL
 * has none, and an inserted row's key comes from the insert id on both (postfetch_lastrowid).
 * `returning: false` (the URL's `?returning=false`) turns RETURNING off as on MySQL.
 */
export function capabilitiesFor(
  flavour: MySQLFlavour,
  version: readonly number[],
  options: Partial<DialectURLOptions> = {},
): DialectCapabilities {
  const mariadb = flavour === "mariadb";
  const returning = mariadb && atLeast(version, 10, 5) && options.returning !== false;
  return Object.freeze({
    insertReturning: returning,
    updateReturning: false,
    deleteReturning: returning,
    savepoints: true,
    // DDL commits the transaction implicitly, on both servers.
    transactionalDdl: false,
    primaryKeyFromLastInsertId: true,
    multiRowInsertReturning: returning,
    // The AUTO_INCREMENT key orders a multi-row INSERT's RETURNING rows (core's autoincrementOrderedBatch).
    sentinelOrdering: returning,
    nativeBoolean: false,
    nativeDecimal: true,
    // MySQL's JSON is a type of its own (stored parsed, validated); MariaDB's is LONGTEXT
    // with a JSON_VALID check. Both reach core as text (see options.ts).
    nativeJson: !mariadb,
    // MariaDB 10.7 has a UUID type, but the suite and callers read the capabilities before
    // the first connect tells the version: Uuid is CHAR(32) on both, as on MySQL.
    nativeUuid: false,
    nativeEnum: true,
    alterConstraints: true,
    // InnoDB enforces foreign keys (foreign_key_checks is on unless a session turns it off).
    foreignKeysEnforced: true,
    // CREATE SEQUENCE and NEXT VALUE FOR from MariaDB 10.3; MySQL has none.
    sequences: mariadb && atLeast(version, 10, 3),
    // COMMENT '...' on columns and COMMENT='...' on tables, inside CREATE TABLE.
    comments: true,
    inlineComments: true,
    fullOuterJoin: false,
    nullsOrdering: false,
    parenthesizedCompoundSelects: true,
    upsert: "onDuplicateKeyUpdate",
  });
}

/**
 * MySQL 8 and MariaDB 10.5+ through mysql2. URLs: `mysql+mysql2://user:pass@host:3306/db`
 * or `mariadb+mysql2://...` (mysql2 is the default driver, so `mysql://` works too), with
 * `?charset=utf8mb4`, `?ssl=true`, `?connect_timeout=<seconds>`, and the dialect's own
 * `?returning=false` (no RETURNING, as on MySQL; see options.ts); any other mysql2
 * option goes in `connectArgs`.
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
  /** Backticks: in MySQL's default sql_mode a double-quoted name is a string literal. */
  override readonly identifierPreparer = new IdentifierPreparer(MYSQL_RESERVED_WORDS, "`");
  override readonly typeCompiler: MySQLTypeCompiler = new MySQLTypeCompiler(this);
  override readonly statementCompiler = MySQLCompiler;
  override readonly ddlCompiler = MySQLDDLCompiler;
  override readonly reflection = new MySQLReflection();
  override readonly testing = mysqlTesting;
  protected override readonly colspecs = mysqlColspecs;
  /**
   * SQLAlchemy's default. Values are written into the SQL text by mysql2 (see
   * connection.ts), so the server's 65535-placeholder limit of prepared statements does
   * not apply; this keeps a page's statement well below max_allowed_packet.
   */
  override readonly insertmanyvaluesMaxParameters = 32700;
  /** The flavour the URL named; the server's may differ only for a `mysql://` URL. */
  readonly urlFlavour: MySQLFlavour;
  readonly urlOptions: DialectURLOptions;
  private server: ServerVersion | null = null;
  private caps: DialectCapabilities;
  private serverFeatureSet: ServerFeatures;

  constructor(flavour: MySQLFlavour = "mysql", urlOptions: Partial<DialectURLOptions> = {}) {
    super();
    this.urlFlavour = flavour;
    this.urlOptions = { returning: urlOptions.returning ?? true };
    this.caps = capabilitiesFor(flavour, ASSUMED_VERSION[flavour], this.urlOptions);
    this.serverFeatureSet = serverFeatures(flavour, ASSUMED_VERSION[flavour]);
  }

  /** The dialect of a URL: its scheme's flavour, and its options (`?returning=false`). */
  static fromURL(flavour: MySQLFlavour, url: URL): MySQLDialect {
    return new MySQLDialect(flavour, dialectURLOptions(url));
  }

  /** "mysql" or "mariadb": the URL's until the first connect, then the server's. */
  get name(): MySQLFlavour {
    return this.flavour;
  }

  get flavour(): MySQLFlavour {
    return this.server?.flavour ?? this.urlFlavour;
  }

  /** A type's "mysql" variant applies to both flavours; a "mariadb" one to MariaDB only, and wins there. */
  override get variantNames(): readonly string[] {
    return this.flavour === "mariadb" ? MARIADB_VARIANT_NAMES : MYSQL_VARIANT_NAMES;
  }

  /** The server's version, e.g. [10, 11, 19]; null until the first connect. */
  get serverVersion(): readonly number[] | null {
    return this.server?.version ?? null;
  }

  get capabilities(): DialectCapabilities {
    return this.caps;
  }

  /** What SQL the server takes where MySQL, MariaDB and their versions differ; read by the compilers. */
  get features(): ServerFeatures {
    return this.serverFeatureSet;
  }

  async connect(url: URL, connectArgs: Readonly<Record<string, unknown>>): Promise<DriverConnection> {
    const options = connectionOptions(url, connectArgs);
    const conn = await MySQLDriverConnection.open(options, SESSION_SETUP, this.server === null);
    if (conn.serverVersion !== null) {
      try {
        this.initialize(parseServerVersion(conn.serverVersion), conn.backslashEscapes);
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

  /**
   * As SQLAlchemy's MySQL has_table: `DESCRIBE t` (which also sees TEMPORARY tables,
   * unlike information_schema), false on the errors of a missing table or database.
   * A failed statement leaves a MySQL transaction usable.
   */
  override async hasTable(conn: Connection, tableName: string, schema: string | null): Promise<boolean> {
    const quote = (name: string): string => this.identifierPreparer.quoteAlways(name);
    const name = schema === null ? quote(tableName) : `${quote(schema)}.${quote(tableName)}`;
    try {
      return (await conn.execDriverSql(`DESCRIBE ${name}`)).all().length > 0;
    } catch (error) {
      if (error instanceof DBAPIError && NO_SUCH_TABLE.has(error.code)) return false;
      throw error;
    }
  }

  override hasSequence(conn: Connection, sequenceName: string, schema: string | null): Promise<boolean> {
    return hasSequence(conn, sequenceName, schema);
  }

  override sentinelOrderedBatch(compiled: Compiled, statement: ClauseElement, rows: number): OrderedBatch | null {
    return autoincrementOrderedBatch(this, compiled, statement, rows, true);
  }

  /**
   * Takes the server's flavour and version, and whether its sql_mode reads `\` as an
   * escape (from the first connection's status flags); SQLAlchemy's `MySQLDialect.initialize`.
   */
  initialize(server: ServerVersion, backslashEscapes = true): void {
    if (this.urlFlavour === "mariadb" && server.flavour !== "mariadb") {
      throw new InvalidRequestError(
        `MySQL version ${server.text} is not a MariaDB variant: connect to MySQL with a mysql+mysql2:// URL.`,
      );
    }
    this.server = server;
    this.caps = capabilitiesFor(server.flavour, server.version, this.urlOptions);
    this.serverFeatureSet = serverFeatures(server.flavour, server.version, backslashEscapes);
  }
}

const MYSQL_VARIANT_NAMES: readonly string[] = ["mysql"];
const MARIADB_VARIANT_NAMES: readonly string[] = ["mariadb", "mysql"];

export { parseServerVersion, type MySQLFlavour, type ServerVersion };
