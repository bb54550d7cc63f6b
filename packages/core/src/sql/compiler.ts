import { Compiled } from "./compiled.js";
import type { ClauseElement } from "./element.js";
import { renderTextBinds, type TextClause } from "./text.js";
import type { TypeDialect } from "./types/index.js";

/** How a driver spells positional parameters: `?`, `$1`, `%s` or `:name`. */
export type ParamStyle = "qmark" | "numeric_dollar" | "format" | "named";

/** What the compiler needs to know of a dialect. */
export interface CompilerDialect extends TypeDialect {
  readonly paramStyle: ParamStyle;
}

/**
 * Compiles one statement to SQL text for one dialect. A dialect subclasses it and
 * overrides hooks (placeholders, quoting, statement forms); it never branches on a
 * dialect's name.
 */
export class SQLCompiler {
  /** The bound parameter name for each placeholder, in placeholder order. */
  protected readonly bindNames: string[] = [];

  constructor(readonly dialect: CompilerDialect) {}

  compile(element: ClauseElement): Compiled {
    const sql = this.process(element);
    return new Compiled(element, sql, this.bindNames, this.dialect);
  }

  process(element: ClauseElement): string {
    return element.compilerDispatch(this);
  }

  visitTextClause(element: TextClause): string {
    return renderTextBinds(element.text, (name) => this.bindPlaceholder(name));
  }

  /** Records a bound parameter at the next position and returns its placeholder. */
  protected bindPlaceholder(name: string): string {
    this.bindNames.push(name);
    switch (this.dialect.paramStyle) {
      case "qmark":
        return "?";
      case "numeric_dollar":
        return `$${this.bindNames.length}`;
      case "format":
        return "%s";
      case "named":
        return `:${name}`;
    }
  }
}
