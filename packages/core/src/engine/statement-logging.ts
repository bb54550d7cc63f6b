/**
 * The echo log lines a Connection writes for what it runs, in SQLAlchemy's layout: the
 * SQL, then its parameters tagged with how the statement cache served it, and with
 * `echo: "debug"` the rows that came back.
 */
import type { StatementParams } from "../errors.js";
import { reprParams, reprRow } from "../util/repr.js";
import {
  formatCachedSince,
  formatCachingDisabled,
  formatGenerated,
  formatNoKey,
  RAW_SQL,
  type EchoLogger,
} from "./logging.js";
import type { CachedStatement } from "./statement-cache.js";

/** How the statement cache served a statement: `[generated in 0.00012s]`, `[cached since 3.2s ago]`, ... */
export function cacheTag(entry: CachedStatement): string {
  switch (entry.caching) {
    case "no key":
      return formatNoKey(entry.compileSeconds);
    case "disabled":
      return formatCachingDisabled(entry.compileSeconds);
    case "cached":
      if (entry.uses === 1) return formatGenerated(entry.compileSeconds);
      return formatCachedSince((performance.now() - entry.generatedAt) / 1000);
  }
}

/** A compiled statement and its parameters. */
export function logStatement(
  echo: EchoLogger,
  sql: string,
  entry: CachedStatement,
  params: StatementParams,
  many: boolean,
): void {
  if (!echo.enabled) return;
  echo.info(sql);
  echo.info(`${cacheTag(entry)} ${reprParams(params, many)}`);
}

/** SQL run as the driver takes it (`execDriverSql`), tagged `[raw sql]`. */
export function logRawStatement(echo: EchoLogger, sql: string, params: StatementParams, many: boolean): void {
  if (!echo.enabled) return;
  echo.info(sql);
  echo.info(`${RAW_SQL} ${reprParams(params, many)}`);
}

/** A SAVEPOINT statement, uncached and without parameters. */
export function logSavepointStatement(echo: EchoLogger, sql: string): void {
  if (!echo.enabled) return;
  echo.info(sql);
  echo.info(`${formatNoKey(0)} ()`);
}

/** BEGIN (implicit), COMMIT or ROLLBACK, which the driver runs by its own calls. */
export function logControl(echo: EchoLogger, message: string): void {
  if (echo.enabled) echo.info(message);
}

/** The column names and rows of a result (`echo: "debug"`). */
export function logRows(echo: EchoLogger, columns: readonly string[], rows: readonly (readonly unknown[])[]): void {
  echo.debug(`Col ${reprRow(columns)}`);
  for (const row of rows) echo.debug(`Row ${reprRow(row)}`);
}
