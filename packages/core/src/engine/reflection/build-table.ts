import { CheckConstraint } from "../../sql/schema/check-constraint.js";
import { Column, type AnyColumn, type ColumnOptions } from "../../sql/schema/column.js";
import { ForeignKeyConstraint } from "../../sql/schema/foreign-key-constraint.js";
import type { MetaData } from "../../sql/schema/metadata.js";
import { PrimaryKeyConstraint } from "../../sql/schema/primary-key.js";
import { Table, type TableImpl, type TableOptions } from "../../sql/schema/table.js";
import type { TableArgument } from "../../sql/schema/table-argument.js";
import { Index } from "../../sql/schema/table-index.js";
import { UniqueConstraint } from "../../sql/schema/unique-constraint.js";
import { text } from "../../sql/text.js";
import type { ReflectedColumn, ReflectedForeignKey, ReflectedTable } from "./reflected.js";

/**
 * A Table in `metadata` built from what reflection found, as SQLAlchemy's
 * `Inspector.reflect_table`: columns with their types, nullability and server defaults,
 * the primary key, foreign keys (their targets resolve within the MetaData, so reflect
 * the referred tables into it too), UNIQUE and CHECK constraints (the condition as SQL
 * text), indexes, the table's and columns' comments and the dialect's table options
 * (`{ mysql: { engine, charset, collate } }`). Expression indexes and indexes that are
 * a UNIQUE constraint are skipped.
 *
 * @example
 * const table = tableFromReflection(metadata, await reflectTableData(conn, "user_account", null));
 */
export function tableFromReflection(metadata: MetaData, reflected: ReflectedTable): TableImpl {
  const pkNames = reflected.primaryKey.constrainedColumns;
  const columns = reflected.columns.map((c) => columnFromReflection(c, pkNames.includes(c.name)));
  const args: TableArgument[] = [];
  if (pkNames.length > 0) {
    const name = reflected.primaryKey.name;
    args.push(PrimaryKeyConstraint(...pkNames, ...(name === null ? [] : [{ name }])));
  }
  for (const fk of reflected.foreignKeys) args.push(foreignKeyFromReflection(fk, reflected.schema));
  for (const uc of reflected.uniqueConstraints) {
    args.push(UniqueConstraint(...uc.columnNames, ...(uc.name === null ? [] : [{ name: uc.name }])));
  }
  for (const index of reflected.indexes) {
    if (index.duplicatesConstraint !== undefined) continue;
    const columnNames = index.columnNames.filter((n): n is string => n !== null);
    // An index over expressions cannot be rebuilt from column names alone.
    if (columnNames.length !== index.columnNames.length) continue;
    args.push(Index(index.name, ...columnNames, { unique: index.unique }));
  }
  for (const ck of reflected.checkConstraints) {
    args.push(CheckConstraint(ck.sqltext, ...(ck.name === null ? [] : [{ name: ck.name }])));
  }
  const options: TableOptions = {
    ...reflected.options,
    ...(reflected.schema === null ? {} : { schema: reflected.schema }),
    ...(reflected.comment === null ? {} : { comment: reflected.comment }),
  };
  return Table(reflected.name, metadata, ...columns, ...args, options) as unknown as TableImpl;
}

function columnFromReflection(reflected: ReflectedColumn, primaryKey: boolean): AnyColumn {
  const options: ColumnOptions = {
    nullable: reflected.nullable,
    ...(reflected.default === null ? {} : { serverDefault: text(reflected.default) }),
    // Only a primary key column's flag matters; "auto" would wrongly mark a plain integer key.
    ...(primaryKey ? { autoincrement: reflected.autoincrement } : {}),
    ...(reflected.comment === null ? {} : { comment: reflected.comment }),
  };
  return Column(reflected.name, reflected.type, options) as AnyColumn;
}

function foreignKeyFromReflection(fk: ReflectedForeignKey, tableSchema: string | null): TableArgument {
  // A reference into the table's own schema is written without it, so it resolves in a
  // MetaData reflected without a schema name.
  const schema = fk.referredSchema === null || fk.referredSchema === tableSchema ? tableSchema : fk.referredSchema;
  const prefix = schema === null ? "" : `${schema}.`;
  const targets = fk.referredColumns.map((c) => `${prefix}${fk.referredTable}.${c}`);
  return ForeignKeyConstraint(fk.constrainedColumns, targets, {
    ...(fk.name === null ? {} : { name: fk.name }),
    ...fk.options,
  });
}
