import { ArgumentError, InvalidRequestError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { and } from "../elements/boolean-clause-list.js";
import { ColumnElement } from "../elements/column-element.js";
import { FromClause } from "./from-clause.js";
import { Join, type JoinOptions } from "./join.js";
import { canJoin, describeFrom, joinCondition } from "./join-condition.js";
import { genRowLimitingKey, SelectBase, type OrderByItem, type RowLimiting } from "./select-base.js";
import type { Mapping, SelectTuple } from "./select-typing.js";

export type { SelectMapping, SelectTuple } from "./select-typing.js";

/** What `select()` takes: column expressions and FROM items (tables, subqueries) whose columns it selects. */
export type SelectItem = ColumnElement<unknown> | FromClause;

interface SelectState extends RowLimiting {
  readonly columns: readonly ColumnElement<unknown>[];
  readonly where: ColumnElement<boolean> | null;
  readonly having: ColumnElement<boolean> | null;
  readonly groupBy: readonly ColumnElement<unknown>[];
  readonly distinct: boolean;
  /** `distinct(expr, ...)`: PostgreSQL's DISTINCT ON expressions; empty for plain DISTINCT. */
  readonly distinctOn: readonly ColumnElement<unknown>[];
  /** FROM items given explicitly (`selectFrom`) or made by `join()`, first in the FROM list. */
  readonly fromClauses: readonly FromClause[];
  /** null: correlate automatically; otherwise only these (none for `correlate()`). */
  readonly correlate: readonly FromClause[] | null;
}

/**
 * A SELECT statement. Every builder method returns a new Select; the original is
 * unchanged, so statements can be shared and cached.
 *
 * @example
 * select(userTable).where(userTable.c.name.eq("spongebob")).orderBy(userTable.c.id).limit(10)
 */
export class Select<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends SelectBase<M, T> {
  /** `froms()`, computed once: the statement is immutable, and building, keying and compiling each ask. */
  private declare fromsCache: readonly FromClause[] | null;

  constructor(private readonly state: SelectState) {
    super();
    this.fromsCache = null;
  }

  get selectedColumns(): readonly ColumnElement<unknown>[] {
    return this.state.columns;
  }

  get rowLimiting(): RowLimiting {
    return this.state;
  }

  get whereClause(): ColumnElement<boolean> | null {
    return this.state.where;
  }

  get havingClause(): ColumnElement<boolean> | null {
    return this.state.having;
  }

  get groupByClauses(): readonly ColumnElement<unknown>[] {
    return this.state.groupBy;
  }

  get isDistinct(): boolean {
    return this.state.distinct;
  }

  /** The DISTINCT ON expressions of `distinct(expr, ...)`; empty for none. */
  get distinctOnClauses(): readonly ColumnElement<unknown>[] {
    return this.state.distinctOn;
  }

  /** The explicit correlation list (`correlate(...)`), or null for automatic correlation. */
  get correlateFroms(): readonly FromClause[] | null {
    return this.state.correlate;
  }

  /** Adds WHERE criteria, joined with AND to any already there. */
  where(...clauses: ColumnElement<unknown>[]): Select<M, T> {
    const all = this.state.where === null ? clauses : [this.state.where, ...clauses];
    return this.with({ where: and(...all) });
  }

  /** Adds HAVING criteria, joined with AND. */
  having(...clauses: ColumnElement<unknown>[]): Select<M, T> {
    const all = this.state.having === null ? clauses : [this.state.having, ...clauses];
    return this.with({ having: and(...all) });
  }

  /** Adds GROUP BY expressions (or names of selected columns); `groupBy(null)` removes them. */
  groupBy(...clauses: OrderByItem[] | [null]): Select<M, T> {
    if (clauses.length === 1 && clauses[0] === null) return this.with({ groupBy: [] });
    const resolved = (clauses as OrderByItem[]).map((c) => this.resolveOrdering(c, "groupBy"));
    return this.with({ groupBy: [...this.state.groupBy, ...resolved] });
  }

  /**
   * `SELECT DISTINCT`; with expressions, PostgreSQL's `SELECT DISTINCT ON (expr, ...)`
   * (the first row of each group, in ORDER BY order), a CompileError on other databases.
   *
   * @example
   * select(users.c.name, users.c.id).distinct(users.c.name).orderBy(users.c.name, users.c.id)
   * // SELECT DISTINCT ON (users.name) users.name, users.id FROM users ORDER BY users.name, users.id
   */
  distinct(...on: ColumnElement<unknown>[]): Select<M, T> {
    for (const expr of on) {
      if (!(expr instanceof ColumnElement)) throw new ArgumentError(`distinct() takes column expressions; got ${String(expr)}.`);
    }
    return this.with({ distinct: true, distinctOn: [...this.state.distinctOn, ...on] });
  }

  /**
   * Sets FROM items explicitly, first in the FROM list: `select(func.count()).selectFrom(users)`.
   */
  selectFrom(...froms: FromClause[]): Select<M, T> {
    for (const from of froms) {
      if (!(from instanceof FromClause)) throw new ArgumentError(`selectFrom() takes tables, joins and subqueries; got ${String(from)}.`);
    }
    return this.with({ fromClauses: [...this.state.fromClauses, ...froms.filter((f) => !this.state.fromClauses.includes(f))] });
  }

  /**
   * Joins `target` to the FROM item it relates to, as SQLAlchemy 2.0's `Select.join()`:
   * the left side is the FROM item (explicit, else from the selected columns) that the
   * ON clause mentions, or that has a foreign key relationship with `target`.
   *
   * @example
   * select(users.c.name, addresses.c.email_address).join(addresses)
   * // FROM user_account JOIN address ON user_account.id = address.user_id
   */
  join(target: FromClause, onclause?: ColumnElement<boolean> | null, options: JoinOptions = {}): Select<M, T> {
    const left = this.joinLeftSide(target, onclause ?? null);
    return this.joinFrom(left, target, onclause, options);
  }

  /** `LEFT OUTER JOIN` (`{ full: true }`: FULL OUTER JOIN); see `join()`. */
  outerjoin(target: FromClause, onclause?: ColumnElement<boolean> | null, options: { full?: boolean } = {}): Select<M, T> {
    return this.join(target, onclause, { isouter: true, full: options.full ?? false });
  }

  /** Joins `right` to the given `left` FROM item. */
  joinFrom(left: FromClause, right: FromClause, onclause?: ColumnElement<boolean> | null, options: JoinOptions = {}): Select<M, T> {
    // A left side already joined further is joined through that join.
    const existing = this.state.fromClauses.find((f) => f === left || f.hiddenFroms().includes(left));
    // ON between `left` and `right` themselves, not whatever else the existing join holds.
    const on = onclause ?? (existing === undefined || existing === left ? null : joinCondition(left, right));
    const joined = new Join(existing ?? left, right, on, options);
    const fromClauses =
      existing === undefined ? [...this.state.fromClauses, joined] : this.state.fromClauses.map((f) => (f === existing ? joined : f));
    return this.with({ fromClauses });
  }

  /** `joinFrom` with a LEFT OUTER JOIN. */
  outerjoinFrom(left: FromClause, right: FromClause, onclause?: ColumnElement<boolean> | null, options: { full?: boolean } = {}): Select<M, T> {
    return this.joinFrom(left, right, onclause, { isouter: true, full: options.full ?? false });
  }

  /**
   * Correlates only these FROM items with an enclosing SELECT (none, when called
   * without arguments), instead of every FROM item the enclosing SELECT also has.
   */
  correlate(...froms: FromClause[]): Select<M, T> {
    return this.with({ correlate: froms });
  }

  /**
   * The FROM list before correlation: explicit FROM items, then every table the
   * selected columns mention, then those of the WHERE clause, each once; items a join
   * covers are left out (cell In [38]'s `FROM address, user_account`).
   */
  froms(): readonly FromClause[] {
    return (this.fromsCache ??= implicitFroms(this.state));
  }

  genCacheKey(ctx: CacheKeyContext): void {
    const state = this.state;
    ctx.key += state.distinct ? "select distinct(" : "select(";
    if (state.distinctOn.length > 0) {
      ctx.key += "on(";
      for (const expr of state.distinctOn) {
        expr.genCacheKey(ctx);
        ctx.key += ",";
      }
      ctx.key += ") ";
    }
    for (const column of state.columns) {
      column.genCacheKey(ctx);
      ctx.key += ",";
    }
    ctx.key += " from ";
    for (const from of this.froms()) {
      from.genCacheKey(ctx);
      ctx.key += ",";
    }
    if (state.where !== null) {
      ctx.key += " where ";
      state.where.genCacheKey(ctx);
    }
    if (state.groupBy.length > 0) {
      ctx.key += " group ";
      for (const c of state.groupBy) {
        c.genCacheKey(ctx);
        ctx.key += ",";
      }
    }
    if (state.having !== null) {
      ctx.key += " having ";
      state.having.genCacheKey(ctx);
    }
    genRowLimitingKey(ctx, state);
    if (state.correlate !== null) {
      ctx.key += " correlate ";
      for (const from of state.correlate) {
        from.genCacheKey(ctx);
        ctx.key += ",";
      }
    }
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitSelect(this as Select);
  }

  protected withRowLimiting(patch: Partial<RowLimiting>): this {
    return this.with(patch) as this;
  }

  private with(patch: Partial<SelectState>): Select<M, T> {
    return new Select<M, T>(patched(this.state, patch));
  }

  private joinLeftSide(target: FromClause, onclause: ColumnElement<boolean> | null): FromClause {
    const candidates = (this.state.fromClauses.length > 0 ? this.state.fromClauses : this.froms()).filter((f) => f !== target);
    if (candidates.length === 0) {
      throw new InvalidRequestError(
        `No FROM item to join ${describeFrom(target)} to: select some columns first, or name the left side with joinFrom(left, right).`,
      );
    }
    if (candidates.length === 1) return candidates[0] as FromClause;
    if (onclause !== null) {
      const mentioned = onclause.fromObjects();
      const matching = candidates.filter((c) => c.correlationFroms().some((f) => mentioned.includes(f)));
      if (matching.length > 0) return matching[0] as FromClause;
    } else {
      const matching = candidates.filter((c) => canJoin(c, target));
      if (matching.length === 1) return matching[0] as FromClause;
      if (matching.length > 1) {
        throw new InvalidRequestError(
          `Can't determine which FROM clause to join from, there are multiple FROMS which can join to ${describeFrom(target)}. ` +
            `Use selectFrom() or joinFrom() to name the left side, and give an ON clause if needed.`,
        );
      }
    }
    return candidates[0] as FromClause;
  }
}

/** See `Select.froms()`. */
function implicitFroms(state: SelectState): readonly FromClause[] {
  const froms = [...state.fromClauses];
  for (const column of state.columns) appendFroms(froms, column.fromObjects());
  if (state.where !== null) appendFroms(froms, state.where.fromObjects());
  let hidden: Set<FromClause> | null = null;
  for (const from of froms) {
    const inside = from.hiddenFroms();
    if (inside.length === 0) continue;
    hidden ??= new Set();
    for (const h of inside) hidden.add(h);
  }
  return hidden === null ? froms : froms.filter((f) => !(hidden as Set<FromClause>).has(f));
}

function appendFroms(froms: FromClause[], more: readonly FromClause[]): void {
  for (const from of more) if (!froms.includes(from)) froms.push(from);
}

/**
 * `{ ...state, ...patch }` spelled out: one object literal of a fixed shape is much
 * cheaper than two spreads, and every builder call makes one. A patch never sets
 * `undefined` (absent fields are null or empty).
 */
function patched(state: SelectState, patch: Partial<SelectState>): SelectState {
  return {
    columns: patch.columns ?? state.columns,
    where: patch.where !== undefined ? patch.where : state.where,
    having: patch.having !== undefined ? patch.having : state.having,
    groupBy: patch.groupBy ?? state.groupBy,
    orderBy: patch.orderBy ?? state.orderBy,
    limit: patch.limit !== undefined ? patch.limit : state.limit,
    offset: patch.offset !== undefined ? patch.offset : state.offset,
    distinct: patch.distinct ?? state.distinct,
    distinctOn: patch.distinctOn ?? state.distinctOn,
    fromClauses: patch.fromClauses ?? state.fromClauses,
    correlate: patch.correlate !== undefined ? patch.correlate : state.correlate,
  };
}

/**
 * A SELECT of columns and tables, as SQLAlchemy's `select()`.
 *
 * @example
 * select(userTable.c.name, userTable.c.fullname) // rows typed [string | null, string | null]
 */
export function select<const Items extends readonly SelectItem[]>(...items: Items): Select<Mapping<Items>, SelectTuple<Items>> {
  const columns: ColumnElement<unknown>[] = [];
  for (const item of items) {
    if (item instanceof ColumnElement) columns.push(item);
    else if (item instanceof FromClause) columns.push(...item.exportedColumns());
    else throw new ArgumentError(`select() takes columns, expressions and tables; got ${String(item)}.`);
  }
  return new Select({
    columns,
    where: null,
    having: null,
    groupBy: [],
    orderBy: [],
    limit: null,
    offset: null,
    distinct: false,
    distinctOn: [],
    fromClauses: [],
    correlate: null,
  });
}
