import { ArgumentError, InvalidRequestError } from "../../errors.js";
import { ClauseElement } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import { callable } from "./callable.js";
import { ColumnImpl, type AnyColumn } from "./column.js";
import { nextCreationOrder } from "./constraint.js";
import { conventionName, type ConventionSubject } from "./naming.js";
import type { TableImpl } from "./table.js";
import { TableArgument } from "./table-argument.js";

/** What an index covers: a column key, a Column, or an expression (`lower(name)`). */
export type IndexExpression = string | AnyColumn | ClauseElement;

export interface IndexOptions {
  /** CREATE UNIQUE INDEX. */
  readonly unique?: boolean;
}

/**
 * An index on a table's columns or expressions, as SQLAlchemy's Index. Created with the
 * table by `createAll` (CREATE INDEX after its CREATE TABLE), or on its own with
 * `CreateIndex`. An index given Column objects attaches itself to their table.
 */
export class IndexImpl extends TableArgument implements ConventionSubject {
  readonly creationOrder = nextCreationOrder();
  readonly conventionKey = "ix";
  readonly explicitName: string | null;
  readonly unique: boolean;
  private resolvedExpressions: readonly (AnyColumn | ClauseElement)[] = [];
  private attachedTable: TableImpl | null = null;

  constructor(
    name: string | null,
    readonly expressionRefs: readonly IndexExpression[],
    options: IndexOptions = {},
  ) {
    super();
    if (name !== null && (typeof name !== "string" || name === "")) {
      throw new ArgumentError(`Index() takes a name (or null for a generated one) first, got ${String(name)}.`);
    }
    if (expressionRefs.length === 0) {
      throw new ArgumentError(`Index('${name ?? ""}') needs at least one column or expression.`);
    }
    for (const ref of expressionRefs) {
      if (typeof ref !== "string" && !(ref instanceof ClauseElement)) {
        throw new ArgumentError(`Index('${name ?? ""}', ...): unexpected argument ${String(ref)}; pass column keys, Columns or expressions.`);
      }
    }
    this.explicitName = name;
    this.unique = options.unique ?? false;
    const table = tableOf(expressionRefs);
    if (table !== null) this.attachToTable(table);
  }

  /** The indexed columns and expressions, in order (column keys resolved). */
  get expressions(): readonly (AnyColumn | ClauseElement)[] {
    return this.resolvedExpressions;
  }

  /** The plain columns among the expressions. */
  get columns(): readonly AnyColumn[] {
    return this.resolvedExpressions.filter((e): e is AnyColumn => e instanceof ColumnImpl);
  }

  get table(): TableImpl {
    if (this.attachedTable === null) {
      throw new InvalidRequestError(`Index '${this.explicitName ?? ""}' is not associated with any table; pass it to Table(...).`);
    }
    return this.attachedTable;
  }

  get isAttached(): boolean {
    return this.attachedTable !== null;
  }

  /** The name it is created with: explicit, or from the naming convention (`ix_user_account_name`). */
  get name(): string | null {
    const table = this.attachedTable;
    return table === null ? this.explicitName : conventionName(this, table, table.metadata.namingConvention);
  }

  /** True when the name comes from a naming convention (which may be shortened to fit the database). */
  get nameIsGenerated(): boolean {
    return this.name !== this.explicitName;
  }

  attachToTable(table: TableImpl): void {
    if (this.attachedTable === table) return;
    if (this.attachedTable !== null) {
      throw new ArgumentError(`Index '${this.explicitName ?? ""}' already belongs to table '${this.attachedTable.fullname}'.`);
    }
    this.resolvedExpressions = this.expressionRefs.map((ref) => {
      if (typeof ref === "string") return table.column(ref);
      if (ref instanceof ColumnImpl && ref.table !== table) {
        throw new ArgumentError(`Index '${this.explicitName ?? ""}': column '${ref.name}' is not a column of table '${table.fullname}'.`);
      }
      return ref;
    });
    this.attachedTable = table;
    table.addIndex(this);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const exprs = this.resolvedExpressions.map((e) => (e instanceof ColumnImpl ? e.repr() : String(e)));
    return `Index(${[this.name === null ? "None" : `'${this.name}'`, ...exprs].join(", ")}${this.unique ? ", unique=True" : ""})`;
  }
}

/** The table the Column objects (or, failing those, the expressions) belong to. */
function tableOf(refs: readonly IndexExpression[]): TableImpl | null {
  for (const ref of refs) {
    if (ref instanceof ColumnImpl && ref.table !== null) return ref.table as TableImpl;
  }
  for (const ref of refs) {
    if (ref instanceof ColumnElement) {
      const from = ref.fromObjects()[0];
      if (from !== undefined && "metadata" in from) return from as TableImpl;
    }
  }
  return null;
}

export type Index = IndexImpl;

type IndexArg = IndexExpression | IndexOptions;

/**
 * An index, as SQLAlchemy's `Index(name, *expressions, unique=False)`; a column's
 * `index: true` option makes a one-column one named by the naming convention.
 *
 * @example
 * Index("ix_user_name_fullname", userTable.c.name, userTable.c.fullname, { unique: true });
 * Table("t", metadata, Column("x", Integer), Index("ix_t_x", "x"));
 */
export const Index = callable(IndexImpl, (name: string | null, ...args: IndexArg[]): IndexImpl => {
  const refs: IndexExpression[] = [];
  let options: IndexOptions = {};
  for (const arg of args) {
    if (typeof arg === "string" || arg instanceof ClauseElement) refs.push(arg);
    else if (typeof arg === "object" && arg !== null && !Array.isArray(arg)) options = { ...options, ...arg };
    else throw new ArgumentError(`Index('${name ?? ""}', ...): unexpected argument ${String(arg)}.`);
  }
  return new IndexImpl(name, refs, options);
});
