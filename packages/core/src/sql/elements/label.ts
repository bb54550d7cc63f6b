import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { FromClause } from "../selectable/from-clause.js";
import type { TypeEngine } from "../types/type-engine.js";
import { ColumnElement } from "./column-element.js";
import { registerElement } from "./registry.js";

/** `expression AS name`: a named result column. */
export class Label<N extends string = string, T = unknown> extends ColumnElement<T> {
  constructor(
    readonly name: N,
    readonly element: ColumnElement<T>,
  ) {
    super();
  }

  get type(): TypeEngine<unknown> {
    return this.element.type;
  }

  override get resultName(): string {
    return this.name;
  }

  override get bindBaseName(): string {
    return this.name;
  }

  override fromObjects(): readonly FromClause[] {
    return this.element.fromObjects();
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `label(${this.name},`;
    this.element.genCacheKey(ctx);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitLabel(this as Label);
  }
}

registerElement("Label", Label);
