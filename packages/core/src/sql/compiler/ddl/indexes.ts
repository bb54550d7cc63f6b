import type { CreateIndexImpl, DropIndexImpl } from "../../ddl/index-ddl.js";
import { ColumnImpl } from "../../schema/column.js";
import type { DDLCompiler } from "../ddl-compiler.js";

/**
 * `CREATE [UNIQUE] INDEX name ON table (expressions)`, as SQLAlchemy's
 * visit_create_index: the index name unqualified, the table with its schema.
 */
export function compileCreateIndex(ddl: DDLCompiler, create: CreateIndexImpl): string {
  const index = create.index;
  const expressions = index.expressions.map((e) => (e instanceof ColumnImpl ? ddl.quote(e.name) : ddl.compileExpression(e)));
  return (
    `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${create.options.ifNotExists ? "IF NOT EXISTS " : ""}` +
    `${ddl.createIndexName(index)} ON ${ddl.createIndexTable(index)} (${expressions.join(", ")})`
  );
}

/** `\nDROP INDEX name`, qualified with the schema. */
export function compileDropIndex(ddl: DDLCompiler, drop: DropIndexImpl): string {
  return `\nDROP INDEX ${drop.options.ifExists ? "IF EXISTS " : ""}${ddl.formatIndexName(drop.index, true)}`;
}
