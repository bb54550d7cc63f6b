import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine } from "./type-engine.js";

/**
 * The type of an expression whose type is unknown (SQLAlchemy's NullType): a bind
 * without a declared type, `NULL`. Its values pass unchecked and are converted by the
 * dialect's untyped conversion; it has no DDL.
 */
export class NullTypeImpl extends TypeEngine<unknown> {
  readonly visitName = "null";

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitNull(this);
  }

  override toString(): string {
    return "NullType()";
  }
}
