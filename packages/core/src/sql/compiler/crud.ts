/**
 * Which columns an INSERT or UPDATE sets and where each value comes from, as
 * SQLAlchemy's crud.py: the statement's values(), the names of the parameters it is
 * executed with, and the columns' client-side defaults.
 */
import { CompileError } from "../../errors.js";
import { BindParameter, REQUIRED } from "../elements/bind-parameter.js";
import { ColumnElement } from "../elements/column-element.js";
import type { ColumnDefaultParam } from "../dml/compiled-dml.js";
import type { ValuesRow } from "../dml/values.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** One column an INSERT or UPDATE sets. */
export interface CrudColumn {
  readonly column: AnyColumn;
  /** Its value: the statement's own element, or a parameter the caller (or a default) fills. */
  readonly value: ColumnElement<unknown>;
  /** A client-side default fills the parameter when the caller gives none. */
  readonly default: unknown;
}

/**
 * The columns an INSERT or UPDATE sets, in table order.
 *
 * - Compiled to print (no `columnKeys`) with no values at all: every column, each a
 *   parameter, as SQLAlchemy prints a bare `insert(t)`.
 * - Otherwise the statement's values, then each executed parameter name that is a
 *   column (others must be the statement's own `bindparam()` names), then the
 *   columns with a client-side default (`option`) that nothing else gave. An INSERT
 *   takes a column's Sequence as its default where the database has sequences:
 *   the value is the sequence's next value, written into the SQL (`nextval('s')`).
 */
export function crudColumns(
  compiler: SQLCompiler,
  statement: string,
  table: TableImpl,
  values: ValuesRow,
  option: "default" | "onUpdate",
  ownBindNames: ReadonlySet<string>,
): CrudColumn[] {
  const columnKeys = compiler.options.columnKeys;
  if (columnKeys === undefined && values.length === 0) {
    return table.columns.map((column) => ({ column, value: callerParam(column.key, column), default: undefined }));
  }
  const given = new Map<AnyColumn, ColumnElement<unknown>>(values);
  const fromParams = new Set<AnyColumn>();
  const unknown: string[] = [];
  for (const key of columnKeys ?? []) {
    const column = table.columns.find((c) => c.key === key);
    if (column !== undefined) {
      if (!given.has(column)) fromParams.add(column);
    } else if (!ownBindNames.has(key)) {
      unknown.push(key);
    }
  }
  if (unknown.length > 0) {
    throw new CompileError(
      `${statement}(${table.name}) was executed with parameter${unknown.length > 1 ? "s" : ""} ` +
        `${unknown.map((k) => `'${k}'`).join(", ")} that name${unknown.length > 1 ? "" : "s"} no column of '${table.fullname}' and no bindparam() ` +
        `of the statement; its columns are ${table.columns.map((c) => `'${c.key}'`).join(", ")}.`,
    );
  }
  const crud: CrudColumn[] = [];
  for (const column of table.columns) {
    const own = given.get(column);
    if (own !== undefined) crud.push({ column, value: own, default: undefined });
    else if (fromParams.has(column)) crud.push({ column, value: callerParam(column.key, column), default: undefined });
    else {
      if (option === "default" && column.sequence !== null && compiler.supportsSequences) {
        crud.push({ column, value: column.sequence.nextValue(), default: undefined });
        continue;
      }
      const def: unknown = column.options[option];
      if (def == null) continue;
      if (def instanceof ColumnElement) crud.push({ column, value: def, default: undefined });
      else crud.push({ column, value: callerParam(column.key, column), default: def });
    }
  }
  checkBindNameClashes(statement, crud, ownBindNames);
  return crud;
}

/** A parameter the caller (or a column default) fills at execution, typed by its column. */
export function callerParam(name: string, column: AnyColumn): BindParameter {
  return new BindParameter(name, REQUIRED, column.type);
}

/** Records a parameter-filled column default, so that the engine computes it per row. */
export function defaultParam(name: string, crud: CrudColumn): ColumnDefaultParam | null {
  return crud.default === undefined ? null : { name, column: crud.column, value: crud.default };
}

/**
 * The names of the statement's own named parameters (`bindparam("x")`) other than
 * the ones values() made for its columns: executed parameters of these names are
 * not columns.
 */
export function ownBindNames(binds: readonly BindParameter[], values: readonly ValuesRow[]): Set<string> {
  const valueBinds = new Set<unknown>();
  for (const row of values) {
    for (const [column, value] of row) {
      if (value instanceof BindParameter && (value.key === column.key || value.key.startsWith(`${column.key}_m`))) {
        valueBinds.add(value);
      }
    }
  }
  const names = new Set<string>();
  for (const bind of binds) if (!bind.anonymous && !valueBinds.has(bind)) names.add(bind.key);
  return names;
}

/** A bindparam() named like a column the statement sets would bind two values under one name. */
function checkBindNameClashes(statement: string, crud: readonly CrudColumn[], ownNames: ReadonlySet<string>): void {
  for (const { column } of crud) {
    if (ownNames.has(column.key)) {
      throw new CompileError(
        `bindparam() name '${column.key}' is reserved for the VALUES or SET clause of this ${statement}(), ` +
          `which sets column '${column.key}'. Use another name for the bindparam(), e.g. 'b_${column.key}'.`,
      );
    }
  }
}
