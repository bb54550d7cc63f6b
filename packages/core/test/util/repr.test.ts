import { describe, it, expect } from "@jest/globals";
import { reprParams, reprRow, reprValue } from "../../src/util/repr.js";

// Expected strings were produced by SQLAlchemy 2.1's sql.util._repr_params on the
// equivalent Python values.

describe("reprValue", () => {
  it("quotes strings as Python does", () => {
    expect(reprValue("spongebob")).toBe("'spongebob'");
    expect(reprValue("it's")).toBe(`"it's"`);
    expect(reprValue('say "hi"')).toBe(`'say "hi"'`);
    expect(reprValue(`both '"`)).toBe(`'both \\'"'`);
    expect(reprValue("tab\tnl\n\\ cr\r")).toBe("'tab\\tnl\\n\\\\ cr\\r'");
    expect(reprValue("")).toBe("''");
  });

  it("escapes non-printable characters and keeps printable non-ASCII", () => {
    expect(reprValue("\x00\x7f\x9f\xa0\u200b\ufeff é 😀")).toBe("'\\x00\\x7f\\x9f\\xa0\\u200b\\ufeff é 😀'");
    expect(reprValue("\u2028")).toBe("'\\u2028'");
    expect(reprValue("\u{e0001}")).toBe("'\\U000e0001'");
  });

  it("renders None, booleans and numbers as Python", () => {
    expect(reprValue(null)).toBe("None");
    expect(reprValue(undefined)).toBe("None");
    expect(reprValue(true)).toBe("True");
    expect(reprValue(false)).toBe("False");
    expect(reprValue(6)).toBe("6");
    expect(reprValue(-42)).toBe("-42");
    expect(reprValue(1.5)).toBe("1.5");
    expect(reprValue(123.456)).toBe("123.456");
    expect(reprValue(1 / 3)).toBe("0.3333333333333333");
    expect(reprValue(0.0001)).toBe("0.0001");
    expect(reprValue(0.00001)).toBe("1e-05");
    expect(reprValue(1.5e-7)).toBe("1.5e-07");
    expect(reprValue(-2.5e-5)).toBe("-2.5e-05");
    expect(reprValue(NaN)).toBe("nan");
    expect(reprValue(Infinity)).toBe("inf");
    expect(reprValue(-Infinity)).toBe("-inf");
    expect(reprValue(1e21)).toBe("1000000000000000000000");
    expect(reprValue(9223372036854775808n)).toBe("9223372036854775808");
  });

  it("renders bytes as a Python bytes literal", () => {
    expect(reprValue(new Uint8Array([]))).toBe("b''");
    expect(reprValue(Buffer.from("ab'c"))).toBe(`b"ab'c"`);
    expect(reprValue(Buffer.from(`a"b'c`))).toBe(`b'a"b\\'c'`);
    expect(reprValue(new Uint8Array([0, 255, 92, 10, 9, 13, 32, 126]))).toBe("b'\\x00\\xff\\\\\\n\\t\\r ~'");
  });

  it("renders a Date as a quoted UTC timestamp with microseconds", () => {
    expect(reprValue(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348)))).toBe("'2025-11-13 11:19:23.348000'");
    expect(reprValue(new Date(NaN))).toBe("'Invalid Date'");
  });

  it("renders arrays and plain objects as Python lists and dicts", () => {
    expect(reprValue([1, "a", [null]])).toBe("[1, 'a', [None]]");
    expect(reprValue({ a: 1, b: [true] })).toBe("{'a': 1, 'b': [True]}");
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(reprValue(cyclic)).toBe("[1, [...]]");
    const shared = [1];
    expect(reprValue([shared, shared])).toBe("[[1], [1]]");
  });

  it("renders other objects by their own text or their class", () => {
    class Money {
      toString(): string {
        return "12.50 EUR";
      }
    }
    class Opaque {}
    expect(reprValue(new Money())).toBe("12.50 EUR");
    expect(reprValue(new Opaque())).toBe("<Opaque object>");
  });

  it("elides the middle of a repr longer than 300 characters", () => {
    expect(reprValue("y".repeat(301))).toBe(
      `'${"y".repeat(149)} ... (3 characters truncated) ... ${"y".repeat(149)}'`,
    );
    expect(reprValue("y".repeat(298))).toBe(`'${"y".repeat(298)}'`);
    // Python counts code points, not UTF-16 units.
    expect(reprValue("😀".repeat(298))).toBe(`'${"😀".repeat(298)}'`);
    expect(reprValue("😀".repeat(400))).toBe(
      `'${"😀".repeat(149)} ... (102 characters truncated) ... ${"😀".repeat(149)}'`,
    );
  });
});

describe("reprParams", () => {
  it("renders one positional set as a Python tuple", () => {
    expect(reprParams([], false)).toBe("()");
    expect(reprParams([6], false)).toBe("(6,)");
    expect(reprParams(["spongebob", "Spongebob Squarepants"], false)).toBe("('spongebob', 'Spongebob Squarepants')");
  });

  it("renders named parameters as a Python dict", () => {
    expect(reprParams({ x: 1, y: "a" }, false)).toBe("{'x': 1, 'y': 'a'}");
    expect(reprParams({}, false)).toBe("{}");
  });

  it("renders many sets as a list of tuples", () => {
    expect(reprParams([], true)).toBe("[]");
    expect(reprParams([[1]], true)).toBe("[(1,)]");
    expect(reprParams([[1, 1], [2, 4]], true)).toBe("[(1, 1), (2, 4)]");
  });

  it("shows 8 + 2 of more than 10 sets, as SQLAlchemy", () => {
    const sets = Array.from({ length: 20 }, (_, i) => [i + 1]);
    expect(reprParams(sets, true)).toBe(
      "[(1,), (2,), (3,), (4,), (5,), (6,), (7,), (8,)  ... displaying 10 of 20 total bound parameter sets ...  (19,), (20,)]",
    );
    expect(reprParams(sets.slice(0, 10), true)).toBe(
      "[(1,), (2,), (3,), (4,), (5,), (6,), (7,), (8,), (9,), (10,)]",
    );
  });

  it("shows many named sets as a list of dicts", () => {
    const sets = Array.from({ length: 12 }, (_, i) => ({ a: i + 1 }));
    expect(reprParams(sets as unknown as readonly (readonly unknown[])[], true)).toBe(
      "[{'a': 1}, {'a': 2}, {'a': 3}, {'a': 4}, {'a': 5}, {'a': 6}, {'a': 7}, {'a': 8}" +
        "  ... displaying 10 of 12 total bound parameter sets ...  {'a': 11}, {'a': 12}]",
    );
  });

  it("shows 50 + 50 of more than 100 values in one set", () => {
    const values = Array.from({ length: 105 }, (_, i) => i);
    const head = values.slice(0, 50).join(", ");
    const tail = values.slice(55).join(", ");
    expect(reprParams(values, false)).toBe(`(${head} ... 5 parameters truncated ... ${tail})`);
    expect(reprParams(values.slice(0, 100), false)).toBe(`(${values.slice(0, 100).join(", ")})`);
  });

  it("shows 50 + 50 of more than 100 named values", () => {
    const named: Record<string, number> = {};
    for (let i = 0; i < 103; i++) named[`k${i}`] = i;
    const item = (i: number): string => `'k${i}': ${i}`;
    const head = Array.from({ length: 50 }, (_, i) => item(i)).join(", ");
    const tail = Array.from({ length: 50 }, (_, i) => item(i + 53)).join(", ");
    expect(reprParams(named, false)).toBe(`{${head} ... 3 parameters truncated ... ${tail}}`);
  });

  it("elides long values inside a set", () => {
    expect(reprParams(["x".repeat(400)], false)).toBe(
      `('${"x".repeat(149)} ... (102 characters truncated) ... ${"x".repeat(149)}',)`,
    );
  });

  it("renders mixed values as Python", () => {
    expect(reprParams([null, true, false, 1.5, 0.00001, NaN, [1, "a"], { a: 1 }], false)).toBe(
      "(None, True, False, 1.5, 1e-05, nan, [1, 'a'], {'a': 1})",
    );
  });
});

describe("reprRow", () => {
  it("renders a row as a tuple, never elided by count", () => {
    expect(reprRow([1, "a"])).toBe("(1, 'a')");
    expect(reprRow(["id"])).toBe("('id',)");
    const wide = Array.from({ length: 150 }, (_, i) => i);
    expect(reprRow(wide)).toBe(`(${wide.join(", ")})`);
  });
});
