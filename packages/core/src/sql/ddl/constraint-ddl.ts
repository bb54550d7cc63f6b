import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "../schema/callable.js";
import type { Constraint } from "../schema/constraint.js";
import { DDLElement } from "./ddl-element.js";

/** `ALTER TABLE t ADD <constraint>`: how `createAll` adds `useAlter` foreign keys after the tables. */
export class AddConstraintImpl extends DDLElement {
  constructor(readonly constraint: Constraint) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitAddConstraint(this);
  }
}

export interface DropConstraintOptions {
  readonly ifExists?: boolean;
  /** `... CASCADE`: also drop what depends on the constraint (PostgreSQL). */
  readonly cascade?: boolean;
}

/** `ALTER TABLE t DROP CONSTRAINT name`: the constraint must have a name. */
export class DropConstraintImpl extends DDLElement {
  constructor(
    readonly constraint: Constraint,
    readonly options: DropConstraintOptions = {},
  ) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitDropConstraint(this);
  }
}

export type AddConstraint = AddConstraintImpl;
export type DropConstraint = DropConstraintImpl;

/**
 * `ALTER TABLE ... ADD CONSTRAINT`, as SQLAlchemy's `AddConstraint`. Databases without
 * ALTER for constraints (SQLite) cannot run it (`capabilities.alterConstraints`).
 *
 * @example
 * await conn.execute(new AddConstraint(fkConstraint));
 */
export const AddConstraint = callable(AddConstraintImpl, (constraint: Constraint) => new AddConstraintImpl(constraint));

/**
 * `ALTER TABLE ... DROP CONSTRAINT name`, as SQLAlchemy's `DropConstraint`.
 *
 * @example
 * await conn.execute(new DropConstraint(fkConstraint));
 */
export const DropConstraint = callable(
  DropConstraintImpl,
  (constraint: Constraint, options?: DropConstraintOptions) => new DropConstraintImpl(constraint, options),
);
