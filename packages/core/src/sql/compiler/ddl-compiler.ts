import { CompileError } from "../../errors.js";
import type { SetColumnCommentImpl, SetTableCommentImpl } from "../ddl/comment-ddl.js";
import type { AddConstraintImpl, DropConstraintImpl } from "../ddl/constraint-ddl.js";
import type { DDLElement } from "../ddl/ddl-element.js";
import type { CreateIndexImpl, DropIndexImpl } from "../ddl/index-ddl.js";
import type { CreateSequenceImpl, DropSequenceImpl } from "../ddl/sequence-ddl.js";
import type { CreateTableImpl, DropTableImpl } from "../ddl/table-ddl.js";
import type { ClauseElement } from "../element.js";
import type { CheckConstraintImpl } from "../schema/check-constraint.js";
import type { AnyColumn } from "../schema/column.js";
import type { Constraint } from "../schema/constraint.js";
import type { ForeignKeyConstraintImpl } from "../schema/foreign-key-constraint.js";
import type { PrimaryKeyConstraintImpl } from "../schema/primary-key.js";
import type { SequenceImpl } from "../schema/sequence.js";
import type { TableImpl } from "../schema/table.js";
import type { IndexImpl } from "../schema/table-index.js";
import type { UniqueConstraintImpl } from "../schema/unique-constraint.js";
import type { TypeEngine } from "../types/type-engine.js";
import { dialectSupports } from "./capabilities.js";
import { compileSetColumnComment, compileSetTableComment } from "./ddl/comments.js";
import {
  compileAddConstraint,
  compileCheckConstraint,
  compileDropConstraint,
  compileForeignKeyConstraint,
  compilePrimaryKeyConstraint,
  compileUniqueConstraint,
  defineConstraintCascades,
  defineConstraintDeferrability,
} from "./ddl/constraints.js";
import { compileDDLExpression, renderLiteralValue, truncateGeneratedName } from "./ddl/ddl-expression.js";
import { compileCreateIndex, compileDropIndex } from "./ddl/indexes.js";
import { compileCreateSequence, compileDropSequence } from "./ddl/sequences.js";
import { columnSpecification, compileCreateTable, compileDropTable, createTableConstraints } from "./ddl/tables.js";
import { formatSequence } from "./sequences.js";
import type { CompilerDialect, SQLCompiler } from "./sql-compiler.js";

/** How a dialect names its DDLCompiler (`Dialect.ddlCompiler`). */
export type DDLCompilerClass = new (sqlCompiler: SQLCompiler) => DDLCompiler;

/** Something the DDLCompiler renders: a DDL statement, or a constraint inside one. */
export interface DDLVisitable {
  ddlDispatch(compiler: DDLCompiler): string | null;
}

/**
 * Compiles DDL (CREATE/DROP TABLE and INDEX, constraints, ALTER TABLE) in SQLAlchemy's
 * layout. A dialect subclasses it and overrides hooks (column specification, the
 * remote table of a foreign key, index names, literal values) and names the subclass
 * as its `ddlCompiler`. Expressions inside DDL (CHECK conditions, index expressions,
 * server defaults) go through the dialect's own statement compiler, with values
 * rendered inline and columns unqualified.
 */
export class DDLCompiler {
  readonly dialect: CompilerDialect;

  constructor(
    /** The statement compiler of the dialect, compiling this DDL statement. */
    readonly sqlCompiler: SQLCompiler,
  ) {
    this.dialect = sqlCompiler.dialect;
  }

  process(element: DDLVisitable): string | null {
    return element.ddlDispatch(this);
  }

  visitCreateTable(create: CreateTableImpl): string {
    return compileCreateTable(this, create);
  }

  visitDropTable(drop: DropTableImpl): string {
    return compileDropTable(this, drop);
  }

  visitCreateIndex(create: CreateIndexImpl): string {
    return compileCreateIndex(this, create);
  }

  visitDropIndex(drop: DropIndexImpl): string {
    return compileDropIndex(this, drop);
  }

  visitAddConstraint(add: AddConstraintImpl): string {
    return compileAddConstraint(this, add);
  }

  visitDropConstraint(drop: DropConstraintImpl): string {
    return compileDropConstraint(this, drop);
  }

  visitCreateSequence(create: CreateSequenceImpl): string {
    return compileCreateSequence(this, create);
  }

  visitDropSequence(drop: DropSequenceImpl): string {
    return compileDropSequence(this, drop);
  }

  /** `COMMENT ON TABLE t IS '...'`; MySQL's is `ALTER TABLE t COMMENT '...'`. */
  visitSetTableComment(set: SetTableCommentImpl): string {
    return compileSetTableComment(this, set);
  }

  /** `COMMENT ON COLUMN t.c IS '...'`. */
  visitSetColumnComment(set: SetColumnCommentImpl): string {
    return compileSetColumnComment(this, set);
  }

  visitPrimaryKeyConstraint(constraint: PrimaryKeyConstraintImpl): string | null {
    return compilePrimaryKeyConstraint(this, constraint);
  }

  visitForeignKeyConstraint(constraint: ForeignKeyConstraintImpl): string | null {
    return compileForeignKeyConstraint(this, constraint);
  }

  visitUniqueConstraint(constraint: UniqueConstraintImpl): string | null {
    return compileUniqueConstraint(this, constraint);
  }

  visitCheckConstraint(constraint: CheckConstraintImpl): string | null {
    return compileCheckConstraint(this, constraint);
  }

  // Hooks a dialect's DDLCompiler overrides.

  /**
   * Whether the database can ALTER TABLE ... ADD/DROP CONSTRAINT. Without it, `useAlter`
   * foreign keys stay inside CREATE TABLE. Read from `capabilities.alterConstraints`.
   */
  get supportsAlter(): boolean {
    // The default string dialect has no capabilities: render as SQLAlchemy's does, with ALTER.
    return dialectSupports(this.dialect, "alterConstraints");
  }

  /** Whether the database has sequences (`capabilities.sequences`); CREATE SEQUENCE is a CompileError without. */
  get supportsSequences(): boolean {
    return dialectSupports(this.dialect, "sequences");
  }

  /** Whether the database keeps comments on tables and columns (`capabilities.comments`). */
  get supportsComments(): boolean {
    return dialectSupports(this.dialect, "comments");
  }

  /**
   * The column's Sequence, where the database has sequences: its INSERT value then
   * comes from the sequence, so the column is no SERIAL / AUTO_INCREMENT. Null otherwise
   * (no Sequence, or one that this database ignores).
   */
  sequenceOf(column: AnyColumn): SequenceImpl | null {
    return column.sequence !== null && this.supportsSequences ? column.sequence : null;
  }

  /** Longest identifier the database takes; longer convention-generated names are shortened. */
  get maxIdentifierLength(): number {
    return 9999;
  }

  /** `name TYPE [DEFAULT x] [NOT NULL]`; `firstPk` is true for the table's first primary key column. */
  getColumnSpecification(column: AnyColumn, _options: { readonly firstPk: boolean }): string | null {
    return columnSpecification(this, column);
  }

  /** The column's type as DDL (`VARCHAR(30)`), from the dialect's TypeCompiler. */
  typeDDL(type: TypeEngine<unknown>, _column: AnyColumn): string {
    return this.dialect.typeCompiler.process(type);
  }

  /** The text after DEFAULT for the column's `serverDefault`, or null. */
  columnDefault(column: AnyColumn): string | null {
    const value = column.options.serverDefault;
    if (value === undefined) return null;
    return typeof value === "string" ? this.renderLiteralValue(value, null) : this.compileExpression(value);
  }

  /** The constraints inside CREATE TABLE, joined `, \n\t`; PRIMARY KEY first. */
  createTableConstraints(table: TableImpl): string {
    return createTableConstraints(this, table);
  }

  /** Text between the table name and its column list (`CREATE TABLE t <here>(`). */
  createTableSuffix(_table: TableImpl): string {
    return "";
  }

  /** Text after the closing parenthesis of CREATE TABLE (MySQL's `ENGINE=...`). */
  postCreateTable(_table: TableImpl): string {
    return "";
  }

  /** The referenced table of a FOREIGN KEY clause (SQLite leaves out the schema). */
  defineConstraintRemoteTable(_constraint: ForeignKeyConstraintImpl, table: TableImpl): string {
    return this.formatTable(table);
  }

  defineConstraintCascades(constraint: ForeignKeyConstraintImpl): string {
    return defineConstraintCascades(constraint);
  }

  defineConstraintDeferrability(constraint: Constraint): string {
    return defineConstraintDeferrability(constraint);
  }

  /** `schema.table`, quoted where needed. */
  formatTable(table: TableImpl, useSchema = true): string {
    const name = this.quote(table.name);
    return useSchema && table.schema !== null ? `${this.quote(table.schema)}.${name}` : name;
  }

  /** `schema.sequence`, quoted where needed. */
  formatSequence(sequence: SequenceImpl): string {
    return formatSequence(this.dialect, sequence);
  }

  /** A constraint's or index's name as SQL; null when it has none. */
  formatName(item: Constraint | IndexImpl): string | null {
    const name = item.name;
    if (name === null) return null;
    return this.quote(truncateGeneratedName(this, name, item.nameIsGenerated));
  }

  /** An index's name as CREATE/DROP INDEX take it; `includeSchema` qualifies it with the table's schema. */
  formatIndexName(index: IndexImpl, includeSchema: boolean): string {
    const name = this.formatName(index);
    if (name === null) {
      throw new CompileError(
        `CREATE INDEX requires that the index have a name: pass one (Index("ix_...", ...)), or add an "ix" ` +
          `entry to the MetaData's namingConvention.`,
      );
    }
    const schema = index.table.schema;
    return includeSchema && schema !== null ? `${this.quote(schema)}.${name}` : name;
  }

  /** The index name in CREATE INDEX: unqualified (the table carries the schema). */
  createIndexName(index: IndexImpl): string {
    return this.formatIndexName(index, false);
  }

  /** The table in CREATE INDEX ... ON <table>. */
  createIndexTable(index: IndexImpl): string {
    return this.formatTable(index.table);
  }

  quote(identifier: string): string {
    return this.dialect.identifierPreparer.quote(identifier);
  }

  /** An expression inside DDL: columns unqualified, values inline (DDL takes no parameters). */
  compileExpression(element: ClauseElement): string {
    return compileDDLExpression(this, element);
  }

  /** A value as a SQL literal (`'it''s'`, `5`); `type` is the type it is bound as, when known. */
  renderLiteralValue(value: unknown, type: TypeEngine<unknown> | null): string {
    return renderLiteralValue(this, value, type);
  }
}

/** Compiles a DDL statement with the dialect's DDLCompiler; `SQLCompiler.visitDDL` calls it. */
export function compileDDL(sqlCompiler: SQLCompiler, element: DDLElement): string {
  const Compiler = sqlCompiler.dialect.ddlCompiler ?? DDLCompiler;
  return element.ddlDispatch(new Compiler(sqlCompiler));
}
