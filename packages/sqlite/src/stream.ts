import type { DriverRowStream } from "@alkahest/core/dialect";
import type BetterSqlite3 from "better-sqlite3";

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A SELECT's rows through better-sqlite3's `iterate()` in raw mode, taken `batchSize`
 * at a time: SQLite steps its cursor row by row, so only one batch is in memory. The
 * statement is prepared for this stream alone (a cached one may be in use elsewhere).
 * While the iterator is open better-sqlite3 refuses every other statement on the
 * database; `close()` ends it.
 *
 * With `exactIntegers` (the statement reads a BigInteger column) integers are read as
 * bigints, and those within 2^53 turned back into numbers, as execute does.
 *
 * @example
 * const stream = openSQLiteStream(db, "SELECT x FROM t", [], 1000, false);
 * for (let rows = await stream.nextBatch(); rows !== null; rows = await stream.nextBatch()) count += rows.length;
 */
export function openSQLiteStream(
  db: BetterSqlite3.Database,
  sql: string,
  params: readonly unknown[],
  batchSize: number,
  exactIntegers: boolean,
): DriverRowStream {
  const stmt = db.prepare<unknown[], unknown[]>(sql);
  if (!stmt.reader) throw new TypeError("openSQLiteStream() takes a statement that returns rows.");
  stmt.raw(true);
  if (exactIntegers) stmt.safeIntegers(true);
  const columns = stmt.columns().map((column) => column.name);
  let iterator: IterableIterator<unknown[]> | null = stmt.iterate(...params);
  return {
    columns,
    async nextBatch() {
      if (iterator === null) return null;
      const rows: unknown[][] = [];
      while (rows.length < batchSize) {
        const step = iterator.next();
        if (step.done === true) {
          iterator = null;
          break;
        }
        if (exactIntegers) narrowIntegers(step.value);
        rows.push(step.value);
      }
      return rows.length === 0 ? null : rows;
    },
    async close() {
      iterator?.return?.();
      iterator = null;
    },
  };
}

function narrowIntegers(row: unknown[]): void {
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    if (typeof value === "bigint" && value >= MIN_SAFE && value <= MAX_SAFE) row[i] = Number(value);
  }
}
