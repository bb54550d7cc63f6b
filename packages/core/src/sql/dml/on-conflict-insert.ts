import { ArgumentError } from "../../errors.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import type { AliasOf } from "../selectable/alias.js";
import type { ReturningItem, ReturningMapping, ReturningOptions, ReturningTuple } from "./dml-statement.js";
import { dmlTable } from "./dml-statement.js";
import { emptyInsertState, Insert } from "./insert.js";
import { conflictTarget, OnConflictDoNothing, OnConflictDoUpdate, upsertSet, type ConflictTargetOptions } from "./on-conflict.js";
import type { ValuesOf } from "./values.js";

/** `onConflictDoUpdate()`'s options: the conflict target, the SET values, and an optional WHERE. */
export interface OnConflictDoUpdateOptions<Cols extends readonly AnyColumn[]> extends ConflictTargetOptions {
  /** Column key to new value: a value, or an expression such as `stmt.excluded.name`. */
  readonly set: ValuesOf<Cols>;
  /** Only rows matching it are updated: `DO UPDATE SET ... WHERE t.version < excluded.version`. */
  readonly where?: ColumnElement<boolean>;
}

/**
 * An INSERT with PostgreSQL's and SQLite's `ON CONFLICT` clause, as SQLAlchemy's
 * `postgresql.insert()` / `sqlite.insert()`; `@alkahest/postgres` and `@alkahest/sqlite`
 * export it as `insert`. Every Insert builder works on it and keeps its class.
 *
 * @example
 * const stmt = insert(users).values({ id: 1, name: "spongebob" });
 * await conn.execute(stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name } }));
 * // INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name
 */
export class OnConflictInsert<
  Cols extends readonly AnyColumn[] = readonly AnyColumn[],
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends Insert<Cols, M, T> {
  private excludedAlias: AliasOf<TableImpl<Cols>> | null = null;

  /**
   * The row proposed for insertion, PostgreSQL's and SQLite's `excluded` table, typed
   * like `table.c`: `set: { name: stmt.excluded.name }` → `SET name = excluded.name`.
   */
  get excluded(): AliasOf<TableImpl<Cols>>["c"] {
    return (this.excludedAlias ??= this.table.alias("excluded") as AliasOf<TableImpl<Cols>>).c;
  }

  /**
   * `ON CONFLICT [(index columns) | ON CONSTRAINT name] DO NOTHING`: a row that would
   * violate the unique index or constraint is skipped. Without a target, any conflict.
   *
   * @example
   * insert(users).values({ id: 1, name: "x" }).onConflictDoNothing({ indexElements: ["id"] })
   * // ... ON CONFLICT (id) DO NOTHING
   */
  onConflictDoNothing(options: ConflictTargetOptions = {}): this {
    const target = conflictTarget(this.table, "onConflictDoNothing", options);
    return this.clone({ ...this.state, onConflict: new OnConflictDoNothing(target) });
  }

  /**
   * `ON CONFLICT (index columns) DO UPDATE SET ...`: a row that would violate the unique
   * index (or constraint) updates the existing row instead. `set` values may use
   * `this.excluded.<column>`, the value that would have been inserted.
   *
   * @example
   * const stmt = insert(users).values({ id: 1, name: "sandy" });
   * stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name } })
   * // ... ON CONFLICT (id) DO UPDATE SET name = excluded.name
   */
  onConflictDoUpdate(options: OnConflictDoUpdateOptions<Cols>): this {
    const target = conflictTarget(this.table, "onConflictDoUpdate", options);
    if (target.constraint === null && target.indexElements.length === 0) {
      throw new ArgumentError(
        `insert(${this.table.name}).onConflictDoUpdate() needs a conflict target: indexElements (e.g. ["id"]) or constraint.`,
      );
    }
    const set = upsertSet(this.table, "onConflictDoUpdate", options.set as Readonly<Record<string, unknown>>);
    return this.clone({ ...this.state, onConflict: new OnConflictDoUpdate(target, set, options.where ?? null) });
  }

  override returning<const C extends readonly ReturningItem[]>(...columns: C): OnConflictInsert<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  override returning<const C extends readonly ReturningItem[]>(
    ...args: [...C, ReturningOptions]
  ): OnConflictInsert<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  override returning(...args: (ReturningItem | ReturningOptions)[]): OnConflictInsert<Cols, Record<string, unknown>, unknown[]> {
    return super.returning(...(args as ReturningItem[])) as unknown as OnConflictInsert<Cols, Record<string, unknown>, unknown[]>;
  }
}

/**
 * An INSERT that takes `ON CONFLICT` (PostgreSQL, SQLite), as SQLAlchemy's
 * `postgresql.insert()`; dialect packages export it as their `insert`.
 *
 * @example
 * import { insert } from "@alkahest/postgres";
 * insert(users).values({ id: 1, name: "x" }).onConflictDoNothing()
 */
export function onConflictInsert<Cols extends readonly AnyColumn[]>(table: TableImpl<Cols>): OnConflictInsert<Cols> {
  return new OnConflictInsert(dmlTable("insert", table) as TableImpl<Cols>, emptyInsertState());
}
