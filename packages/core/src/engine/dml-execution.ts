/**
 * Executing INSERT, UPDATE and DELETE: client-side column defaults computed per row,
 * the primary keys of inserted rows (`result.insertedPrimaryKeyRows`), and the
 * insertmanyvalues path for an INSERT ... RETURNING with many parameter sets.
 * Connection.execute hands a statement here when its compiled form is DML.
 */
import { CompileError, InvalidRequestError, type StatementParams } from "../errors.js";
import { defaultValue, type CompiledDML, type PrimaryKeyValue } from "../sql/dml/compiled-dml.js";
import type { ClauseElement } from "../sql/element.js";
import type { BindParameter } from "../sql/elements/bind-parameter.js";
import type { Processor } from "../sql/types/type-engine.js";
import type { Dialect } from "./dialect.js";
import type { DriverConnection, DriverExecuteOptions, DriverResult } from "./driver.js";
import { runInsertmanyvalues, type InsertmanyvaluesHost } from "./insertmanyvalues.js";
import { keyedUpdateApplies, runKeyedUpdate } from "./keyed-update-batches.js";
import type { Result } from "./result.js";
import { rowClass, type Row, type RowConstructor } from "./row.js";
import type { CachedStatement } from "./statement-cache.js";

type Params = Readonly<Record<string, unknown>>;

/** What DML execution needs of the Connection running it. */
export interface DMLHost extends InsertmanyvaluesHost {
  /** Converts a bound value given without a declared type (the dialect's bindValue). */
  readonly convert: Processor;
  /** Begins the transaction if none is open (logged `BEGIN (implicit)`). */
  autobegin(): Promise<void>;
  /** The statement and parameter lines of the echo log. */
  logStatement(sql: string, entry: CachedStatement, params: StatementParams, many: boolean): void;
  buildResult(driverResult: DriverResult, entry: CachedStatement, insertedPrimaryKeyRows?: () => readonly Row[]): Result;
}

const EXACT_INTEGERS: DriverExecuteOptions = Object.freeze({ exactIntegers: true });
const NO_ROWS: readonly (readonly unknown[])[] = Object.freeze([]);
/** The row class of each statement's primary key rows, built once. */
const primaryKeyRowClasses = new WeakMap<CompiledDML, RowConstructor>();

/**
 * Runs a compiled INSERT/UPDATE/DELETE with one parameter set, or many. Every set is
 * bound and checked before the transaction begins, so a bad parameter sends nothing.
 * `columnKeys` are the parameter names the statement was compiled for.
 */
export async function executeDML(
  host: DMLHost,
  driver: DriverConnection,
  statement: ClauseElement,
  entry: CachedStatement,
  params: Params | readonly Params[] | undefined,
  columnKeys: readonly string[],
): Promise<Result> {
  const compiled = entry.compiled;
  const dml = compiled.dml as CompiledDML;
  checkReturningSupported(host.dialect, dml);
  const binds = statement.bindParams;
  const sets: readonly (Params | undefined)[] = isParamList(params) ? (params.length > 0 ? params : [undefined]) : [params];
  const full = sets.map((set) => withDefaults(dml, set));
  const options = compiled.exactIntegers ? EXACT_INTEGERS : undefined;
  if (full.length === 1) {
    const given = full[0];
    // An IN list in a WHERE clause expands per execution (see Compiled.expand).
    const { sql, values: positional } = compiled.expand(compiled.positional(given, binds, host.convert));
    await host.autobegin();
    host.logStatement(sql, entry, positional, false);
    const result = await host.run(sql, positional, false, () => driver.execute(sql, positional, options));
    if (dml.implicitReturning.length === 0) {
      const keys = primaryKeyRows(dml, () => [primaryKeyValues(host.dialect, dml, given, binds, result.lastInsertId, null)]);
      return host.buildResult(withRowcount(dml, result), entry, keys);
    }
    // The RETURNING was ours, to learn the generated key: the caller sees a result without rows.
    const returned = result.rows[0] ?? null;
    const hidden: DriverResult = { columns: null, rows: NO_ROWS, rowcount: result.rowcount >= 0 ? result.rowcount : result.rows.length };
    const keys = primaryKeyRows(dml, () => [primaryKeyValues(host.dialect, dml, given, binds, null, returned)]);
    return host.buildResult(hidden, entry, keys);
  }
  const positional = full.map((set) => compiled.positional(set, binds, host.convert));
  await host.autobegin();
  if (dml.kind === "insert" && dml.explicitReturning) {
    const result = await runInsertmanyvalues(host, driver, statement, entry, columnKeys, positional, options);
    return host.buildResult(result, entry, primaryKeyRows(dml, () => []));
  }
  if (keyedUpdateApplies(entry, positional)) {
    const result = await runKeyedUpdate(host, driver, statement, entry, columnKeys, positional, options);
    return host.buildResult(result, entry, primaryKeyRows(dml, () => []));
  }
  host.logStatement(compiled.sql, entry, positional, true);
  const manyOptions = wantsGeneratedIds(host.dialect, dml) ? { ...options, generatedIds: true } : options;
  const result = await host.run(compiled.sql, positional, true, () => driver.executeMany(compiled.sql, positional, manyOptions));
  // The driver's lastInsertId names only the last row of an executemany: generated keys
  // are known only where the driver reports each row's (insertIds).
  const ids = result.insertIds;
  const keys = primaryKeyRows(dml, () => full.map((set, i) => primaryKeyValues(host.dialect, dml, set, binds, ids?.[i], null)));
  return host.buildResult(withRowcount(dml, result), entry, keys);
}

/** An INSERT whose rows' autoincrement key the database generates, on a dialect whose driver reports generated ids. */
function wantsGeneratedIds(dialect: Dialect, dml: CompiledDML): boolean {
  if (dml.kind !== "insert" || dialect.capabilities.primaryKeyFromLastInsertId !== true) return false;
  return dml.primaryKey?.some((pk) => pk.autoincrement && pk.param === null) === true;
}

/** A dialect without RETURNING for this kind of statement fails before anything is sent. */
function checkReturningSupported(dialect: Dialect, dml: CompiledDML): void {
  if (!dml.explicitReturning) return;
  const caps = dialect.capabilities;
  const supported = dml.kind === "insert" ? caps.insertReturning : dml.kind === "update" ? caps.updateReturning : caps.deleteReturning;
  if (!supported) {
    throw new CompileError(
      `The ${dialect.name} dialect does not support ${dml.kind.toUpperCase()} ... RETURNING ` +
        `(capabilities.${dml.kind}Returning is false); run a SELECT for the rows instead.`,
    );
  }
}

/** The parameter set with the client-side defaults of the columns it gives no value for. */
function withDefaults(dml: CompiledDML, params: Params | undefined): Params | undefined {
  const defaults = dml.defaults;
  if (defaults.length === 0) return params;
  const full: Record<string, unknown> = { ...params };
  for (const def of defaults) if (full[def.name] === undefined) full[def.name] = defaultValue(def, params);
  return full;
}

/** A statement with RETURNING whose driver does not count rows reports the rows it returned. */
function withRowcount(dml: CompiledDML, result: DriverResult): DriverResult {
  if (!dml.explicitReturning || result.rowcount >= 0) return result;
  return { ...result, rowcount: result.rows.length };
}

/**
 * `result.insertedPrimaryKeyRows` for the Result: undefined for UPDATE and DELETE (not
 * an insert), a thrower for an INSERT with RETURNING (as SQLAlchemy refuses it), else
 * the rows, built on first use.
 */
function primaryKeyRows(
  dml: CompiledDML,
  values: () => unknown[][],
): (() => readonly Row[]) | undefined {
  if (dml.kind !== "insert") return undefined;
  if (dml.explicitReturning) {
    return () => {
      throw new InvalidRequestError(
        "Can't call insertedPrimaryKey when returning() is used: the returned rows hold what you asked for.",
      );
    };
  }
  const primaryKey = dml.primaryKey;
  if (primaryKey === null) return () => [];
  let rows: readonly Row[] | undefined;
  return () => {
    if (rows !== undefined) return rows;
    let Cls = primaryKeyRowClasses.get(dml);
    if (Cls === undefined) primaryKeyRowClasses.set(dml, (Cls = rowClass(primaryKey.map((pk) => pk.column.key))));
    const RowClass = Cls;
    return (rows = values().map((v) => new RowClass(v)));
  };
}

/** One inserted row's primary key: given values, else the generated ones the database reported. */
function primaryKeyValues(
  dialect: Dialect,
  dml: CompiledDML,
  params: Params | undefined,
  binds: readonly BindParameter[],
  lastInsertId: number | bigint | null | undefined,
  returned: readonly unknown[] | null,
): unknown[] {
  return (dml.primaryKey as readonly PrimaryKeyValue[]).map((pk) => {
    if (pk.param !== null) {
      if (params !== undefined && pk.param in params) return params[pk.param];
      const bind = binds[pk.bindIndex];
      return bind === undefined || bind.required ? null : bind.value;
    }
    const at = dml.implicitReturning.indexOf(pk.column);
    if (at >= 0 && returned !== null) {
      const process = pk.column.type.resultProcessor(dialect);
      return process === null ? returned[at] : process(returned[at]);
    }
    if (pk.autoincrement && dialect.capabilities.primaryKeyFromLastInsertId === true && lastInsertId != null) {
      // Drivers may report the id as a bigint; an Integer column's value is a number.
      const small = typeof lastInsertId === "bigint" && pk.column.type.visitName !== "big_integer";
      return small && Number.isSafeInteger(Number(lastInsertId)) ? Number(lastInsertId) : lastInsertId;
    }
    return null;
  });
}

function isParamList(params: Params | readonly Params[] | undefined): params is readonly Params[] {
  return Array.isArray(params);
}
