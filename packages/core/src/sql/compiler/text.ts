import { renderTextBinds, type TextClause } from "../text.js";
import type { SQLCompiler } from "./sql-compiler.js";

/** `:name` becomes the dialect's placeholder, bound to the text's parameter of that name. */
export function compileTextClause(compiler: SQLCompiler, element: TextClause): string {
  const binds = element.bindParams;
  return renderTextBinds(element.text, (name) => {
    const index = binds.findIndex((b) => b.key === name);
    return compiler.bindPlaceholder(name, index, binds[index] ?? null);
  });
}
