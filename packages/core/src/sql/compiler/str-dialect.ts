import { setDefaultCompileTarget, type ClauseElement } from "../element.js";
import type { Compiled } from "../compiled.js";
import { IdentifierPreparer } from "./identifier-preparer.js";
import { SQLCompiler, type CompileOptions, type CompilerDialect } from "./sql-compiler.js";
import { TypeCompiler } from "./type-compiler.js";

/**
 * The dialect `String(stmt)` and `stmt.compile()` use when none is given, as
 * SQLAlchemy's default StrCompileDialect: `:name` parameters, ANSI quoting, no
 * value conversion.
 */
export const strDialect: CompilerDialect & { compile(element: ClauseElement, options?: CompileOptions): Compiled } = {
  paramStyle: "named",
  identifierPreparer: new IdentifierPreparer(),
  typeCompiler: new TypeCompiler(),
  processorsFor: () => undefined,
  compile(element, options) {
    return new StrSQLCompiler(this, options).compile(element);
  },
};

/** Prints any dialect's construct (DISTINCT ON, ON CONFLICT, ON DUPLICATE KEY UPDATE) in its own form. */
class StrSQLCompiler extends SQLCompiler {
  override readonly displayOnly = true;
}

setDefaultCompileTarget(strDialect);
