import { describe, expect, it } from "@jest/globals";
import * as sa from "../../../src/index.js";
import { plainDecimal, TypeMismatchError, type Processor, type TypeDialect, type TypeEngine, type TypeProcessors } from "../../../src/index.js";

// A dialect with no colspecs: the types' own checks and generic conversions apply.
const generic: TypeDialect = { processorsFor: () => undefined };

function bind(type: TypeEngine<unknown>, value: unknown, dialect: TypeDialect = generic): unknown {
  const processor = type.bindProcessor(dialect);
  return processor === null ? value : processor(value);
}

function result(type: TypeEngine<unknown>, value: unknown, dialect: TypeDialect = generic): unknown {
  const processor = type.resultProcessor(dialect);
  return processor === null ? value : processor(value);
}

describe("bind checks", () => {
  it.each<[string, TypeEngine<unknown>, unknown, string]>([
    ["Integer", sa.Integer(), "five", "Integer() expects a finite number or bigint, got the string 'five'."],
    ["Integer", sa.Integer(), Number.NaN, "Integer() expects a finite number or bigint, got the number nan."],
    ["SmallInteger", sa.SmallInteger(), true, "SmallInteger() expects a finite number or bigint, got the boolean True."],
    ["BigInteger", sa.BigInteger(), 1.5, "BigInteger() expects a bigint within the 64-bit range, or a safe integer number, got the number 1.5."],
    ["BigInteger", sa.BigInteger(), 2n ** 63n, "BigInteger() expects a bigint within the 64-bit range, or a safe integer number, got the bigint 9223372036854775808."],
    ["Float", sa.Float(), "1.5", "Float() expects a number, got the string '1.5'."],
    ["Numeric", sa.Numeric(10, 2), "12,50", "Numeric(precision=10, scale=2) expects a decimal string (such as '12.50'), a finite number or a bigint, got the string '12,50'."],
    ["Numeric", sa.Numeric(), Number.POSITIVE_INFINITY, "Numeric() expects a decimal string (such as '12.50'), a finite number or a bigint, got the number inf."],
    ["String", sa.String(30), 42, "String(length=30) expects a string, got the number 42."],
    ["Text", sa.Text(), { a: 1 }, "Text() expects a string, got an object {'a': 1}."],
    ["Boolean", sa.Boolean(), 2, "Boolean() expects a boolean (or 0/1), got the number 2."],
    ["Boolean", sa.Boolean(), "true", "Boolean() expects a boolean (or 0/1), got the string 'true'."],
    ["DateTime", sa.DateTime(), new Date("nonsense"), "DateTime() expects a valid Date, got an invalid Date."],
    ["DateTime", sa.DateTime(), "2025-01-01", "DateTime() expects a valid Date, got the string '2025-01-01'."],
    ["Date", sa.Date(), 1735689600000, "Date() expects a valid Date, got the number 1735689600000."],
    ["Time", sa.Time(), "25:00", "Time() expects a time of day string 'HH:MM[:SS[.ffffff]]', got the string '25:00'."],
    ["Time", sa.Time(), "12:30:00.1234567", "Time() expects a time of day string 'HH:MM[:SS[.ffffff]]', got the string '12:30:00.1234567'."],
    ["Uuid", sa.Uuid(), "not-a-uuid", "Uuid() expects a UUID string such as '0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01', got the string 'not-a-uuid'."],
    ["LargeBinary", sa.LargeBinary(), "bytes", "LargeBinary() expects a Uint8Array or Buffer, got the string 'bytes'."],
    ["JSON", sa.JSON(), { n: 1n }, "JSON() cannot serialize the value: Do not know how to serialize a BigInt."],
    ["JSON", sa.JSON(), () => 1, "JSON() expects a JSON-serializable value, got a function."],
    [
      "Enum",
      sa.Enum(["happy", "sad"], { name: "mood" }),
      "angry",
      "'angry' is not among the defined enum values. Enum name: mood. Possible values: 'happy', 'sad'.",
    ],
    ["Enum", sa.Enum("a", "b"), 1, "1 is not among the defined enum values. Possible values: 'a', 'b'."],
  ])("%s rejects a value it cannot hold with a TypeMismatchError", (_name, type, value, message) => {
    let thrown: unknown;
    try {
      bind(type, value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeMismatchError);
    expect(thrown).toBeInstanceOf(sa.ArgumentError);
    expect((thrown as Error).message).toBe(message);
    expect((thrown as TypeMismatchError).value).toBe(value);
    expect((thrown as TypeMismatchError).typeName).toBe(String(type));
  });

  it("a cyclic JSON value is rejected, not a stack overflow", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => bind(sa.JSON(), cyclic)).toThrow(/JSON\(\) cannot serialize the value: Converting circular structure/);
  });

  it("null is SQL NULL for every type: never checked or converted", () => {
    const types = [sa.Integer(), sa.BigInteger(), sa.Numeric(10, 2), sa.String(), sa.Boolean(), sa.DateTime(), sa.Time(), sa.JSON(), sa.Uuid(), sa.LargeBinary(), sa.Enum("a")];
    for (const type of types) {
      expect(bind(type, null)).toBeNull();
      expect(result(type, null)).toBeNull();
    }
  });
});

describe("canonical values and generic conversions", () => {
  it("numbers and bigints bind unchanged to Integer; BigInteger takes bigints and safe integers", () => {
    expect(bind(sa.Integer(), 7)).toBe(7);
    expect(bind(sa.Integer(), 2.5)).toBe(2.5); // `id < 2.5` is a fair comparison
    expect(bind(sa.Integer(), 7n)).toBe(7n);
    expect(bind(sa.BigInteger(), 2n ** 53n + 1n)).toBe(9007199254740993n);
    expect(bind(sa.BigInteger(), -(2n ** 63n))).toBe(-(2n ** 63n));
    expect(bind(sa.BigInteger(), 42)).toBe(42);
  });

  it("BigInteger results are bigints whatever the driver gives", () => {
    expect(result(sa.BigInteger(), 42)).toBe(42n);
    expect(result(sa.BigInteger(), "9007199254740993")).toBe(9007199254740993n);
    expect(result(sa.BigInteger(), -5n)).toBe(-5n);
  });

  it("Boolean turns 0/1 into false/true", () => {
    expect(bind(sa.Boolean(), 1)).toBe(true);
    expect(bind(sa.Boolean(), 0)).toBe(false);
    expect(bind(sa.Boolean(), false)).toBe(false);
  });

  it("Numeric binds decimal strings, numbers and bigints unchanged", () => {
    for (const value of ["12.50", "-0.5", ".5", "1e3", "+7", 12.5, 3n]) expect(bind(sa.Numeric(10, 2), value)).toBe(value);
  });

  it("Numeric results are exact decimal strings, formatted to the scale when the driver sends numbers", () => {
    expect(result(sa.Numeric(10, 2), 12.5)).toBe("12.50");
    expect(result(sa.Numeric(10, 2), 3)).toBe("3.00");
    expect(result(sa.Numeric(10, 2), 3n)).toBe("3.00");
    expect(result(sa.Numeric(10, 0), 3n)).toBe("3");
    expect(result(sa.Numeric(10, 2), "12.345")).toBe("12.345"); // text from the database is already exact
    expect(result(sa.Numeric(), 0.1)).toBe("0.1");
    expect(result(sa.Numeric(), 1e-7)).toBe("0.0000001");
  });

  it("Numeric with asDecimal: false reads numbers", () => {
    const type = sa.Numeric(10, 2, { asDecimal: false });
    expect(result(type, "12.50")).toBe(12.5);
    expect(result(type, 12.5)).toBe(12.5);
    expect(result(type, 4n)).toBe(4);
  });

  it("plainDecimal never writes an exponent", () => {
    expect(plainDecimal(1e21)).toBe("1000000000000000000000");
    expect(plainDecimal(-1.5e-8)).toBe("-0.000000015");
    expect(plainDecimal(1.25e22)).toBe("12500000000000000000000");
    expect(plainDecimal(123.456)).toBe("123.456");
  });

  it("Time binds and reads Python's isoformat: HH:MM:SS, with .ffffff only for a fraction", () => {
    expect(bind(sa.Time(), "9:05")).toBe("09:05:00");
    expect(bind(sa.Time(), "23:59:59.5")).toBe("23:59:59.500000");
    expect(bind(sa.Time(), "12:00:00.000")).toBe("12:00:00");
    expect(result(sa.Time(), "12:30:00.123")).toBe("12:30:00.123000");
    expect(result(sa.Time(), "12:30:00.000000")).toBe("12:30:00");
    expect(() => result(sa.Time(), "noon")).toThrow(/Couldn't parse time string 'noon' from the database/);
  });

  it("JSON travels as text: stringify on bind, parse on result (non-text passes)", () => {
    expect(bind(sa.JSON(), { a: [1, "x", null] })).toBe('{"a":[1,"x",null]}');
    expect(bind(sa.JSON(), "plain")).toBe('"plain"');
    expect(result(sa.JSON(), '{"a":[1,"x",null]}')).toEqual({ a: [1, "x", null] });
    expect(result(sa.JSON(), '"plain"')).toBe("plain");
    expect(result(sa.JSON(), 5)).toBe(5);
    expect(() => result(sa.JSON(), "{oops")).toThrow(/Couldn't parse JSON from the database/);
  });

  it("Uuid binds any spelling as SQLAlchemy's 32 hex digits and reads the canonical form", () => {
    const canonical = "0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01";
    expect(bind(sa.Uuid(), canonical)).toBe("0b7e1f2c4a554bd89d1e3f6a2b8c9d01");
    expect(bind(sa.Uuid(), "{0B7E1F2C-4A55-4BD8-9D1E-3F6A2B8C9D01}")).toBe("0b7e1f2c4a554bd89d1e3f6a2b8c9d01");
    expect(result(sa.Uuid(), "0b7e1f2c4a554bd89d1e3f6a2b8c9d01")).toBe(canonical);
    expect(result(sa.Uuid(), canonical.toUpperCase())).toBe(canonical);
    expect(result(sa.Uuid(), Buffer.from("0b7e1f2c4a554bd89d1e3f6a2b8c9d01", "hex"))).toBe(canonical);
  });

  it("LargeBinary hands a Uint8Array to the driver as a Buffer over the same memory", () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const bound = bind(sa.LargeBinary(), bytes) as Buffer;
    expect(Buffer.isBuffer(bound)).toBe(true);
    expect(bound.buffer).toBe(bytes.buffer);
    expect([...bound]).toEqual([0, 1, 2, 255]);
    const buffer = Buffer.from("abc");
    expect(bind(sa.LargeBinary(), buffer)).toBe(buffer);
  });

  it("Enum binds members and reads members; a stored non-member is an error naming the values", () => {
    const mood = sa.Enum("happy", "sad");
    expect(bind(mood, "sad")).toBe("sad");
    expect(result(mood, "happy")).toBe("happy");
    expect(() => result(mood, "meh")).toThrow(
      new sa.InvalidRequestError("'meh' is not among the defined enum values. Possible values: 'happy', 'sad' (read from the database)."),
    );
  });
});

describe("colspecs", () => {
  const colspecs = (map: Partial<Record<string, TypeProcessors>>): TypeDialect => ({
    processorsFor: (name) => map[name],
  });
  const upper: Processor = (v) => (v as string).toUpperCase();

  it("a dialect's conversion runs after the type's check, on the canonical value", () => {
    const dialect = colspecs({ boolean: { bind: (v) => (v ? "Y" : "N") } });
    expect(bind(sa.Boolean(), 1, dialect)).toBe("Y");
    expect(() => bind(sa.Boolean(), "yes", dialect)).toThrow(TypeMismatchError);
  });

  it("a dialect's conversion replaces the generic one; null turns it off", () => {
    const replaced = colspecs({ json: { bind: (v) => `json:${String(v)}` } });
    expect(bind(sa.JSON(), 5, replaced)).toBe("json:5");
    expect(result(sa.JSON(), '"x"', replaced)).toBe("x"); // result side kept
    const native = colspecs({ json: { result: null }, uuid: { bind: null, result: null } });
    expect(result(sa.JSON(), '"x"', native)).toBe('"x"');
    expect(bind(sa.Uuid(), "0B7E1F2C4A554BD89D1E3F6A2B8C9D01", native)).toBe("0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01");
  });

  it("a type's parameter-dependent adaptation runs after the dialect's result conversion", () => {
    const dialect = colspecs({ numeric: { result: (v) => Number(v) * 2 } });
    expect(result(sa.Numeric(10, 2), "1.25", dialect)).toBe("2.50");
    const text = colspecs({ enum: { result: upper } });
    expect(result(sa.Enum("A", "B"), "a", text)).toBe("A");
  });

  it("types that need nothing have no processor on a dialect without colspecs", () => {
    expect(sa.NullType().bindProcessor(generic)).toBeNull();
    expect(sa.NullType().resultProcessor(generic)).toBeNull();
    expect(sa.Integer().resultProcessor(generic)).toBeNull();
    expect(sa.String().resultProcessor(generic)).toBeNull();
    expect(sa.DateTime().resultProcessor(generic)).toBeNull();
  });
});
