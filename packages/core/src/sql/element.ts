import type { CompileOptions, SQLCompiler } from "./compiler/sql-compiler.js";
import type { Compiled } from "./compiled.js";
import type { BindParameter } from "./elements/bind-parameter.js";

/** Anything that compiles statements: a Dialect, or the default string compiler. */
export interface CompileTarget {
  compile(element: ClauseElement, options?: CompileOptions): Compiled;
}

let defaultTarget: CompileTarget | null = null;

/** Set by compiler/str-dialect.ts: the compiler `String(stmt)` uses (`:name` parameters). */
export function setDefaultCompileTarget(target: CompileTarget): void {
  defaultTarget = target;
}

let nextIdentity = 0;

/**
 * A short token naming one schema object (a Table, a Column) in cache keys: shorter
 * than its name and type, so keys of statements built anew hash fast; objects are
 * immutable once built, so the token stands for everything that decides their SQL.
 */
export function identityToken(prefix: string): string {
  return `${prefix}${(nextIdentity++).toString(36)}`;
}

/** What an element adds to a statement's cache key, and the bound parameters it holds. */
export interface CacheKeyContext {
  /** The shape so far; bound values never go in. */
  key: string;
  /** The statement's bound parameters, in a fixed traversal order. */
  readonly binds: BindParameter[];
  /** Cleared by an element that must never be cached (DDL). */
  cacheable: boolean;
}

interface CacheInfo {
  readonly key: string | null;
  readonly binds: readonly BindParameter[];
}

/**
 * The root of the SQL expression tree. Elements are immutable, so a statement can be
 * compiled once and its compiled form shared, through the statement cache, with every
 * statement of the same shape: `select(t).where(t.c.id.eq(5))` and `...eq(6)` share one.
 */
export abstract class ClauseElement {
  // Assigned in the constructor, not as a field initializer: every element class shares
  // this one store, and a field definition seen by that many classes is a slow generic
  // define, a third of the cost of building an expression.
  private declare cacheInfo: CacheInfo | undefined;

  constructor() {
    this.cacheInfo = undefined;
  }

  /**
   * Appends this element's shape to `ctx.key` (tag, then children) and its bound
   * parameters to `ctx.binds`. Equal shapes must produce equal keys and the same
   * number of binds in the same order.
   */
  abstract genCacheKey(ctx: CacheKeyContext): void;

  /** Double dispatch into the compiler's visit method for this kind of element. */
  abstract compilerDispatch(compiler: SQLCompiler): string;

  /**
   * The statement's shape without its bound values: equal keys compile to equal SQL.
   * `null` means the element is never cached (logged as `[no key ...]`).
   */
  get cacheKey(): string | null {
    return (this.cacheInfo ??= this.computeCacheInfo()).key;
  }

  /** The bound parameters in cache-key order; a cache hit takes its values from these. */
  get bindParams(): readonly BindParameter[] {
    return (this.cacheInfo ??= this.computeCacheInfo()).binds;
  }

  /**
   * Compiles for a dialect (`stmt.compile({ dialect: engine.dialect })`), or for the
   * default string dialect, whose SQL uses `:name` parameters; `.params` holds the values.
   */
  compile(options: { dialect?: CompileTarget } & CompileOptions = {}): Compiled {
    const target = options.dialect ?? defaultTarget;
    if (target === null) throw new Error('The SQL compiler is not loaded: import it from "@alkahest/core"');
    return target.compile(this, options);
  }

  /** The SQL, as the default string dialect compiles it: `user_account.name = :name_1`. */
  toString(): string {
    return this.compile().sql;
  }

  private computeCacheInfo(): CacheInfo {
    const ctx: CacheKeyContext = { key: "", binds: [], cacheable: true };
    this.genCacheKey(ctx);
    return { key: ctx.cacheable ? ctx.key : null, binds: ctx.binds };
  }
}

/**
 * A statement that can be passed to `execute()`. `M` is its rows' named-access type
 * and `T` their tuple type; both exist only at compile time.
 */
export abstract class Executable<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends ClauseElement {
  /** Phantom: lets `execute()` infer the row type. Never set at run time. */
  declare readonly __rowType?: [M, T];
  /** INSERT/UPDATE/DELETE: compiled per set of parameter names the caller passes. */
  declare readonly isDML: boolean;

  constructor() {
    super();
    // Assigned, not a field initializer, for the reason given in ClauseElement.
    (this as { isDML: boolean }).isDML = false;
  }
}
