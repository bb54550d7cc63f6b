import { InvalidRequestError, NoSuchTableError } from "../../errors.js";
import type { Connection } from "../connection.js";
import type { DialectReflection } from "./dialect-reflection.js";
import type { ReflectedTable } from "./reflected.js";

/** The dialect's reflection hooks; an error naming the fix when it has none. */
export function reflectionOf(conn: Connection): DialectReflection {
  const reflection = conn.dialect.reflection;
  if (reflection === null) {
    throw new InvalidRequestError(
      `The ${conn.dialect.name} dialect does not implement reflection (dialect.reflection is null). ` +
        `Declare the Table with its columns instead, or implement DialectReflection for the dialect.`,
    );
  }
  return reflection;
}

/** `table` or `schema.table`, for messages. */
export function qualifiedName(tableName: string, schema: string | null): string {
  return schema === null ? tableName : `${schema}.${tableName}`;
}

/** The error for a table the database does not have. */
export function noSuchTable(tableName: string, schema: string | null): NoSuchTableError {
  const name = qualifiedName(tableName, schema);
  return new NoSuchTableError(
    `Table '${name}' does not exist in the database${schema === null ? " (default schema)" : ""}. ` +
      `Check the name and schema (inspector.getTableNames() lists what exists), or create the table first.`,
    name,
  );
}

/**
 * Everything reflection knows about one table, on one connection: columns, primary key,
 * foreign keys, indexes and UNIQUE constraints. NoSuchTableError when it does not exist.
 */
export async function reflectTableData(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedTable> {
  const reflection = reflectionOf(conn);
  const columns = await reflection.getColumns(conn, tableName, schema);
  if (columns.length === 0) throw noSuchTable(tableName, schema);
  return {
    name: tableName,
    schema,
    columns,
    primaryKey: await reflection.getPkConstraint(conn, tableName, schema),
    foreignKeys: await reflection.getForeignKeys(conn, tableName, schema),
    indexes: await reflection.getIndexes(conn, tableName, schema),
    uniqueConstraints: await reflection.getUniqueConstraints(conn, tableName, schema),
  };
}
