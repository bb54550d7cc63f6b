import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { ColumnElement } from "../elements/column-element.js";
import { registerSelectable } from "./registry.js";
import { genRowLimitingKey, SelectBase, type RowLimiting } from "./select-base.js";

export type CompoundKeyword = "UNION" | "UNION ALL" | "INTERSECT" | "INTERSECT ALL" | "EXCEPT" | "EXCEPT ALL";

const NO_LIMITING: RowLimiting = { orderBy: [], limit: null, offset: null };

/**
 * `SELECT ... UNION SELECT ...` (and UNION ALL, INTERSECT, EXCEPT), as SQLAlchemy's
 * CompoundSelect. Its columns, and so its rows' types, are the first SELECT's. ORDER BY
 * names columns without their table, as the database requires.
 *
 * @example
 * union(select(users.c.name).where(users.c.id.lt(3)), select(users.c.name).where(users.c.id.gt(5))).orderBy("name")
 */
export class CompoundSelect<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends SelectBase<M, T> {
  constructor(
    readonly keyword: CompoundKeyword,
    readonly selects: readonly SelectBase[],
    private readonly limiting: RowLimiting = NO_LIMITING,
  ) {
    super();
    if (selects.length < 2) {
      throw new ArgumentError(`${keyword} needs at least two SELECTs; got ${selects.length}.`);
    }
    const width = (selects[0] as SelectBase).selectedColumns.length;
    selects.forEach((s, i) => {
      if (s.selectedColumns.length !== width) {
        throw new ArgumentError(
          `All SELECTs of a ${keyword} must have the same number of columns; SELECT #1 has ${width}, ` +
            `SELECT #${i + 1} has ${s.selectedColumns.length}.`,
        );
      }
    });
  }

  get selectedColumns(): readonly ColumnElement<unknown>[] {
    return (this.selects[0] as SelectBase).selectedColumns;
  }

  get rowLimiting(): RowLimiting {
    return this.limiting;
  }

  protected withRowLimiting(patch: Partial<RowLimiting>): this {
    return new CompoundSelect<M, T>(this.keyword, this.selects, { ...this.limiting, ...patch }) as this;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `compound(${this.keyword}`;
    for (const select of this.selects) {
      ctx.key += ";";
      select.genCacheKey(ctx);
    }
    genRowLimitingKey(ctx, this.limiting);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitCompoundSelect(this as CompoundSelect);
  }
}

function compound(keyword: CompoundKeyword) {
  return <M extends Record<string, unknown>, T extends unknown[]>(
    first: SelectBase<M, T>,
    ...rest: SelectBase[]
  ): CompoundSelect<M, T> => new CompoundSelect<M, T>(keyword, [first, ...rest]);
}

/**
 * `a UNION b UNION ...`, as SQLAlchemy's `union()`: rows of either, duplicates removed.
 *
 * @example
 * union(select(users.c.name), select(archived.c.name))
 */
export const union = compound("UNION");
/** `a UNION ALL b ...`: every row of each, duplicates kept. */
export const unionAll = compound("UNION ALL");
/** `a INTERSECT b ...`: rows in all of them. */
export const intersect = compound("INTERSECT");
/** `a INTERSECT ALL b ...`. */
export const intersectAll = compound("INTERSECT ALL");
/** `a EXCEPT b ...`: rows of the first that are in none of the others (`except` is reserved, hence `except_`). */
export const except_ = compound("EXCEPT");
/** `a EXCEPT ALL b ...`. */
export const exceptAll = compound("EXCEPT ALL");

registerSelectable("CompoundSelect", CompoundSelect);
