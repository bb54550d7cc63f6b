import { ArgumentError } from "../../errors.js";
import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "./callable.js";
import type { AnyColumn } from "./column.js";
import { Constraint, resolveColumns, type ColumnRef } from "./constraint.js";
import { checkForeignKeyOptions, ForeignKeyImpl, type ForeignKeyOptions, type ReferentialAction } from "./foreign-key.js";
import type { TableImpl } from "./table.js";

/**
 * `FOREIGN KEY(a, b) REFERENCES other (x, y)`: one ForeignKey per column pair. A
 * ForeignKey given to a Column makes a one-column constraint of its own.
 */
export class ForeignKeyConstraintImpl extends Constraint {
  readonly conventionKey = "fk";
  readonly onDelete: ReferentialAction | null;
  readonly onUpdate: ReferentialAction | null;
  readonly useAlter: boolean;
  private fkElements: readonly ForeignKeyImpl[];

  constructor(
    private readonly columnRefs: readonly ColumnRef[],
    private readonly targets: readonly (string | AnyColumn)[],
    readonly options: ForeignKeyOptions = {},
    /** A column-level ForeignKey whose constraint this is. */
    element: ForeignKeyImpl | null = null,
  ) {
    super(options);
    if (element === null && (columnRefs.length === 0 || columnRefs.length !== targets.length)) {
      throw new ArgumentError(
        `ForeignKeyConstraint needs as many referenced columns as columns, at least one: got ${columnRefs.length} ` +
          `and ${targets.length}. Example: ForeignKeyConstraint(["user_id"], ["user_account.id"]).`,
      );
    }
    checkForeignKeyOptions(options, "ForeignKeyConstraint");
    this.onDelete = options.onDelete ?? null;
    this.onUpdate = options.onUpdate ?? null;
    this.useAlter = options.useAlter ?? false;
    this.fkElements = element === null ? [] : [element];
  }

  /** The ForeignKey of each column pair, in order. */
  get elements(): readonly ForeignKeyImpl[] {
    return this.fkElements;
  }

  /** The referencing columns. */
  get columns(): readonly AnyColumn[] {
    return this.fkElements.map((fk) => fk.parent);
  }

  /** The referenced columns (resolved in the MetaData; an error when missing). */
  get referredColumns(): readonly AnyColumn[] {
    return this.fkElements.map((fk) => fk.column);
  }

  /** The referenced table (resolved in the MetaData; an error when missing). */
  get referredTable(): TableImpl {
    return (this.fkElements[0] as ForeignKeyImpl).column.table as TableImpl;
  }

  /** For naming conventions: the referenced names as the targets spell them. */
  get referred(): { readonly tableName: string; readonly columnNames: readonly string[] } {
    return {
      tableName: this.fkElements[0]?.referredTableName ?? "",
      columnNames: this.fkElements.map((fk) => fk.referredColumnName),
    };
  }

  ddlDispatch(compiler: DDLCompiler): string | null {
    return compiler.visitForeignKeyConstraint(this);
  }

  protected attached(table: TableImpl): void {
    if (this.fkElements.length === 0) {
      const columns = resolveColumns(table, this.columnRefs, "ForeignKeyConstraint");
      this.fkElements = columns.map((column, i) => {
        const fk = new ForeignKeyImpl(this.targets[i] as string | AnyColumn, this.options);
        fk.constraint = this;
        fk.attachToColumn(column);
        return fk;
      });
    }
    table.addConstraint(this);
  }

  repr(): string {
    return `ForeignKeyConstraint(${this.fkElements.map((fk) => `'${fk.parent.name}'`).join(", ")} -> ${this.fkElements
      .map((fk) => `'${fk.targetFullname}'`)
      .join(", ")})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.repr();
  }
}

export type ForeignKeyConstraint = ForeignKeyConstraintImpl;

/**
 * A (possibly composite) foreign key declared on the table, as SQLAlchemy's
 * `ForeignKeyConstraint([...columns], [...referenced], options)`.
 *
 * @example
 * Table("invoice_item", metadata,
 *   Column("invoice_id", Integer), Column("ref_num", Integer),
 *   ForeignKeyConstraint(["invoice_id", "ref_num"], ["invoice.invoice_id", "invoice.ref_num"], { onDelete: "CASCADE" }));
 */
export const ForeignKeyConstraint = callable(
  ForeignKeyConstraintImpl,
  (columns: readonly ColumnRef[], refColumns: readonly (string | AnyColumn)[], options?: ForeignKeyOptions) =>
    new ForeignKeyConstraintImpl(columns, refColumns, options),
);

/** Makes the one-column constraint of a ForeignKey given to a Column, when its table is built. */
export function constraintForColumnForeignKey(fk: ForeignKeyImpl, table: TableImpl): ForeignKeyConstraintImpl {
  const constraint = new ForeignKeyConstraintImpl([], [], fk.options, fk);
  fk.constraint = constraint;
  constraint.attachToTable(table);
  return constraint;
}
