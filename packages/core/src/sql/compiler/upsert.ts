/**
 * The upsert clauses of an INSERT, in SQLAlchemy's layout:
 *
 * ```
 * INSERT INTO t (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name
 * INSERT INTO t (id, name) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING
 * INSERT INTO t (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)
 * INSERT INTO t (id, name) VALUES (?, ?) AS new ON DUPLICATE KEY UPDATE name = new.name
 * ```
 *
 * Which forms a dialect takes is its compiler's `upsertSyntax`; another form is a
 * CompileError that names the insert() to use instead.
 */
import { CompileError } from "../../errors.js";
import type { ConflictTarget, OnConflictDoNothing, OnConflictDoUpdate } from "../dml/on-conflict.js";
import type { InsertedColumn, OnDuplicateKeyUpdate } from "../dml/on-duplicate-key.js";
import type { ValuesRow } from "../dml/values.js";
import { ColumnImpl } from "../schema/column.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** The upsert forms a statement compiler can write. */
export type UpsertSyntax = "onConflict" | "onConflictOnConstraint" | "onDuplicateKeyUpdate";

const FIX: Readonly<Record<UpsertSyntax, string>> = {
  onConflict: 'insert from "@alkahest/postgres" or "@alkahest/sqlite" (onConflictDoNothing / onConflictDoUpdate)',
  onConflictOnConstraint: "indexElements: [...] naming the columns of the unique index instead of constraint",
  onDuplicateKeyUpdate: 'insert from "@alkahest/mysql" (onDuplicateKeyUpdate)',
};

function requireSyntax(compiler: SQLCompiler, syntax: UpsertSyntax, clause: string): void {
  if (compiler.displayOnly || compiler.upsertSyntax.includes(syntax)) return;
  const instead = (Object.keys(FIX) as UpsertSyntax[]).find((s) => s !== syntax && s !== "onConflictOnConstraint" && compiler.upsertSyntax.includes(s));
  const fix = syntax === "onConflictOnConstraint" ? FIX.onConflictOnConstraint : instead === undefined ? "no upsert form" : FIX[instead];
  throw new CompileError(`${clause} is not supported by this database's SQL; use ${fix}.`);
}

export function compileOnConflictDoNothing(compiler: SQLCompiler, clause: OnConflictDoNothing): string {
  return `ON CONFLICT${conflictTarget(compiler, clause.target)} DO NOTHING`;
}

export function compileOnConflictDoUpdate(compiler: SQLCompiler, clause: OnConflictDoUpdate): string {
  let sql = `ON CONFLICT${conflictTarget(compiler, clause.target)} DO UPDATE SET ${setList(compiler, clause.set)}`;
  if (clause.where !== null) sql += ` WHERE ${compiler.process(clause.where)}`;
  return sql;
}

function conflictTarget(compiler: SQLCompiler, target: ConflictTarget): string {
  requireSyntax(compiler, "onConflict", "INSERT ... ON CONFLICT");
  if (target.constraint !== null) {
    requireSyntax(compiler, "onConflictOnConstraint", "ON CONFLICT ON CONSTRAINT");
    return ` ON CONSTRAINT ${compiler.quote(target.constraint)}`;
  }
  if (target.indexElements.length === 0) return "";
  // Index columns by bare name, as SQLAlchemy writes them; expressions as they are.
  const elements = target.indexElements.map((e) => (e instanceof ColumnImpl ? compiler.quote(e.name) : compiler.process(e)));
  let sql = ` (${elements.join(", ")})`;
  if (target.indexWhere !== null) sql += ` WHERE ${compiler.process(target.indexWhere)}`;
  return sql;
}

export function compileOnDuplicateKeyUpdate(compiler: SQLCompiler, clause: OnDuplicateKeyUpdate): string {
  requireSyntax(compiler, "onDuplicateKeyUpdate", "INSERT ... ON DUPLICATE KEY UPDATE");
  const alias = compiler.upsertRowAlias ? rowAliasName(clause.table.name) : null;
  const previous = compiler.insertedRowAlias;
  compiler.insertedRowAlias = alias;
  try {
    const sql = `ON DUPLICATE KEY UPDATE ${setList(compiler, clause.set)}`;
    return alias === null ? sql : `AS ${compiler.quote(alias)} ${sql}`;
  } finally {
    compiler.insertedRowAlias = previous;
  }
}

/** `new`, as SQLAlchemy names the row alias; `new_1` for a table called new. */
function rowAliasName(table: string): string {
  return table.toLowerCase() === "new" ? "new_1" : "new";
}

/** `VALUES(name)`, or `new.name` under a row alias. */
export function compileInsertedColumn(compiler: SQLCompiler, column: InsertedColumn): string {
  const name = compiler.quote(column.column.name);
  const alias = compiler.insertedRowAlias;
  return alias === null ? `VALUES(${name})` : `${compiler.quote(alias)}.${name}`;
}

/** `a = v1, b = (x + y)`: an expression is parenthesized, as SQLAlchemy's self_group() does. */
function setList(compiler: SQLCompiler, set: ValuesRow): string {
  return set
    .map(([column, value]) => {
      const sql = compiler.process(value);
      const grouped = (value as { operator?: unknown }).operator ?? (value as { modifier?: unknown }).modifier;
      return `${compiler.quote(column.name)} = ${grouped != null ? `(${sql})` : sql}`;
    })
    .join(", ");
}
