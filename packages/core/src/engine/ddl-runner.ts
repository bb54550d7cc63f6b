import { CompileError } from "../errors.js";
import { AddConstraint, DropConstraint } from "../sql/ddl/constraint-ddl.js";
import { CreateIndex } from "../sql/ddl/index-ddl.js";
import type { SchemaDDLRequest } from "../sql/ddl/schema-ddl-request.js";
import { CreateTable, DropTable } from "../sql/ddl/table-ddl.js";
import { sortTables } from "../sql/schema/sort-tables.js";
import type { Table } from "../sql/schema/table.js";
import type { Connection } from "./connection.js";

/**
 * Checks what can be checked without the database: every foreign key resolves, and
 * no foreign-key cycle lacks a `useAlter`. Run before a transaction begins, so a bad
 * schema fails without touching the database.
 */
export function validateSchemaDDL(request: SchemaDDLRequest): void {
  sortTables(request.tables, request.operation);
}

/**
 * `metadata.createAll` / `dropAll` on one connection, as SQLAlchemy's SchemaGenerator
 * and SchemaDropper: with `checkfirst`, every table is looked up first (in MetaData
 * order, as the seed's log shows), then the DDL runs in dependency order.
 */
export async function runSchemaDDL(conn: Connection, request: SchemaDDLRequest): Promise<void> {
  if (request.operation === "create") await createTables(conn, request);
  else await dropTables(conn, request);
}

async function createTables(conn: Connection, request: SchemaDDLRequest): Promise<void> {
  const tables = await tablesWhere(conn, request, false);
  const { tables: ordered, alterConstraints } = sortTables(tables, "create");
  await conn.dialect.beforeCreateTables(conn, ordered, request.checkfirst);
  for (const table of ordered) {
    await conn.execute(new CreateTable(table));
    for (const index of table.indexes) await conn.execute(new CreateIndex(index));
  }
  // Without ALTER (SQLite) the useAlter foreign keys went inside CREATE TABLE, which
  // SQLite accepts before the referenced table exists; there is nothing left to add.
  if (conn.dialect.capabilities.alterConstraints === true) {
    for (const constraint of alterConstraints) await conn.execute(new AddConstraint(constraint));
  }
}

async function dropTables(conn: Connection, request: SchemaDDLRequest): Promise<void> {
  const tables = await tablesWhere(conn, request, true);
  const { tables: ordered, alterConstraints } = sortTables(tables, "drop");
  if (conn.dialect.capabilities.alterConstraints === true) {
    const unnamed = alterConstraints.find((c) => c.name === null);
    if (unnamed !== undefined) {
      throw new CompileError(
        `Can't drop the useAlter foreign key of ${unnamed.table.fullname}(${unnamed.columns.map((c) => c.name).join(", ")}): ` +
          `it has no name, and DROP CONSTRAINT needs one. Give it { name: "..." } or add an "fk" naming convention.`,
      );
    }
    for (const constraint of alterConstraints) await conn.execute(new DropConstraint(constraint));
  }
  const reversed = [...ordered].reverse();
  for (const table of reversed) await conn.execute(new DropTable(table));
  await conn.dialect.afterDropTables(conn, reversed, request.checkfirst);
}

/** The request's tables, with `checkfirst` those that exist (`exists` true) or do not. */
async function tablesWhere(conn: Connection, request: SchemaDDLRequest, exists: boolean): Promise<readonly Table[]> {
  if (!request.checkfirst) return request.tables;
  const selected: Table[] = [];
  for (const table of request.tables) {
    if ((await conn.dialect.hasTable(conn, table.name, table.schema)) === exists) selected.push(table);
  }
  return selected;
}
