import type { Compiled } from "../sql/compiled.js";
import type { ClauseElement } from "../sql/element.js";
import { LRUCache } from "../util/lru-cache.js";
import type { Dialect } from "./dialect.js";
import { ResultShape } from "./result-fetching.js";
import type { ResultOptions } from "./result.js";
import { rowClass } from "./row.js";

/** A compiled statement with what executions of it learn and reuse. */
export class CachedStatement {
  /** Executions served by this entry; 1 means it was just generated. */
  uses = 0;
  /** The result columns the result options were built for. */
  columns: readonly string[] | null = null;
  /** How its results build rows, shared by every execution (same options object). */
  resultOptions: ResultOptions | null = null;
  /** The same over the driver's row objects (DriverResult.objectRows), made when first needed. */
  objectResultOptions: ResultOptions | null = null;

  constructor(
    readonly compiled: Compiled,
    /** Whether the entry is kept: "no key" statements (DDL, savepoints) and a disabled cache are not. */
    readonly caching: "cached" | "no key" | "disabled",
    /** performance.now() when it was compiled. */
    readonly generatedAt: number,
    /** Seconds the compilation took. */
    readonly compileSeconds: number,
  ) {}

  /**
   * How results of this statement build rows from the driver's `columns` (its arrays,
   * or with `objectRows` its row objects): prepared on first use and kept while the
   * driver reports the same columns. Shared by execute and stream, so both build
   * identical rows.
   */
  resultOptionsFor(columns: readonly string[], objectRows = false): ResultOptions {
    if (this.resultOptions === null || !sameColumns(this.columns, columns)) {
      const compiled = this.compiled;
      // The statement's own column names win over the driver's (`user_account.id` is "id").
      const own = compiled.resultColumns;
      const keys = own !== null && own.length === columns.length ? own.map((c) => c.key) : columns;
      const processors = compiled.resultProcessors(compiled.resultTypes(columns));
      this.columns = columns;
      this.resultOptions = { shape: new ResultShape(rowClass(keys), processors) };
      this.objectResultOptions = null;
    }
    if (!objectRows) return this.resultOptions;
    if (this.objectResultOptions === null) {
      const { rowClass: arrays, processors } = (this.resultOptions.shape as ResultShape).shape;
      this.objectResultOptions = { shape: new ResultShape(rowClass(arrays.fields, columns), processors) };
    }
    return this.objectResultOptions;
  }
}

function sameColumns(a: readonly string[] | null, b: readonly string[]): boolean {
  if (a === b) return true;
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The compiled-statement cache of one engine (and so of one dialect), keyed by a
 * statement's shape: a hit skips compilation entirely.
 */
export class StatementCache {
  private readonly lru: LRUCache<string, CachedStatement>;
  private readonly enabled: boolean;

  constructor(capacity: number) {
    this.lru = new LRUCache(capacity);
    this.enabled = capacity > 0;
  }

  get size(): number {
    return this.lru.size;
  }

  /**
   * The compiled form of a statement, compiling on a miss. `columnKeys` are the
   * parameter names a DML statement is executed with, and `forExecutemany` whether
   * with many parameter sets: both decide its SQL.
   */
  lookup(dialect: Dialect, statement: ClauseElement, columnKeys?: readonly string[], forExecutemany = false): CachedStatement {
    const shape = statement.cacheKey;
    const key =
      shape === null || columnKeys === undefined
        ? shape
        : `${shape}\u0000${columnKeys.join(",")}${forExecutemany ? "\u0000many" : ""}`;
    let entry = key === null ? undefined : this.lru.get(key);
    if (entry === undefined) {
      const start = performance.now();
      const compiled = dialect.compile(statement, columnKeys === undefined ? undefined : { columnKeys, forExecutemany });
      const end = performance.now();
      const caching = key === null ? "no key" : this.enabled ? "cached" : "disabled";
      entry = new CachedStatement(compiled, caching, end, (end - start) / 1000);
      if (caching === "cached") this.lru.set(key as string, entry);
    }
    entry.uses++;
    return entry;
  }

  clear(): void {
    this.lru.clear();
  }
}
