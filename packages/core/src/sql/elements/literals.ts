import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { NullType } from "../types/generic.js";
import type { TypeEngine } from "../types/type-engine.js";
import { ColumnElement } from "./column-element.js";
import { registerElement } from "./registry.js";

/** SQL NULL, as in `x IS NULL`. */
export class Null extends ColumnElement<null> {
  readonly type: TypeEngine<unknown> = new NullType();

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "NULL";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitNull();
  }
}

/** The shared NULL element: `null_()` in SQLAlchemy. */
export const NULL = new Null();

export function null_(): Null {
  return NULL;
}

registerElement("NULL", NULL);
