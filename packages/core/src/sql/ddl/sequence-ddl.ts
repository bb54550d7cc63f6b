import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import { callable } from "../schema/callable.js";
import type { SequenceImpl } from "../schema/sequence.js";
import { DDLElement } from "./ddl-element.js";

/** `CREATE SEQUENCE s [INCREMENT BY n] [START WITH n] ...`. */
export class CreateSequenceImpl extends DDLElement {
  constructor(
    readonly sequence: SequenceImpl,
    readonly options: { readonly ifNotExists?: boolean } = {},
  ) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitCreateSequence(this);
  }
}

/** `DROP SEQUENCE s`. */
export class DropSequenceImpl extends DDLElement {
  constructor(
    readonly sequence: SequenceImpl,
    readonly options: { readonly ifExists?: boolean } = {},
  ) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return compiler.visitDropSequence(this);
  }
}

export type CreateSequence = CreateSequenceImpl;
export type DropSequence = DropSequenceImpl;

/**
 * The CREATE SEQUENCE statement of a sequence, as SQLAlchemy's `CreateSequence`. On a
 * database without sequences (SQLite, MySQL) compiling it is a CompileError.
 *
 * @example
 * await conn.execute(new CreateSequence(Sequence("order_no", { start: 1000 })));
 * // CREATE SEQUENCE order_no START WITH 1000
 */
export const CreateSequence = callable(
  CreateSequenceImpl,
  (sequence: SequenceImpl, options?: { readonly ifNotExists?: boolean }) => new CreateSequenceImpl(sequence, options),
);

/**
 * The DROP SEQUENCE statement of a sequence, as SQLAlchemy's `DropSequence`.
 *
 * @example
 * await conn.execute(new DropSequence(orderNo, { ifExists: true }));
 */
export const DropSequence = callable(
  DropSequenceImpl,
  (sequence: SequenceImpl, options?: { readonly ifExists?: boolean }) => new DropSequenceImpl(sequence, options),
);
