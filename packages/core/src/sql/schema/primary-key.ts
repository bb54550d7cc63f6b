import type { AnyColumn } from "./column.js";
import type { TableImpl } from "./table.js";
import { TableArgument } from "./table-argument.js";

/** The table's primary key: its columns marked `primaryKey`, or those named here. */
export class PrimaryKeyConstraint extends TableArgument {
  columns: readonly AnyColumn[] = [];

  constructor(
    /** Column keys, when given explicitly: PrimaryKeyConstraint("a", "b"). */
    readonly columnKeys: readonly string[] = [],
    readonly options: { readonly name?: string } = {},
  ) {
    super();
  }

  attachToTable(table: TableImpl): void {
    this.columns = this.columnKeys.map((key) => table.column(key));
    table.setPrimaryKey(this);
  }

  /** SQLAlchemy's repr, as cell In [12] prints it. */
  repr(): string {
    return `PrimaryKeyConstraint(${this.columns.map((c) => c.repr()).join(", ")})`;
  }

  override toString(): string {
    return this.repr();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.repr();
  }
}
