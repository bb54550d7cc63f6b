import type { ColumnElement } from "../elements/column-element.js";
import { Label } from "../elements/label.js";
import { UnaryExpression } from "../elements/unary.js";
import { ColumnImpl } from "../schema/column.js";
import { ColumnProxy } from "../selectable/column-proxy.js";
import { CompoundSelect } from "../selectable/compound-select.js";
import type { SelectBase } from "../selectable/select-base.js";
import { columnNameText, orderByAndLimit } from "./select.js";
import { renderWith, scopeOf } from "./select-scope.js";
import type { SQLCompiler } from "./sql-compiler.js";

/**
 * `SELECT ... UNION SELECT ...`: the first SELECT supplies the result columns; a SELECT
 * with its own ORDER BY or LIMIT, or a nested compound, is parenthesized; ORDER BY names
 * columns without their table.
 */
export function compileCompoundSelect(compiler: SQLCompiler, compound: CompoundSelect): string {
  const scope = scopeOf(compiler);
  const asfrom = scope.takeAsFrom();
  const populate = scope.takePopulate() || (scope.stack.length === 0 && compiler.selectDepth === 0);
  // The SELECTs correlate to what encloses the compound, not to each other.
  scope.stack.push(scope.top);
  let sql: string;
  try {
    const parts = compound.selects.map((select, i) => {
      const compile = (): string => (asfrom ? scope.asFromItem(() => compiler.process(select)) : compiler.process(select));
      const text = i === 0 && populate ? scope.withResultColumns(compile) : compile();
      return needsParentheses(select) ? `(${text})` : text;
    });
    sql = parts.join(` ${compound.keyword} `);
    sql += orderByAndLimit(compiler, compound, (c) => withoutTable(compiler, c));
  } finally {
    scope.stack.pop();
  }
  return scope.stack.length === 0 ? renderWith(compiler) + sql : sql;
}

function needsParentheses(select: SelectBase): boolean {
  return select instanceof CompoundSelect || select.orderByClauses.length > 0 || select.limitClause !== null || select.offsetClause !== null;
}

/** A compound's ORDER BY refers to its result columns by name: `ORDER BY name DESC`. */
function withoutTable(compiler: SQLCompiler, column: ColumnElement<unknown>): string {
  if (column instanceof ColumnImpl) return compiler.quote(column.name);
  if (column instanceof ColumnProxy) return compiler.quote(columnNameText(compiler, column.columnName));
  if (column instanceof Label) return compiler.quote(column.name);
  if (column instanceof UnaryExpression && column.operator === null && column.modifier !== null) {
    return `${withoutTable(compiler, column.element)} ${column.modifier.sql}`;
  }
  return compiler.process(column);
}
