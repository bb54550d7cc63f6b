import type { Connection } from "../connection.js";
import type {
  ReflectedColumn,
  ReflectedForeignKey,
  ReflectedIndex,
  ReflectedPrimaryKey,
  ReflectedUniqueConstraint,
} from "./reflected.js";

/**
 * What a dialect implements for reflection (`dialect.reflection`), SQLAlchemy's
 * `Dialect.get_*` methods. Each query runs on the given connection, in its transaction,
 * with `conn.execDriverSql` (logged `[raw sql]`). `schema` null means the connection's
 * default schema (SQLite's `main`, PostgreSQL's search path, MySQL's current database).
 * For a table that does not exist, `getColumns` returns no columns and the Inspector
 * raises NoSuchTableError; the others may return empty results. Existence itself is
 * `Dialect.hasTable`, shared with `createAll({ checkfirst })`.
 *
 * @example
 * class MyDialect extends Dialect {
 *   override readonly reflection: DialectReflection = new MyReflection(this);
 * }
 */
export interface DialectReflection {
  /** The names of the tables (not views) in the schema, sorted. */
  getTableNames(conn: Connection, schema: string | null): Promise<string[]>;
  getColumns(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedColumn[]>;
  getPkConstraint(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedPrimaryKey>;
  getForeignKeys(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedForeignKey[]>;
  getIndexes(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedIndex[]>;
  getUniqueConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedUniqueConstraint[]>;
}
