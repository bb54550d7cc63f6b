import type { DialectTableOptions } from "../../sql/schema/dialect-options.js";
import type { Connection } from "../connection.js";
import type {
  ReflectedCheckConstraint,
  ReflectedColumn,
  ReflectedForeignKey,
  ReflectedIndex,
  ReflectedPrimaryKey,
  ReflectedTableComment,
  ReflectedUniqueConstraint,
} from "./reflected.js";

/**
 * What a dialect implements for reflection (`dialect.reflection`), SQLAlchemy's
 * `Dialect.get_*` methods. Each query runs on the given connection, in its transaction,
 * with `conn.execDriverSql` (logged `[raw sql]`). `schema` null means the connection's
 * default schema (SQLite's `main`, PostgreSQL's search path, MySQL's current database).
 * For a table that does not exist, `getColumns` returns no columns and the Inspector
 * raises NoSuchTableError; the others may return empty results. Existence itself is
 * `Dialect.hasTable`, shared with `createAll({ checkfirst })`. A view answers the
 * table questions too (its columns; no keys), so `metadata.reflect({ views: true })`
 * builds Tables of views.
 *
 * @example
 * class MyDialect extends Dialect {
 *   override readonly reflection: DialectReflection = new MyReflection(this);
 * }
 */
export interface DialectReflection {
  /** The names of the tables (not views) in the schema, sorted. */
  getTableNames(conn: Connection, schema: string | null): Promise<string[]>;
  /** The names of the (plain) views in the schema, sorted. */
  getViewNames(conn: Connection, schema: string | null): Promise<string[]>;
  /** The names of the materialized views, sorted; leave it out where the database has none. */
  getMaterializedViewNames?(conn: Connection, schema: string | null): Promise<string[]>;
  /** The view's definition as the database keeps it (at least its SELECT); null when there is no such view. */
  getViewDefinition(conn: Connection, viewName: string, schema: string | null): Promise<string | null>;
  getColumns(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedColumn[]>;
  getPkConstraint(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedPrimaryKey>;
  getForeignKeys(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedForeignKey[]>;
  getIndexes(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedIndex[]>;
  getUniqueConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedUniqueConstraint[]>;
  /** The CHECK constraints, in any order (the Inspector sorts them by name). */
  getCheckConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedCheckConstraint[]>;
  /** The table's comment; `{ text: null }` where it has none or the database keeps none. */
  getTableComment(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedTableComment>;
  /**
   * The dialect's own table options, in its namespace (`{ mysql: { engine: "InnoDB" } }`),
   * what a Table built from the reflection is given; leave it out where there are none.
   */
  getTableOptions?(conn: Connection, tableName: string, schema: string | null): Promise<DialectTableOptions>;
}
