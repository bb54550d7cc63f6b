import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import type { TypeEngine } from "../types/type-engine.js";
import { ColumnElement } from "./column-element.js";
import type { Label } from "./label.js";

/**
 * A reference by name to a label of the same SELECT's column list, rendered as the
 * label's name alone: `ORDER BY total DESC` for `orderBy(total.desc())` when `total`
 * is a selected label (SQLAlchemy does the same).
 */
export class LabelReference<T = unknown> extends ColumnElement<T> {
  constructor(readonly target: Label<string, T>) {
    super();
  }

  get type(): TypeEngine<unknown> {
    return this.target.type;
  }

  override fromObjects(): readonly FromClause[] {
    return this.target.fromObjects();
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `labelref(${JSON.stringify(this.target.name)})`;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitLabelReference(this);
  }
}
