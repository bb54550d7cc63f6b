import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext, ClauseElement } from "../element.js";
import type { ColumnElement } from "../elements/column-element.js";
import { ColumnImpl, type AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import { Select } from "../selectable/select.js";
import {
  DMLStatement,
  dmlTable,
  expressionDefaultsCacheKey,
  returningCacheKey,
  returningState,
  type ReturningItem,
  type ReturningMapping,
  type ReturningOptions,
  type ReturningState,
  type ReturningTuple,
} from "./dml-statement.js";
import { valuesRow, valuesRowCacheKey, type ValuesOf, type ValuesRow } from "./values.js";

/** `INSERT ... SELECT`: the columns filled, in the order the SELECT gives them. */
export interface InsertFromSelect {
  readonly columns: readonly AnyColumn[];
  readonly select: Select;
}

/** What an Insert holds; a dialect's Insert subclass reads it and adds to it through `clone()`. */
export interface InsertState extends ReturningState {
  /** One row for `values({...})`, one per row for `values([...])`; empty when none were given. */
  readonly rows: readonly ValuesRow[];
  /** True after `values([...])`: a multi-row INSERT, its binds named `name_m0`, `name_m1`, ... */
  readonly multiRow: boolean;
  readonly fromSelect: InsertFromSelect | null;
  /**
   * A dialect's clause between VALUES (or the SELECT) and RETURNING: `ON CONFLICT ...`,
   * `ON DUPLICATE KEY UPDATE ...`; compiled through `SQLCompiler.insertOnConflictClause`.
   */
  readonly onConflict: ClauseElement | null;
}

/**
 * An INSERT statement, as SQLAlchemy's `insert()`. Builder methods return a new Insert.
 *
 * Without `values()`, the columns come from the parameters it is executed with
 * (`conn.execute(insert(t), [{ name: "sandy" }, { name: "patrick" }])`); printed on its
 * own it shows every column. Columns are always rendered in table order.
 *
 * @example
 * insert(userTable).values({ name: "spongebob", fullname: "Spongebob Squarepants" })
 * // INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)
 */
export class Insert<
  Cols extends readonly AnyColumn[] = readonly AnyColumn[],
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends DMLStatement<M, T, InsertState> {
  declare readonly table: TableImpl<Cols>;

  /**
   * A subclass (a dialect's own insert) keeps this constructor's signature: every
   * builder method goes through `clone()`, which calls it, so builders return the
   * subclass with its state.
   */
  constructor(
    table: TableImpl<Cols>,
    state: InsertState,
  ) {
    super(table, state);
  }

  /** The same statement (same class) with another state: what every builder method returns. */
  protected clone(state: InsertState): this {
    const Class = this.constructor as new (table: TableImpl<Cols>, state: InsertState) => this;
    return new Class(this.table, state);
  }

  /** The dialect clause between VALUES and RETURNING (`ON CONFLICT ...`), or null. */
  get onConflictClause(): ClauseElement | null {
    return this.state.onConflict;
  }

  get valuesRows(): readonly ValuesRow[] {
    return this.state.rows;
  }

  get isMultiRow(): boolean {
    return this.state.multiRow;
  }

  get fromSelectClause(): InsertFromSelect | null {
    return this.state.fromSelect;
  }


  /**
   * The values to insert: an object for one row (a further call adds to it), or an
   * array of objects for a multi-row `VALUES (...), (...)`. Values are bound, never
   * rendered into the SQL; a SQL expression (`func.now()`) is rendered as SQL.
   *
   * @example
   * insert(userTable).values([{ name: "sandy" }, { name: "patrick" }])
   * // INSERT INTO user_account (name) VALUES (:name_m0), (:name_m1)
   */
  values(values: ValuesOf<Cols> | readonly ValuesOf<Cols>[]): this {
    const table = this.table;
    if (this.state.fromSelect !== null) {
      throw new ArgumentError(`insert(${table.name}): values() cannot be combined with fromSelect(); use one of them.`);
    }
    if (Array.isArray(values)) {
      if (this.state.rows.length > 0) {
        throw new ArgumentError(
          `insert(${table.name}).values([...]) was called after values() already gave rows; give all rows in one call.`,
        );
      }
      const rows = (values as readonly Readonly<Record<string, unknown>>[]).map((row, i) =>
        valuesRow("insert", table, row, (c) => `${c.key}_m${i}`),
      );
      checkSameColumns(table, rows);
      return this.clone({ ...this.state, rows, multiRow: rows.length > 0 });
    }
    if (this.state.multiRow) {
      throw new ArgumentError(`insert(${table.name}).values({...}) cannot extend a multi-row values([...]); give all rows in one call.`);
    }
    const row = valuesRow("insert", table, values as Readonly<Record<string, unknown>>, (c) => c.key, this.state.rows[0]);
    return this.clone({ ...this.state, rows: [row] });
  }

  /**
   * `INSERT INTO t (columns) SELECT ...`: the SELECT's columns fill the named
   * columns, in order.
   *
   * @example
   * insert(archive).fromSelect(["id", "name"], select(users.c.id, users.c.name))
   */
  fromSelect(columns: readonly (Cols[number]["key"] | AnyColumn)[], select: Select): this {
    const table = this.table;
    if (this.state.rows.length > 0) {
      throw new ArgumentError(`insert(${table.name}): fromSelect() cannot be combined with values(); use one of them.`);
    }
    if (!(select instanceof Select)) {
      throw new ArgumentError(`insert(${table.name}).fromSelect(columns, select) takes a select() as its second argument.`);
    }
    const targets = columns.map((c) => (c instanceof ColumnImpl ? c : table.column(c as string)));
    for (const target of targets) {
      if (target.table !== table) {
        throw new ArgumentError(`insert(${table.name}).fromSelect(): column '${target.name}' is not a column of '${table.name}'.`);
      }
    }
    if (targets.length !== select.selectedColumns.length) {
      throw new ArgumentError(
        `insert(${table.name}).fromSelect() names ${targets.length} column(s) but the SELECT returns ` +
          `${select.selectedColumns.length}; they must match one to one.`,
      );
    }
    return this.clone({ ...this.state, fromSelect: { columns: targets, select } });
  }

  /**
   * `RETURNING ...`: the statement returns rows of these columns, typed like a
   * select() of them. End with `{ sortByParameterOrder: true }` to get the rows of a
   * many-parameter-set execution in the order of the parameter sets.
   *
   * @example
   * const ids = (await conn.execute(insert(users).returning(users.c.id), rows)).scalars().all();
   */
  returning<const C extends readonly ReturningItem[]>(...columns: C): Insert<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  returning<const C extends readonly ReturningItem[]>(
    ...args: [...C, ReturningOptions]
  ): Insert<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  returning(...args: (ReturningItem | ReturningOptions)[]): Insert<Cols, Record<string, unknown>, unknown[]> {
    // The row types change, which `this` cannot say: a subclass re-declares returning() to name its own class.
    return this.clone({ ...this.state, ...returningState("insert", this.state, args) }) as Insert<Cols, Record<string, unknown>, unknown[]>;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `insert(${this.table.fullname}`;
    if (this.state.multiRow) ctx.key += " multi";
    for (const row of this.state.rows) valuesRowCacheKey(ctx, row);
    const from = this.state.fromSelect;
    if (from !== null) {
      ctx.key += ` from(${from.columns.map((c) => c.key).join(",")})`;
      from.select.genCacheKey(ctx);
    }
    if (this.state.onConflict !== null) {
      ctx.key += " ";
      this.state.onConflict.genCacheKey(ctx);
    }
    expressionDefaultsCacheKey(ctx, this.table, "default");
    returningCacheKey(ctx, this.state);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitInsert(this as Insert);
  }
}

/** Every row of a multi-row INSERT names the same columns, as one VALUES list needs. */
function checkSameColumns(table: TableImpl, rows: readonly ValuesRow[]): void {
  const first = rows[0];
  if (first === undefined) return;
  const keys = first.map(([c]) => c.key).join(", ");
  rows.forEach((row, i) => {
    const rowKeys = row.map(([c]) => c.key).join(", ");
    if (rowKeys !== keys) {
      throw new ArgumentError(
        `insert(${table.name}).values([...]): row ${i + 1} gives (${rowKeys}) but row 1 gives (${keys}); ` +
          `every row of a multi-row INSERT must give the same columns.`,
      );
    }
  });
}

/**
 * An INSERT into a table, as SQLAlchemy's `insert()`.
 *
 * @example
 * const stmt = insert(userTable).values({ name: "spongebob", fullname: "Spongebob Squarepants" });
 * `${stmt}`; // INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)
 * const result = await conn.execute(stmt);
 * result.insertedPrimaryKey; // (1,)
 */
export function insert<Cols extends readonly AnyColumn[]>(table: TableImpl<Cols>): Insert<Cols> {
  return new Insert(dmlTable("insert", table) as TableImpl<Cols>, emptyInsertState());
}

/** The state of a new `insert(table)`: what a dialect's own insert() starts its subclass with. */
export function emptyInsertState(): InsertState {
  return { rows: [], multiRow: false, fromSelect: null, onConflict: null, returning: [], sortByParameterOrder: false };
}
