/**
 * executemany of an INSERT as multi-row statements, as SQLAlchemy's MySQL drivers
 * (PyMySQL, mysqlclient) run `cursor.executemany`: `INSERT ... VALUES (?, ?)` with N
 * parameter sets becomes `INSERT ... VALUES (1, 'a'),(2, 'b'),...` in pages of at most
 * `MAX_STATEMENT_LENGTH` characters (PyMySQL's `max_stmt_length`), one round trip each
 * instead of one per row. The values are written into each row by mysql2's escaper, as
 * every statement's are (see connection.ts).
 */

/** PyMySQL's max_stmt_length: far below max_allowed_packet (16 MiB on MariaDB, 64 MiB on MySQL 8). */
export const MAX_STATEMENT_LENGTH = 1024000;

/** An `INSERT ... VALUES (?, ...)` split around its row. */
export interface InsertValuesShape {
  /** `INSERT INTO t (a, b) VALUES `. */
  readonly prefix: string;
  /** `(?, ?)`: placeholders only. */
  readonly row: string;
  /** What follows the row: nothing, or ` ON DUPLICATE KEY UPDATE ...` without placeholders. */
  readonly tail: string;
  /** The tail is ON DUPLICATE KEY UPDATE: a row may update rather than insert. */
  readonly upsert: boolean;
}

/**
 * PyMySQL's RE_INSERT_VALUES for `?` placeholders: a row made only of placeholders, with
 * none before it (a `?` there would be bound per statement, not per row) and none after.
 */
const INSERT_VALUES = /^(\s*(?:INSERT|REPLACE)\b[^?]*?\bVALUES?\s*)(\(\s*\?\s*(?:,\s*\?\s*)*\))(\s*(?:ON\s+DUPLICATE\s+KEY\s+UPDATE\b[^?]*)?);?\s*$/is;

/** The statement split around its VALUES row, or null when it cannot be run as multi-row pages. */
export function insertValuesShape(sql: string): InsertValuesShape | null {
  const m = INSERT_VALUES.exec(sql);
  if (m === null) return null;
  const [, prefix = "", row = "", tail = ""] = m;
  return { prefix, row, tail, upsert: tail.trim() !== "" };
}

/**
 * Groups rows already written as SQL into statements of at most `maxLength` characters
 * (a row longer than that goes alone); returns each statement's first row index too.
 */
export function pageRows(
  shape: InsertValuesShape,
  rows: readonly string[],
  maxLength = MAX_STATEMENT_LENGTH,
): { readonly sql: string; readonly first: number; readonly count: number }[] {
  const pages: { sql: string; first: number; count: number }[] = [];
  const fixed = shape.prefix.length + shape.tail.length;
  let first = 0;
  let length = fixed;
  for (let i = 0; i < rows.length; i++) {
    const add = (rows[i] as string).length + (i > first ? 1 : 0);
    if (i > first && length + add > maxLength) {
      pages.push(page(shape, rows, first, i));
      first = i;
      length = fixed + (rows[i] as string).length;
    } else {
      length += add;
    }
  }
  if (rows.length > first) pages.push(page(shape, rows, first, rows.length));
  return pages;
}

function page(shape: InsertValuesShape, rows: readonly string[], first: number, end: number): { sql: string; first: number; count: number } {
  return { sql: `${shape.prefix}${rows.slice(first, end).join(",")}${shape.tail}`, first, count: end - first };
}

/**
 * The ids a multi-row INSERT generated, from the first one (the insert id MySQL reports)
 * and the server's increment: valid only when the server hands them out consecutively
 * (see `consecutiveIds`) and every row was inserted.
 */
export function consecutiveInsertIds(firstId: number | bigint, count: number, increment: number): (number | bigint)[] {
  const ids: (number | bigint)[] = [];
  if (typeof firstId === "number" && Number.isSafeInteger(firstId + (count - 1) * increment)) {
    for (let k = 0; k < count; k++) ids.push(firstId + k * increment);
    return ids;
  }
  const start = BigInt(firstId);
  const step = BigInt(increment);
  for (let k = 0; k < count; k++) ids.push(start + BigInt(k) * step);
  return ids;
}

/**
 * Whether a multi-row INSERT's AUTO_INCREMENT ids are consecutive (spaced by
 * auto_increment_increment): InnoDB promises it for a "simple insert" (the row count is
 * known in advance) under `innodb_autoinc_lock_mode` 0 (traditional) and 1
 * (consecutive, MariaDB's default), not under 2 (interleaved, MySQL 8's default), where
 * a concurrent bulk insert may take ids in between.
 */
export function consecutiveIds(lockMode: number): boolean {
  return lockMode === 0 || lockMode === 1;
}
