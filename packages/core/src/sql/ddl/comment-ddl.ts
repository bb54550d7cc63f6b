import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "../schema/callable.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import { DDLElement } from "./ddl-element.js";

/** Sets a table's comment to its `comment` option (removes it when there is none). */
export class SetTableCommentImpl extends DDLElement {
  constructor(readonly table: TableImpl) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitSetTableComment(this);
  }
}

/** Sets a column's comment to its `comment` option (removes it when there is none). */
export class SetColumnCommentImpl extends DDLElement {
  constructor(readonly column: AnyColumn) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitSetColumnComment(this);
  }
}

export type SetTableComment = SetTableCommentImpl;
export type SetColumnComment = SetColumnCommentImpl;

/**
 * The statement that sets a table's comment, as SQLAlchemy's `SetTableComment`:
 * `COMMENT ON TABLE t IS '...'` (PostgreSQL), `ALTER TABLE t COMMENT '...'` (MySQL).
 * createAll runs it after CREATE TABLE where comments are not written inside CREATE
 * TABLE (`capabilities.inlineComments`). SQLite has no comments: a CompileError there.
 *
 * @example
 * await conn.execute(new SetTableComment(userTable));
 */
export const SetTableComment = callable(SetTableCommentImpl, (table: TableImpl) => new SetTableCommentImpl(table));

/**
 * The statement that sets a column's comment, as SQLAlchemy's `SetColumnComment`:
 * `COMMENT ON COLUMN t.c IS '...'` (PostgreSQL), `ALTER TABLE t MODIFY c ... COMMENT '...'` (MySQL).
 *
 * @example
 * await conn.execute(new SetColumnComment(userTable.c.name));
 */
export const SetColumnComment = callable(SetColumnCommentImpl, (column: AnyColumn) => new SetColumnCommentImpl(column));
