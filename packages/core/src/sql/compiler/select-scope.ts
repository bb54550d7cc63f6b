import type { PlaceholderSpec } from "../compiled.js";
import type { CTE } from "../selectable/cte.js";
import type { FromClause } from "../selectable/from-clause.js";
import type { SQLCompiler } from "./sql-compiler.js";

/**
 * What a SELECT being compiled tells the SELECTs nested in it, as SQLAlchemy's
 * compiler stack: the FROM items a nested SELECT may correlate to.
 */
export interface ScopeEntry {
  /** The FROM items of the enclosing SELECT (and the items inside its joins). */
  readonly asfromFroms: ReadonlySet<FromClause>;
  /** Those of every enclosing SELECT. */
  readonly correlateFroms: ReadonlySet<FromClause>;
}

/** A CTE's `name AS (SELECT ...)` text and the placeholders in it, hoisted into WITH. */
export interface CompiledCTE {
  readonly text: string;
  readonly placeholders: readonly PlaceholderSpec[];
  readonly recursive: boolean;
}

/** The compile state of SELECTs in one statement. */
export class SelectScope {
  readonly stack: ScopeEntry[] = [];
  /** CTEs met so far, by their root (a recursive CTE and its anchor share one), in order. */
  readonly ctes = new Map<CTE, CompiledCTE | null>();
  /** Set by whoever compiles a SELECT as a FROM item (subquery, CTE body), for that SELECT only. */
  private asFrom = false;
  /** Set by a compound SELECT for its first SELECT, which supplies the result columns. */
  private populate = false;

  get top(): ScopeEntry {
    return this.stack[this.stack.length - 1] ?? EMPTY_ENTRY;
  }

  /** Compiles `compile` as a FROM item: its table columns are labelled, it is not correlated. */
  asFromItem<R>(compile: () => R): R {
    this.asFrom = true;
    try {
      return compile();
    } finally {
      this.asFrom = false;
    }
  }

  /** Read once by the SELECT compiled next. */
  takeAsFrom(): boolean {
    const value = this.asFrom;
    this.asFrom = false;
    return value;
  }

  withResultColumns<R>(compile: () => R): R {
    this.populate = true;
    try {
      return compile();
    } finally {
      this.populate = false;
    }
  }

  takePopulate(): boolean {
    const value = this.populate;
    this.populate = false;
    return value;
  }
}

const EMPTY_ENTRY: ScopeEntry = { asfromFroms: new Set(), correlateFroms: new Set() };

/**
 * The scope a SELECT (or UPDATE/DELETE) with these FROM items gives the SELECTs nested
 * in it. Its sets are built on first use: only a nested SELECT reads them, and most
 * statements have none. The FROM items and the enclosing entry never change, so
 * building them late gives the same sets.
 */
export class EnclosingScope implements ScopeEntry {
  private asfrom: ReadonlySet<FromClause> | null = null;
  private correlate: ReadonlySet<FromClause> | null = null;

  constructor(
    private readonly froms: readonly FromClause[],
    private readonly enclosing: ScopeEntry,
  ) {}

  get asfromFroms(): ReadonlySet<FromClause> {
    if (this.asfrom === null) {
      const set = new Set<FromClause>();
      for (const from of this.froms) for (const f of from.correlationFroms()) set.add(f);
      this.asfrom = set;
    }
    return this.asfrom;
  }

  get correlateFroms(): ReadonlySet<FromClause> {
    return (this.correlate ??= new Set([...this.asfromFroms, ...this.enclosing.correlateFroms]));
  }
}

/** The SELECT compile state of a compiler (one per statement compiled). */
export function scopeOf(compiler: SQLCompiler): SelectScope {
  return (compiler.selectScope ??= new SelectScope());
}

/**
 * Compiles `compile` inside a statement whose FROM items the SELECTs nested in it
 * correlate to, as SQLAlchemy does for UPDATE and DELETE: with the statement's table
 * given here, `update(t).values({ n: select(func.count(a.c.id)).where(a.c.t_id.eq(t.c.id)).scalarSubquery() })`
 * leaves `t` out of the subquery's FROM list.
 */
export function withEnclosingFroms<R>(compiler: SQLCompiler, froms: readonly FromClause[], compile: () => R): R {
  const scope = scopeOf(compiler);
  scope.stack.push(new EnclosingScope(froms, scope.top));
  try {
    return compile();
  } finally {
    scope.stack.pop();
  }
}

/**
 * `WITH [RECURSIVE] a AS (...), b AS (...)\n ` for the CTEs the statement used, or "";
 * their placeholders move to the front, where their SQL now is.
 */
export function renderWith(compiler: SQLCompiler): string {
  const scope = scopeOf(compiler);
  const ctes = [...scope.ctes.values()].filter((c): c is CompiledCTE => c !== null);
  if (ctes.length === 0) return "";
  scope.ctes.clear();
  compiler.placeholders.unshift(...ctes.flatMap((c) => c.placeholders));
  const preamble = compiler.ctePreamble(ctes.some((c) => c.recursive));
  return `${preamble} ${ctes.map((c) => c.text).join(", \n")}\n `;
}
