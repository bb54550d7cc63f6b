import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";

/**
 * What the compiler learned about an INSERT, UPDATE or DELETE that the engine needs
 * to execute it: client-side defaults to compute, where the primary key of an
 * inserted row comes from, and how to batch a many-row INSERT (insertmanyvalues).
 * Carried on `Compiled.dml`; null for other statements.
 */
export interface CompiledDML {
  readonly kind: "insert" | "update" | "delete";
  readonly table: TableImpl;
  /** The statement has its own RETURNING: its rows are the caller's. */
  readonly explicitReturning: boolean;
  /**
   * Primary key columns the compiler added as RETURNING to learn their generated
   * values, where the driver's lastInsertId cannot tell them (PostgreSQL). The rows
   * are not the caller's: the result hides them. Empty when none were added.
   */
  readonly implicitReturning: readonly AnyColumn[];
  /** `returning(..., { sortByParameterOrder: true })`. */
  readonly sortByParameterOrder: boolean;
  /** Client-side column defaults (`default`, `onUpdate`), computed per parameter set. */
  readonly defaults: readonly ColumnDefaultParam[];
  /**
   * INSERT: each primary key column and where its value comes from. Null when no
   * parameter set tells the inserted rows' keys (a multi-row VALUES, INSERT ... SELECT),
   * and for UPDATE and DELETE.
   */
  readonly primaryKey: readonly PrimaryKeyValue[] | null;
  /**
   * INSERT ... VALUES of one row: the placeholders of that row are
   * `placeholders[start..end)`, so that a batch of rows can be bound as a multi-row
   * VALUES. Null when the statement cannot be batched that way.
   */
  readonly valuesRow: { readonly start: number; readonly end: number } | null;
  /**
   * The INSERT has an upsert clause (ON CONFLICT, ON DUPLICATE KEY UPDATE): a row may be
   * skipped or update an existing row, so returned rows cannot be matched to parameter
   * sets by a generated key; ordered insertmanyvalues goes one row a statement.
   */
  readonly upsert?: boolean;
  /**
   * UPDATE: how many primary key parameters end each parameter set when the statement
   * can run many sets as one statement joined to their values (see
   * sql/compiler/keyed-update.ts); 0 when it cannot.
   */
  readonly keyedUpdateKeys?: number;
}

/** A client-side default bound as parameter `name` when the caller gives no value. */
export interface ColumnDefaultParam {
  readonly name: string;
  readonly column: AnyColumn;
  /** The column's `default` or `onUpdate`: a value, or a function called once per row. */
  readonly value: unknown;
}

/** Where an INSERT's primary key column gets its value. */
export interface PrimaryKeyValue {
  readonly column: AnyColumn;
  /** The parameter its value is bound as, or null when no value is given (the database generates it). */
  readonly param: string | null;
  /** The position of its bound value in the statement's `bindParams`; -1 when only the caller gives it. */
  readonly bindIndex: number;
  /** The table's autoincrement column: the driver's lastInsertId is its value, where the dialect says so. */
  readonly autoincrement: boolean;
}

/** Computes a column default for one row: functions are called, with the row's parameters. */
export function defaultValue(def: ColumnDefaultParam, params: Readonly<Record<string, unknown>> | undefined): unknown {
  const value = def.value;
  return typeof value === "function" ? (value as DefaultFunction)({ currentParameters: params ?? {} }) : value;
}

/** A column default given as a function; it may read the row's other parameters. */
export type DefaultFunction = (context: { readonly currentParameters: Readonly<Record<string, unknown>> }) => unknown;
