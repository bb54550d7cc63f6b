/**
 * Runs an UPDATE by primary key with many parameter sets as pages of one statement
 * each (the batched form compiled by sql/compiler/keyed-update.ts), where the
 * dialect has that form and the sets' keys are distinct; a run with a repeated key
 * goes one set a statement, since one joined statement would apply only one of them.
 * Logged like insertmanyvalues:
 *
 * ```
 * UPDATE t SET a=_v.p0 FROM (VALUES ($1::VARCHAR, $2::INTEGER), ...) AS _v (p0, p1) WHERE t.id = _v.p1
 * [generated in 0.00021s (keyed update) 1/10] ('x', 1, 'y', 2, ...)
 * ```
 */
import type { ClauseElement } from "../sql/element.js";
import type { DriverConnection, DriverExecuteOptions, DriverResult } from "./driver.js";
import { logBatch, pageSize, type InsertmanyvaluesHost } from "./insertmanyvalues.js";
import { cachedBatchSql } from "./batch-sql-cache.js";
import type { CachedStatement } from "./statement-cache.js";

const NO_ROWS: readonly (readonly unknown[])[] = Object.freeze([]);

/**
 * Whether these parameter sets can run as keyed pages: the statement has the form,
 * there is more than one set, and no two sets name the same row. `positional` holds
 * each set's converted values; its last `keys` values are the primary key.
 */
export function keyedUpdateApplies(entry: CachedStatement, positional: readonly (readonly unknown[])[]): boolean {
  const keys = entry.compiled.dml?.keyedUpdateKeys ?? 0;
  if (keys === 0 || positional.length < 2 || entry.compiled.expansion !== null) return false;
  const exact = keys === 1 ? distinctNumberKeys(positional) : null;
  return exact ?? distinctKeyTexts(positional, keys);
}

/**
 * One numeric key, the usual case: numbers compare exactly, so they decide alone; null
 * when a key is not a number. Ascending keys (an ORM flush sorts by key) need one pass;
 * others are sorted as doubles, several times faster than a Set of 10,000 numbers.
 */
function distinctNumberKeys(positional: readonly (readonly unknown[])[]): boolean | null {
  const keys = new Float64Array(positional.length);
  let ascending = true;
  for (let i = 0; i < positional.length; i++) {
    const set = positional[i] as readonly unknown[];
    const key = set[set.length - 1];
    if (typeof key !== "number") return null;
    keys[i] = key;
    if (i > 0 && !(key > (keys[i - 1] as number))) ascending = false;
  }
  if (ascending) return true;
  keys.sort();
  for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) return false;
  return true;
}

/**
 * Keys compared as the database may: 1 and "1" alike, and text without case or
 * trailing spaces (MySQL's default collations ignore both). At worst a batchable run
 * goes one set a statement.
 */
function distinctKeyTexts(positional: readonly (readonly unknown[])[], keys: number): boolean {
  const seen = new Set<string>();
  for (const set of positional) {
    let key = "";
    for (let i = set.length - keys; i < set.length; i++) key += `${String(set[i]).toLowerCase().trimEnd()}\u0000`;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** Runs the sets in pages; the result's rowcount is the sum of the pages'. */
export async function runKeyedUpdate(
  host: InsertmanyvaluesHost,
  driver: DriverConnection,
  statement: ClauseElement,
  entry: CachedStatement,
  columnKeys: readonly string[],
  positional: readonly (readonly unknown[])[],
  options?: DriverExecuteOptions,
): Promise<DriverResult> {
  const perRow = entry.compiled.placeholders.length;
  const size = pageSize(host.dialect, perRow, 0);
  const pages = Math.ceil(positional.length / size);
  // Every full page has the same text: the driver may prepare it once.
  const prepared: DriverExecuteOptions = { ...options, prepare: true };
  let rowcount = 0;
  for (let page = 0; page < pages; page++) {
    const sets = positional.slice(page * size, (page + 1) * size);
    const sql = cachedBatchSql(entry, "keyed update", sets.length, () => {
      const compiled = host.dialect.compile(statement, { columnKeys, forExecutemany: true, keyedUpdateRows: sets.length });
      if (compiled.placeholders.length !== perRow * sets.length) {
        throw new Error(`keyed update: a batch of ${sets.length} rows compiled to ${compiled.placeholders.length} placeholders, expected ${perRow * sets.length}`);
      }
      return compiled.sql;
    });
    const params = sets.flat();
    if (host.echo.enabled) logBatch(host, entry, "keyed update", `${page + 1}/${pages}`, sql, params);
    const result = await host.run(sql, params, false, () => driver.execute(sql, params, sets.length === size ? prepared : options));
    rowcount = rowcount < 0 || result.rowcount < 0 ? -1 : rowcount + result.rowcount;
  }
  return { columns: null, rows: NO_ROWS, rowcount };
}
