import { CompileError } from "../errors.js";
import { SetColumnComment, SetTableComment } from "../sql/ddl/comment-ddl.js";
import { AddConstraint, DropConstraint } from "../sql/ddl/constraint-ddl.js";
import { CreateIndex } from "../sql/ddl/index-ddl.js";
import type { SchemaDDLRequest } from "../sql/ddl/schema-ddl-request.js";
import { CreateSequence, DropSequence } from "../sql/ddl/sequence-ddl.js";
import { CreateTable, DropTable } from "../sql/ddl/table-ddl.js";
import type { Sequence } from "../sql/schema/sequence.js";
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
 * order, as the seed's log shows), then the DDL runs in dependency order. Where the
 * database has sequences they are created before the tables (the standalone ones, then
 * those of the tables' columns) and dropped after them; where comments are not part of
 * CREATE TABLE, each table's are set right after its indexes.
 */
export async function runSchemaDDL(conn: Connection, request: SchemaDDLRequest): Promise<void> {
  if (request.operation === "create") await createTables(conn, request);
  else await dropTables(conn, request);
}

async function createTables(conn: Connection, request: SchemaDDLRequest): Promise<void> {
  const tables = await tablesWhere(conn, request, false);
  const { tables: ordered, alterConstraints } = sortTables(tables, "create");
  await conn.dialect.beforeCreateTables(conn, ordered, request.checkfirst);
  for (const sequence of sequencesOf(conn, request.sequences ?? [], ordered)) {
    if (request.checkfirst && (await hasSequence(conn, sequence))) continue;
    await conn.execute(new CreateSequence(sequence));
  }
  const capabilities = conn.dialect.capabilities;
  const separateComments = capabilities.comments === true && capabilities.inlineComments !== true;
  for (const table of ordered) {
    await conn.execute(new CreateTable(table));
    for (const index of table.indexes) await conn.execute(new CreateIndex(index));
    if (separateComments) await setComments(conn, table);
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
  for (const sequence of sequencesOf(conn, [], reversed).concat(sequencesOf(conn, request.sequences ?? [], []))) {
    if (request.checkfirst && !(await hasSequence(conn, sequence))) continue;
    await conn.execute(new DropSequence(sequence));
  }
  await conn.dialect.afterDropTables(conn, reversed, request.checkfirst);
}

/**
 * The sequences to create or drop, each once: `standalone`, then those of the tables'
 * columns in table order. None on a database without sequences, which ignores them.
 */
function sequencesOf(conn: Connection, standalone: readonly Sequence[], tables: readonly Table[]): Sequence[] {
  if (conn.dialect.capabilities.sequences !== true) return [];
  const found = new Set<Sequence>(standalone);
  for (const table of tables) {
    for (const column of table.columns) if (column.sequence !== null) found.add(column.sequence);
  }
  return [...found];
}

function hasSequence(conn: Connection, sequence: Sequence): Promise<boolean> {
  return conn.dialect.hasSequence(conn, sequence.name, sequence.schema);
}

/** The table's comment and its columns' comments, each a statement (`COMMENT ON ...`), as SQLAlchemy sets them. */
async function setComments(conn: Connection, table: Table): Promise<void> {
  if (table.comment !== null) await conn.execute(new SetTableComment(table));
  for (const column of table.columns) {
    if (column.options.comment !== undefined) await conn.execute(new SetColumnComment(column));
  }
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
