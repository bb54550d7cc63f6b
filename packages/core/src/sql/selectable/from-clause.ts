import { ClauseElement } from "../element.js";
import type { ColumnElement } from "../elements/column-element.js";

/** Something a SELECT can select FROM: a table, a join, a subquery, a CTE. */
export abstract class FromClause extends ClauseElement {
  /** The columns `select(fromClause)` selects, in order. */
  abstract exportedColumns(): readonly ColumnElement<unknown>[];
}
