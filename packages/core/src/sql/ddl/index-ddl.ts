import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "../schema/callable.js";
import type { IndexImpl } from "../schema/table-index.js";
import { DDLElement } from "./ddl-element.js";

/** `CREATE [UNIQUE] INDEX name ON table (columns)`. */
export class CreateIndexImpl extends DDLElement {
  constructor(
    readonly index: IndexImpl,
    readonly options: { readonly ifNotExists?: boolean } = {},
  ) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitCreateIndex(this);
  }
}

/** `DROP INDEX name`. */
export class DropIndexImpl extends DDLElement {
  constructor(
    readonly index: IndexImpl,
    readonly options: { readonly ifExists?: boolean } = {},
  ) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitDropIndex(this);
  }
}

export type CreateIndex = CreateIndexImpl;
export type DropIndex = DropIndexImpl;

/**
 * The CREATE INDEX statement of an index, as SQLAlchemy's `CreateIndex`.
 *
 * @example
 * await conn.execute(new CreateIndex(Index("ix_user_fullname", userTable.c.fullname)));
 */
export const CreateIndex = callable(
  CreateIndexImpl,
  (index: IndexImpl, options?: { readonly ifNotExists?: boolean }) => new CreateIndexImpl(index, options),
);

/**
 * The DROP INDEX statement of an index, as SQLAlchemy's `DropIndex`.
 *
 * @example
 * await conn.execute(new DropIndex(index, { ifExists: true }));
 */
export const DropIndex = callable(
  DropIndexImpl,
  (index: IndexImpl, options?: { readonly ifExists?: boolean }) => new DropIndexImpl(index, options),
);
