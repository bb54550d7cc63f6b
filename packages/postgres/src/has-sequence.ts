import type { Connection } from "@alkahest/core/dialect";

const HAS_SEQUENCE =
  "SELECT EXISTS (SELECT * FROM pg_catalog.pg_class JOIN pg_catalog.pg_namespace " +
  "ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace " +
  "WHERE pg_catalog.pg_class.relkind = 'S' AND pg_catalog.pg_class.relname = $1 AND ";

/**
 * As SQLAlchemy's PostgreSQL `has_sequence`: whether a sequence of this name is visible
 * on the search path (or exists in `schema`), from pg_catalog.
 *
 * @example
 * await hasSequence(conn, "user_id_seq", null); // true once createAll created it
 */
export async function hasSequence(conn: Connection, name: string, schema: string | null): Promise<boolean> {
  const result =
    schema === null
      ? await conn.execDriverSql(`${HAS_SEQUENCE}pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid))`, [name])
      : await conn.execDriverSql(`${HAS_SEQUENCE}pg_catalog.pg_namespace.nspname = $2)`, [name, schema]);
  return result.scalar() === true;
}
