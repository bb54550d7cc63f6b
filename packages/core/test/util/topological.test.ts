import { describe, expect, it } from "@jest/globals";
import { CycleFound, topologicalSort } from "../../src/util/topological.js";

describe("topologicalSort", () => {
  it("puts parents first and keeps the given order among independent items, round by round", () => {
    expect(topologicalSort([["a", "b"]], ["b", "a"])).toEqual(["a", "b"]);
    // Round 1: every item without pending parents, in the given order (c, a); then b; then d.
    expect(topologicalSort([["a", "b"], ["b", "d"], ["c", "d"]], ["d", "c", "b", "a"])).toEqual(["c", "a", "b", "d"]);
  });

  it("ignores self-edges and edges to items not being sorted", () => {
    expect(topologicalSort([["a", "a"], ["z", "a"]], ["a", "b"])).toEqual(["a", "b"]);
  });

  it("reports only the items on a cycle, not those stuck behind it", () => {
    const result = topologicalSort([["a", "b"], ["b", "a"], ["b", "c"]], ["a", "b", "c", "d"]);
    expect(result).toBeInstanceOf(CycleFound);
    expect((result as CycleFound<string>).cycles).toEqual(["a", "b"]);
    expect((result as CycleFound<string>).edges).toHaveLength(3);
  });
});
