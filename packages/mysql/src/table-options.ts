import { registerDialectOptions, validateTableDialectOptions, type Table } from "@alkahest/core/dialect";

/**
 * MySQL's and MariaDB's table options, SQLAlchemy's `mysql_engine`, `mysql_charset` and
 * `mysql_collate` Table arguments. Written after CREATE TABLE's closing parenthesis;
 * other dialects ignore them. Each is a name (letters, digits, `_`).
 *
 * @example
 * Table("t", metadata, Column("id", Integer, { primaryKey: true }), {
 *   mysql: { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_unicode_ci" },
 * });
 * // CREATE TABLE t (...)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci
 */
export interface MySQLTableOptions {
  /** The storage engine: `ENGINE=InnoDB`. */
  readonly engine?: string;
  /** The table's default character set: `DEFAULT CHARSET=utf8mb4`. */
  readonly charset?: string;
  /** The table's default collation: `COLLATE utf8mb4_unicode_ci`. */
  readonly collate?: string;
}

declare module "@alkahest/core/dialect" {
  interface DialectTableOptions {
    /** MySQL's and MariaDB's table options (see MySQLTableOptions). */
    readonly mysql?: MySQLTableOptions;
  }
}

/** A bare name: the options are written into the DDL unquoted, as the servers take them. */
const NAME = /^\w+$/;

registerDialectOptions("mysql", { table: { engine: NAME, charset: NAME, collate: NAME } });

/**
 * The table's options as CREATE TABLE ends with them, in SQLAlchemy's spelling:
 * `ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci`; "" when none is set.
 */
export function renderTableOptions(table: Table): string {
  const options = table.dialectOptions.mysql;
  if (options === undefined) return "";
  // Checked again: a Table built before this package loaded was not.
  validateTableDialectOptions(table.name, "mysql", options);
  const parts: string[] = [];
  if (options.engine !== undefined) parts.push(`ENGINE=${options.engine}`);
  if (options.charset !== undefined) parts.push(`DEFAULT CHARSET=${options.charset}`);
  if (options.collate !== undefined) parts.push(`COLLATE ${options.collate}`);
  return parts.join(" ");
}
