import type { CacheKeyContext } from "../element.js";
import { selectableClass } from "./registry.js";
import type { SelectBase } from "./select-base.js";
import { Subquery } from "./subquery.js";

export interface CTEOptions {
  /**
   * `WITH RECURSIVE`: the CTE's SELECT may refer to the CTE itself; build it with
   * `cte.unionAll(select(...))`.
   */
  readonly recursive?: boolean;
}

/**
 * A common table expression, as SQLAlchemy's `cte()`: named once in `WITH name AS
 * (SELECT ...)` before the statement, then used like a table. Recursive ones are built
 * from their anchor SELECT with `unionAll`, whose SELECT refers to the anchor's columns.
 *
 * @example
 * const parts = select(p.c.id, p.c.parent_id).where(p.c.id.eq(1)).cte("tree", { recursive: true });
 * const tree = parts.unionAll(select(p.c.id, p.c.parent_id).join(parts, p.c.parent_id.eq(parts.c.id)));
 * select(tree.c.id) // WITH RECURSIVE tree(id, parent_id) AS (SELECT ... UNION ALL SELECT ...) SELECT tree.id FROM tree
 */
export class CTE<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends Subquery<M, T> {
  readonly recursive: boolean;

  constructor(
    element: SelectBase,
    name: string | null,
    options: CTEOptions = {},
    /** The CTE this one restates with more SELECTs (a recursive CTE's anchor): they share one name. */
    readonly restates: CTE | null = null,
  ) {
    super(element, name);
    this.recursive = options.recursive ?? false;
  }

  /** The CTE every restatement of this one shares its name and WITH entry with. */
  get root(): CTE {
    return this.restates === null ? this : this.restates.root;
  }

  /** `anchor UNION ALL recursive`, keeping this CTE's name: the recursive part of a recursive CTE. */
  unionAll(...others: SelectBase[]): CTE<M, T> {
    return this.restate("UNION ALL", others);
  }

  /** `anchor UNION recursive`. */
  union(...others: SelectBase[]): CTE<M, T> {
    return this.restate("UNION", others);
  }

  override genReferenceKey(ctx: CacheKeyContext): void {
    if (this.restates === null) super.genReferenceKey(ctx);
    else this.root.genReferenceKey(ctx);
  }

  override genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `cte${this.recursive ? "*" : ""}(`;
    this.genReferenceKey(ctx);
    ctx.key += ",";
    this.element.genCacheKey(ctx);
    ctx.key += ")";
  }

  private restate(keyword: "UNION" | "UNION ALL", others: readonly SelectBase[]): CTE<M, T> {
    const compound = new (selectableClass("CompoundSelect"))(keyword, [this.element, ...others]);
    return new CTE<M, T>(compound, this.name, { recursive: this.recursive }, this);
  }
}
