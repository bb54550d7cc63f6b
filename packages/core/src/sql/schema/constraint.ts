import { ArgumentError, InvalidRequestError } from "../../errors.js";
import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { ColumnImpl, type AnyColumn } from "./column.js";
import { conventionName, type ConventionKey, type ConventionSubject } from "./naming.js";
import type { TableImpl } from "./table.js";
import { TableArgument } from "./table-argument.js";

let creationCounter = 0;

/**
 * A process-wide sequence number. CREATE TABLE lists constraints in the order they
 * were created, as SQLAlchemy does, so the DDL follows the order of the schema code.
 */
export function nextCreationOrder(): number {
  return ++creationCounter;
}

/** Options every constraint takes. */
export interface ConstraintOptions {
  /** The constraint's name; without one, the MetaData's naming convention may give one. */
  readonly name?: string;
  /** `DEFERRABLE` / `NOT DEFERRABLE`, where the database supports it. */
  readonly deferrable?: boolean;
  /** `INITIALLY DEFERRED` or `INITIALLY IMMEDIATE`. */
  readonly initially?: "DEFERRED" | "IMMEDIATE";
}

const INITIALLY = /^(DEFERRED|IMMEDIATE)$/i;

/**
 * A table constraint: PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK. It is attached to one
 * table (passed to `Table(...)`, or created by a column's options) and rendered by
 * the dialect's DDLCompiler inside CREATE TABLE, or by ALTER TABLE ADD CONSTRAINT.
 */
export abstract class Constraint extends TableArgument implements ConventionSubject {
  readonly creationOrder = nextCreationOrder();
  abstract readonly conventionKey: ConventionKey;
  readonly explicitName: string | null;
  readonly deferrable: boolean | null;
  readonly initially: string | null;
  private attachedTable: TableImpl | null = null;

  constructor(options: ConstraintOptions) {
    super();
    if (options.name !== undefined && (typeof options.name !== "string" || options.name === "")) {
      throw new ArgumentError(`A constraint name must be a non-empty string, got ${String(options.name)}.`);
    }
    if (options.initially !== undefined && !INITIALLY.test(options.initially)) {
      throw new ArgumentError(`initially must be "DEFERRED" or "IMMEDIATE", got '${options.initially}'.`);
    }
    this.explicitName = options.name ?? null;
    this.deferrable = options.deferrable ?? null;
    this.initially = options.initially ?? null;
  }

  /** The constrained columns, in order. */
  abstract get columns(): readonly AnyColumn[];

  /** Renders the constraint for a dialect (null: nothing to render). */
  abstract ddlDispatch(compiler: DDLCompiler): string | null;

  /** The table the constraint belongs to; an error before it is attached. */
  get table(): TableImpl {
    if (this.attachedTable === null) {
      throw new InvalidRequestError(`This ${this.constructor.name} is not attached to a Table yet; pass it to Table(...).`);
    }
    return this.attachedTable;
  }

  /** Whether the constraint is attached to a table yet. */
  get isAttached(): boolean {
    return this.attachedTable !== null;
  }

  /** The name it is created with: explicit, or from the MetaData's naming convention. */
  get name(): string | null {
    const table = this.attachedTable;
    if (table === null) return this.explicitName;
    return conventionName(this, table, table.metadata.namingConvention);
  }

  /** True when the name comes from a naming convention (which may be shortened to fit the database). */
  get nameIsGenerated(): boolean {
    return this.name !== this.explicitName;
  }

  attachToTable(table: TableImpl): void {
    if (this.attachedTable !== null && this.attachedTable !== table) {
      throw new ArgumentError(
        `This ${this.constructor.name} already belongs to table '${this.attachedTable.fullname}'; create another one for '${table.fullname}'.`,
      );
    }
    this.attachedTable = table;
    this.attached(table);
  }

  /** Subclasses resolve their columns and register with the table here. */
  protected abstract attached(table: TableImpl): void;
}

/** Columns given by key (`"user_id"`) or as Column objects, resolved against a table. */
export type ColumnRef = string | AnyColumn;

/** The columns `refs` name in `table`: keys are looked up, Column objects must belong to it. */
export function resolveColumns(table: TableImpl, refs: readonly ColumnRef[], what: string): AnyColumn[] {
  return refs.map((ref) => {
    if (typeof ref === "string") return table.column(ref);
    if (ref.table !== table) {
      throw new ArgumentError(
        `${what}: column '${ref.name}' belongs to ${ref.table === null ? "no table" : `table '${ref.table.name}'`}, ` +
          `not to '${table.fullname}'.`,
      );
    }
    return ref;
  });
}

/** `("a", "b", { name })`: the column references, then an optional options object. */
export function splitConstraintArgs<O extends object>(
  args: readonly (ColumnRef | O)[],
  what: string,
): { refs: ColumnRef[]; options: O } {
  const refs: ColumnRef[] = [];
  let options = {} as O;
  for (const arg of args) {
    if (typeof arg === "string" || arg instanceof ColumnImpl) refs.push(arg as ColumnRef);
    else if (typeof arg === "object" && arg !== null && !Array.isArray(arg)) options = { ...options, ...arg };
    else throw new ArgumentError(`${what}(...): unexpected argument ${String(arg)}; pass column keys or Column objects, then options.`);
  }
  return { refs, options };
}
