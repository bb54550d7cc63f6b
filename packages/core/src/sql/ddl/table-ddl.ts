import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "../schema/callable.js";
import type { TableImpl } from "../schema/table.js";
import { DDLElement } from "./ddl-element.js";

/**
 * `CREATE TABLE` with the table's columns and constraints, in SQLAlchemy's layout
 * (`\nCREATE TABLE t (\n\tid INTEGER NOT NULL, \n\t...\n)\n\n`). Its indexes are
 * separate statements (CreateIndex), as are `useAlter` foreign keys on databases
 * with ALTER TABLE ... ADD CONSTRAINT.
 */
export class CreateTableImpl extends DDLElement {
  constructor(
    readonly table: TableImpl,
    readonly options: { readonly ifNotExists?: boolean } = {},
  ) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitCreateTable(this);
  }
}

/** `DROP TABLE t` (its indexes go with it). */
export class DropTableImpl extends DDLElement {
  constructor(
    readonly table: TableImpl,
    readonly options: { readonly ifExists?: boolean } = {},
  ) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitDropTable(this);
  }
}

export type CreateTable = CreateTableImpl;
export type DropTable = DropTableImpl;

/**
 * The CREATE TABLE statement of a table, as SQLAlchemy's `CreateTable`.
 *
 * @example
 * console.log(`${new CreateTable(userTable)}`);       // with the default string dialect
 * await conn.execute(new CreateTable(userTable, { ifNotExists: true }));
 */
export const CreateTable = callable(
  CreateTableImpl,
  (table: TableImpl, options?: { readonly ifNotExists?: boolean }) => new CreateTableImpl(table, options),
);

/**
 * The DROP TABLE statement of a table, as SQLAlchemy's `DropTable`.
 *
 * @example
 * await conn.execute(new DropTable(userTable, { ifExists: true }));
 */
export const DropTable = callable(
  DropTableImpl,
  (table: TableImpl, options?: { readonly ifExists?: boolean }) => new DropTableImpl(table, options),
);
