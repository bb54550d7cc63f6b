/**
 * INSERT, UPDATE and DELETE, in SQLAlchemy's layout:
 *
 * ```
 * INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)
 * UPDATE user_account SET fullname=:fullname WHERE user_account.name = :name_1
 * DELETE FROM user_account WHERE user_account.name = :name_1
 * ```
 *
 * Besides the SQL, each leaves the engine a CompiledDML (`compiler.dml`): the client
 * defaults to compute per row, where an inserted row's primary key comes from, and
 * which placeholders make up the VALUES row that insertmanyvalues repeats.
 */
import { CompileError } from "../../errors.js";
import type { ResultColumn } from "../compiled.js";
import type { ColumnDefaultParam, CompiledDML, PrimaryKeyValue } from "../dml/compiled-dml.js";
import type { Delete } from "../dml/delete.js";
import type { DMLStatement } from "../dml/dml-statement.js";
import type { Insert } from "../dml/insert.js";
import type { Update } from "../dml/update.js";
import type { ValuesRow } from "../dml/values.js";
import { BindParameter } from "../elements/bind-parameter.js";
import type { ColumnElement } from "../elements/column-element.js";
import { Label } from "../elements/label.js";
import { NextValue } from "../elements/next-value.js";
import { ColumnImpl, type AnyColumn } from "../schema/column.js";
import { callerParam, crudColumns, defaultParam, ownBindNames, type CrudColumn } from "./crud.js";
import { compileKeyedUpdate, keyedUpdateKeys, type KeyedSlot } from "./keyed-update.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** The dialect capabilities the compiler reads, when the dialect has them (the string dialect has none). */
interface DMLCapabilities {
  readonly capabilities?: {
    readonly insertReturning?: boolean;
    readonly primaryKeyFromLastInsertId?: boolean;
  };
}

export function compileInsert(compiler: SQLCompiler, stmt: Insert): string {
  const table = stmt.table;
  const own = ownBindNames(stmt.bindParams, stmt.valuesRows);
  const defaults: ColumnDefaultParam[] = [];
  let crud: CrudColumn[] = [];
  let valuesRow: CompiledDML["valuesRow"] = null;
  let sql = `INSERT INTO ${compiler.process(table)}`;
  // A SELECT inside the statement (INSERT ... SELECT, a subquery) never sets its result columns.
  compiler.selectDepth++;
  try {
    const from = stmt.fromSelectClause;
    if (from !== null) {
      sql += ` (${from.columns.map((c) => compiler.quote(c.name)).join(", ")}) ${compiler.process(from.select)}`;
    } else if (stmt.isMultiRow) {
      crud = crudColumns(compiler, "insert", table, stmt.valuesRows[0] as ValuesRow, "default", own);
      const rows = stmt.valuesRows.map((row, i) => renderRow(compiler, crud, new Map(row), `_m${i}`, defaults));
      sql += ` (${columnList(compiler, crud)}) VALUES ${rows.join(", ")}`;
    } else {
      crud = crudColumns(compiler, "insert", table, stmt.valuesRows[0] ?? [], "default", own);
      if (crud.length === 0) {
        sql += ` ${compiler.emptyInsertClause}`;
      } else {
        // insertmanyvalues compiles the same statement with its VALUES row repeated once per row of a batch.
        const repeat = compiler.options.insertmanyvaluesRows ?? 1;
        const start = compiler.placeholders.length;
        const rows: string[] = [renderRow(compiler, crud, null, "", defaults)];
        const end = compiler.placeholders.length;
        for (let i = 1; i < repeat; i++) rows.push(renderRow(compiler, crud, null, "", []));
        if (end > start) valuesRow = { start, end };
        sql += ` (${columnList(compiler, crud)}) VALUES ${rows.join(", ")}`;
      }
    }
    sql += compiler.insertOnConflictClause(stmt);
  } finally {
    compiler.selectDepth--;
  }
  const implicit = implicitReturning(compiler, stmt, crud);
  sql += returningClause(compiler, stmt.returningColumns.length > 0 ? stmt.returningColumns : implicit, implicit.length === 0);
  compiler.dml = {
    kind: "insert",
    table,
    explicitReturning: stmt.returningColumns.length > 0,
    implicitReturning: implicit,
    sortByParameterOrder: stmt.sortByParameterOrder,
    defaults,
    // A multi-row VALUES or a SELECT inserts rows whose keys no single parameter set tells.
    primaryKey: stmt.isMultiRow || stmt.fromSelectClause !== null ? null : primaryKeySources(stmt, crud),
    valuesRow,
    upsert: stmt.onConflictClause !== null,
  };
  return sql;
}

export function compileUpdate(compiler: SQLCompiler, stmt: Update): string {
  const table = stmt.table;
  const defaults: ColumnDefaultParam[] = [];
  let sql: string;
  let keys: KeyedSlot[] | null = null;
  compiler.selectDepth++;
  try {
    const crud = crudColumns(compiler, "update", table, stmt.setValues, "onUpdate", ownBindNames(stmt.bindParams, [stmt.setValues]));
    if (crud.length === 0) {
      throw new CompileError(
        `update(${table.name}) has no columns to SET: give .values({...}), or execute it with parameters ` +
          `named after columns of '${table.fullname}' (${table.columns.map((c) => `'${c.key}'`).join(", ")}).`,
      );
    }
    const set = crud.map((c) => `${compiler.quote(c.column.name)}=${renderValue(compiler, c, c.value, "", defaults)}`);
    sql = `UPDATE ${compiler.process(table)} SET ${set.join(", ")}`;
    if (stmt.whereClause !== null) sql += ` WHERE ${compiler.process(stmt.whereClause)}`;
    keys = keyedUpdateKeys(compiler, stmt, crud);
    // The engine's page of parameter sets as one statement (keyed-update.ts); it binds the same values as `rows` one-row statements.
    const rows = compiler.options.keyedUpdateRows;
    if (rows !== undefined && keys !== null) {
      compiler.placeholders.length = 0;
      sql = compileKeyedUpdate(compiler, stmt, crud, keys, rows);
    }
  } finally {
    compiler.selectDepth--;
  }
  sql += returningClause(compiler, stmt.returningColumns, true);
  compiler.dml = { ...plainDML("update", stmt, defaults), keyedUpdateKeys: keys?.length ?? 0 };
  return sql;
}

export function compileDelete(compiler: SQLCompiler, stmt: Delete): string {
  let sql = `DELETE FROM ${compiler.process(stmt.table)}`;
  compiler.selectDepth++;
  try {
    if (stmt.whereClause !== null) sql += ` WHERE ${compiler.process(stmt.whereClause)}`;
  } finally {
    compiler.selectDepth--;
  }
  sql += returningClause(compiler, stmt.returningColumns, true);
  compiler.dml = plainDML("delete", stmt, []);
  return sql;
}

function plainDML(kind: "update" | "delete", stmt: DMLStatement, defaults: readonly ColumnDefaultParam[]): CompiledDML {
  return {
    kind,
    table: stmt.table,
    explicitReturning: stmt.returningColumns.length > 0,
    implicitReturning: [],
    sortByParameterOrder: stmt.sortByParameterOrder,
    defaults,
    primaryKey: null,
    valuesRow: null,
  };
}

function columnList(compiler: SQLCompiler, crud: readonly CrudColumn[]): string {
  return crud.map((c) => compiler.quote(c.column.name)).join(", ");
}

/**
 * One `(v1, v2, ...)` row. `row` holds the values of this row of a multi-row INSERT
 * (null: the crud values themselves); `suffix` names its default parameters apart
 * (`created_m1`).
 */
function renderRow(
  compiler: SQLCompiler,
  crud: readonly CrudColumn[],
  row: ReadonlyMap<AnyColumn, ColumnElement<unknown>> | null,
  suffix: string,
  defaults: ColumnDefaultParam[],
): string {
  const values = crud.map((c) => renderValue(compiler, c, row?.get(c.column) ?? c.value, suffix, defaults));
  return `(${values.join(", ")})`;
}

/** A column's value; an expression is parenthesized as SQLAlchemy's self_group() does. */
function renderValue(
  compiler: SQLCompiler,
  crud: CrudColumn,
  value: ColumnElement<unknown>,
  suffix: string,
  defaults: ColumnDefaultParam[],
): string {
  if (crud.default !== undefined) {
    const name = `${crud.column.key}${suffix}`;
    const def = defaultParam(name, crud);
    if (def !== null) defaults.push(def);
    return compiler.process(suffix === "" ? value : callerParam(name, crud.column));
  }
  const sql = compiler.process(value);
  const grouped = (value as { operator?: unknown; modifier?: unknown }).operator ?? (value as { modifier?: unknown }).modifier;
  return grouped != null ? `(${sql})` : sql;
}

/**
 * The primary key columns to add as RETURNING so that a single-row INSERT learns
 * their generated values, on a dialect with INSERT ... RETURNING, as SQLAlchemy's
 * implicit_returning: the keys the INSERT gives no value, where the driver's
 * lastInsertId does not tell them (PostgreSQL), and the keys a Sequence numbers,
 * which lastInsertId never tells (MariaDB). None when the statement has its own
 * RETURNING, runs with many parameter sets, or gives every primary key value itself.
 */
function implicitReturning(compiler: SQLCompiler, stmt: Insert, crud: readonly CrudColumn[]): AnyColumn[] {
  const caps = (compiler.dialect as DMLCapabilities).capabilities;
  if (caps?.insertReturning !== true) return [];
  if (stmt.returningColumns.length > 0 || stmt.isMultiRow || stmt.fromSelectClause !== null) return [];
  if (compiler.options.forExecutemany === true) return [];
  const fromLastInsertId = caps.primaryKeyFromLastInsertId === true;
  return stmt.table.primaryKey.columns.filter((pk) => {
    const given = crud.find((c) => c.column === pk);
    return given === undefined ? !fromLastInsertId : given.value instanceof NextValue;
  });
}

/** Where each primary key column of an inserted row gets its value. */
function primaryKeySources(stmt: Insert, crud: readonly CrudColumn[]): PrimaryKeyValue[] {
  const autoincrement = stmt.table.primaryKey.autoincrementColumn;
  const binds = stmt.bindParams;
  return stmt.table.primaryKey.columns.map((column) => {
    const given = crud.find((c) => c.column === column);
    const value = given?.value;
    // A value given as a SQL expression is known only to the database: treated as not given.
    const param = value instanceof BindParameter ? value.key : null;
    return {
      column,
      param,
      bindIndex: value instanceof BindParameter ? binds.indexOf(value) : -1,
      autoincrement: column === autoincrement && given === undefined,
    };
  });
}

/** ` RETURNING a, b`, recording the columns as the statement's result columns when they are the caller's. */
function returningClause(compiler: SQLCompiler, columns: readonly ColumnElement<unknown>[], callers: boolean): string {
  if (columns.length === 0) return "";
  if (callers) {
    compiler.resultColumns = columns.map(
      (column, i): ResultColumn => ({ key: column.resultName ?? `anon_${i + 1}`, type: column.type }),
    );
  }
  return ` RETURNING ${columns.map((c) => returningColumn(compiler, c)).join(", ")}`;
}

function returningColumn(compiler: SQLCompiler, column: ColumnElement<unknown>): string {
  if (column instanceof Label) return `${returningColumn(compiler, column.element)} AS ${compiler.quote(column.name)}`;
  if (column instanceof ColumnImpl && !compiler.returningIncludesTable) return compiler.quote(column.name);
  return compiler.process(column);
}
