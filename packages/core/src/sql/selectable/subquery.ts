import type { CacheKeyContext } from "../element.js";
import { ColumnProxy } from "./column-proxy.js";
import { NamedFromClause } from "./named-from-clause.js";
import type { SelectBase } from "./select-base.js";

/**
 * A SELECT used as a FROM item, `(SELECT ...) AS name`, as SQLAlchemy's `subquery()`.
 * Its columns (`subquery.c.name`) are typed from the SELECT's; without a name it is
 * numbered when compiled (`anon_1`).
 *
 * @example
 * const counts = select(addresses.c.user_id, func.count().label("n")).groupBy(addresses.c.user_id).subquery();
 * select(users.c.name, counts.c.n).join(counts, users.c.id.eq(counts.c.user_id))
 */
export class Subquery<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends NamedFromClause<M, T> {
  readonly anonymousBase: string = "anon";

  constructor(
    readonly element: SelectBase,
    name: string | null,
  ) {
    super(name);
  }

  protected buildColumns(): readonly ColumnProxy[] {
    return this.element.selectedColumnNames.map((selected) => new ColumnProxy(this, selected.key, selected.name, selected.column));
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "subquery(";
    this.genReferenceKey(ctx);
    ctx.key += ",";
    this.element.genCacheKey(ctx);
    ctx.key += ")";
  }
}
