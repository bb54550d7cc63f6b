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
 * Reads a version string. MariaDB says so in it; through a MySQL-5-compatible
 * handshake it may carry a "5.5.5-" prefix, which is dropped.
 */
export function parseServerVersion(text: string): ServerVersion {
  const mariadb = /mariadb/i.test(text);
  const digits = mariadb ? text.replace(/^5\.5\.5-/, "") : text;
  const version = (/^\d+(?:\.\d+)*/.exec(digits)?.[0] ?? "0").split(".").map(Number);
  return { flavour: mariadb ? "mariadb" : "mysql", version, text };
}

/** `version >= [major, minor, patch]`, missing parts read as 0. */
export function atLeast(version: readonly number[], ...wanted: readonly number[]): boolean {
  for (let i = 0; i < wanted.length; i++) {
    const have = version[i] ?? 0;
    const want = wanted[i] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}

/**
 * What SQL the server takes, where MySQL and MariaDB or their versions differ: what
 * SQLAlchemy's MySQLDialect.initialize() reads from the server version. The compilers
 * read it through `MySQLDialect.features`.
 */
export interface ServerFeatures {
  readonly flavour: MySQLFlavour;
  /** `DEFAULT (expression)` for a function default: MySQL 8.0.13, MariaDB 10.2.1. */
  readonly defaultExpressions: boolean;
  /** `CAST(x AS DOUBLE)` / `FLOAT`: MySQL 8.0.17 (SQLAlchemy's `_support_float_cast`; not MariaDB). */
  readonly floatCast: boolean;
  /** CHECK constraints are enforced: MySQL 8.0.16 (parsed and ignored before), MariaDB 10.2. */
  readonly checkConstraints: boolean;
  /** A CHECK is dropped with `DROP CHECK` (MySQL) or `DROP CONSTRAINT` (MariaDB). */
  readonly dropCheckKeyword: "CHECK" | "CONSTRAINT";
  /**
   * `\` escapes in string literals, as under the default sql_mode; off when the server
   * runs with NO_BACKSLASH_ESCAPES (SQLAlchemy's `_backslash_escapes`). DDL literals
   * (defaults, comments, ENUM values) are written for it.
   */
  readonly backslashEscapes: boolean;
  /**
   * `INSERT ... AS new ON DUPLICATE KEY UPDATE x = new.x`: MySQL 8.0.20+, where `VALUES(x)`
   * there is deprecated (SQLAlchemy's `_requires_alias_for_on_duplicate_key`); not MariaDB.
   */
  readonly upsertRowAlias: boolean;
  /**
   * How rows of literal values follow a SELECT in a UNION: MariaDB 10.3's table value
   * constructor `VALUES (a, b), ...`, MySQL 8.0.19's `VALUES ROW(a, b), ...`, or none
   * (each row its own `SELECT a, b`).
   */
  readonly valuesRows: "VALUES" | "VALUES ROW" | null;
}

export function serverFeatures(flavour: MySQLFlavour, version: readonly number[], backslashEscapes = true): ServerFeatures {
  const mariadb = flavour === "mariadb";
  return Object.freeze({
    flavour,
    defaultExpressions: mariadb ? atLeast(version, 10, 2, 1) : atLeast(version, 8, 0, 13),
    floatCast: !mariadb && atLeast(version, 8, 0, 17),
    checkConstraints: mariadb ? atLeast(version, 10, 2) : atLeast(version, 8, 0, 16),
    dropCheckKeyword: mariadb ? "CONSTRAINT" : "CHECK",
    backslashEscapes,
    upsertRowAlias: !mariadb && atLeast(version, 8, 0, 20),
    valuesRows: mariadb ? (atLeast(version, 10, 3, 3) ? "VALUES" : null) : atLeast(version, 8, 0, 19) ? "VALUES ROW" : null,
  });
}
