import type { DDLCompiler } from "../compiler/ddl-compiler.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import { Executable, type CacheKeyContext } from "../element.js";

/**
 * A DDL statement (CREATE TABLE, DROP INDEX, ALTER TABLE ... ADD CONSTRAINT). It is
 * executed like any statement, but never cached: schema changes are rare, and their
 * text depends on the schema objects' state, not on a shape (logged `[no key ...]`).
 */
export abstract class DDLElement extends Executable {
  genCacheKey(ctx: CacheKeyContext): void {
    ctx.cacheable = false;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitDDL(this);
  }

  /** Double dispatch into the dialect's DDLCompiler. */
  abstract ddlDispatch(compiler: DDLCompiler): string;
}
