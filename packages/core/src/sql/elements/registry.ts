import type { BinaryExpression } from "./binary.js";
import type { BindParameter } from "./bind-parameter.js";
import type { Cast } from "./cast.js";
import type { ExpressionList } from "./expression-list.js";
import type { FunctionElement } from "./function.js";
import type { Label } from "./label.js";
import type { Null } from "./literals.js";
import type { Over } from "./over.js";
import type { UnaryExpression } from "./unary.js";

/**
 * The classes ColumnElement's operator methods build. Each module registers its class
 * when it loads, which breaks the import cycle ColumnElement → subclass → ColumnElement
 * (a subclass module must load after ColumnElement's, so ColumnElement cannot import it).
 * `sql/index.ts` loads them all.
 */
export interface ElementClasses {
  BinaryExpression: typeof BinaryExpression;
  BindParameter: typeof BindParameter;
  Label: typeof Label;
  NULL: Null;
  UnaryExpression: typeof UnaryExpression;
  ExpressionList: typeof ExpressionList;
  Cast: typeof Cast;
  FunctionElement: typeof FunctionElement;
  Over: typeof Over;
}

const registered: Partial<ElementClasses> = {};

export function registerElement<K extends keyof ElementClasses>(name: K, value: ElementClasses[K]): void {
  registered[name] = value;
}

export function elementClass<K extends keyof ElementClasses>(name: K): ElementClasses[K] {
  const value = registered[name];
  if (value === undefined) throw new Error(`${name} is not loaded: import the SQL layer from "@alkahest/core"`);
  return value;
}
