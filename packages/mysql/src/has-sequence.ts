import type { Connection } from "@alkahest/core/dialect";

/**
 * As SQLAlchemy's MariaDB `has_sequence`: MariaDB keeps a sequence as a table of type
 * SEQUENCE, so information_schema.TABLES lists it; `schema` null means the current database.
 *
 * @example
 * await hasSequence(conn, "user_id_seq", null); // true once createAll created it
 */
export async function hasSequence(conn: Connection, name: string, schema: string | null): Promise<boolean> {
  const sql =
    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'SEQUENCE' AND TABLE_NAME = ? AND " +
    (schema === null ? "TABLE_SCHEMA = DATABASE()" : "TABLE_SCHEMA = ?");
  const rows = await conn.execDriverSql(sql, schema === null ? [name] : [name, schema]);
  return rows.first() !== null;
}
