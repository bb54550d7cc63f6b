import { describe, it, expect } from "@jest/globals";
import type { DriverResult } from "../../src/engine/driver.js";
import { ResultShape } from "../../src/engine/result-fetching.js";
import { Result } from "../../src/engine/result.js";
import { rowClass } from "../../src/engine/row.js";
import { InvalidRequestError } from "../../src/errors.js";

/** A driver's row objects, their keys in another order than the columns. */
function squareObjects(): DriverResult {
  return {
    columns: ["x", "y"],
    rows: [],
    objectRows: [
      { y: 1, x: 1 },
      { y: 4, x: 2 },
      { y: 9, x: 3 },
    ],
    rowcount: -1,
  };
}

const tuples = (rows: readonly { _tuple(): unknown[] }[]): unknown[][] => rows.map((r) => r._tuple());

describe("Result over the driver's row objects (objectRows)", () => {
  it("reads every column in column order, by index and by name", () => {
    const result = new Result(squareObjects());
    expect(result.keys()).toEqual(["x", "y"]);
    const rows = result.all();
    expect(tuples(rows)).toEqual([
      [1, 1],
      [2, 4],
      [3, 9],
    ]);
    expect([rows[1]?.[0], rows[1]?.[1], rows[1]?.x, rows[1]?.y]).toEqual([2, 4, 2, 4]);
  });

  it("fetches one at a time, many, first and one", () => {
    const result = new Result(squareObjects());
    expect(result.fetchOne()?._tuple()).toEqual([1, 1]);
    expect(tuples(result.fetchMany(1))).toEqual([[2, 4]]);
    expect(result.first()?._tuple()).toEqual([3, 9]);
    expect(result.closed).toBe(true);
    expect(new Result({ ...squareObjects(), objectRows: [{ x: 7, y: 49 }] }).one().y).toBe(49);
  });

  it("has scalars(), columns() and mappings() views", () => {
    expect(new Result(squareObjects()).scalars().all()).toEqual([1, 2, 3]);
    expect(new Result(squareObjects()).scalars("y").all()).toEqual([1, 4, 9]);
    expect(new Result(squareObjects()).scalar()).toBe(1);
    expect(tuples(new Result(squareObjects()).columns("y", "x").all())).toEqual([
      [1, 1],
      [4, 2],
      [9, 3],
    ]);
    expect(new Result(squareObjects()).mappings().all()).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 4 },
      { x: 3, y: 9 },
    ]);
  });

  it("reads the objects by the driver's column names under a row class's keys", () => {
    const result = new Result(squareObjects(), { rowClass: rowClass(["a", "b"]) });
    expect(result.keys()).toEqual(["a", "b"]);
    const row = result.first();
    expect([row?.a, row?.b, row?.[1]]).toEqual([1, 1, 1]);
  });

  it("applies processors to a copy, leaving the driver's objects alone", () => {
    const driver = squareObjects();
    const rows = new Result(driver, { processors: [null, (v) => Number(v) * 10] }).all();
    expect(tuples(rows)).toEqual([
      [1, 10],
      [2, 40],
      [3, 90],
    ]);
    expect(driver.objectRows?.[1]).toEqual({ y: 4, x: 2 });
  });
});

describe("ResultShape (rows straight from a driver, which core keeps)", () => {
  const times10 = (v: unknown): unknown => Number(v) * 10;

  it("converts array rows in place, wraps the driver's arrays, and all() hands back the driver's outer array", () => {
    const raw: unknown[] = [
      [1, 1],
      [2, 4],
    ];
    const second = raw[1] as number[];
    const shape = new ResultShape(rowClass(["x", "y"]), [null, times10]);
    const rows = new Result({ columns: ["x", "y"], rows: raw as unknown[][], rowcount: -1 }, { shape }).all();
    expect(tuples(rows)).toEqual([
      [1, 10],
      [2, 40],
    ]);
    expect(rows).toBe(raw);
    expect(second).toEqual([2, 40]);
    second[0] = 5;
    expect(rows[1]?.x).toBe(5);
  });

  it("all() after a row was read, and fetchMany(), build a new array", () => {
    const raw = [[1], [2], [3]];
    const shape = new ResultShape(rowClass(["x"]), null);
    const result = new Result({ columns: ["x"], rows: raw, rowcount: -1 }, { shape });
    expect(result.fetchOne()?.x).toBe(1);
    const rest = result.all();
    expect(rest).not.toBe(raw);
    expect(tuples(rest)).toEqual([[2], [3]]);
    expect(raw).toEqual([[1], [2], [3]]);
  });

  it("converts row objects in place and wraps the driver's objects", () => {
    const driver = squareObjects();
    const third = driver.objectRows?.[2];
    const shape = new ResultShape(rowClass(["x", "y"], ["x", "y"]), [null, times10]);
    const rows = new Result(driver, { shape }).all();
    expect(tuples(rows)).toEqual([
      [1, 10],
      [2, 40],
      [3, 90],
    ]);
    expect(rows).toBe(driver.objectRows);
    expect(third).toEqual({ x: 3, y: 90 });
  });

  it("converts each row once, whichever view takes it", () => {
    const shape = new ResultShape(rowClass(["x", "y"], ["x", "y"]), [null, times10]);
    const result = new Result(squareObjects(), { shape });
    expect(result.fetchOne()?.y).toBe(10);
    expect(result.scalars("y").fetchMany(1)).toEqual([40]);
    expect(tuples(result.columns("y").all())).toEqual([[90]]);
  });

  it("over row objects, a shape prepared for arrays lends its keys and processors", () => {
    const shape = new ResultShape(rowClass(["a", "b"]), [null, times10]);
    const rows = new Result(squareObjects(), { shape }).all();
    expect(tuples(rows)).toEqual([
      [1, 10],
      [2, 40],
      [3, 90],
    ]);
    expect(rows[2]?.b).toBe(90);
  });

  it("keeps duplicate keys ambiguous over row objects", () => {
    const shape = new ResultShape(rowClass(["x", "x"], ["p", "q"]), null);
    const row = new Result({ columns: ["p", "q"], rows: [], objectRows: [{ p: 1, q: 2 }], rowcount: -1 }, { shape }).one();
    expect(row._tuple()).toEqual([1, 2]);
    expect(() => row.x).toThrow(InvalidRequestError);
  });
});
