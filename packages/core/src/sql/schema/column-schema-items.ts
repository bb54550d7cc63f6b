import type { AnyColumn } from "./column.js";
import { constraintForColumnForeignKey } from "./foreign-key-constraint.js";
import type { TableImpl } from "./table.js";
import { IndexImpl } from "./table-index.js";
import { UniqueConstraintImpl } from "./unique-constraint.js";

/**
 * What a column's own options and arguments add to its table, when the table is built
 * (SQLAlchemy's Column._set_parent): `index: true` an index (unique when `unique` is
 * also set, and then no separate UNIQUE constraint), `unique: true` a UNIQUE
 * constraint, and each ForeignKey its one-column FOREIGN KEY constraint. A Sequence
 * joins the table's MetaData, which creates and drops it.
 */
export function attachColumnSchemaItems(column: AnyColumn, table: TableImpl): void {
  if (column.options.index === true) {
    new IndexImpl(null, [column.key], { unique: column.options.unique === true }).attachToTable(table);
  } else if (column.options.unique === true) {
    new UniqueConstraintImpl([column.key]).attachToTable(table);
  }
  for (const fk of column.foreignKeys) {
    if (fk.constraint === null) constraintForColumnForeignKey(fk, table);
  }
  column.sequence?.attachToMetadata(table.metadata);
}
