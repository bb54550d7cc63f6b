import { describe, it, expect } from "@jest/globals";
import { inspect } from "node:util";
import type { DriverResult } from "../../src/engine/driver.js";
import { MappingResult, Result, ScalarResult } from "../../src/engine/result.js";
import { isRow, rowClass } from "../../src/engine/row.js";
import {
  ArgumentError,
  InvalidRequestError,
  MultipleResultsFound,
  NoResultFound,
  ResourceClosedError,
} from "../../src/errors.js";

const NO_ROWS = "This result object does not return rows. It has been closed automatically.";
const CLOSED = "This result object is closed.";

function squares(): DriverResult {
  return {
    columns: ["x", "y"],
    rows: [
      [1, 1],
      [2, 4],
      [3, 9],
      [4, 16],
    ],
    rowcount: -1,
  };
}

function single(): DriverResult {
  return { columns: ["x", "y"], rows: [[7, 49]], rowcount: -1 };
}

function empty(): DriverResult {
  return { columns: ["x", "y"], rows: [], rowcount: -1 };
}

function dml(rowcount = 3, lastInsertId?: number | bigint | null): DriverResult {
  return lastInsertId === undefined ? { columns: null, rows: [], rowcount } : { columns: null, rows: [], rowcount, lastInsertId };
}

const tuples = (rows: readonly { _tuple(): unknown[] }[]): unknown[][] => rows.map((r) => r._tuple());

describe("Result fetching", () => {
  it("all() returns every row, as rows", () => {
    const rows = new Result(squares()).all();
    expect(rows).toHaveLength(4);
    expect(rows.every(isRow)).toBe(true);
    expect(tuples(rows)).toEqual([
      [1, 1],
      [2, 4],
      [3, 9],
      [4, 16],
    ]);
    expect(rows[1]?.y).toBe(4);
  });

  it("fetchAll() is all()", () => {
    expect(tuples(new Result(squares()).fetchAll())).toEqual([
      [1, 1],
      [2, 4],
      [3, 9],
      [4, 16],
    ]);
  });

  it("fetchOne() walks the rows and then returns null without closing", () => {
    const result = new Result(squares());
    expect(result.fetchOne()?._tuple()).toEqual([1, 1]);
    expect(result.fetchOne()?._tuple()).toEqual([2, 4]);
    expect(result.fetchOne()?._tuple()).toEqual([3, 9]);
    expect(result.fetchOne()?._tuple()).toEqual([4, 16]);
    expect(result.fetchOne()).toBeNull();
    expect(result.fetchOne()).toBeNull();
    expect(result.closed).toBe(false);
    expect(result.all()).toEqual([]);
  });

  it("fetchMany(n) takes up to n rows, defaulting to 1", () => {
    const result = new Result(squares());
    expect(tuples(result.fetchMany(3))).toEqual([
      [1, 1],
      [2, 4],
      [3, 9],
    ]);
    expect(tuples(result.fetchMany(3))).toEqual([[4, 16]]);
    expect(result.fetchMany(3)).toEqual([]);
    const other = new Result(squares());
    expect(tuples(other.fetchMany())).toEqual([[1, 1]]);
    expect(other.fetchMany(0)).toEqual([]);
    expect(tuples(other.fetchMany())).toEqual([[2, 4]]);
  });

  it("fetchMany() rejects a size that is not a non-negative integer", () => {
    const result = new Result(squares());
    expect(() => result.fetchMany(-1)).toThrow(ArgumentError);
    expect(() => result.fetchMany(1.5)).toThrow("fetchMany() size must be a non-negative integer, got 1.5");
    expect(() => result.fetchMany(Number.NaN)).toThrow(ArgumentError);
    expect(tuples(result.all())).toHaveLength(4);
  });

  it("first() returns the first row and closes the result", () => {
    const result = new Result(squares());
    expect(result.first()?._tuple()).toEqual([1, 1]);
    expect(result.closed).toBe(true);
    expect(() => result.all()).toThrow(ResourceClosedError);
    expect(() => result.fetchOne()).toThrow(CLOSED);
    expect(() => result.first()).toThrow(CLOSED);
  });

  it("first() returns null for no rows", () => {
    const result = new Result(empty());
    expect(result.first()).toBeNull();
    expect(result.closed).toBe(true);
  });

  it("one() returns the only row and closes", () => {
    const result = new Result(single());
    const row = result.one();
    expect(row._tuple()).toEqual([7, 49]);
    expect(row.x).toBe(7);
    expect(result.closed).toBe(true);
    expect(() => result.all()).toThrow(CLOSED);
  });

  it("one() throws NoResultFound and MultipleResultsFound", () => {
    const none = new Result(empty());
    expect(() => none.one()).toThrow(NoResultFound);
    expect(() => new Result(empty()).one()).toThrow("No row was found when one was required");
    expect(none.closed).toBe(true);
    const many = new Result(squares());
    expect(() => many.one()).toThrow(MultipleResultsFound);
    expect(() => new Result(squares()).one()).toThrow("Multiple rows were found when exactly one was required");
    expect(many.closed).toBe(true);
  });

  it("oneOrNone() returns the row, null, or throws for several", () => {
    expect(new Result(single()).oneOrNone()?._tuple()).toEqual([7, 49]);
    expect(new Result(empty()).oneOrNone()).toBeNull();
    expect(() => new Result(squares()).oneOrNone()).toThrow(MultipleResultsFound);
    expect(() => new Result(squares()).oneOrNone()).toThrow("Multiple rows were found when one or none was required");
  });

  it("one() counts only the rows not yet consumed", () => {
    const result = new Result(squares());
    result.fetchMany(3);
    expect(result.one()._tuple()).toEqual([4, 16]);
  });

  it("scalar() returns the first column of the first row and closes", () => {
    const result = new Result(squares());
    expect(result.scalar()).toBe(1);
    expect(result.closed).toBe(true);
    expect(new Result(empty()).scalar()).toBeNull();
  });

  it("scalarOne() and scalarOneOrNone()", () => {
    expect(new Result(single()).scalarOne()).toBe(7);
    expect(() => new Result(empty()).scalarOne()).toThrow(NoResultFound);
    expect(() => new Result(squares()).scalarOne()).toThrow(MultipleResultsFound);
    expect(new Result(single()).scalarOneOrNone()).toBe(7);
    expect(new Result(empty()).scalarOneOrNone()).toBeNull();
    expect(() => new Result(squares()).scalarOneOrNone()).toThrow(
      "Multiple rows were found when one or none was required",
    );
  });

  it("keys() returns the column names as a new array", () => {
    const result = new Result(squares());
    const keys = result.keys();
    expect(keys).toEqual(["x", "y"]);
    keys.push("z");
    expect(result.keys()).toEqual(["x", "y"]);
  });

  it("close() discards the rest; fetching then throws; closing twice is fine", () => {
    const result = new Result(squares());
    result.fetchOne();
    result.close();
    result.close();
    expect(result.closed).toBe(true);
    expect(() => result.all()).toThrow(CLOSED);
    expect(() => [...result]).toThrow(CLOSED);
  });
});

describe("Result consumption", () => {
  it("iterates once: a second loop sees nothing", () => {
    const result = new Result(squares());
    const seen: unknown[] = [];
    for (const row of result) seen.push(row.x);
    expect(seen).toEqual([1, 2, 3, 4]);
    let again = 0;
    for (const _ of result) again++;
    expect(again).toBe(0);
  });

  it("mappings() after iterating gets nothing (the seed notebook's case)", () => {
    const result = new Result(squares());
    const printed: string[] = [];
    for (const row of result) printed.push(`x: ${String(row.x)}  y: ${String(row.y)}`);
    expect(printed).toEqual(["x: 1  y: 1", "x: 2  y: 4", "x: 3  y: 9", "x: 4  y: 16"]);
    expect(result.mappings().all()).toEqual([]);
  });

  it("every method continues from where the cursor is", () => {
    const result = new Result(squares());
    expect(result.fetchOne()?.x).toBe(1);
    const iterator = result[Symbol.iterator]();
    expect(iterator.next().value?.x).toBe(2);
    expect(result.scalars().fetchMany(1)).toEqual([3]);
    expect(result.mappings().all()).toEqual([{ x: 4, y: 16 }]);
    expect(iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("breaking out of a loop leaves the remaining rows for later", () => {
    const result = new Result(squares());
    for (const row of result) {
      expect(row.x).toBe(1);
      break;
    }
    expect(result.closed).toBe(false);
    expect(result.all().map((r) => r.x)).toEqual([2, 3, 4]);
  });

  it("builds rows lazily, only when fetched", () => {
    const calls: unknown[] = [];
    const result = new Result(squares(), {
      processors: [
        (v) => {
          calls.push(v);
          return v;
        },
        null,
      ],
    });
    expect(calls).toEqual([]);
    result.fetchOne();
    expect(calls).toEqual([1]);
    result.fetchMany(2);
    expect(calls).toEqual([1, 2, 3]);
    result.close();
    expect(calls).toEqual([1, 2, 3]);
  });

  it("supports destructuring a whole result", () => {
    const [a, b] = new Result(squares());
    expect(a?._tuple()).toEqual([1, 1]);
    expect(b?._tuple()).toEqual([2, 4]);
  });
});

describe("Result async iteration", () => {
  it("for await yields every row, consuming the result", async () => {
    const result = new Result(squares());
    const xs: unknown[] = [];
    for await (const row of result) xs.push(row.x);
    expect(xs).toEqual([1, 2, 3, 4]);
    let again = 0;
    for await (const _ of result) again++;
    expect(again).toBe(0);
  });

  it("shares the cursor with sync fetching", async () => {
    const result = new Result(squares());
    result.fetchMany(2);
    const ys: unknown[] = [];
    for await (const row of result) ys.push(row.y);
    expect(ys).toEqual([9, 16]);
  });

  it("works on scalars() and mappings()", async () => {
    const xs: unknown[] = [];
    for await (const x of new Result(squares()).scalars()) xs.push(x);
    expect(xs).toEqual([1, 2, 3, 4]);
    const ms: unknown[] = [];
    for await (const m of new Result(single()).mappings()) ms.push(m);
    expect(ms).toEqual([{ x: 7, y: 49 }]);
  });

  it("rejects on a statement without rows", async () => {
    const result = new Result(dml());
    const iterate = async (): Promise<void> => {
      for await (const _ of result) {
        // never reached
      }
    };
    await expect(iterate()).rejects.toThrow(NO_ROWS);
  });
});

describe("ScalarResult", () => {
  it("gives the first column by default", () => {
    const scalars = new Result(squares()).scalars();
    expect(scalars).toBeInstanceOf(ScalarResult);
    expect(scalars.all()).toEqual([1, 2, 3, 4]);
  });

  it("takes a column by index or name", () => {
    expect(new Result(squares()).scalars(1).all()).toEqual([1, 4, 9, 16]);
    expect(new Result(squares()).scalars("y").all()).toEqual([1, 4, 9, 16]);
  });

  it("rejects unknown, ambiguous and out-of-range columns", () => {
    expect(() => new Result(squares()).scalars("z")).toThrow(InvalidRequestError);
    expect(() => new Result(squares()).scalars("z")).toThrow("Could not locate column in row for column 'z'");
    expect(() => new Result(squares()).scalars(2)).toThrow(ArgumentError);
    expect(() => new Result(squares()).scalars(-1)).toThrow(ArgumentError);
    const dup = new Result({ columns: ["x", "x"], rows: [[1, 2]], rowcount: -1 });
    expect(() => dup.scalars("x")).toThrow("Ambiguous column name 'x' in result set");
    expect(dup.scalars(1).all()).toEqual([2]);
  });

  it("first, one, oneOrNone, fetchMany, fetchAll and iteration", () => {
    const first = new Result(squares()).scalars();
    expect(first.first()).toBe(1);
    expect(first.closed).toBe(true);
    expect(new Result(empty()).scalars().first()).toBeNull();
    expect(new Result(single()).scalars().one()).toBe(7);
    expect(() => new Result(empty()).scalars().one()).toThrow("No row was found when one was required");
    expect(() => new Result(squares()).scalars().one()).toThrow(MultipleResultsFound);
    expect(new Result(single()).scalars(1).oneOrNone()).toBe(49);
    expect(new Result(empty()).scalars().oneOrNone()).toBeNull();
    expect(() => new Result(squares()).scalars().oneOrNone()).toThrow(MultipleResultsFound);
    const many = new Result(squares()).scalars();
    expect(many.fetchMany(3)).toEqual([1, 2, 3]);
    expect(many.fetchAll()).toEqual([4]);
    expect([...new Result(squares()).scalars("y")]).toEqual([1, 4, 9, 16]);
  });

  it("distinguishes a null value from no row in one()", () => {
    const result = new Result({ columns: ["x"], rows: [[null]], rowcount: -1 });
    expect(result.scalars().one()).toBeNull();
    expect(() => new Result({ columns: ["x"], rows: [], rowcount: -1 }).scalars().one()).toThrow(NoResultFound);
  });

  it("applies the column's processor", () => {
    const result = new Result(squares(), { processors: [null, (v) => `y=${String(v)}`] });
    expect(result.scalars("y").all()).toEqual(["y=1", "y=4", "y=9", "y=16"]);
  });

  it("close() closes the parent result", () => {
    const result = new Result(squares());
    result.scalars().close();
    expect(result.closed).toBe(true);
    expect(() => result.all()).toThrow(CLOSED);
  });

  it("prints its state", () => {
    const scalars = new Result(squares()).scalars();
    scalars.fetchMany(2);
    expect(inspect(scalars)).toBe("<ScalarResult rows=4 consumed=2>");
  });
});

describe("MappingResult", () => {
  it("yields frozen plain objects, one per row", () => {
    const mappings = new Result(squares()).mappings();
    expect(mappings).toBeInstanceOf(MappingResult);
    const all = mappings.all();
    expect(all).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 4 },
      { x: 3, y: 9 },
      { x: 4, y: 16 },
    ]);
    expect(all.every((m) => Object.isFrozen(m) && Object.getPrototypeOf(m) === Object.prototype)).toBe(true);
  });

  it("first, one, oneOrNone, fetchOne, fetchMany, keys and iteration", () => {
    expect(new Result(squares()).mappings().first()).toEqual({ x: 1, y: 1 });
    expect(new Result(empty()).mappings().first()).toBeNull();
    expect(new Result(single()).mappings().one()).toEqual({ x: 7, y: 49 });
    expect(() => new Result(empty()).mappings().one()).toThrow(NoResultFound);
    expect(() => new Result(squares()).mappings().one()).toThrow(MultipleResultsFound);
    expect(new Result(single()).mappings().oneOrNone()).toEqual({ x: 7, y: 49 });
    expect(new Result(empty()).mappings().oneOrNone()).toBeNull();
    const m = new Result(squares()).mappings();
    expect(m.keys()).toEqual(["x", "y"]);
    expect(m.fetchOne()).toEqual({ x: 1, y: 1 });
    expect(m.fetchMany(2)).toEqual([
      { x: 2, y: 4 },
      { x: 3, y: 9 },
    ]);
    expect([...m]).toEqual([{ x: 4, y: 16 }]);
    expect(m.fetchOne()).toBeNull();
    expect(m.fetchAll()).toEqual([]);
  });

  it("keeps the first of duplicate names", () => {
    const result = new Result({ columns: ["x", "x"], rows: [[1, 2]], rowcount: -1 });
    expect(result.mappings().all()).toEqual([{ x: 1 }]);
  });

  it("shows processed values", () => {
    const result = new Result(squares(), { processors: [(v) => Number(v) * 10, null] });
    expect(result.mappings().first()).toEqual({ x: 10, y: 1 });
  });

  it("close() closes the parent result", () => {
    const result = new Result(squares());
    const m = result.mappings();
    m.close();
    expect(m.closed).toBe(true);
    expect(result.closed).toBe(true);
  });
});

describe("Result.columns()", () => {
  it("selects and reorders columns by name or index", () => {
    const byName = new Result(squares()).columns("y", "x");
    expect(byName.keys()).toEqual(["y", "x"]);
    const rows = byName.all();
    expect(tuples(rows)).toEqual([
      [1, 1],
      [4, 2],
      [9, 3],
      [16, 4],
    ]);
    expect(rows[1]?.y).toBe(4);
    expect(rows[1]?.x).toBe(2);
    expect(tuples(new Result(squares()).columns(1).all())).toEqual([[1], [4], [9], [16]]);
    expect(new Result(single()).columns("y", 0, "y").one()._tuple()).toEqual([49, 7, 49]);
  });

  it("shares the cursor with the result it came from", () => {
    const result = new Result(squares());
    const ys = result.columns("y");
    expect(result.fetchOne()?.x).toBe(1);
    expect(ys.fetchOne()?._tuple()).toEqual([4]);
    expect(result.fetchOne()?._tuple()).toEqual([3, 9]);
    ys.close();
    expect(result.closed).toBe(true);
  });

  it("composes, and scalars() and mappings() follow the selection", () => {
    const result = new Result({ columns: ["a", "b", "c"], rows: [[1, 2, 3]], rowcount: -1 });
    const cb = result.columns("c", "b");
    expect(cb.columns(1).keys()).toEqual(["b"]);
    expect(cb.scalars(0).all()).toEqual([3]);
    expect(new Result({ columns: ["a", "b", "c"], rows: [[1, 2, 3]], rowcount: -1 }).columns("c", "a").columns("a").one()._tuple()).toEqual([1]);
    expect(new Result({ columns: ["a", "b", "c"], rows: [[1, 2, 3]], rowcount: -1 }).columns("c", "a").mappings().one()).toEqual({
      c: 3,
      a: 1,
    });
  });

  it("applies the selected columns' processors", () => {
    const result = new Result(squares(), { processors: [null, (v) => -Number(v)] });
    expect(tuples(result.columns("y", "x").fetchMany(2))).toEqual([
      [-1, 1],
      [-4, 2],
    ]);
  });

  it("rejects unknown, ambiguous, out-of-range and empty selections", () => {
    const result = new Result({ columns: ["x", "x", "y"], rows: [[1, 2, 3]], rowcount: -1 });
    expect(() => result.columns("nope")).toThrow("Could not locate column in row for column 'nope'");
    expect(() => result.columns("x")).toThrow(InvalidRequestError);
    expect(() => result.columns(3)).toThrow(ArgumentError);
    expect(() => result.columns()).toThrow(ArgumentError);
    expect(result.columns(1, "y").one()._tuple()).toEqual([2, 3]);
  });
});

describe("Result processors", () => {
  it("converts values on row build and leaves the driver's arrays alone", () => {
    const driver: DriverResult = {
      columns: ["id", "flag"],
      rows: [
        [1, 0],
        [2, 1],
      ],
      rowcount: -1,
    };
    const rows = new Result(driver, { processors: [null, (v) => v === 1] }).all();
    expect(tuples(rows)).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(rows[1]?.flag).toBe(true);
    expect(rows[1]?._mapping).toEqual({ id: 2, flag: true });
    expect(driver.rows).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it("treats all-null processors as none: rows wrap the driver's arrays", () => {
    const raw = [1, 0];
    const row = new Result({ columns: ["id", "flag"], rows: [raw], rowcount: -1 }, { processors: [null, null] }).one();
    raw[1] = 5;
    expect(row.flag).toBe(5);
  });

  it("copies the row when a processor applies", () => {
    const raw = [1, 0];
    const row = new Result({ columns: ["id", "flag"], rows: [raw], rowcount: -1 }, { processors: [null, (v) => v] }).one();
    raw[1] = 5;
    expect(row.flag).toBe(0);
  });

  it("rejects a processor list of the wrong length", () => {
    expect(() => new Result(squares(), { processors: [null] })).toThrow(ArgumentError);
    expect(() => new Result(squares(), { processors: [null] })).toThrow(
      "Expected 2 result processors, one per column, got 1",
    );
  });

  it("lets a processor's error through", () => {
    const result = new Result(squares(), {
      processors: [
        () => {
          throw new Error("bad value");
        },
        null,
      ],
    });
    expect(() => result.all()).toThrow("bad value");
  });

  it("closes the result when a processor throws inside first() or one()", () => {
    const failing = (): Result =>
      new Result(squares(), {
        processors: [
          () => {
            throw new Error("bad value");
          },
          null,
        ],
      });
    const a = failing();
    expect(() => a.first()).toThrow("bad value");
    expect(a.closed).toBe(true);
    const b = failing();
    expect(() => b.one()).toThrow("bad value");
    expect(b.closed).toBe(true);
  });
});

describe("Result rowClass option", () => {
  it("builds rows with the given class and takes keys from its fields", () => {
    const Cls = rowClass(["a", "b"]);
    const result = new Result(squares(), { rowClass: Cls });
    expect(result.keys()).toEqual(["a", "b"]);
    const row = result.first();
    expect(row).toBeInstanceOf(Cls);
    expect(row?.b).toBe(1);
  });

  it("rejects a class whose field count differs from the columns", () => {
    expect(() => new Result(squares(), { rowClass: rowClass(["a"]) })).toThrow(ArgumentError);
  });

  it("builds one class per shape when none is given", () => {
    const a = new Result(squares()).first();
    const b = new Result(single()).first();
    expect(a?.constructor).toBe(b?.constructor);
  });
});

describe("Result without rows", () => {
  it("throws ResourceClosedError from every fetching method", () => {
    const attempts: (() => unknown)[] = [
      () => new Result(dml()).all(),
      () => new Result(dml()).fetchAll(),
      () => new Result(dml()).first(),
      () => new Result(dml()).one(),
      () => new Result(dml()).oneOrNone(),
      () => new Result(dml()).fetchOne(),
      () => new Result(dml()).fetchMany(2),
      () => new Result(dml()).scalar(),
      () => new Result(dml()).scalarOne(),
      () => new Result(dml()).scalarOneOrNone(),
      () => new Result(dml()).scalars().all(),
      () => new Result(dml()).scalars().first(),
      () => new Result(dml()).mappings().all(),
      () => new Result(dml()).mappings().fetchOne(),
      () => [...new Result(dml())],
      () => new Result(dml()).columns("x"),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(ResourceClosedError);
      expect(attempt).toThrow(NO_ROWS);
    }
  });

  it("still reports rowcount and lastInsertId, and says it returns no rows", () => {
    const result = new Result(dml(3, 42));
    expect(result.returnsRows).toBe(false);
    expect(result.rowcount).toBe(3);
    expect(result.lastInsertId).toBe(42);
    expect(result.keys()).toEqual([]);
    result.close();
    expect(result.rowcount).toBe(3);
    expect(() => result.all()).toThrow(NO_ROWS);
  });
});

describe("Result metadata", () => {
  it("rowcount and lastInsertId pass through from the driver", () => {
    expect(new Result(squares()).rowcount).toBe(-1);
    expect(new Result(squares()).returnsRows).toBe(true);
    expect(new Result(squares()).lastInsertId).toBeNull();
    expect(new Result(dml(1, 9007199254740993n)).lastInsertId).toBe(9007199254740993n);
    expect(new Result(dml(1, null)).lastInsertId).toBeNull();
    expect(new Result({ columns: ["id"], rows: [[5]], rowcount: 1, lastInsertId: 5 }).rowcount).toBe(1);
  });

  it("an empty SELECT still returns rows", () => {
    const result = new Result(empty());
    expect(result.returnsRows).toBe(true);
    expect(result.all()).toEqual([]);
  });
});

describe("Result printing", () => {
  it("shows keys, row count and progress", () => {
    const result = new Result(squares());
    expect(inspect(result)).toBe("<Result keys=[x, y] rows=4 consumed=0>");
    result.fetchOne();
    expect(String(result)).toBe("<Result keys=[x, y] rows=4 consumed=1>");
    result.all();
    expect(inspect(result)).toBe("<Result keys=[x, y] rows=4 consumed=4>");
    result.close();
    expect(inspect(result)).toBe("<Result keys=[x, y] rows=4 consumed=4 closed>");
    expect(inspect(new Result(dml(3)))).toBe("<Result returnsRows=false rowcount=3>");
    expect(inspect(new Result(squares()).mappings())).toBe("<MappingResult keys=[x, y] rows=4 consumed=0>");
  });

  it("prints rows in Python style inside arrays", () => {
    const rows = new Result({ columns: ["greeting"], rows: [["hello world"]], rowcount: -1 }).all();
    expect(inspect(rows)).toBe("[ ('hello world',) ]");
    const row = new Result({ columns: ["id", "name", "fullname"], rows: [[1, "spongebob", "Spongebob Squarepants"]], rowcount: -1 }).one();
    expect(inspect(row)).toBe("(1, 'spongebob', 'Spongebob Squarepants')");
  });
});
