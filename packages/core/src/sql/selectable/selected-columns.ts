import { Cast } from "../elements/cast.js";
import type { ColumnElement } from "../elements/column-element.js";
import { FunctionElement } from "../elements/function.js";
import { Label } from "../elements/label.js";
import { LiteralColumn } from "../elements/literal.js";
import { UnaryExpression } from "../elements/unary.js";
import { ColumnImpl } from "../schema/column.js";
import { ColumnProxy, type ColumnName } from "./column-proxy.js";

/**
 * How a selected column is named, as SQLAlchemy's `_generate_columns_plus_names` and
 * `_label_select_column` decide: a label keeps its name; a table's column is labelled
 * with its own name only inside a subquery (`user_account.id AS id`); a function is
 * labelled after itself (`count(x) AS count_1`); a CAST of a column after the column;
 * any other expression `AS anon_1`.
 */
export interface SelectedColumn {
  readonly column: ColumnElement<unknown>;
  /** Its key in a subquery's `.c`. */
  readonly key: string;
  /** Its name in SQL, as a label or as the column's own name. */
  readonly name: ColumnName;
  /** When the SELECT renders `expr AS name`: always, only inside a subquery, or never. */
  readonly label: "always" | "asfrom" | "never";
}

function named(column: ColumnElement<unknown>): { key: string; name: string } | null {
  if (column instanceof ColumnImpl) return { key: column.key, name: column.name };
  if (column instanceof ColumnProxy) {
    return { key: column.key, name: "fixed" in column.columnName ? column.columnName.fixed : column.key };
  }
  return null;
}

/** The naming of one column in a SELECT's column list; `anonIndex` numbers unnamed ones for `.c`. */
function classify(column: ColumnElement<unknown>, anonIndex: () => number): SelectedColumn {
  if (column instanceof Label) return { column, key: column.name, name: { fixed: column.name }, label: "always" };
  const own = named(column);
  if (own !== null) return { column, key: own.key, name: { fixed: own.name }, label: "asfrom" };
  if (column instanceof LiteralColumn) return { column, key: column.text, name: { fixed: column.text }, label: "never" };
  if (column instanceof UnaryExpression) {
    const inner = named(column.element);
    if (inner !== null) return { column, key: inner.key, name: { anon: column, base: "anon" }, label: "asfrom" };
  }
  if (column instanceof Cast) {
    const inner = named(column.element);
    if (inner !== null) return { column, key: inner.key, name: { fixed: inner.name }, label: "always" };
  }
  if (column instanceof FunctionElement) return { column, key: column.name, name: { anon: column, base: column.name }, label: "always" };
  return { column, key: `anon_${anonIndex()}`, name: { anon: column, base: "anon" }, label: "always" };
}

/**
 * The naming of a SELECT's columns. Two different columns of the same name (a table
 * and its alias) are told apart, as SQLAlchemy's default label style does:
 * `user_account.name, user_account_1.name AS name_1`; a column selected twice is
 * labelled apart only inside a subquery, where names must be unique.
 */
export function selectedColumnsOf(columns: readonly ColumnElement<unknown>[]): readonly SelectedColumn[] {
  let anon = 0;
  const next = (): number => ++anon;
  const byName = new Map<string, ColumnElement<unknown>>();
  const keys = new Map<string, number>();
  return columns.map((column) => {
    const selected = classify(column, next);
    const name = "fixed" in selected.name ? selected.name.fixed : null;
    const count = keys.get(selected.key) ?? 0;
    keys.set(selected.key, count + 1);
    const clash = name === null ? undefined : byName.get(name);
    if (name !== null && clash === undefined) byName.set(name, column);
    if (count === 0 && clash === undefined) return selected;
    const key = count === 0 ? selected.key : `${selected.key}_${count}`;
    const base = name ?? selected.key;
    const label = clash !== undefined && clash !== column ? "always" : selected.label === "always" ? "always" : "asfrom";
    return { column, key, name: { anon: column, base }, label };
  });
}
