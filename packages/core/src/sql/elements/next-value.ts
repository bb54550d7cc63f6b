import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { SequenceImpl } from "../schema/sequence.js";
import { IntegerType } from "../types/integer.js";
import { FunctionElement } from "./function.js";

const INTEGER = new IntegerType();

/**
 * The next value of a sequence, as SQLAlchemy's `next_value` function: `nextval('s')`
 * on PostgreSQL, `NEXT VALUE FOR s` on MariaDB (the SQL standard's form). Selected on
 * its own it is labelled `next_value_1`. Built by `sequence.nextValue()`.
 */
export class NextValue extends FunctionElement<number> {
  constructor(readonly sequence: SequenceImpl) {
    super("next_value", [], INTEGER);
  }

  override genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `nextval(${this.sequence.identity})`;
  }

  override compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitNextValue(this);
  }
}
