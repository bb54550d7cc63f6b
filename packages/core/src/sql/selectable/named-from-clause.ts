import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext, ClauseElement } from "../element.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { ColumnProxy } from "./column-proxy.js";
import { FromClause } from "./from-clause.js";

/** The columns of an alias, subquery or CTE by key, typed from what was selected. */
export type ProxyCollection<M> = { readonly [K in keyof M & string]: ColumnProxy<K, M[K]> } & {
  /** The column keys in order. */
  keys(): string[];
};

// Anonymous FROM items are told apart in a cache key by order of first appearance.
const anonymousPositions = new WeakMap<CacheKeyContext, Map<NamedFromClause, number>>();

/**
 * A FROM item with a name of its own, given or anonymous: a table alias
 * (`user_account AS u`), a subquery (`(SELECT ...) AS anon_1`), a CTE. Its columns are
 * proxies named after it (`u.id`). `M` and `T` type its rows, as a SELECT's.
 */
export abstract class NamedFromClause<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends FromClause {
  /** Phantom: the row types of `select(this)`. */
  declare readonly __row?: [M, T];
  /** The base of the compiled name when anonymous: `anon` (`anon_1`), or the table's name. */
  abstract readonly anonymousBase: string;
  // Assigned in the constructor: see ClauseElement for why not field initializers.
  private declare columnsCache: readonly ColumnProxy[] | null;
  private declare collectionCache: ProxyCollection<M> | null;
  /** The given name as it goes in cache keys, quoted once rather than at every key. */
  private declare readonly nameKey: string | null;

  constructor(
    /** The name given, or null for one numbered when compiled (`anon_1`). */
    readonly name: string | null,
  ) {
    super();
    this.columnsCache = null;
    this.collectionCache = null;
    this.nameKey = name === null ? null : JSON.stringify(name);
  }

  /** The columns, made on first use (a recursive CTE's columns refer to the CTE). */
  protected abstract buildColumns(): readonly ColumnProxy[];

  get columns(): readonly ColumnProxy[] {
    return (this.columnsCache ??= this.buildColumns());
  }

  /** The columns by key: `subquery.c.name`. */
  get c(): ProxyCollection<M> {
    return (this.collectionCache ??= collectionOf(this.columns) as ProxyCollection<M>);
  }

  exportedColumns(): readonly ColumnElement<unknown>[] {
    return this.columns;
  }

  /**
   * The column with this key, typed or not: `.c` types only what the SELECT names
   * (columns, labels); an unlabelled function's column is here under the function's
   * name (`column("count")`), a repeated name's under `name_1`.
   */
  column(key: string): ColumnProxy {
    const found = this.columns.find((c) => c.key === key);
    if (found === undefined) {
      throw new ArgumentError(`No column '${key}' here; the columns are ${this.columns.map((c) => `'${c.key}'`).join(", ")}.`);
    }
    return found;
  }

  /** How columns refer to this item in a cache key: its name, or its anonymous position. */
  genReferenceKey(ctx: CacheKeyContext): void {
    if (this.nameKey !== null) {
      ctx.key += this.nameKey;
      return;
    }
    let positions = anonymousPositions.get(ctx);
    if (positions === undefined) anonymousPositions.set(ctx, (positions = new Map()));
    let position = positions.get(this);
    if (position === undefined) positions.set(this, (position = positions.size + 1));
    ctx.key += `~${position}`;
  }

  /** In a FROM list: `inner AS name`, or a CTE's name. */
  override fromDispatch(compiler: SQLCompiler): string {
    return compiler.visitAliasedFrom(this);
  }

  /** Printed on its own, an alias shows what it aliases, as SQLAlchemy does. */
  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitAliasedElement(this);
  }

  /** What the name stands for: a table, or a SELECT. */
  abstract get element(): ClauseElement;
}

function collectionOf(columns: readonly ColumnProxy[]): Record<string, ColumnProxy> {
  const keys = columns.map((c) => c.key);
  const collection: Record<string, ColumnProxy> = Object.create({ keys: () => [...keys] });
  for (const column of columns) {
    if (Object.hasOwn(collection, column.key)) {
      throw new ArgumentError(`Duplicate column key '${column.key}'; label one of the selected columns.`);
    }
    collection[column.key] = column;
  }
  return Object.freeze(collection);
}
