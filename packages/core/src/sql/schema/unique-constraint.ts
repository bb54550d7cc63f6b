import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "./callable.js";
import type { AnyColumn } from "./column.js";
import { Constraint, resolveColumns, splitConstraintArgs, type ColumnRef, type ConstraintOptions } from "./constraint.js";
import type { TableImpl } from "./table.js";

/** `UNIQUE (a, b)`: no two rows share these columns' values. */
export class UniqueConstraintImpl extends Constraint {
  readonly conventionKey = "uq";
  private resolved: readonly AnyColumn[] = [];

  constructor(
    readonly columnRefs: readonly ColumnRef[],
    options: ConstraintOptions = {},
  ) {
    super(options);
  }

  get columns(): readonly AnyColumn[] {
    return this.resolved;
  }

  ddlDispatch(compiler: DDLCompiler): string | null {
    return compiler.visitUniqueConstraint(this);
  }

  protected attached(table: TableImpl): void {
    this.resolved = resolveColumns(table, this.columnRefs, "UniqueConstraint");
    table.addConstraint(this);
  }
}

export type UniqueConstraint = UniqueConstraintImpl;

/**
 * A UNIQUE constraint over the named columns, as SQLAlchemy's `UniqueConstraint("a", "b")`.
 * A column's `unique: true` option makes a one-column one.
 *
 * @example
 * Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), Column("email", String(100)),
 *   UniqueConstraint("email", { name: "uq_user_account_email" }));
 */
export const UniqueConstraint = callable(
  UniqueConstraintImpl,
  (...args: (ColumnRef | ConstraintOptions)[]): UniqueConstraintImpl => {
    const { refs, options } = splitConstraintArgs(args, "UniqueConstraint");
    return new UniqueConstraintImpl(refs, options);
  },
);
