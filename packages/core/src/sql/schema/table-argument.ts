import type { TableImpl } from "./table.js";

/** Things a Table takes besides columns: constraints and indexes. */
export abstract class TableArgument {
  /** Called once the table's columns are in place. */
  abstract attachToTable(table: TableImpl): void;
}
