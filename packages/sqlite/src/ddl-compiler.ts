import { DDLCompiler, type AnyColumn, type ForeignKeyConstraint, type Index, type Table } from "@alkahest/core/dialect";

/**
 * SQLite's DDL, as SQLAlchemy's SQLiteDDLCompiler: a schema is an attached database,
 * so a FOREIGN KEY names its table without one (and cannot cross databases), and an
 * index is qualified by its name (`schema.ix ON t`), not its table. There is no ALTER
 * TABLE ... ADD CONSTRAINT: `useAlter` foreign keys stay inside CREATE TABLE, which
 * SQLite accepts before the referenced table exists (capabilities.alterConstraints).
 *
 * @example
 * Column("created", DateTime, { serverDefault: text("datetime('now')") })
 * // created DATETIME DEFAULT (datetime('now'))
 */
export class SQLiteDDLCompiler extends DDLCompiler {
  override visitForeignKeyConstraint(constraint: ForeignKeyConstraint): string | null {
    const local = constraint.table;
    // A foreign key cannot reference a table in another attached database.
    if (local.schema !== constraint.referredTable.schema) return null;
    return super.visitForeignKeyConstraint(constraint);
  }

  override defineConstraintRemoteTable(_constraint: ForeignKeyConstraint, table: Table): string {
    return this.formatTable(table, false);
  }

  /** SQLite takes an expression default only in parentheses: `DEFAULT (datetime('now'))`. */
  override columnDefault(column: AnyColumn): string | null {
    const sql = super.columnDefault(column);
    if (sql === null) return null;
    return !/^\s*['"(]/.test(sql) && /\W/.test(sql) ? `(${sql})` : sql;
  }

  override createIndexName(index: Index): string {
    return this.formatIndexName(index, true);
  }

  override createIndexTable(index: Index): string {
    return this.formatTable(index.table, false);
  }
}
