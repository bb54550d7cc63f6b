import { ArgumentError } from "../../errors.js";
import { Executable, type CacheKeyContext } from "../element.js";
import { BindParameter } from "../elements/bind-parameter.js";
import { ColumnElement } from "../elements/column-element.js";
import { Label } from "../elements/label.js";
import { LabelReference } from "../elements/label-reference.js";
import { UnaryExpression } from "../elements/unary.js";
import { IntegerType } from "../types/index.js";
import type { CompoundSelect, CompoundKeyword } from "./compound-select.js";
import { CTE, type CTEOptions } from "./cte.js";
import { Exists } from "./exists.js";
import { selectableClass } from "./registry.js";
import { ScalarSelect } from "./scalar-select.js";
import { selectedColumnsOf, type SelectedColumn } from "./selected-columns.js";
import { Subquery } from "./subquery.js";

const INTEGER = new IntegerType();

/** ORDER BY / GROUP BY items: expressions, or the name of a selected column or label. */
export type OrderByItem = ColumnElement<unknown> | string;

/** The type of a SELECT's first column: what `scalarSubquery()` yields. */
export type FirstColumn<T extends unknown[]> = T extends [infer F, ...unknown[]] ? F : unknown;

/** ORDER BY, LIMIT and OFFSET: what SELECT and UNION share. */
export interface RowLimiting {
  readonly orderBy: readonly ColumnElement<unknown>[];
  readonly limit: ColumnElement<unknown> | null;
  readonly offset: ColumnElement<unknown> | null;
}

/**
 * What SELECT and compound SELECTs (UNION, ...) share: ORDER BY, LIMIT, OFFSET, and
 * their uses as a subquery, CTE, scalar subquery or EXISTS. Builders return new objects.
 */
export abstract class SelectBase<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends Executable<M, T> {
  // Assigned in the constructor: see ClauseElement for why not a field initializer.
  private declare namesCache: readonly SelectedColumn[] | null;

  constructor() {
    super();
    this.namesCache = null;
  }

  /** The selected column expressions, tables expanded into their columns. */
  abstract get selectedColumns(): readonly ColumnElement<unknown>[];

  abstract get rowLimiting(): RowLimiting;

  protected abstract withRowLimiting(patch: Partial<RowLimiting>): this;

  /** How each selected column is named and keyed (see selected-columns.ts). */
  get selectedColumnNames(): readonly SelectedColumn[] {
    return (this.namesCache ??= selectedColumnsOf(this.selectedColumns));
  }

  get orderByClauses(): readonly ColumnElement<unknown>[] {
    return this.rowLimiting.orderBy;
  }

  get limitClause(): ColumnElement<unknown> | null {
    return this.rowLimiting.limit;
  }

  get offsetClause(): ColumnElement<unknown> | null {
    return this.rowLimiting.offset;
  }

  /**
   * Adds ORDER BY criteria; `orderBy(null)` removes them. A string names a selected
   * column or label; a selected label renders as its name (`ORDER BY total DESC`).
   *
   * @example
   * select(users).orderBy(users.c.name, users.c.id.desc())
   */
  orderBy(...clauses: OrderByItem[] | [null]): this {
    if (clauses.length === 1 && clauses[0] === null) return this.withRowLimiting({ orderBy: [] });
    const resolved = (clauses as OrderByItem[]).map((c) => this.resolveOrdering(c, "orderBy"));
    return this.withRowLimiting({ orderBy: [...this.rowLimiting.orderBy, ...resolved] });
  }

  /** `LIMIT n`, bound as a parameter (`LIMIT :param_1`); null removes it. */
  limit(count: number | null): this {
    return this.withRowLimiting({ limit: count === null ? null : rowCount(count, "limit") });
  }

  /** `OFFSET n`, bound as a parameter; null removes it. */
  offset(count: number | null): this {
    return this.withRowLimiting({ offset: count === null ? null : rowCount(count, "offset") });
  }

  /** This SELECT as a FROM item, `(SELECT ...) AS name`; see Subquery. */
  subquery(name?: string): Subquery<M, T> {
    return new Subquery<M, T>(this, name ?? null);
  }

  /** Same as `subquery()`. */
  alias(name?: string): Subquery<M, T> {
    return this.subquery(name);
  }

  /** This SELECT as a common table expression, `WITH name AS (SELECT ...)`; see CTE. */
  cte(name?: string, options: CTEOptions = {}): CTE<M, T> {
    return new CTE<M, T>(this, name ?? null, options);
  }

  /** This SELECT of one column as an expression, `(SELECT ...)`; see ScalarSelect. */
  scalarSubquery(): ScalarSelect<FirstColumn<T>> {
    return new ScalarSelect<FirstColumn<T>>(this);
  }

  /** `EXISTS (SELECT ...)`. */
  exists(): Exists {
    return new Exists(this);
  }

  /** The scalar subquery, labelled: `(SELECT ...) AS name`. */
  label<N extends string>(name: N): Label<N, FirstColumn<T>> {
    return this.scalarSubquery().label(name);
  }

  /** `this UNION other ...`; see CompoundSelect. */
  union(...others: SelectBase[]): CompoundSelect<M, T> {
    return this.compound("UNION", others);
  }

  unionAll(...others: SelectBase[]): CompoundSelect<M, T> {
    return this.compound("UNION ALL", others);
  }

  intersect(...others: SelectBase[]): CompoundSelect<M, T> {
    return this.compound("INTERSECT", others);
  }

  intersectAll(...others: SelectBase[]): CompoundSelect<M, T> {
    return this.compound("INTERSECT ALL", others);
  }

  except(...others: SelectBase[]): CompoundSelect<M, T> {
    return this.compound("EXCEPT", others);
  }

  exceptAll(...others: SelectBase[]): CompoundSelect<M, T> {
    return this.compound("EXCEPT ALL", others);
  }

  /**
   * An ORDER BY / GROUP BY item: a name is looked up among the selected columns, and a
   * selected label (or a modifier of one, `label.desc()`) becomes a reference to it.
   */
  protected resolveOrdering(item: OrderByItem, method: string): ColumnElement<unknown> {
    if (typeof item === "string") return this.columnNamed(item, method);
    if (item instanceof Label && this.selectedColumns.includes(item)) return new LabelReference(item);
    if (item instanceof UnaryExpression && item.operator === null && item.modifier !== null) {
      const inner = this.resolveOrdering(item.element, method);
      return inner === item.element ? item : new UnaryExpression(inner, null, item.modifier, item.type);
    }
    if (!(item instanceof ColumnElement)) {
      throw new ArgumentError(`${method}() takes column expressions or the names of selected columns; got ${String(item)}.`);
    }
    return item;
  }

  private columnNamed(name: string, method: string): ColumnElement<unknown> {
    const column = this.selectedColumns.find((c) => c.resultName === name);
    if (column === undefined) {
      const names = this.selectedColumns.map((c) => c.resultName).filter((n): n is string => n !== null);
      throw new ArgumentError(
        `${method}("${name}"): no selected column or label is named '${name}'` +
          (names.length > 0 ? `; the names are ${names.map((n) => `'${n}'`).join(", ")}` : "") +
          `. Pass the column expression itself, or text("${name}") for raw SQL.`,
      );
    }
    return column instanceof Label ? new LabelReference(column) : column;
  }

  private compound(keyword: CompoundKeyword, others: readonly SelectBase[]): CompoundSelect<M, T> {
    return new (selectableClass("CompoundSelect"))(keyword, [this, ...others]) as CompoundSelect<M, T>;
  }
}

function rowCount(count: number, what: string): BindParameter<number> {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new ArgumentError(`${what}() takes a non-negative integer; got ${String(count)}.`);
  }
  return new BindParameter<number>("param", count, INTEGER, true);
}

/** Appends ORDER BY, LIMIT and OFFSET to a cache key. */
export function genRowLimitingKey(ctx: CacheKeyContext, limiting: RowLimiting): void {
  if (limiting.orderBy.length > 0) {
    ctx.key += " order ";
    for (const c of limiting.orderBy) {
      c.genCacheKey(ctx);
      ctx.key += ",";
    }
  }
  if (limiting.limit !== null) {
    ctx.key += " limit ";
    limiting.limit.genCacheKey(ctx);
  }
  if (limiting.offset !== null) {
    ctx.key += " offset ";
    limiting.offset.genCacheKey(ctx);
  }
}
