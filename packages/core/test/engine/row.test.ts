import { describe, it, expect } from "@jest/globals";
import { inspect } from "node:util";
import { InvalidRequestError } from "../../src/errors.js";
import { isReservedColumnName, isRow, rowClass, type Row } from "../../src/engine/row.js";

type Untyped = Row;

function makeRow(keys: readonly string[], values: readonly unknown[]): Untyped {
  const Cls = rowClass(keys);
  return new Cls(values);
}

describe("rowClass", () => {
  it("exposes the column names as fields, frozen", () => {
    const Cls = rowClass(["id", "name"]);
    expect(Cls.fields).toEqual(["id", "name"]);
    expect(Object.isFrozen(Cls.fields)).toBe(true);
  });

  it("returns the same class for the same shape and a new one for another", () => {
    const a = rowClass(["cache_a", "cache_b"]);
    expect(rowClass(["cache_a", "cache_b"])).toBe(a);
    expect(rowClass(["cache_a"])).not.toBe(a);
    expect(rowClass(["cache_b", "cache_a"])).not.toBe(a);
  });

  it("does not confuse shapes whose joined names collide", () => {
    const a = rowClass(["a\u0000b", "c"]);
    const b = rowClass(["a", "b\u0000c"]);
    expect(a.fields).toEqual(["a\u0000b", "c"]);
    expect(b.fields).toEqual(["a", "b\u0000c"]);
    expect(new b([1, 2])._mapping).toEqual({ a: 1, "b\u0000c": 2 });
  });

  it("keeps no reference to the caller's keys array", () => {
    const keys = ["k1", "k2"];
    const Cls = rowClass(keys);
    keys[0] = "changed";
    expect(Cls.fields).toEqual(["k1", "k2"]);
  });

  it("evicts the least recently used shapes once 500 are cached", () => {
    const kept = rowClass(["lru_kept"]);
    const dropped = rowClass(["lru_dropped"]);
    for (let i = 0; i < 600; i++) {
      rowClass([`lru_${i}`]);
      if (i % 50 === 0) rowClass(["lru_kept"]);
    }
    expect(rowClass(["lru_kept"])).toBe(kept);
    const rebuilt = rowClass(["lru_dropped"]);
    expect(rebuilt).not.toBe(dropped);
    expect(rebuilt.fields).toEqual(["lru_dropped"]);
  });

  it("distinguishes zero columns from one empty-named column", () => {
    expect(rowClass([]).fields).toEqual([]);
    expect(rowClass([""]).fields).toEqual([""]);
  });
});

describe("Row access", () => {
  const row = makeRow(["id", "name", "fullname"], [1, "spongebob", "Spongebob Squarepants"]);

  it("reads by index", () => {
    expect(row[0]).toBe(1);
    expect(row[1]).toBe("spongebob");
    expect(row[2]).toBe("Spongebob Squarepants");
    expect(row[3]).toBeUndefined();
  });

  it("reads by name", () => {
    expect(row.id).toBe(1);
    expect(row.name).toBe("spongebob");
    expect(row.fullname).toBe("Spongebob Squarepants");
    expect(row.missing).toBeUndefined();
  });

  it("has a length", () => {
    expect(row.length).toBe(3);
    expect(makeRow([], []).length).toBe(0);
  });

  it("iterates, spreads and destructures", () => {
    const [id, name, fullname] = row;
    expect([id, name, fullname]).toEqual([1, "spongebob", "Spongebob Squarepants"]);
    expect([...row]).toEqual([1, "spongebob", "Spongebob Squarepants"]);
    const seen: unknown[] = [];
    for (const value of row) seen.push(value);
    expect(seen).toEqual([1, "spongebob", "Spongebob Squarepants"]);
    expect(Array.from(row)).toEqual([1, "spongebob", "Spongebob Squarepants"]);
  });

  it("wraps the values array without copying it", () => {
    const values = [1, 2];
    const r = makeRow(["a", "b"], values);
    values[0] = 10;
    expect(r[0]).toBe(10);
    expect(r.a).toBe(10);
  });

  it("has _fields", () => {
    expect(row._fields).toEqual(["id", "name", "fullname"]);
  });

  it("has no array methods", () => {
    expect((row as unknown as Record<string, unknown>).map).toBeUndefined();
    expect(Array.isArray(row)).toBe(false);
  });

  it("is recognised by isRow", () => {
    expect(isRow(row)).toBe(true);
    expect(isRow([1, 2])).toBe(false);
    expect(isRow({ _mapping: {} })).toBe(false);
    expect(isRow(null)).toBe(false);
  });
});

describe("Row._mapping, _asdict, _tuple, toJSON", () => {
  it("_mapping is a frozen plain object, built once", () => {
    const row = makeRow(["x", "y"], [1, "a"]);
    const mapping = row._mapping;
    expect(mapping).toEqual({ x: 1, y: "a" });
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
    expect(Object.isFrozen(mapping)).toBe(true);
    expect(row._mapping).toBe(mapping);
    expect(Object.keys(mapping)).toEqual(["x", "y"]);
  });

  it("_asdict returns a new mutable object each call", () => {
    const row = makeRow(["x", "y"], [1, "a"]);
    const d = row._asdict();
    expect(d).toEqual({ x: 1, y: "a" });
    expect(row._asdict()).not.toBe(d);
    d.x = 99;
    expect(row.x).toBe(1);
    expect(row._mapping.x).toBe(1);
  });

  it("_tuple and toJSON return copies of the values", () => {
    const values = [1, "a"];
    const row = makeRow(["x", "y"], values);
    const t = row._tuple();
    expect(t).toEqual([1, "a"]);
    expect(t).not.toBe(values);
    t[0] = 5;
    expect(row[0]).toBe(1);
    expect(row.toJSON()).toEqual([1, "a"]);
    expect(row.toJSON()).not.toBe(values);
  });

  it("serialises as a JSON array", () => {
    const row = makeRow(["x", "y"], [1, null]);
    expect(JSON.stringify(row)).toBe("[1,null]");
    expect(JSON.stringify({ rows: [row] })).toBe('{"rows":[[1,null]]}');
  });
});

describe("Row printing", () => {
  it("prints a one-column row as a Python 1-tuple", () => {
    const row = makeRow(["greeting"], ["hello world"]);
    expect(String(row)).toBe("('hello world',)");
    expect(`${row}`).toBe("('hello world',)");
    expect(inspect(row)).toBe("('hello world',)");
    expect(inspect([row])).toBe("[ ('hello world',) ]");
  });

  it("prints None, True, False, numbers and quotes like Python", () => {
    const row = makeRow(["id", "name", "x"], [1, "spongebob", null]);
    expect(String(row)).toBe("(1, 'spongebob', None)");
    expect(inspect(row)).toBe("(1, 'spongebob', None)");
    expect(String(makeRow(["a", "b", "c", "d"], [true, false, 2.5, "it's"]))).toBe(`(True, False, 2.5, "it's")`);
    expect(String(makeRow(["u"], [undefined]))).toBe("(None,)");
  });

  it("prints an empty row as ()", () => {
    expect(String(makeRow([], []))).toBe("()");
  });

  it("prints without touching ambiguous getters", () => {
    const row = makeRow(["x", "x"], [1, 2]);
    expect(inspect(row)).toBe("(1, 2)");
    expect(inspect({ row })).toBe("{ row: (1, 2) }");
  });
});

describe("Row name clashes", () => {
  it("gives no named getter to a column named like a Row member", () => {
    const keys = ["length", "_mapping", "_fields", "_asdict", "_tuple", "toJSON", "toString", "constructor"];
    const values = ["L", "M", "F", "A", "T", "J", "S", "C"];
    const row = makeRow(keys, values);
    expect(row.length).toBe(8);
    expect(row._fields).toEqual(keys);
    expect(typeof row._asdict).toBe("function");
    expect(typeof row._tuple).toBe("function");
    expect(typeof row.toJSON).toBe("function");
    expect(typeof row.toString).toBe("function");
    expect(row.constructor).not.toBe("C");
    // Still reachable by position and through the mapping.
    expect(row[0]).toBe("L");
    expect(row[7]).toBe("C");
    expect(row._mapping).toEqual({
      length: "L",
      _mapping: "M",
      _fields: "F",
      _asdict: "A",
      _tuple: "T",
      toJSON: "J",
      toString: "S",
      constructor: "C",
    });
    expect(String(row)).toBe("('L', 'M', 'F', 'A', 'T', 'J', 'S', 'C')");
  });

  it("never makes a row thenable", async () => {
    const row = makeRow(["then", "id"], [42, 1]);
    expect((row as unknown as { then?: unknown }).then).toBeUndefined();
    const awaited = await Promise.resolve(row);
    expect(awaited).toBe(row);
    expect(row._mapping.then).toBe(42);
    expect(row[0]).toBe(42);
  });

  it("keeps __proto__ and Object.prototype names off the row", () => {
    const row = makeRow(["__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf", "ok"], [1, 2, 3, 4, 5]);
    expect(Object.getPrototypeOf(row)).not.toBe(1);
    expect(isRow(row)).toBe(true);
    expect(typeof row.hasOwnProperty).toBe("function");
    expect(typeof row.valueOf).toBe("function");
    expect(row.ok).toBe(5);
    const mapping = row._mapping;
    expect(Object.keys(mapping)).toEqual(["__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf", "ok"]);
    expect(Object.getOwnPropertyDescriptor(mapping, "__proto__")?.value).toBe(1);
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
  });

  it("does not let a numeric column name shadow an index", () => {
    const row = makeRow(["1", "0"], ["one", "zero"]);
    expect(row[0]).toBe("one");
    expect(row[1]).toBe("zero");
    expect(row._mapping["0"]).toBe("zero");
  });

  it("reports which names are reserved", () => {
    for (const name of ["length", "_mapping", "then", "constructor", "__proto__", "toLocaleString", "0", "12"]) {
      expect(isReservedColumnName(name)).toBe(true);
    }
    for (const name of ["id", "x", "mapping", "_t", "01", "1.5", "-1"]) {
      expect(isReservedColumnName(name)).toBe(false);
    }
  });

  it("gives names like 01 and 1.5 a named getter, since they are not indexes", () => {
    const row = makeRow(["01", "1.5"], ["a", "b"]);
    expect((row as Record<string, unknown>)["01"]).toBe("a");
    expect((row as Record<string, unknown>)["1.5"]).toBe("b");
  });
});

describe("Row duplicate names", () => {
  const row = makeRow(["x", "x", "y"], [1, 2, 3]);

  it("throws on the ambiguous named getter", () => {
    expect(() => row.x).toThrow(InvalidRequestError);
    expect(() => row.x).toThrow("Ambiguous column name 'x' in result set; use row[index] or label the columns");
  });

  it("keeps index access, unambiguous names and the first value in _mapping", () => {
    expect(row[0]).toBe(1);
    expect(row[1]).toBe(2);
    expect(row.y).toBe(3);
    expect(row._mapping).toEqual({ x: 1, y: 3 });
    expect(row._asdict()).toEqual({ x: 1, y: 3 });
    expect([...row]).toEqual([1, 2, 3]);
  });
});

describe("Row immutability", () => {
  it("throws TypeError on writes to columns, indexes and members in strict mode", () => {
    const row = makeRow(["x", "y"], [1, 2]);
    const writable = row as unknown as Record<string | number, unknown>;
    expect(() => {
      writable.x = 5;
    }).toThrow(TypeError);
    expect(() => {
      writable[0] = 5;
    }).toThrow(TypeError);
    expect(() => {
      writable.length = 5;
    }).toThrow(TypeError);
    expect(() => {
      writable._mapping = {};
    }).toThrow(TypeError);
    expect(row.x).toBe(1);
    expect(row[0]).toBe(1);
    expect(row.length).toBe(2);
  });

  it("freezes _mapping", () => {
    const row = makeRow(["x"], [1]);
    expect(() => {
      (row._mapping as Record<string, unknown>).x = 2;
    }).toThrow(TypeError);
    expect(row._mapping.x).toBe(1);
  });
});
