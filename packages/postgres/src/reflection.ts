import type { Connection } from "@alkahest/core/dialect";

/** Relation kinds a table name may stand for: table, partitioned table, foreign table, view, materialized view. */
const TABLE_KINDS = "ARRAY['r', 'p', 'f', 'v', 'm']";

const HAS_TABLE =
  "SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class JOIN pg_catalog.pg_namespace " +
  "ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace " +
  `WHERE pg_catalog.pg_class.relname = $1 AND pg_catalog.pg_class.relkind = ANY (${TABLE_KINDS}) AND `;

/**
 * SQLAlchemy's postgresql `has_table`, through pg_catalog: without a schema, a relation
 * the search path makes visible (`pg_table_is_visible`, which also finds the session's
 * temporary tables), outside pg_catalog; with one, a relation in that schema.
 *
 * @example
 * await hasTable(conn, "user_account", null); // true once createAll ran
 */
export async function hasTable(conn: Connection, tableName: string, schema: string | null): Promise<boolean> {
  const rows =
    schema === null
      ? await conn.execDriverSql(
          `${HAS_TABLE}pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid) AND pg_catalog.pg_namespace.nspname != 'pg_catalog'`,
          [tableName],
        )
      : await conn.execDriverSql(`${HAS_TABLE}pg_catalog.pg_namespace.nspname = $2`, [tableName, schema]);
  return rows.first() !== null;
}
