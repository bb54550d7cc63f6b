import type { ResultColumn } from "../compiled.js";
import type { ColumnElement } from "../elements/column-element.js";
import { Label } from "../elements/label.js";
import type { Select } from "../selectable/select.js";
import type { SQLCompiler } from "./sql-compiler.js";

/**
 * `SELECT cols \nFROM froms \nWHERE criteria`, with SQLAlchemy's layout: each clause
 * after the first starts a new line, the line before ending in a space.
 */
export function compileSelect(compiler: SQLCompiler, select: Select): string {
  compiler.selectDepth++;
  try {
    const columns = select.selectedColumns;
    if (compiler.selectDepth === 1) {
      compiler.resultColumns = columns.map(
        (column, i): ResultColumn => ({ key: column.resultName ?? `anon_${i + 1}`, type: column.type }),
      );
    }
    let sql = `SELECT ${columns.map((c) => compileColumnClause(compiler, c)).join(", ")}`;
    const froms = select.froms();
    if (froms.length > 0) sql += ` \nFROM ${froms.map((f) => compiler.process(f)).join(", ")}`;
    if (select.whereClause !== null) sql += ` \nWHERE ${compiler.process(select.whereClause)}`;
    return sql;
  } finally {
    compiler.selectDepth--;
  }
}

/** A selected column: labels render `expr AS name`. */
function compileColumnClause(compiler: SQLCompiler, column: ColumnElement<unknown>): string {
  const sql = compiler.process(column);
  return column instanceof Label ? `${sql} AS ${compiler.quote(column.name)}` : sql;
}
