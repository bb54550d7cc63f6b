import { describe, expect, it } from "@jest/globals";
import * as sa from "../../../src/index.js";
import { ArgumentError, ArrayType, CompileError, CreateTable, InvalidRequestError, TypeCompiler, TypeDecorator, TypeMismatchError } from "../../../src/index.js";
import type { Processor, TypeDialect, TypeEngine, TypeProcessors, TypeVisitName } from "../../../src/index.js";

// A dialect without colspecs, and one whose driver stores booleans as 0/1, datetimes as
// ISO text and arrays as `a|b` text.
const generic: TypeDialect = { processorsFor: () => undefined };
const textual: Partial<Record<TypeVisitName, TypeProcessors>> = {
  boolean: { bind: (v) => (v ? 1 : 0), result: (v) => v === 1 || v === "1" },
  datetime: { result: (v) => new Date(String(v)) },
  array: { bind: (v) => (v as unknown[]).join("|"), result: (v) => String(v).split("|") },
};
const pipeText: TypeDialect = { processorsFor: (name) => textual[name] };
const elementsOnly: TypeDialect = { processorsFor: (name) => (name === "array" ? undefined : textual[name]) };

function bind(type: TypeEngine<unknown>, value: unknown, dialect: TypeDialect = generic): unknown {
  const processor = type.bindProcessor(dialect);
  return processor === null ? value : processor(value);
}

function result(type: TypeEngine<unknown>, value: unknown, dialect: TypeDialect = generic): unknown {
  const processor: Processor | null = type.resultProcessor(dialect);
  return processor === null ? value : processor(value);
}

describe("ARRAY(itemType): the type", () => {
  it("takes a type name, instance or class; prints as SQLAlchemy does; keys the cache by item type and dimensions", () => {
    expect(String(sa.ARRAY(sa.Integer))).toBe("ARRAY(Integer())");
    expect(String(sa.ARRAY(sa.String(30), { dimensions: 2 }))).toBe("ARRAY(String(length=30), dimensions=2)");
    expect(sa.ARRAY(sa.Integer)).toBeInstanceOf(ArrayType);
    expect(sa.ARRAY(sa.Integer) instanceof sa.ARRAY).toBe(true);
    expect(sa.ARRAY(sa.Integer).cacheKey).not.toBe(sa.ARRAY(sa.BigInteger).cacheKey);
    expect(sa.ARRAY(sa.Integer).cacheKey).not.toBe(sa.ARRAY(sa.Integer, { dimensions: 2 }).cacheKey);
    expect(sa.ARRAY(sa.Integer).containment).toBe("array");
  });

  it("refuses a missing item type, an ARRAY of ARRAY and bad dimensions, naming the fix", () => {
    expect(() => (sa.ARRAY as unknown as () => unknown)()).toThrow("ARRAY needs the type of its elements, e.g. ARRAY(Integer)");
    expect(() => sa.ARRAY(sa.ARRAY(sa.Integer))).toThrow(
      "ARRAY(ARRAY(Integer())) is not supported: an ARRAY of ARRAY is one ARRAY with more dimensions, e.g. ARRAY(Integer(), { dimensions: 2 }).",
    );
    expect(() => sa.ARRAY(sa.Integer, { dimensions: 0 as 1 })).toThrow(ArgumentError);
  });

  it("the element type of a[i]: the item type, or one dimension less", () => {
    expect(String(sa.ARRAY(sa.Integer).elementType)).toBe("Integer()");
    expect(String(sa.ARRAY(sa.Integer, { dimensions: 3 }).elementType)).toBe("ARRAY(Integer(), dimensions=2)");
  });

  it("has no DDL where the database has no arrays; CREATE TABLE names the column and the fix", () => {
    expect(() => new TypeCompiler().process(sa.ARRAY(sa.Integer))).toThrow(CompileError);
    const t = sa.Table("posts", sa.MetaData(), sa.Column("id", sa.Integer, { primaryKey: true }), sa.Column("tags", sa.ARRAY(sa.String(30))));
    expect(() => String(new CreateTable(t))).toThrow(
      "(in table 'posts', column 'tags'): ARRAY(String(length=30)) can't be rendered: this database has no array types. " +
        'Store the list in a JSON column instead, e.g. Column("tags", JSON<string[]>()).',
    );
  });
});

describe("ARRAY(itemType): values", () => {
  const at = new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6));

  it("binds each non-null element through the item type, at any depth, and keeps NULL elements", () => {
    expect(bind(sa.ARRAY(sa.Integer), [1, null, 3])).toEqual([1, null, 3]);
    expect(bind(sa.ARRAY(sa.Uuid), ["0B7E1F2C4A554BD89D1E3F6A2B8C9D01", null])).toEqual(["0b7e1f2c4a554bd89d1e3f6a2b8c9d01", null]);
    expect(bind(sa.ARRAY(sa.Boolean), [[true, false], [null, 1]], elementsOnly)).toEqual([[1, 0], [null, 1]]);
    expect(bind(sa.ARRAY(sa.Integer), [])).toEqual([]);
    expect(bind(sa.ARRAY(sa.Integer), null)).toBeNull();
  });

  it("JSON items are one dimension unless told: an array element is a JSON value", () => {
    expect(bind(sa.ARRAY(sa.JSON), [[1, 2], { a: 1 }])).toEqual(["[1,2]", '{"a":1}']);
    expect(bind(sa.ARRAY(sa.JSON, { dimensions: 2 }), [[[1], 2]])).toEqual([["[1]", "2"]]);
  });

  it("rejects a value that is not an array, and an element its item type cannot hold", () => {
    expect(() => bind(sa.ARRAY(sa.Integer), 5)).toThrow(new TypeMismatchError("ARRAY(Integer())", 5, "an array"));
    expect(() => bind(sa.ARRAY(sa.Integer), [1, "two"])).toThrow("Integer() expects a finite number or bigint, got the string 'two'.");
    expect(() => bind(sa.ARRAY(sa.DateTime), [new Date(Number.NaN)])).toThrow(TypeMismatchError);
  });

  it("reads elements through the item type's result processing", () => {
    expect(result(sa.ARRAY(sa.BigInteger), ["1", null, "9007199254740993"])).toEqual([1n, null, 9007199254740993n]);
    expect(result(sa.ARRAY(sa.DateTime), [["2025-01-02T03:04:05.006Z"]], elementsOnly)).toEqual([[at]]);
    expect(() => result(sa.ARRAY(sa.Enum("a", "b")), ["a", "c"])).toThrow("'c' is not among the defined enum values.");
    expect(result(sa.ARRAY(sa.Integer), null)).toBeNull();
  });

  it("the dialect's array colspec converts the whole value: after the elements on bind, before them on read", () => {
    expect(bind(sa.ARRAY(sa.Boolean), [true, false], pipeText)).toBe("1|0");
    expect(result(sa.ARRAY(sa.Boolean), "1|0", pipeText)).toEqual([true, false]);
    expect(() => result(sa.ARRAY(sa.BigInteger), 42, generic)).toThrow(InvalidRequestError);
  });

  it("works under a TypeDecorator", () => {
    class Tags extends TypeDecorator<string, string[]> {
      readonly impl = sa.ARRAY(sa.String(20));
      override processBindParam(value: string | null): string[] | null {
        return value === null ? null : value.split(",");
      }
    }
    expect(bind(new Tags(), "a,b")).toEqual(["a", "b"]);
    expect(new Tags().containment).toBe("array");
  });
});
