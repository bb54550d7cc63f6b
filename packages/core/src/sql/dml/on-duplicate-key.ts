/**
 * `ON DUPLICATE KEY UPDATE col = VALUES(col), ...`: MySQL's and MariaDB's upsert clause,
 * the AST node SQLAlchemy's `mysql.insert().on_duplicate_key_update()` builds. The
 * value a row would have inserted is an InsertedColumn (`stmt.inserted.name`), which
 * the compiler writes `VALUES(name)`, or `new.name` where the server takes a row
 * alias (MySQL 8.0.20+, where VALUES() is deprecated); see compiler/upsert.ts.
 */
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import { ClauseElement, type CacheKeyContext } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import type { TypeEngine } from "../types/type-engine.js";
import { valuesRowCacheKey, type ValuesRow } from "./values.js";

/** `ON DUPLICATE KEY UPDATE col = value, ...`. */
export class OnDuplicateKeyUpdate extends ClauseElement {
  constructor(
    /** The table inserted into (a row alias must not take its name). */
    readonly table: TableImpl,
    /** The SET columns in table order, each with its SQL element. */
    readonly set: ValuesRow,
  ) {
    super();
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "on_duplicate_key_update";
    valuesRowCacheKey(ctx, this.set);
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitOnDuplicateKeyUpdate(this);
  }
}

/** The value the INSERT would have put in a column: `VALUES(name)` or `new.name`. */
export class InsertedColumn<T = unknown> extends ColumnElement<T> {
  constructor(readonly column: AnyColumn) {
    super();
  }

  get type(): TypeEngine<unknown> {
    return this.column.type;
  }

  override get bindBaseName(): string {
    return this.column.key;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `inserted(${this.column.key}:${this.column.type.cacheKey})`;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitInsertedColumn(this as InsertedColumn);
  }
}
