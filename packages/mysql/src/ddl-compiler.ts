import {
  BinaryExpression,
  DDLCompiler,
  FunctionElement,
  type AnyColumn,
  type CreateIndex,
  type DropConstraint,
  type DropIndex,
  type SetColumnComment,
  type SetTableComment,
  type Table,
  type TypeEngine,
} from "@alkahest/core/dialect";
import type { ServerFeatures } from "./server-version.js";
import { renderTableOptions } from "./table-options.js";

/** The dialect, as the DDL compiler sees it (through `CompilerDialect`). */
interface FeaturesHost {
  readonly features: ServerFeatures;
}

/**
 * MySQL's and MariaDB's DDL, as SQLAlchemy's MySQLDDLCompiler:
 *
 * - a column reads `name TYPE [NOT NULL] [COMMENT '...'] [AUTO_INCREMENT | DEFAULT x]`,
 *   AUTO_INCREMENT on the primary key's autoincrement column (a lone integer key);
 * - a function as server default is parenthesized, `DEFAULT (now())`, which both servers
 *   require for expressions (MySQL 8.0.13+, MariaDB 10.2+); `text()` defaults are
 *   written as given, so `text("CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP")` works;
 * - `DROP INDEX ix ON t` (an index belongs to its table), `ALTER TABLE t DROP FOREIGN KEY
 *   fk`, `DROP INDEX uq` for a unique constraint, `DROP CHECK ck` (MySQL) or `DROP
 *   CONSTRAINT ck` (MariaDB), `DROP PRIMARY KEY`;
 * - an index on an expression puts it in parentheses (`CREATE INDEX ix ON t ((lower(name)))`),
 *   as MySQL 8's functional key parts require;
 * - names are at most 64 characters; longer generated names are shortened.
 *
 * @example
 * Column("id", Integer, { primaryKey: true })
 * // id INTEGER NOT NULL AUTO_INCREMENT
 */
export class MySQLDDLCompiler extends DDLCompiler {
  override get maxIdentifierLength(): number {
    return 64;
  }

  private get features(): ServerFeatures {
    return (this.dialect as unknown as FeaturesHost).features;
  }

  override getColumnSpecification(column: AnyColumn, _options: { readonly firstPk: boolean }): string {
    let spec = `${this.quote(column.name)} ${this.typeDDL(column.type, column)}`;
    if (!column.nullable) spec += " NOT NULL";
    const comment = column.options.comment;
    if (comment !== undefined) spec += ` COMMENT ${this.renderLiteralValue(comment, null)}`;
    // CREATE TABLE renders the columns of a Table, never of another FROM clause.
    const table = column.table as Table | null;
    // A column numbered by its Sequence (MariaDB) is no AUTO_INCREMENT column, as in SQLAlchemy.
    const numbered = table?.primaryKey.autoincrementColumn === column && this.sequenceOf(column) === null;
    if (numbered && column.options.serverDefault === undefined) {
      spec += " AUTO_INCREMENT";
    } else {
      const serverDefault = this.columnDefault(column);
      if (serverDefault !== null) spec += ` DEFAULT ${serverDefault}`;
    }
    return spec;
  }

  override columnDefault(column: AnyColumn): string | null {
    const sql = super.columnDefault(column);
    if (sql === null) return null;
    const isFunction = column.options.serverDefault instanceof FunctionElement;
    return isFunction && this.features.defaultExpressions ? `(${sql})` : sql;
  }

  /**
   * `\n)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci COMMENT='...'`: table
   * options (`{ mysql: {...} }`, see table-options.ts) follow the closing parenthesis, as SQLAlchemy writes them.
   */
  override postCreateTable(table: Table): string {
    const options = renderTableOptions(table);
    if (table.comment === null) return options;
    const comment = `COMMENT=${this.renderLiteralValue(table.comment, null)}`;
    return options === "" ? comment : `${options} ${comment}`;
  }

  /** `ALTER TABLE t COMMENT '...'` (`''` removes it): MySQL has no COMMENT ON. */
  override visitSetTableComment(set: SetTableComment): string {
    return `ALTER TABLE ${this.formatTable(set.table)} COMMENT ${this.renderLiteralValue(set.table.comment ?? "", null)}`;
  }

  /** `ALTER TABLE t MODIFY <the column's definition, with its COMMENT>`: a column's comment is part of its definition. */
  override visitSetColumnComment(set: SetColumnComment): string {
    const column = set.column;
    return `ALTER TABLE ${this.formatTable(column.table as Table)} MODIFY ${this.getColumnSpecification(column, { firstPk: false })}`;
  }

  override visitCreateIndex(create: CreateIndex): string {
    const index = create.index;
    const columns = new Set<unknown>(index.columns);
    const expressions = index.expressions.map((e) => {
      if (columns.has(e)) return this.quote((e as AnyColumn).name);
      const sql = this.compileExpression(e);
      // A functional key part is an expression in its own parentheses.
      return e instanceof BinaryExpression || e instanceof FunctionElement ? `(${sql})` : sql;
    });
    return (
      `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${create.options.ifNotExists ? "IF NOT EXISTS " : ""}` +
      `${this.createIndexName(index)} ON ${this.createIndexTable(index)} (${expressions.join(", ")})`
    );
  }

  override visitDropIndex(drop: DropIndex): string {
    const index = drop.index;
    return `\nDROP INDEX ${drop.options.ifExists ? "IF EXISTS " : ""}${this.formatIndexName(index, false)} ON ${this.formatTable(index.table)}`;
  }

  /** MySQL drops each kind of constraint its own way (SQLAlchemy's visit_drop_constraint). */
  override visitDropConstraint(drop: DropConstraint): string {
    const constraint = drop.constraint;
    const table = this.formatTable(constraint.table);
    if (constraint.conventionKey === "pk") return `ALTER TABLE ${table} DROP PRIMARY KEY`;
    const name = this.formatName(constraint);
    if (name === null) return super.visitDropConstraint(drop); // raises: a nameless constraint cannot be dropped
    switch (constraint.conventionKey) {
      case "fk":
        return `ALTER TABLE ${table} DROP FOREIGN KEY ${name}`;
      case "uq":
        return `ALTER TABLE ${table} DROP INDEX ${name}`;
      case "ck":
        return `ALTER TABLE ${table} DROP ${this.features.dropCheckKeyword} ${name}`;
      default:
        return `ALTER TABLE ${table} DROP CONSTRAINT ${name}`;
    }
  }

  /**
   * A string literal with MySQL's escaping: quotes doubled, and backslashes escaped
   * unless the server runs with NO_BACKSLASH_ESCAPES, as SQLAlchemy's MySQL compiler
   * renders literals.
   */
  override renderLiteralValue(value: unknown, type: TypeEngine<unknown> | null): string {
    const sql = super.renderLiteralValue(value, type);
    return typeof value === "string" && this.features.backslashEscapes ? sql.replaceAll("\\", "\\\\") : sql;
  }
}
