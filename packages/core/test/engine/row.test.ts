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
  it.each([
    ["array", () => makeRow(["x", "y"], [1, 2])],
    ["object", () => new (rowClass(["x", "y"], ["p", "q"]))({ p: 1, q: 2 }) as Untyped],
  ])("throws TypeError on writes to columns, indexes and members in strict mode (rows over %s)", (_, make) => {
    const row = make();
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

describe("Rows over a driver's row objects (rowClass with rowKeys)", () => {
  // The statement's keys differ from the driver's names, as `user_account.id` AS "id" may.
  const Cls = rowClass(["id", "name", "fullname"], ["u_id", "u_name", "u_fullname"]);
  const object = { u_fullname: "Spongebob Squarepants", u_id: 1, u_name: "spongebob" };
  const row = new Cls(object) as Untyped;

  it("reads columns by index and by name through the row keys, whatever the object's key order", () => {
    expect([row[0], row[1], row[2], row[3]]).toEqual([1, "spongebob", "Spongebob Squarepants", undefined]);
    expect([row.id, row.name, row.fullname, row.u_id]).toEqual([1, "spongebob", "Spongebob Squarepants", undefined]);
    expect(row.length).toBe(3);
    expect(Cls.fields).toEqual(["id", "name", "fullname"]);
    expect(Cls.rowKeys).toEqual(["u_id", "u_name", "u_fullname"]);
  });

  it("has the whole Row API of array rows", () => {
    expect(row._tuple()).toEqual([1, "spongebob", "Spongebob Squarepants"]);
    expect([...row]).toEqual([1, "spongebob", "Spongebob Squarepants"]);
    const [id, name] = row;
    expect([id, name]).toEqual([1, "spongebob"]);
    expect(row._mapping).toEqual({ id: 1, name: "spongebob", fullname: "Spongebob Squarepants" });
    expect(row._mapping).toBe(row._mapping);
    expect(Object.isFrozen(row._mapping)).toBe(true);
    expect(row._asdict()).toEqual({ id: 1, name: "spongebob", fullname: "Spongebob Squarepants" });
    expect(JSON.stringify(row)).toBe('[1,"spongebob","Spongebob Squarepants"]');
    expect(String(row)).toBe("(1, 'spongebob', 'Spongebob Squarepants')");
    expect(inspect(row)).toBe("(1, 'spongebob', 'Spongebob Squarepants')");
    expect(isRow(row)).toBe(true);
    expect(Array.isArray(row)).toBe(false);
  });

  it("wraps the object without copying it, and hands it out nowhere", () => {
    const values = { a: 1 };
    const r = new (rowClass(["a"], ["a"]))(values) as Untyped;
    values.a = 10;
    expect(r.a).toBe(10);
    const t = r._tuple();
    t[0] = 5;
    expect(r[0]).toBe(10);
  });

  it("keeps names clashing with Row members, index-like names and __proto__ off the row", () => {
    const values = { length: "L", "0": "zero", x: "X" };
    Object.defineProperty(values, "__proto__", { value: "P", enumerable: true });
    const keys = ["length", "0", "__proto__", "x"];
    const r = new (rowClass(keys, keys))(values) as Untyped;
    expect(r.length).toBe(4);
    expect([r[0], r[1], r[2], r[3]]).toEqual(["L", "zero", "P", "X"]);
    expect(r.x).toBe("X");
    expect(Object.getOwnPropertyDescriptor(r._mapping, "__proto__")?.value).toBe("P");
  });

  it("keeps duplicate statement keys ambiguous, as array rows do", () => {
    const r = new (rowClass(["x", "x"], ["a", "b"]))({ a: 1, b: 2 }) as Untyped;
    expect(() => r.x).toThrow(InvalidRequestError);
    expect(r._tuple()).toEqual([1, 2]);
    expect(r._mapping).toEqual({ x: 1 });
  });

  it("is a class of its own per row keys, cached like array row classes", () => {
    const objects = rowClass(["id", "name"], ["u_id", "u_name"]);
    expect(rowClass(["id", "name"], ["u_id", "u_name"])).toBe(objects);
    expect(rowClass(["id", "name"])).not.toBe(objects);
    expect(rowClass(["id", "name"]).rowKeys).toBeNull();
    expect(rowClass(["id", "name"], ["id", "name"])).not.toBe(objects);
    expect(rowClass(["id", "name"], ["id", "name"])).not.toBe(rowClass(["id", "name"]));
  });

  it("refuses row keys that are not one distinct key per column", () => {
    expect(() => rowClass(["a", "b"], ["k", "k"])).toThrow(
      "rowClass() needs one distinct row key per column, got [k, k] for 2 columns",
    );
    expect(() => rowClass(["a", "b"], ["k"])).toThrow(InvalidRequestError);
  });
});
