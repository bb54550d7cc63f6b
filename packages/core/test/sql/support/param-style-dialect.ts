// A compile-only dialect with a chosen parameter style, for placeholder tests.
import {
  IdentifierPreparer,
  SQLCompiler,
  TypeCompiler,
  type ClauseElement,
  type Compiled,
  type CompileOptions,
  type CompilerDialect,
  type ParamStyle,
} from "../../../src/index.js";

export function paramStyleDialect(paramStyle: ParamStyle): CompilerDialect & { compile(element: ClauseElement, options?: CompileOptions): Compiled } {
  return {
    paramStyle,
    identifierPreparer: new IdentifierPreparer(),
    typeCompiler: new TypeCompiler(),
    processorsFor: () => undefined,
    compile(element, options) {
      return new SQLCompiler(this, options).compile(element);
    },
  };
}
