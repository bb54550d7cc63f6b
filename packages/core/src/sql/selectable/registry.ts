import type { Alias } from "./alias.js";
import type { CompoundSelect } from "./compound-select.js";
import type { Join } from "./join.js";
import { lateBound } from "../../util/late-bound.js";

/**
 * Classes that base classes construct: SelectBase's `union()` builds a CompoundSelect
 * (a subclass of SelectBase), FromClause's `join()` a Join and `alias()` an Alias. The
 * subclass modules register here when they load, which breaks the import cycle, as
 * elements/registry.ts does for ColumnElement. `sql/index.ts` loads them all.
 */
export interface SelectableClasses {
  CompoundSelect: typeof CompoundSelect;
  Join: typeof Join;
  Alias: typeof Alias;
}

const classes = lateBound<SelectableClasses>();

export const registerSelectable = classes.register;
export const selectableClass = classes.get;
