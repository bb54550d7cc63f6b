import { CompileError } from "../../../errors.js";
import type { SetColumnCommentImpl, SetTableCommentImpl } from "../../ddl/comment-ddl.js";
import type { TableImpl } from "../../schema/table.js";
import { dialectLabel } from "../capabilities.js";
import type { DDLCompiler } from "../ddl-compiler.js";

/** A database without comments (SQLite) refuses them before anything is sent. */
function checkComments(ddl: DDLCompiler, what: string): void {
  if (ddl.supportsComments) return;
  throw new CompileError(
    `Can't set the comment of ${what}: ${dialectLabel(ddl.dialect)} has no comments (capabilities.comments is false); ` +
      `createAll leaves them out there.`,
  );
}

/** `COMMENT ON TABLE t IS '...'` (`IS NULL` removes it), as SQLAlchemy's visit_set_table_comment. */
export function compileSetTableComment(ddl: DDLCompiler, set: SetTableCommentImpl): string {
  const table = set.table;
  checkComments(ddl, `table '${table.fullname}'`);
  return `COMMENT ON TABLE ${ddl.formatTable(table)} IS ${ddl.renderLiteralValue(table.comment, null)}`;
}

/** `COMMENT ON COLUMN t.c IS '...'`, the column named with its table (and schema). */
export function compileSetColumnComment(ddl: DDLCompiler, set: SetColumnCommentImpl): string {
  const column = set.column;
  // Comments are set on the columns of Tables, never of other FROM clauses.
  const table = column.table as TableImpl | null;
  if (table === null) throw new CompileError(`Can't set the comment of column '${column.name}': it belongs to no Table yet.`);
  checkComments(ddl, `column '${table.fullname}.${column.name}'`);
  const comment = column.options.comment ?? null;
  return `COMMENT ON COLUMN ${ddl.formatTable(table)}.${ddl.quote(column.name)} IS ${ddl.renderLiteralValue(comment, null)}`;
}
