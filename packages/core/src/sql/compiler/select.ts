import { InvalidRequestError } from "../../errors.js";
import type { ResultColumn } from "../compiled.js";
import type { ColumnElement } from "../elements/column-element.js";
import { Label } from "../elements/label.js";
import type { ColumnName } from "../selectable/column-proxy.js";
import type { FromClause } from "../selectable/from-clause.js";
import type { Select } from "../selectable/select.js";
import type { SelectBase } from "../selectable/select-base.js";
import type { SelectedColumn } from "../selectable/selected-columns.js";
import { EnclosingScope, renderWith, scopeOf, type ScopeEntry } from "./select-scope.js";
import type { SQLCompiler } from "./sql-compiler.js";

/**
 * `SELECT cols \nFROM froms \nWHERE criteria GROUP BY ... \nHAVING ... ORDER BY ...`,
 * in SQLAlchemy's layout: FROM, WHERE and HAVING start a line (the line before ending
 * in a space), GROUP BY and ORDER BY do not, LIMIT is the dialect's (`\n LIMIT ...`).
 */
export function compileSelect(compiler: SQLCompiler, select: Select): string {
  const scope = scopeOf(compiler);
  const asfrom = scope.takeAsFrom();
  const populate = scope.takePopulate() || (scope.stack.length === 0 && compiler.selectDepth === 0);
  const enclosing = scope.top;
  const froms = displayFroms(select, enclosing, asfrom);
  scope.stack.push(new EnclosingScope(froms, enclosing));
  compiler.selectDepth++;
  let sql: string;
  try {
    const resultColumns: ResultColumn[] | null = populate ? [] : null;
    let columns = "";
    const selected = select.selectedColumnNames;
    for (let i = 0; i < selected.length; i++) {
      if (i > 0) columns += ", ";
      columns += columnClause(compiler, selected[i] as SelectedColumn, asfrom, resultColumns);
    }
    if (resultColumns !== null) compiler.resultColumns = resultColumns;
    // Columns first, then DISTINCT ON's expressions: the order their anonymous names are numbered in.
    sql = `SELECT ${compiler.distinctClause(select)}${columns}`;
    if (froms.length > 0) {
      sql += " \nFROM ";
      for (let i = 0; i < froms.length; i++) {
        if (i > 0) sql += ", ";
        sql += (froms[i] as FromClause).fromDispatch(compiler);
      }
    } else sql += compiler.defaultFrom();
    if (select.whereClause !== null) sql += ` \nWHERE ${compiler.process(select.whereClause)}`;
    if (select.groupByClauses.length > 0) sql += ` GROUP BY ${processList(compiler, select.groupByClauses)}`;
    if (select.havingClause !== null) sql += ` \nHAVING ${compiler.process(select.havingClause)}`;
    sql += orderByAndLimit(compiler, select, null);
  } finally {
    compiler.selectDepth--;
    scope.stack.pop();
  }
  return scope.stack.length === 0 ? renderWith(compiler) + sql : sql;
}

/** ORDER BY, then the dialect's LIMIT/OFFSET clause; `render` (default: `compiler.process`) compiles an ORDER BY item. */
export function orderByAndLimit(
  compiler: SQLCompiler,
  select: SelectBase,
  render: ((c: ColumnElement<unknown>) => string) | null,
): string {
  let sql = "";
  const orderBy = select.orderByClauses;
  if (orderBy.length > 0) sql += ` ORDER BY ${render === null ? processList(compiler, orderBy) : orderBy.map(render).join(", ")}`;
  if (select.limitClause !== null || select.offsetClause !== null) sql += compiler.limitClause(select);
  return sql;
}

/** `a, b, c`: each compiled, without the array and closure a `map().join()` makes. */
function processList(compiler: SQLCompiler, elements: readonly ColumnElement<unknown>[]): string {
  let sql = "";
  for (let i = 0; i < elements.length; i++) {
    if (i > 0) sql += ", ";
    sql += compiler.process(elements[i] as ColumnElement<unknown>);
  }
  return sql;
}

/**
 * The FROM list after correlation, as SQLAlchemy's `_get_display_froms`: a SELECT nested
 * in a WHERE or column list leaves out the FROM items the enclosing SELECT has (unless
 * that would leave none, or it is the only one); `correlate(...)` names them instead.
 * A subquery in a FROM list is never correlated implicitly.
 */
function displayFroms(select: Select, enclosing: ScopeEntry, asfrom: boolean): readonly FromClause[] {
  let froms = select.froms();
  const explicitCorrelate = asfrom ? difference(enclosing.correlateFroms, enclosing.asfromFroms) : enclosing.correlateFroms;
  const correlate = select.correlateFroms;
  if (correlate !== null) {
    if (correlate.length > 0) froms = froms.filter((f) => !(explicitCorrelate.has(f) && correlate.includes(f)));
  } else if (!asfrom && enclosing.asfromFroms.size > 0 && froms.length > 1) {
    froms = froms.filter((f) => !enclosing.asfromFroms.has(f));
    if (froms.length === 0) {
      throw new InvalidRequestError(
        "Select statement returned no FROM clauses due to auto-correlation; specify correlate(<tables>) to control correlation manually.",
      );
    }
  }
  return froms;
}

function difference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  return new Set([...a].filter((x) => !b.has(x)));
}

/** A column's name as compiled: fixed, or numbered for this statement (`count_1`). */
export function columnNameText(compiler: SQLCompiler, name: ColumnName): string {
  return "fixed" in name ? name.fixed : compiler.anonymousName(name.anon, name.base);
}

/**
 * One entry of the column list, labelled as selected-columns.ts decides; records its
 * result column (row key and type) when the SELECT supplies the statement's rows.
 */
function columnClause(compiler: SQLCompiler, selected: SelectedColumn, asfrom: boolean, results: ResultColumn[] | null): string {
  const { column } = selected;
  const labelled = selected.label === "always" || (asfrom && selected.label === "asfrom");
  if (!labelled) {
    results?.push({ key: column.resultName ?? selected.key, type: column.type });
    return compiler.process(column);
  }
  // The label is named before its expression is compiled, as SQLAlchemy numbers them:
  // `concat(:concat_2, :concat_3) AS concat_1`.
  const name = columnNameText(compiler, selected.name);
  results?.push({ key: name, type: column.type });
  const expression = column instanceof Label ? column.element : column;
  return `${compiler.process(expression)} AS ${compiler.quote(name)}`;
}
