import { CompileError } from "../../../errors.js";
import type { CreateTableImpl, DropTableImpl } from "../../ddl/table-ddl.js";
import type { AnyColumn } from "../../schema/column.js";
import type { Constraint } from "../../schema/constraint.js";
import type { ForeignKeyConstraintImpl } from "../../schema/foreign-key-constraint.js";
import type { TableImpl } from "../../schema/table.js";
import type { DDLCompiler } from "../ddl-compiler.js";

/**
 * SQLAlchemy's DDLCompiler.visit_create_table, to the character: a leading newline,
 * each column and then the constraints on their own line after a tab, separated by
 * `, \n`, and `\n)\n\n` at the end.
 */
export function compileCreateTable(ddl: DDLCompiler, create: CreateTableImpl): string {
  const table = create.table;
  let text = `\nCREATE TABLE ${create.options.ifNotExists ? "IF NOT EXISTS " : ""}${ddl.formatTable(table)} `;
  const suffix = ddl.createTableSuffix(table);
  if (suffix !== "") text += `${suffix} `;
  text += "(";
  let separator = "\n";
  let firstPk = false;
  for (const column of table.columns) {
    let processed: string | null;
    try {
      processed = ddl.getColumnSpecification(column, { firstPk: column.primaryKey && !firstPk });
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      throw new CompileError(`(in table '${table.fullname}', column '${column.name}'): ${error.message}`, { cause: error });
    }
    if (processed !== null) {
      text += `${separator}\t${processed}`;
      separator = ", \n";
    }
    if (column.primaryKey) firstPk = true;
  }
  const constraints = ddl.createTableConstraints(table);
  if (constraints !== "") text += `${separator}\t${constraints}`;
  return `${text}\n)${ddl.postCreateTable(table)}\n\n`;
}

/** `\nDROP TABLE t`, as SQLAlchemy writes it. */
export function compileDropTable(ddl: DDLCompiler, drop: DropTableImpl): string {
  return `\nDROP TABLE ${drop.options.ifExists ? "IF EXISTS " : ""}${ddl.formatTable(drop.table)}`;
}

/** The default column specification: `name TYPE [DEFAULT x] [NOT NULL]`. */
export function columnSpecification(ddl: DDLCompiler, column: AnyColumn): string {
  let spec = `${ddl.quote(column.name)} ${ddl.typeDDL(column.type, column)}`;
  const serverDefault = ddl.columnDefault(column);
  if (serverDefault !== null) spec += ` DEFAULT ${serverDefault}`;
  if (!column.nullable) spec += " NOT NULL";
  return spec;
}

/**
 * The PRIMARY KEY, then the other constraints in creation order. A `useAlter` foreign
 * key is left to ALTER TABLE where the database has it; SQLite keeps it inline.
 */
export function createTableConstraints(ddl: DDLCompiler, table: TableImpl): string {
  const constraints: Constraint[] = [];
  if (table.primaryKey.length > 0) constraints.push(table.primaryKey);
  const omitAlter = ddl.supportsAlter;
  for (const constraint of table.constraints) {
    if (constraint === table.primaryKey) continue;
    if (omitAlter && constraint.conventionKey === "fk" && (constraint as ForeignKeyConstraintImpl).useAlter) continue;
    constraints.push(constraint);
  }
  return constraints
    .map((constraint) => ddl.process(constraint))
    .filter((sql): sql is string => sql !== null && sql !== "")
    .join(", \n\t");
}
