import type { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import type { ReturningItem, ReturningMapping, ReturningOptions, ReturningTuple } from "./dml-statement.js";
import { dmlTable } from "./dml-statement.js";
import { emptyInsertState, Insert } from "./insert.js";
import { upsertSet } from "./on-conflict.js";
import { InsertedColumn, OnDuplicateKeyUpdate } from "./on-duplicate-key.js";
import type { ValuesOf } from "./values.js";

type ValueOfColumn<C> = C extends ColumnElement<infer V> ? V : unknown;

/** `stmt.inserted`: each column's would-be inserted value, typed like `table.c`. */
export type InsertedColumns<Cols extends readonly AnyColumn[]> = {
  readonly [C in Cols[number] as C["key"]]: InsertedColumn<ValueOfColumn<C>>;
};

/**
 * An INSERT with MySQL's and MariaDB's `ON DUPLICATE KEY UPDATE`, as SQLAlchemy's
 * `mysql.insert()`; `@alkahest/mysql` exports it as `insert`. Every Insert builder
 * works on it and keeps its class.
 *
 * @example
 * const stmt = insert(users).values({ id: 1, name: "sandy" });
 * await conn.execute(stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name }));
 * // INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)
 */
export class OnDuplicateKeyInsert<
  Cols extends readonly AnyColumn[] = readonly AnyColumn[],
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends Insert<Cols, M, T> {
  private insertedColumns: InsertedColumns<Cols> | null = null;

  /**
   * The row the INSERT would have inserted: `stmt.inserted.name` is written `VALUES(name)`
   * (MariaDB, MySQL before 8.0.20) or `new.name` with the row alias `AS new` (MySQL 8.0.20+).
   */
  get inserted(): InsertedColumns<Cols> {
    if (this.insertedColumns === null) {
      const entries = this.table.columns.map((c) => [c.key, new InsertedColumn(c)] as const);
      this.insertedColumns = Object.freeze(Object.fromEntries(entries)) as InsertedColumns<Cols>;
    }
    return this.insertedColumns;
  }

  /**
   * `ON DUPLICATE KEY UPDATE col = value, ...`: a row that would duplicate a primary key
   * or unique index updates the existing row instead. Values may use `this.inserted.<column>`.
   * MySQL reports 1 affected row per inserted row, 2 per updated one, 0 per unchanged one.
   *
   * @example
   * const stmt = insert(users).values({ id: 1, name: "sandy" });
   * stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name })
   * // ... ON DUPLICATE KEY UPDATE name = VALUES(name)
   */
  onDuplicateKeyUpdate(set: ValuesOf<Cols>): this {
    const row = upsertSet(this.table, "onDuplicateKeyUpdate", set as Readonly<Record<string, unknown>>);
    return this.clone({ ...this.state, onConflict: new OnDuplicateKeyUpdate(this.table, row) });
  }

  override returning<const C extends readonly ReturningItem[]>(...columns: C): OnDuplicateKeyInsert<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  override returning<const C extends readonly ReturningItem[]>(
    ...args: [...C, ReturningOptions]
  ): OnDuplicateKeyInsert<Cols, ReturningMapping<C>, ReturningTuple<C>>;
  override returning(...args: (ReturningItem | ReturningOptions)[]): OnDuplicateKeyInsert<Cols, Record<string, unknown>, unknown[]> {
    return super.returning(...(args as ReturningItem[])) as unknown as OnDuplicateKeyInsert<Cols, Record<string, unknown>, unknown[]>;
  }
}

/**
 * An INSERT that takes `ON DUPLICATE KEY UPDATE` (MySQL, MariaDB), as SQLAlchemy's
 * `mysql.insert()`; `@alkahest/mysql` exports it as `insert`.
 *
 * @example
 * import { insert } from "@alkahest/mysql";
 * const stmt = insert(users).values({ id: 1, name: "x" });
 * stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name })
 */
export function onDuplicateKeyInsert<Cols extends readonly AnyColumn[]>(table: TableImpl<Cols>): OnDuplicateKeyInsert<Cols> {
  return new OnDuplicateKeyInsert(dmlTable("insert", table) as TableImpl<Cols>, emptyInsertState());
}
