import type { Compiled } from "../sql/compiled.js";
import type { ClauseElement } from "../sql/element.js";
import type { Dialect } from "./dialect.js";
import type { OrderedBatch } from "./insertmanyvalues.js";

const batches = new WeakMap<Compiled, Map<number, OrderedBatch | null>>();
/** A statement runs in at most two batch sizes per execution (full pages, the last one); a few are kept. */
const SIZES_KEPT = 8;

/**
 * insertmanyvalues with rows in parameter order where the database hands out an
 * autoincrement key in VALUES order within one statement, as SQLAlchemy's
 * `insertmanyvalues_implicit_sentinel = ANY_AUTOINCREMENT` (MariaDB's AUTO_INCREMENT
 * whatever `innodb_autoinc_lock_mode`, SQLite's rowid: ids may skip, never go back).
 * A multi-row `INSERT ... VALUES (...), (...) RETURNING ...` promises no order for its
 * rows, so the key is added as the last RETURNING column, the rows are sorted by it,
 * and it is dropped again:
 *
 * ```
 * INSERT INTO t (name) VALUES (?), (?) RETURNING t.id, t.name, t.id
 * ```
 *
 * Only when the key is generated for every row (the INSERT does not set it); otherwise
 * null, and the rows go one a statement. `qualified`: RETURNING names the key with its
 * table (`t.id`), as the dialect's compiler writes RETURNING columns.
 *
 * @example
 * // A dialect whose autoincrement keys follow VALUES order:
 * override sentinelOrderedBatch(compiled: Compiled, statement: ClauseElement, rows: number) {
 *   return autoincrementOrderedBatch(this, compiled, statement, rows, false);
 * }
 */
export function autoincrementOrderedBatch(
  dialect: Dialect,
  compiled: Compiled,
  statement: ClauseElement,
  rows: number,
  qualified: boolean,
): OrderedBatch | null {
  let bySize = batches.get(compiled);
  if (bySize === undefined) batches.set(compiled, (bySize = new Map()));
  let batch = bySize.get(rows);
  if (batch === undefined) {
    batch = buildBatch(dialect, compiled, statement, rows, qualified);
    if (bySize.size >= SIZES_KEPT) bySize.delete(bySize.keys().next().value as number);
    bySize.set(rows, batch);
  }
  return batch;
}

function buildBatch(dialect: Dialect, compiled: Compiled, statement: ClauseElement, rows: number, qualified: boolean): OrderedBatch | null {
  const dml = compiled.dml;
  const row = dml?.valuesRow;
  if (dml == null || dml.kind !== "insert" || row == null || compiled.expansion !== null || !dml.explicitReturning) return null;
  const sentinel = dml.primaryKey?.find((pk) => pk.autoincrement && pk.param === null)?.column;
  if (sentinel === undefined) return null;
  // The same statement with its VALUES row repeated, compiled for the parameters it runs
  // with: the row's placeholders are named after the columns (or their defaults) it sets.
  const columnKeys = [...new Set(compiled.placeholders.slice(row.start, row.end).map((p) => p.name))];
  const multi = dialect.compile(statement, { columnKeys, forExecutemany: true, insertmanyvaluesRows: rows });
  const perRow = row.end - row.start;
  if (multi.placeholders.length !== compiled.placeholders.length + (rows - 1) * perRow) return null;
  // Where the statement returns the key itself, the rows are sorted by that column.
  const own = ((statement as { readonly returningColumns?: readonly unknown[] }).returningColumns ?? []).indexOf(sentinel);
  if (own >= 0) return { sql: multi.sql, order: (returned) => [...returned].sort((a, b) => compareKeys(a[own], b[own])) };
  // RETURNING is the statement's last clause, so the key goes at the very end.
  const quote = (name: string): string => dialect.identifierPreparer.quote(name);
  const sql = `${multi.sql}, ${qualified ? `${quote(dml.table.name)}.` : ""}${quote(sentinel.name)}`;
  return { sql, order: byTrailingSentinel };
}

/** Sorts rows by their last column (the generated key) and drops it. */
function byTrailingSentinel(rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] {
  return [...rows].sort((a, b) => compareKeys(a[a.length - 1], b[b.length - 1])).map((r) => r.slice(0, -1));
}

/** Keys arrive as numbers, bigints, or decimal strings (a BIGINT on mysql2, int8 as text on pg). */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = BigInt(a as number | string | bigint);
  const y = BigInt(b as number | string | bigint);
  return x < y ? -1 : x > y ? 1 : 0;
}
