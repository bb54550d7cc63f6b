import type { SQLCompiler } from "./compiler.js";

/**
 * The root of the SQL expression tree. Elements are immutable, so a statement can be
 * compiled once and its compiled form shared through the statement cache.
 */
export abstract class ClauseElement {
  /**
   * The statement's shape without its bound values: equal keys compile to equal SQL.
   * `null` means the element is never cached (logged as `[no key ...]`).
   */
  abstract readonly cacheKey: string | null;

  /** Double dispatch into the compiler's visit method for this kind of element. */
  abstract compilerDispatch(compiler: SQLCompiler): string;
}

/**
 * A statement that can be passed to `execute()`. `R` is the type of its rows,
 * `P` the type of the parameters it takes; both only exist at compile time.
 */
export abstract class Executable<
  R extends Record<string, unknown> = Record<string, unknown>,
> extends ClauseElement {
  /** Phantom: lets `execute()` infer the row type. Never set at run time. */
  declare readonly __rowType?: R;
}

/** The named-access row type a statement yields. */
export type RowMappingOf<S> = S extends Executable<infer R> ? R : Record<string, unknown>;
