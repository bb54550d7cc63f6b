import { ArgumentError, InvalidRequestError, NoReferencedColumnError, NoReferencedTableError } from "../../errors.js";
import type { TypeEngine } from "../types/type-engine.js";
import { callable } from "./callable.js";
import { ColumnArgument, type AnyColumn } from "./column.js";
import type { ConstraintOptions } from "./constraint.js";
import type { ForeignKeyConstraintImpl } from "./foreign-key-constraint.js";
import type { TableImpl } from "./table.js";

/** What the database does to referencing rows when the referenced row is deleted or updated. */
export type ReferentialAction = "CASCADE" | "RESTRICT" | "SET NULL" | "SET DEFAULT" | "NO ACTION";

const REFERENTIAL_ACTION = /^(CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION)$/i;

export interface ForeignKeyOptions extends ConstraintOptions {
  /** `ON DELETE <action>`. */
  readonly onDelete?: ReferentialAction;
  /** `ON UPDATE <action>`. */
  readonly onUpdate?: ReferentialAction;
  /**
   * Create the constraint after all tables, with `ALTER TABLE ... ADD CONSTRAINT`, which
   * is how `createAll` creates tables whose foreign keys form a cycle. Give it a name so
   * `dropAll` can drop it. Databases without ALTER for constraints (SQLite) keep it
   * inside CREATE TABLE, which they accept before the referenced table exists.
   */
  readonly useAlter?: boolean;
}

/** Checks the options both ForeignKey and ForeignKeyConstraint take. */
export function checkForeignKeyOptions(options: ForeignKeyOptions, what: string): void {
  for (const key of ["onDelete", "onUpdate"] as const) {
    const action = options[key];
    if (action !== undefined && !REFERENTIAL_ACTION.test(action)) {
      throw new ArgumentError(
        `${what}: ${key} must be one of CASCADE, RESTRICT, SET NULL, SET DEFAULT, NO ACTION; got '${String(action)}'.`,
      );
    }
  }
}

/** The parts of a target `"schema.table.column"` (schema and column optional). */
interface TargetTokens {
  readonly schema: string | null;
  readonly table: string;
  /** Null when the target names a table only: the column with the parent's key. */
  readonly column: string | null;
}

/**
 * A reference from a column to a column of another (or the same) table, as SQLAlchemy's
 * ForeignKey. Given as a Column argument it makes a one-column FOREIGN KEY constraint;
 * a column with no type of its own takes the referenced column's type (cell In [13]).
 */
export class ForeignKeyImpl extends ColumnArgument {
  /** The FOREIGN KEY constraint this reference belongs to, once its table exists. */
  constraint: ForeignKeyConstraintImpl | null = null;
  private parentColumn: AnyColumn | null = null;

  constructor(
    /** `"table.column"`, `"schema.table.column"`, or the referenced Column itself. */
    readonly target: string | AnyColumn,
    readonly options: ForeignKeyOptions = {},
  ) {
    super();
    if (typeof target === "string") {
      if (target === "" || target.split(".").some((part) => part === "")) {
        throw new ArgumentError(`ForeignKey("${target}"): name the target as "table.column" or "schema.table.column".`);
      }
    } else if (typeof target !== "object" || target === null || !("foreignKeys" in target)) {
      throw new ArgumentError(`ForeignKey() takes "table.column" or a Column; got ${String(target)}.`);
    }
    checkForeignKeyOptions(options, `ForeignKey('${this.targetFullname}')`);
  }

  attachToColumn(column: AnyColumn): void {
    if (this.parentColumn !== null && this.parentColumn !== column) {
      throw new ArgumentError(`ForeignKey('${this.targetFullname}') already belongs to column '${this.parentColumn.name}'; create another one.`);
    }
    this.parentColumn = column;
    column.foreignKeys.add(this);
  }

  /** The column holding the reference. */
  get parent(): AnyColumn {
    if (this.parentColumn === null) {
      throw new InvalidRequestError(`ForeignKey('${this.targetFullname}') is not attached to a Column yet.`);
    }
    return this.parentColumn;
  }

  /** The target as a string: `"user_account.id"`. */
  get targetFullname(): string {
    const target = this.target;
    if (typeof target === "string") return target;
    return target.table === null ? target.key : `${target.table.fullname}.${target.key}`;
  }

  /** The referenced table's name as the target spells it (for naming conventions). */
  get referredTableName(): string {
    return this.tokens().table;
  }

  /** The referenced column's name as the target spells it (the parent's when the target names a table only). */
  get referredColumnName(): string {
    return typeof this.target === "string" ? (this.tokens().column ?? this.parent.key) : this.target.name;
  }

  /**
   * The referenced column. A string target is looked up in the parent table's MetaData,
   * so the referenced table may be defined later; an error names what is missing.
   */
  get column(): AnyColumn {
    const found = this.resolve(true);
    return found as AnyColumn;
  }

  /** The referenced column, or null while its table is not in the MetaData yet. */
  resolveOrNull(): AnyColumn | null {
    return this.resolve(false);
  }

  /** Hook for a column typed only by its ForeignKey: the referenced column's type, once resolvable. */
  referencedType(): TypeEngine<unknown> | null {
    const column = this.parentColumn === null ? null : this.resolve(false);
    if (column === null || column === this.parentColumn) return null;
    const type = column.type;
    return type.visitName === "null" ? null : type;
  }

  /** Whether this reference points into `table`. */
  references(table: TableImpl): boolean {
    return this.column.table === table;
  }

  /** The column of `table` this reference points at, or null if it points elsewhere. */
  getReferent(table: TableImpl): AnyColumn | null {
    const column = this.column;
    return column.table === table ? column : null;
  }

  /** SQLAlchemy's repr: `ForeignKey('user_account.id')`. */
  repr(): string {
    return `ForeignKey('${this.targetFullname}')`;
  }

  override toString(): string {
    return this.repr();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.repr();
  }

  private tokens(): TargetTokens {
    const target = this.target;
    if (typeof target !== "string") {
      const table = target.table as TableImpl | null;
      return { schema: table?.schema ?? null, table: table?.name ?? "", column: target.key };
    }
    const parts = target.split(".");
    if (parts.length === 1) return { schema: null, table: parts[0] as string, column: null };
    const column = parts.pop() as string;
    const table = parts.pop() as string;
    return { schema: parts.length > 0 ? parts.join(".") : null, table, column };
  }

  private resolve(required: boolean): AnyColumn | null {
    const target = this.target;
    if (typeof target !== "string") {
      if (target.table === null && required) {
        throw new InvalidRequestError(`ForeignKey to column '${target.name}': that column is not attached to a Table yet.`);
      }
      return target.table === null ? null : target;
    }
    const parent = this.parentColumn;
    const parentTable = parent?.table as TableImpl | null | undefined;
    if (parent === null || parentTable == null || !("metadata" in parentTable)) {
      if (!required) return null;
      throw new InvalidRequestError(`ForeignKey('${target}') cannot be resolved before its column is part of a Table.`);
    }
    const { schema, table: tableName, column: columnName } = this.tokens();
    const tables = parentTable.metadata.tables;
    const defaultSchema = parentTable.metadata.options.schema;
    const referenced =
      tables.get(schema === null ? tableName : `${schema}.${tableName}`) ??
      (schema === null && defaultSchema !== undefined ? tables.get(`${defaultSchema}.${tableName}`) : undefined);
    const parentName = `${parentTable.name}.${parent.name}`;
    const qualified = schema === null ? tableName : `${schema}.${tableName}`;
    if (referenced === undefined) {
      if (!required) return null;
      throw new NoReferencedTableError(
        `Foreign key associated with column '${parentName}' could not find table '${qualified}' with which to ` +
          `generate a foreign key to target column '${columnName ?? parent.key}'. Define Table("${tableName}", ...) ` +
          `in the same MetaData, or fix the target of ForeignKey('${target}').`,
        qualified,
      );
    }
    const key = columnName ?? parent.key;
    const column = referenced.columns.find((c) => c.key === key);
    if (column === undefined) {
      if (!required) return null;
      throw new NoReferencedColumnError(
        `Could not initialize target column for ForeignKey '${target}' on table '${parentTable.name}': ` +
          `table '${referenced.name}' has no column named '${key}'. Its columns are ` +
          `${referenced.columns.map((c) => `'${c.key}'`).join(", ")}.`,
        qualified,
        key,
      );
    }
    return column;
  }
}

export type ForeignKey = ForeignKeyImpl;

/**
 * A column's reference to another table's column, as SQLAlchemy's `ForeignKey`.
 * Without a type of its own, the column takes the referenced column's type.
 *
 * @example
 * Column("user_id", ForeignKey("user_account.id", { onDelete: "CASCADE" }), { nullable: false })
 */
export const ForeignKey = callable(
  ForeignKeyImpl,
  (target: string | AnyColumn, options?: ForeignKeyOptions) => new ForeignKeyImpl(target, options),
);
