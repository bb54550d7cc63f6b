import { ArgumentError } from "../../errors.js";
import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "./callable.js";
import type { AnyColumn } from "./column.js";
import { Constraint, resolveColumns, splitConstraintArgs, type ColumnRef, type ConstraintOptions } from "./constraint.js";
import type { TableImpl } from "./table.js";

const INTEGER_TYPES: ReadonlySet<string> = new Set(["integer", "big_integer", "small_integer"]);

/**
 * The table's primary key: the columns marked `primaryKey`, or those an explicit
 * `PrimaryKeyConstraint(...)` names (which marks them primary key and NOT NULL).
 */
export class PrimaryKeyConstraintImpl extends Constraint {
  readonly conventionKey = "pk";
  /** True for the constraint a table builds from its columns' `primaryKey` flags. */
  readonly implicit: boolean;
  private resolved: readonly AnyColumn[] = [];

  constructor(
    /** Column keys or columns, when given explicitly: PrimaryKeyConstraint("a", "b"). */
    readonly columnRefs: readonly ColumnRef[],
    options: ConstraintOptions = {},
    implicit = false,
  ) {
    super(options);
    this.implicit = implicit;
  }

  /** The table's primary key from its columns' flags. */
  static fromColumnFlags(columns: readonly AnyColumn[]): PrimaryKeyConstraintImpl {
    return new PrimaryKeyConstraintImpl(columns.filter((c) => c.primaryKey), {}, true);
  }

  get columns(): readonly AnyColumn[] {
    return this.resolved;
  }

  get length(): number {
    return this.resolved.length;
  }

  /**
   * The column the database numbers by itself (SERIAL, AUTO_INCREMENT, SQLite's rowid),
   * as SQLAlchemy's `_autoincrement_column`: a lone integer primary key column with no
   * default and no foreign key when `autoincrement` is "auto" (the default), or the
   * column marked `autoincrement: true`.
   */
  get autoincrementColumn(): AnyColumn | null {
    const explicit = this.resolved.filter((c) => c.options.autoincrement === true);
    if (explicit.length > 1) {
      throw new ArgumentError(
        `Only one column of a primary key can be autoincrement; ${explicit.map((c) => `'${c.name}'`).join(", ")} are marked autoincrement: true.`,
      );
    }
    const [marked] = explicit;
    if (marked !== undefined) {
      if (!INTEGER_TYPES.has(marked.type.visitName)) {
        throw new ArgumentError(`Column type ${String(marked.type)} on column '${marked.name}' is not compatible with autoincrement: true.`);
      }
      return marked;
    }
    const [only] = this.resolved;
    if (this.resolved.length !== 1 || only === undefined) return null;
    const auto = only.options.autoincrement ?? "auto";
    const qualifies =
      auto === "auto" &&
      INTEGER_TYPES.has(only.type.visitName) &&
      only.options.default === undefined &&
      only.options.serverDefault === undefined &&
      only.foreignKeys.size === 0;
    return qualifies ? only : null;
  }

  /** The columns with the autoincrement column first, as SQLAlchemy orders an implicit key. */
  get columnsAutoincrementFirst(): readonly AnyColumn[] {
    const autoinc = this.autoincrementColumn;
    return autoinc === null ? this.resolved : [autoinc, ...this.resolved.filter((c) => c !== autoinc)];
  }

  ddlDispatch(compiler: DDLCompiler): string | null {
    return compiler.visitPrimaryKeyConstraint(this);
  }

  protected attached(table: TableImpl): void {
    this.resolved = resolveColumns(table, this.columnRefs, "PrimaryKeyConstraint");
    if (!this.implicit) for (const column of this.resolved) column.markPrimaryKey();
    table.setPrimaryKey(this);
  }

  /** SQLAlchemy's repr, as cell In [12] prints it. */
  repr(): string {
    return `PrimaryKeyConstraint(${this.resolved.map((c) => c.repr()).join(", ")})`;
  }

  override toString(): string {
    return this.repr();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.repr();
  }
}

export type PrimaryKeyConstraint = PrimaryKeyConstraintImpl;

/**
 * A primary key over the named columns, as SQLAlchemy's `PrimaryKeyConstraint("a", "b")`;
 * the columns become NOT NULL unless their `nullable` was given.
 *
 * @example
 * Table("membership", metadata,
 *   Column("user_id", Integer), Column("group_id", Integer),
 *   PrimaryKeyConstraint("user_id", "group_id", { name: "pk_membership" }));
 */
export const PrimaryKeyConstraint = callable(
  PrimaryKeyConstraintImpl,
  (...args: (ColumnRef | ConstraintOptions)[]): PrimaryKeyConstraintImpl => {
    const { refs, options } = splitConstraintArgs(args, "PrimaryKeyConstraint");
    return new PrimaryKeyConstraintImpl(refs, options);
  },
);
