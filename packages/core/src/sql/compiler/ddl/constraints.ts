import { CompileError } from "../../../errors.js";
import type { AddConstraintImpl, DropConstraintImpl } from "../../ddl/constraint-ddl.js";
import type { CheckConstraintImpl } from "../../schema/check-constraint.js";
import type { Constraint } from "../../schema/constraint.js";
import type { ForeignKeyConstraintImpl } from "../../schema/foreign-key-constraint.js";
import type { PrimaryKeyConstraintImpl } from "../../schema/primary-key.js";
import type { UniqueConstraintImpl } from "../../schema/unique-constraint.js";
import type { DDLCompiler } from "../ddl-compiler.js";

/** `CONSTRAINT name ` when the constraint has a name, else nothing. */
function constraintPrefix(ddl: DDLCompiler, constraint: Constraint): string {
  const name = ddl.formatName(constraint);
  return name === null ? "" : `CONSTRAINT ${name} `;
}

/** `PRIMARY KEY (id)`; an implicit key lists its autoincrement column first, as SQLAlchemy does. */
export function compilePrimaryKeyConstraint(ddl: DDLCompiler, pk: PrimaryKeyConstraintImpl): string | null {
  if (pk.length === 0) return "";
  const columns = pk.implicit ? pk.columnsAutoincrementFirst : pk.columns;
  return (
    `${constraintPrefix(ddl, pk)}PRIMARY KEY (${columns.map((c) => ddl.quote(c.name)).join(", ")})` +
    ddl.defineConstraintDeferrability(pk)
  );
}

/** `FOREIGN KEY(user_id) REFERENCES user_account (id)`, SQLAlchemy's spacing included. */
export function compileForeignKeyConstraint(ddl: DDLCompiler, fkc: ForeignKeyConstraintImpl): string | null {
  const local = fkc.elements.map((fk) => ddl.quote(fk.parent.name)).join(", ");
  const remote = fkc.elements.map((fk) => ddl.quote(fk.column.name)).join(", ");
  return (
    `${constraintPrefix(ddl, fkc)}FOREIGN KEY(${local}) REFERENCES ` +
    `${ddl.defineConstraintRemoteTable(fkc, fkc.referredTable)} (${remote})` +
    ddl.defineConstraintCascades(fkc) +
    ddl.defineConstraintDeferrability(fkc)
  );
}

/** `UNIQUE (name)`. */
export function compileUniqueConstraint(ddl: DDLCompiler, uq: UniqueConstraintImpl): string | null {
  if (uq.columns.length === 0) return "";
  return `${constraintPrefix(ddl, uq)}UNIQUE (${uq.columns.map((c) => ddl.quote(c.name)).join(", ")})` + ddl.defineConstraintDeferrability(uq);
}

/** `CHECK (price > 0)`: text as written, an expression with inline values. */
export function compileCheckConstraint(ddl: DDLCompiler, ck: CheckConstraintImpl): string | null {
  const condition = typeof ck.sqltext === "string" ? ck.sqltext : ddl.compileExpression(ck.sqltext);
  return `${constraintPrefix(ddl, ck)}CHECK (${condition})` + ddl.defineConstraintDeferrability(ck);
}

/** ` ON DELETE CASCADE ON UPDATE ...` for the actions given. */
export function defineConstraintCascades(fkc: ForeignKeyConstraintImpl): string {
  let text = "";
  if (fkc.onDelete !== null) text += ` ON DELETE ${fkc.onDelete.toUpperCase()}`;
  if (fkc.onUpdate !== null) text += ` ON UPDATE ${fkc.onUpdate.toUpperCase()}`;
  return text;
}

/** ` DEFERRABLE INITIALLY DEFERRED` for the options given. */
export function defineConstraintDeferrability(constraint: Constraint): string {
  let text = "";
  if (constraint.deferrable !== null) text += constraint.deferrable ? " DEFERRABLE" : " NOT DEFERRABLE";
  if (constraint.initially !== null) text += ` INITIALLY ${constraint.initially.toUpperCase()}`;
  return text;
}

/** `ALTER TABLE t ADD <constraint>`. */
export function compileAddConstraint(ddl: DDLCompiler, add: AddConstraintImpl): string {
  const constraint = add.constraint;
  const body = ddl.process(constraint);
  if (body === null || body === "") {
    throw new CompileError(`Can't emit ADD CONSTRAINT for ${constraint.constructor.name}: it renders nothing for this dialect.`);
  }
  return `ALTER TABLE ${ddl.formatTable(constraint.table)} ADD ${body}`;
}

/** `ALTER TABLE t DROP CONSTRAINT name`: only a named constraint can be dropped. */
export function compileDropConstraint(ddl: DDLCompiler, drop: DropConstraintImpl): string {
  const constraint = drop.constraint;
  const name = ddl.formatName(constraint);
  if (name === null) {
    throw new CompileError(
      `Can't emit DROP CONSTRAINT for this ${constraint.constructor.name} on table '${constraint.table.fullname}': ` +
        `it has no name. Give it one ({ name: "..." }) or add a naming convention to the MetaData.`,
    );
  }
  return (
    `ALTER TABLE ${ddl.formatTable(constraint.table)} DROP CONSTRAINT ${drop.options.ifExists ? "IF EXISTS " : ""}${name}` +
    (drop.options.cascade ? " CASCADE" : "")
  );
}
