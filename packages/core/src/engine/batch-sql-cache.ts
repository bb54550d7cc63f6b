import type { CachedStatement } from "./statement-cache.js";

/** Batch SQL already rendered for a cached statement, by kind of batch and rows per batch. */
const rendered = new WeakMap<CachedStatement, Map<string, string>>();
/** Rendered batch sizes kept per cached statement; beyond it the oldest are dropped. */
const RENDERED_LIMIT = 8;

/**
 * The SQL of a batch of `rows` parameter sets of a cached statement, compiled once per
 * size and kept with the statement: a run needs at most two sizes (full pages and the
 * last one), so later runs of the statement compile nothing.
 */
export function cachedBatchSql(entry: CachedStatement, kind: string, rows: number, compile: () => string): string {
  let bySize = rendered.get(entry);
  if (bySize === undefined) rendered.set(entry, (bySize = new Map()));
  const key = `${kind}:${rows}`;
  let sql = bySize.get(key);
  if (sql === undefined) {
    sql = compile();
    if (bySize.size >= RENDERED_LIMIT) bySize.delete(bySize.keys().next().value as string);
    bySize.set(key, sql);
  }
  return sql;
}
