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

/** The error for a table (or view) the database does not have. */
export function noSuchTable(tableName: string, schema: string | null, kind: "Table" | "View" = "Table"): NoSuchTableError {
  const name = qualifiedName(tableName, schema);
  const lister = kind === "Table" ? "getTableNames" : "getViewNames";
  return new NoSuchTableError(
    `${kind} '${name}' does not exist in the database${schema === null ? " (default schema)" : ""}. ` +
      `Check the name and schema (inspector.${lister}() lists what exists), or create the ${kind.toLowerCase()} first.`,
    name,
  );
}

/** Sorted by name, unnamed ones last in the order given (SQLAlchemy sorts CHECK constraints so). */
export function sortByName<T extends { readonly name: string | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name === b.name ? 0 : a.name === null ? 1 : b.name === null ? -1 : a.name < b.name ? -1 : 1));
}

/**
 * Everything reflection knows about one table (or view), on one connection: columns,
 * primary key, foreign keys, indexes, UNIQUE and CHECK constraints, comment and the
 * dialect's table options. NoSuchTableError when it does not exist.
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
    checkConstraints: sortByName(await reflection.getCheckConstraints(conn, tableName, schema)),
    comment: (await reflection.getTableComment(conn, tableName, schema)).text,
    options: (await reflection.getTableOptions?.(conn, tableName, schema)) ?? {},
  };
}
