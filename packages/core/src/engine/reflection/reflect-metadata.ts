import { InvalidRequestError } from "../../errors.js";
import type { ReflectionRequest } from "../../sql/schema/reflect-request.js";
import type { Connection } from "../connection.js";
import { tableFromReflection } from "./build-table.js";
import { qualifiedName, reflectionOf, reflectTableData } from "./reflect-table-data.js";
import type { ReflectedTable } from "./reflected.js";

/**
 * `metadata.reflect` on one connection, as SQLAlchemy's `MetaData.reflect`: the
 * requested tables (all of the schema's by default, its views too with `views`) and,
 * so their foreign keys resolve, every table they refer to, built into the MetaData.
 * Tables the MetaData already holds are left as they are. Every table is read before
 * any is built, so a failure leaves the MetaData unchanged.
 */
export async function reflectMetadata(conn: Connection, request: ReflectionRequest): Promise<void> {
  const { metadata, schema } = request;
  const reflection = reflectionOf(conn);
  const existing = await reflection.getTableNames(conn, schema);
  if (request.views) {
    existing.push(...(await reflection.getViewNames(conn, schema)));
    existing.push(...((await reflection.getMaterializedViewNames?.(conn, schema)) ?? []));
  }
  let wanted = existing;
  if (request.only !== null) {
    const missing: string[] = [];
    for (const name of request.only) {
      // hasTable also sees what getTableNames leaves out (temporary tables, views).
      if (!existing.includes(name) && !(await conn.dialect.hasTable(conn, name, schema))) missing.push(name);
    }
    if (missing.length > 0) {
      throw new InvalidRequestError(
        `Could not reflect: requested table(s) not available in the database` +
          `${schema === null ? "" : ` (schema '${schema}')`}: (${missing.join(", ")}). ` +
          `Check the names, or leave out \`only\` to reflect every table.`,
      );
    }
    wanted = [...request.only];
  }
  const read: ReflectedTable[] = [];
  const seen = new Set<string>();
  const queue = wanted.map((name) => ({ name, schema }));
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    const key = qualifiedName(item.name, item.schema);
    if (seen.has(key) || metadata.tables.has(key)) continue;
    seen.add(key);
    const table = await reflectTableData(conn, item.name, item.schema);
    read.push(table);
    for (const fk of table.foreignKeys) {
      queue.push({ name: fk.referredTable, schema: fk.referredSchema ?? item.schema });
    }
  }
  for (const table of read) tableFromReflection(metadata, table);
}
