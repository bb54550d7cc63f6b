import {
  ArgumentError,
  Dialect,
  IdentifierPreparer,
  type Compiled,
  type Connection,
  type DBAPIError,
  type DialectCapabilities,
  type DriverConnection,
  type ErrorContext,
  type OrderedBatch,
  type Table,
  type URL,
} from "@alkahest/core/dialect";
import type pg from "pg";
import { PostgresDriverConnection } from "./connection.js";
import { PostgresDDLCompiler } from "./ddl-compiler.js";
import { createEnumTypes, dropEnumTypes } from "./enum-ddl.js";
import { hasSequence } from "./has-sequence.js";
import { mapPgError } from "./errors.js";
import { hasTable, PostgresReflection } from "./reflection.js";
import { POSTGRES_RESERVED_WORDS } from "./reserved-words.js";
import { sentinelOrderedBatch } from "./sentinel-batch.js";
import { PostgresCompiler } from "./statement-compiler.js";
import { postgresTesting } from "./testing.js";
import { PostgresTypeCompiler } from "./type-compiler.js";
import { bindPostgresValue, clientTypes, postgresColspecs, type Int8Mode } from "./types.js";

/** Query-string options of a `postgresql://` URL. */
const URL_OPTIONS = ["application_name", "sslmode", "ssl", "statement_timeout", "connect_timeout", "int8"] as const;

const INT8_MODES: readonly Int8Mode[] = ["bigint", "string"];

export interface PostgresDialectOptions {
  /**
   * How int8 values (bigint columns, `count(*)`, `sum()` of integers) come back:
   * `"bigint"` (the default: exact) or `"string"` (pg's own default).
   */
  readonly int8?: Int8Mode;
}

/**
 * PostgreSQL through node-postgres (`pg`). URLs:
 * `postgresql+pg://user:password@host:5432/database` (or `postgresql://`), with the
 * options `application_name`, `sslmode` (disable, require, verify-ca, verify-full),
 * `ssl` (true/false), `statement_timeout` (milliseconds), `connect_timeout`
 * (seconds) and `int8` (bigint or string: the dialect's {@link PostgresDialectOptions}).
 * `connectArgs` are `pg.ClientConfig` fields, applied over the URL's.
 *
 * Values: int8 as `bigint` (see {@link PostgresDialectOptions}), numeric as text,
 * timestamp, timestamptz and date as Dates (timestamp and date read as UTC),
 * booleans, json, jsonb, uuid and enums native, arrays as JavaScript arrays (ARRAY).
 * Dates are bound as ISO text in UTC.
 *
 * DDL: an autoincrement primary key is `SERIAL` (see PostgresDDLCompiler); native
 * enums (`CREATE TYPE`) and sequences are created before their tables and dropped after
 * them; comments are set with `COMMENT ON` after CREATE TABLE; `checkfirst` asks pg_catalog. insertmanyvalues sends up to 1000 rows (and never more
 * than 65535 parameters) per INSERT, in parameter order when asked (sentinel-batch.ts).
 *
 * @example
 * import "@alkahest/postgres";
 * const engine = createEngine("postgresql+pg://scott:tiger@localhost/test?application_name=app");
 *
 * // int8 as text instead of bigint
 * const textInt8 = createEngine("postgresql+pg://scott:tiger@localhost/test?int8=string");
 */
export class PostgresDialect extends Dialect {
  readonly name = "postgresql";
  readonly driver = "pg";
  readonly paramStyle = "numeric_dollar";
  readonly capabilities: DialectCapabilities = {
    insertReturning: true,
    updateReturning: true,
    deleteReturning: true,
    savepoints: true,
    transactionalDdl: true,
    // pg reports no row id: a generated key comes back through RETURNING.
    primaryKeyFromLastInsertId: false,
    multiRowInsertReturning: true,
    // INSERT ... SELECT ... ORDER BY sen_counter numbers SERIAL keys in parameter order (sentinel-batch.ts).
    sentinelOrdering: true,
    nativeBoolean: true,
    nativeDecimal: true,
    nativeJson: true,
    nativeUuid: true,
    nativeEnum: true,
    arrays: true,
    alterConstraints: true,
    foreignKeysEnforced: true,
    sequences: true,
    // COMMENT ON TABLE / COLUMN after CREATE TABLE.
    comments: true,
    fullOuterJoin: true,
    nullsOrdering: true,
    parenthesizedCompoundSelects: true,
    upsert: "onConflict",
    distinctOn: true,
  };
  protected override readonly colspecs = postgresColspecs;
  override readonly identifierPreparer = new IdentifierPreparer(POSTGRES_RESERVED_WORDS);
  override readonly typeCompiler = new PostgresTypeCompiler(this.identifierPreparer, this);
  override readonly statementCompiler = PostgresCompiler;
  override readonly ddlCompiler = PostgresDDLCompiler;
  override readonly testing = postgresTesting;
  override readonly reflection = new PostgresReflection();
  // The Bind message counts its parameters in 16 bits: no statement takes more than 65535.
  override readonly insertmanyvaluesMaxParameters = 65535;
  readonly int8: Int8Mode;
  /** One parser table for every client of this dialect; pg's global one is never touched. */
  private readonly types: pg.CustomTypesConfig;

  constructor(options: PostgresDialectOptions = {}) {
    super();
    const int8 = options.int8 ?? "bigint";
    if (!INT8_MODES.includes(int8)) {
      throw new ArgumentError(`PostgresDialect option int8 must be "bigint" or "string", got ${JSON.stringify(int8)}.`);
    }
    this.int8 = int8;
    this.types = clientTypes(int8);
  }

  async connect(url: URL, connectArgs: Readonly<Record<string, unknown>>): Promise<DriverConnection> {
    const config: pg.ClientConfig = { ...postgresClientConfig(url), types: this.types, ...connectArgs };
    return PostgresDriverConnection.open(config);
  }

  mapError(error: unknown, context: ErrorContext): DBAPIError {
    return mapPgError(error, context);
  }

  override bindValue(value: unknown): unknown {
    return bindPostgresValue(value);
  }

  override hasTable(conn: Connection, tableName: string, schema: string | null): Promise<boolean> {
    return hasTable(conn, tableName, schema);
  }

  override hasSequence(conn: Connection, sequenceName: string, schema: string | null): Promise<boolean> {
    return hasSequence(conn, sequenceName, schema);
  }

  /** Native enums are types of their own, created before the tables that use them (SQLAlchemy's before_create). */
  override beforeCreateTables(conn: Connection, tables: readonly Table[], checkfirst: boolean): Promise<void> {
    return createEnumTypes(conn, tables, checkfirst);
  }

  /** ... and dropped after them. */
  override afterDropTables(conn: Connection, tables: readonly Table[], checkfirst: boolean): Promise<void> {
    return dropEnumTypes(conn, tables, checkfirst);
  }

  override sentinelOrderedBatch(compiled: Compiled, _statement: Compiled["statement"], rows: number): OrderedBatch | null {
    return sentinelOrderedBatch(compiled, rows, this.typeCompiler, this.identifierPreparer);
  }
}

/**
 * The dialect's own options from a URL's query string: `?int8=string` reads int8
 * values as text, `?int8=bigint` (the default) as bigints.
 *
 * @throws ArgumentError for a value other than bigint or string.
 * @example
 * createEngine("postgresql://scott@localhost/app?int8=string"); // count(*) as "3"
 */
export function postgresDialectOptions(url: URL): PostgresDialectOptions {
  const given = url.query.int8;
  if (given === undefined) return {};
  if (typeof given !== "string" || !(INT8_MODES as readonly string[]).includes(given)) {
    const shown = typeof given === "string" ? `'${given}'` : `${given.length} values`;
    throw new ArgumentError(`postgresql URL option int8 must be ${INT8_MODES.join(" or ")}, got ${shown}.`);
  }
  return { int8: given as Int8Mode };
}

/**
 * The `pg.ClientConfig` a URL describes (without type parsers). Parts the URL leaves
 * out fall back to pg's defaults (PGHOST, PGUSER, ... then localhost:5432).
 *
 * @throws ArgumentError for an unknown or malformed query option.
 * @example
 * postgresClientConfig(parseURL("postgresql://scott:tiger@db:5433/app?connect_timeout=10"));
 * // { user: "scott", password: "tiger", host: "db", port: 5433, database: "app", connectionTimeoutMillis: 10000 }
 */
export function postgresClientConfig(url: URL): pg.ClientConfig {
  const config: pg.ClientConfig = {};
  if (url.username !== null) config.user = url.username;
  if (url.password !== null) config.password = url.password;
  if (url.host !== null) config.host = url.host;
  if (url.port !== null) config.port = url.port;
  if (url.database !== null && url.database !== "") config.database = url.database;
  if ("ssl" in url.query && "sslmode" in url.query) {
    throw new ArgumentError("postgresql URL options ssl and sslmode both given; give one of them.");
  }
  for (const [key, given] of Object.entries(url.query)) {
    if (typeof given !== "string") {
      throw new ArgumentError(`postgresql URL option '${key}' is given ${given.length} times; give it once.`);
    }
    switch (key) {
      case "application_name":
        config.application_name = given;
        break;
      case "sslmode":
        config.ssl = sslFromMode(given);
        break;
      case "ssl":
        config.ssl = booleanOption(key, given);
        break;
      case "statement_timeout":
        config.statement_timeout = numberOption(key, given, "milliseconds, e.g. 30000", true);
        break;
      case "int8":
        break; // the dialect's option, read by postgresDialectOptions
      case "connect_timeout":
        config.connectionTimeoutMillis = numberOption(key, given, "seconds, e.g. 10", false) * 1000;
        break;
      default:
        throw new ArgumentError(
          `Unknown postgresql URL option '${key}=${given}'. Supported: ${URL_OPTIONS.join(", ")}; ` +
            `pass other pg.ClientConfig fields as connectArgs.`,
        );
    }
  }
  return config;
}

/** libpq's sslmode as pg's `ssl`; pg cannot fall back from TLS to plain text, so allow/prefer are refused. */
function sslFromMode(mode: string): pg.ClientConfig["ssl"] {
  switch (mode) {
    case "disable":
      return false;
    case "require": // encrypted, certificate not checked (libpq's meaning)
      return { rejectUnauthorized: false };
    case "verify-ca": // the certificate chain is checked, the host name is not
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case "verify-full":
      return { rejectUnauthorized: true };
    default:
      throw new ArgumentError(
        `postgresql URL option sslmode=${mode} is not supported: use disable, require, verify-ca or verify-full ` +
          `(pg cannot fall back between TLS and plain text as allow/prefer would).`,
      );
  }
}

function booleanOption(key: string, value: string): boolean {
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new ArgumentError(`postgresql URL option ${key} must be true, false, 1 or 0, got '${value}'.`);
}

function numberOption(key: string, value: string, expected: string, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new ArgumentError(`postgresql URL option ${key} must be a number of ${expected}, got '${value}'.`);
  }
  return n;
}
