/**
 * A generic topological sort, as SQLAlchemy's `util/topological.py`: items come out
 * in rounds, each round every item whose dependencies are all out already, in the
 * order the items were given. So the order is deterministic, and independent items
 * keep the caller's order.
 */

/** A dependency: `parent` must come before `child`. */
export type Edge<T> = readonly [parent: T, child: T];

/** The items could not be ordered; `cycles` holds every item on a cycle. */
export class CycleFound<T> {
  constructor(
    readonly cycles: readonly T[],
    readonly edges: readonly Edge<T>[],
  ) {}
}

/**
 * The items in dependency order, or a CycleFound naming the items on cycles.
 * Edges whose ends are not both among `items` are ignored.
 *
 * @example
 * topologicalSort([["a", "b"]], ["b", "a"]); // ["a", "b"]
 */
export function topologicalSort<T>(edges: Iterable<Edge<T>>, items: readonly T[]): T[] | CycleFound<T> {
  const itemSet = new Set(items);
  const parentsOf = new Map<T, Set<T>>();
  const relevant: Edge<T>[] = [];
  for (const edge of edges) {
    const [parent, child] = edge;
    if (parent === child || !itemSet.has(parent) || !itemSet.has(child)) continue;
    let parents = parentsOf.get(child);
    if (parents === undefined) parentsOf.set(child, (parents = new Set()));
    parents.add(parent);
    relevant.push(edge);
  }
  const out: T[] = [];
  const pending = new Set(items);
  let todo = [...items];
  while (pending.size > 0) {
    const round = todo.filter((item) => !hasAny(parentsOf.get(item), pending));
    if (round.length === 0) return new CycleFound(findCycles(parentsOf, todo), relevant);
    for (const item of round) pending.delete(item);
    out.push(...round);
    todo = todo.filter((item) => pending.has(item));
  }
  return out;
}

function hasAny<T>(parents: Set<T> | undefined, pending: Set<T>): boolean {
  if (parents === undefined) return false;
  for (const parent of parents) if (pending.has(parent)) return true;
  return false;
}

/**
 * Every item that lies on a cycle among `remaining` (an item stuck only because it
 * depends on a cycle is not on one): an item is on a cycle when it can reach itself.
 */
function findCycles<T>(parentsOf: Map<T, Set<T>>, remaining: readonly T[]): T[] {
  const inRemaining = new Set(remaining);
  const reaches = (from: T): Set<T> => {
    const seen = new Set<T>();
    const stack = [...(parentsOf.get(from) ?? [])];
    while (stack.length > 0) {
      const node = stack.pop() as T;
      if (seen.has(node) || !inRemaining.has(node)) continue;
      seen.add(node);
      stack.push(...(parentsOf.get(node) ?? []));
    }
    return seen;
  };
  return remaining.filter((item) => reaches(item).has(item));
}
