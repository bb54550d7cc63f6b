import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import type { TypeEngine } from "../types/type-engine.js";
import type { FromClause, ProxyColumn } from "./from-clause.js";
import type { NamedFromClause } from "./named-from-clause.js";

/**
 * A column's name in SQL: fixed (`id`, a label's name), or anonymous, numbered when the
 * statement is compiled (`count_1`, `anon_2`) and shared by every reference to it.
 */
export type ColumnName = { readonly fixed: string } | { readonly anon: object; readonly base: string };

/**
 * A column of an alias, subquery or CTE: `anon_1.name`, `u.id`. It stands for the
 * column or expression it was made from (`proxied`), so a join can still find foreign
 * keys through it and `correspondingColumn` can map the original to it.
 */
export class ColumnProxy<K extends string = string, T = unknown> extends ColumnElement<T> implements ProxyColumn {
  constructor(
    readonly parent: NamedFromClause,
    /** Its key in the parent's `.c` and in result rows. */
    readonly key: K,
    readonly columnName: ColumnName,
    readonly proxied: ColumnElement<unknown>,
  ) {
    super();
  }

  get type(): TypeEngine<unknown> {
    return this.proxied.type;
  }

  override get bindBaseName(): string {
    return this.key;
  }

  override get resultName(): string {
    return this.key;
  }

  override fromObjects(): readonly FromClause[] {
    return [this.parent];
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "pcol(";
    this.parent.genReferenceKey(ctx);
    ctx.key += `.${"fixed" in this.columnName ? this.columnName.fixed : `~${this.key}`}:${this.type.cacheKey})`;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitColumnProxy(this as ColumnProxy);
  }
}
