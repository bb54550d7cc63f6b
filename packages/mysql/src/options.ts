import { ArgumentError, type URL } from "@alkahest/core/dialect";
import mysql from "mysql2";
import type { ConnectionOptions } from "mysql2";

/** Query-string options of a `mysql://` or `mariadb://` URL, named as SQLAlchemy names them. */
export const URL_OPTIONS = ["charset", "ssl", "connect_timeout", "returning"] as const;

/** URL options the dialect reads itself; mysql2 never sees them. */
export interface DialectURLOptions {
  /**
   * `?returning=false`: use no RETURNING even where the server has it (MariaDB 10.5+),
   * as on MySQL: primary keys come from the insert id, INSERT/DELETE ... RETURNING is
   * refused. For a proxy that cannot pass RETURNING through, and to run MySQL's code
   * paths against MariaDB (the conformance suite's mariadb-as-mysql run).
   */
  readonly returning: boolean;
}

/**
 * The dialect's own options from a URL's query string.
 *
 * @throws ArgumentError for a malformed value.
 */
export function dialectURLOptions(url: URL): DialectURLOptions {
  const given = url.query.returning;
  if (given === undefined) return { returning: true };
  const on = typeof given === "string" ? parseFlag(given) : null;
  if (on === null) {
    throw new ArgumentError(`${url.dialect} URL option returning must be true or false, got '${String(given)}'.`);
  }
  return { returning: on };
}

/**
 * How values are read, chosen for exactness; `connectArgs` may change them
 * (e.g. `{ decimalNumbers: true }` for DECIMAL as numbers):
 * - BIGINT (and COUNT(*), SUM of integers) as decimal strings, always: a JavaScript
 *   number loses digits past 2^53, and mysql2 cannot give bigints; a string never
 *   changes type with the size of the value, as `supportBigNumbers` alone would do.
 * - DECIMAL as strings, exact (mysql2's default).
 * - DATETIME/TIMESTAMP/DATE as Dates (`dateStrings: false`), read in UTC (see REQUIRED).
 * - rowcount counts the rows an UPDATE matched, not only those it changed: SQLAlchemy
 *   sets CLIENT_FOUND_ROWS too. mysql2's CLIENT_IGNORE_SPACE is turned off, as PyMySQL
 *   and mysqlclient leave it: it changes the session's sql_mode (makes COUNT, NOW, ...
 *   reserved words on MySQL).
 * - At most 64 server-side prepared statements per connection (mysql2 keeps 16,000):
 *   core prepares only the pages of batched UPDATEs, and the server allows
 *   max_prepared_stmt_count (16,382) across all connections.
 */
const DEFAULTS: ConnectionOptions = {
  supportBigNumbers: true,
  bigNumberStrings: true,
  decimalNumbers: false,
  dateStrings: false,
  maxPreparedStatements: 64,
};

/**
 * What the driver connection relies on, so `connectArgs` cannot change it: rows as
 * arrays (read by position, the fast path); dates read as UTC, matching the session's
 * time_zone '+00:00'; and JSON as text (`jsonStrings`), which core's JSON type parses,
 * as SQLAlchemy's MySQL drivers hand it over. mysql2 would parse MySQL's JSON columns,
 * and MariaDB's (LONGTEXT) only where the server sends its extended column metadata,
 * so that a JSON string value could not be told from JSON text.
 */
const REQUIRED: ConnectionOptions = { rowsAsArray: true, timezone: "Z", jsonStrings: true };

/**
 * The mysql2 connection options for a URL: user, password, host, port, database and
 * the URL's query options, with `connectArgs` merged over them.
 *
 * @throws ArgumentError for an unknown or malformed URL option.
 */
export function connectionOptions(url: URL, connectArgs: Readonly<Record<string, unknown>>): ConnectionOptions {
  const options: ConnectionOptions = { ...DEFAULTS };
  if (url.username !== null) options.user = url.username;
  if (url.password !== null) options.password = url.password;
  if (url.host !== null) options.host = url.host;
  if (url.port !== null) options.port = url.port;
  if (url.database !== null && url.database !== "") options.database = url.database;
  Object.assign(options, queryOptions(url), connectArgs, REQUIRED);
  options.flags = ["-IGNORE_SPACE", ...userFlags(connectArgs.flags), "FOUND_ROWS"];
  return options;
}

function queryOptions(url: URL): ConnectionOptions {
  const options: ConnectionOptions = {};
  for (const [key, given] of Object.entries(url.query)) {
    if (typeof given !== "string") {
      throw new ArgumentError(`${url.dialect} URL option '${key}' is given more than once; give it once.`);
    }
    if (key === "charset") {
      if (knownCharsets()[given.toUpperCase()] === undefined) {
        throw new ArgumentError(`${url.dialect} URL option charset=${given} is not a charset mysql2 knows, e.g. utf8mb4.`);
      }
      options.charset = given;
    } else if (key === "ssl") {
      const on = parseFlag(given);
      if (on === null) {
        throw new ArgumentError(
          `${url.dialect} URL option ssl must be true or false, got '${given}'; ` +
            `pass certificates as connectArgs: { ssl: { ca, cert, key } }.`,
        );
      }
      // An empty object turns TLS on with mysql2's defaults, which verify the server's certificate.
      if (on) options.ssl = {};
    } else if (key === "returning") {
      // The dialect's option (dialectURLOptions), validated there.
    } else if (key === "connect_timeout") {
      const seconds = Number(given);
      if (given.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
        throw new ArgumentError(`${url.dialect} URL option connect_timeout must be a number of seconds > 0, got '${given}'.`);
      }
      options.connectTimeout = seconds * 1000;
    } else {
      throw new ArgumentError(
        `Unknown ${url.dialect} URL option '${key}=${given}'. Supported: ${URL_OPTIONS.join(", ")}; ` +
          `pass other mysql2 options as createEngine(url, { connectArgs: { ... } }).`,
      );
    }
  }
  return options;
}

function parseFlag(text: string): boolean | null {
  switch (text.toLowerCase()) {
    case "true":
    case "1":
    case "yes":
      return true;
    case "false":
    case "0":
    case "no":
      return false;
    default:
      return null;
  }
}

/** mysql2 takes flags as an array or a comma-separated string. */
function userFlags(flags: unknown): string[] {
  if (Array.isArray(flags)) return flags.map(String);
  if (typeof flags === "string") return flags.split(",").map((f) => f.trim()).filter((f) => f !== "");
  return [];
}

/** mysql2's charset table (a runtime export its typings leave out). */
function knownCharsets(): Readonly<Record<string, number>> {
  return (mysql as unknown as { readonly Charsets: Readonly<Record<string, number>> }).Charsets;
}
