import { AmbiguousForeignKeysError, NoForeignKeysError } from "../../errors.js";
import { and } from "../elements/boolean-clause-list.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { FromClause, ForeignKeyReference } from "./from-clause.js";

/** A FROM item's name for messages: a table's or alias's name, or what it is. */
export function describeFrom(from: FromClause): string {
  const name = (from as { readonly name?: string | null }).name;
  return typeof name === "string" ? `'${name}'` : `'${from.constructor.name}'`;
}

/**
 * The pairs (referenced column in `left`, referencing column in `right`) of the foreign
 * keys between the two, grouped by constraint; `right`'s keys pointing into `left`
 * first, then `left`'s pointing into `right`, as SQLAlchemy's `_joincond_scan_left_right`.
 */
type Pair = readonly [referenced: ColumnElement<unknown>, referencing: ColumnElement<unknown>];

function joinPairs(left: FromClause, right: FromClause): Pair[][] {
  const byConstraint = new Map<unknown, Pair[]>();
  const scan = (referencing: readonly ForeignKeyReference[], referenced: FromClause): void => {
    for (const { parent, foreignKey } of referencing) {
      const target = foreignKey.resolveOrNull() as AnyColumn | null;
      if (target === null) continue;
      const column = referenced.correspondingColumn(target);
      if (column === null) continue;
      const key = foreignKey.constraint ?? foreignKey;
      const pairs = byConstraint.get(key) ?? [];
      pairs.push([column, parent]);
      byConstraint.set(key, pairs);
    }
  };
  scan(right.foreignKeyReferences(), left);
  if (left !== right) scan(left.foreignKeyReferences(), right);
  return [...byConstraint.values()];
}

/** A join chain's last-joined item is preferred: `a JOIN b JOIN c` joins c to b when it can. */
function preferredPairs(left: FromClause, right: FromClause): Pair[][] {
  const lastJoined = (left as { readonly right?: FromClause }).right;
  if (lastJoined !== undefined) {
    const pairs = joinPairs(lastJoined, right);
    if (pairs.length > 0) return pairs;
  }
  return joinPairs(left, right);
}

/** Whether some foreign key relates the two (so `select.join(right)` can start from `left`). */
export function canJoin(left: FromClause, right: FromClause): boolean {
  return preferredPairs(left, right).length > 0;
}

/**
 * The ON clause of `left JOIN right` from the foreign keys between them, as SQLAlchemy's
 * `join_condition()`: `user_account.id = address.user_id`. An error when no foreign key,
 * or more than one constraint, relates them.
 */
export function joinCondition(left: FromClause, right: FromClause): ColumnElement<boolean> {
  const constraints = preferredPairs(left, right);
  if (constraints.length === 0) {
    throw new NoForeignKeysError(
      `Can't find any foreign key relationships between ${describeFrom(left)} and ${describeFrom(right)}. ` +
        `Give the ON clause explicitly: join(right, left.c.x.eq(right.c.y)).`,
    );
  }
  if (constraints.length > 1) {
    throw new AmbiguousForeignKeysError(
      `Can't determine join between ${describeFrom(left)} and ${describeFrom(right)}; tables have more than one ` +
        `foreign key constraint relationship between them. Please specify the 'onclause' of this join explicitly.`,
    );
  }
  const pairs = constraints[0] as Pair[];
  return and(...pairs.map(([referenced, referencing]) => referenced.eq(referencing)));
}
