import { CompileError } from "../../errors.js";
import type { Select } from "../selectable/select.js";
import type { SQLCompiler } from "./sql-compiler.js";

/**
 * `DISTINCT ` for `select(...).distinct()`. `distinct(expr, ...)` is PostgreSQL's
 * `DISTINCT ON (expr, ...)`, which its compiler renders (`renderDistinctOn`); other
 * databases have no such form, and SQLAlchemy 2 deprecates ignoring it, so it is an
 * error here rather than a silently different query.
 */
export function distinctClause(compiler: SQLCompiler, select: Select): string {
  const on = select.distinctOnClauses;
  if (!select.isDistinct) return "";
  if (on.length === 0) return "DISTINCT ";
  if (!compiler.displayOnly) {
    throw new CompileError(
      "select().distinct(expr, ...) is DISTINCT ON, which only PostgreSQL has; on this database use distinct() " +
        "without arguments, or pick one row per group with a window function (func.row_number().over({ partitionBy })) or GROUP BY.",
    );
  }
  return renderDistinctOn(compiler, select);
}

/** `DISTINCT ON (a, b) `. */
export function renderDistinctOn(compiler: SQLCompiler, select: Select): string {
  return `DISTINCT ON (${select.distinctOnClauses.map((c) => compiler.process(c)).join(", ")}) `;
}
