import type { Alias } from "./alias.js";
import type { CompoundSelect } from "./compound-select.js";
import type { Join } from "./join.js";

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

const registered: Partial<SelectableClasses> = {};

export function registerSelectable<K extends keyof SelectableClasses>(name: K, value: SelectableClasses[K]): void {
  registered[name] = value;
}

export function selectableClass<K extends keyof SelectableClasses>(name: K): SelectableClasses[K] {
  const value = registered[name];
  if (value === undefined) throw new Error(`${name} is not loaded: import the SQL layer from "@alkahest/core"`);
  return value;
}
