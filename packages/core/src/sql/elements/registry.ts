import type { BinaryExpression } from "./binary.js";
import type { BindParameter } from "./bind-parameter.js";
import type { Cast } from "./cast.js";
import type { ExpressionList } from "./expression-list.js";
import type { FunctionElement } from "./function.js";
import type { Label } from "./label.js";
import type { Null } from "./literals.js";
import type { Over } from "./over.js";
import type { UnaryExpression } from "./unary.js";
import { lateBound } from "../../util/late-bound.js";

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

const classes = lateBound<ElementClasses>();

export const registerElement = classes.register;
export const elementClass = classes.get;
