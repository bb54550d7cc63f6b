import { ArgumentError } from "../../errors.js";
import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { ClauseElement } from "../element.js";
import { callable } from "./callable.js";
import type { AnyColumn } from "./column.js";
import { Constraint, type ConstraintOptions } from "./constraint.js";
import type { TableImpl } from "./table.js";

/**
 * `CHECK (condition)`. The condition is SQL text, or an expression; an expression's
 * values are rendered inline (DDL has no bound parameters) and its columns unqualified.
 */
export class CheckConstraintImpl extends Constraint {
  readonly conventionKey = "ck";

  constructor(
    readonly sqltext: string | ClauseElement,
    options: ConstraintOptions = {},
  ) {
    super(options);
    if (typeof sqltext !== "string" && !(sqltext instanceof ClauseElement)) {
      throw new ArgumentError(`CheckConstraint() takes SQL text or an expression, e.g. CheckConstraint("price > 0"); got ${String(sqltext)}.`);
    }
  }

  /** A CHECK names no columns of its own (naming conventions use `%(constraint_name)s` for it). */
  get columns(): readonly AnyColumn[] {
    return [];
  }

  ddlDispatch(compiler: DDLCompiler): string | null {
    return compiler.visitCheckConstraint(this);
  }

  protected attached(table: TableImpl): void {
    table.addConstraint(this);
  }
}

export type CheckConstraint = CheckConstraintImpl;

/**
 * A CHECK constraint on the table, as SQLAlchemy's `CheckConstraint(sqltext, name=...)`.
 *
 * @example
 * Table("product", metadata, Column("price", Integer), CheckConstraint("price > 0", { name: "positive_price" }));
 * CheckConstraint(product.c.price.gt(0)) // rendered CHECK (price > 0)
 */
export const CheckConstraint = callable(
  CheckConstraintImpl,
  (sqltext: string | ClauseElement, options?: ConstraintOptions) => new CheckConstraintImpl(sqltext, options),
);
