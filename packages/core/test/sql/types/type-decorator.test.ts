import { describe, expect, it } from "@jest/globals";
import * as sa from "../../../src/index.js";
import { TypeDecorator, TypeMismatchError, type TypeDialect } from "../../../src/index.js";

interface Point {
  x: number;
  y: number;
}

/** A point stored as "x,y" text, as a user would write one. */
class PointType extends TypeDecorator<Point, string> {
  readonly impl = sa.String(40);
  override processBindParam(value: Point | null): string | null {
    if (value === null) return null;
    if (typeof value.x !== "number" || typeof value.y !== "number") throw new TypeMismatchError(this, value, "a {x, y} point");
    return `${value.x},${value.y}`;
  }
  override processResultValue(value: string | null): Point | null {
    if (value === null) return null;
    const [x, y] = value.split(",").map(Number);
    return { x: x as number, y: y as number };
  }
}

/** Counts the NULLs it sees, to prove the hooks receive them as SQLAlchemy's do. */
class NullAsEmpty extends TypeDecorator<string, string> {
  readonly impl = sa.Text;
  override processBindParam(value: string | null): string {
    return value ?? "";
  }
  override processResultValue(value: string | null): string | null {
    return value === "" ? null : value;
  }
}

const generic: TypeDialect = { processorsFor: () => undefined };
const upperText: TypeDialect = {
  processorsFor: (name) => (name === "string" ? { bind: (v) => (v as string).toUpperCase(), result: (v) => (v as string).toLowerCase() } : undefined),
};

describe("TypeDecorator", () => {
  const point = new PointType();

  it("converts with the user's hooks, then the impl's check and the dialect's conversion", () => {
    expect(point.bindProcessor(generic)({ x: 1, y: 2 })).toBe("1,2");
    expect(point.resultProcessor(generic)("3,4")).toEqual({ x: 3, y: 4 });
    expect(new (class extends TypeDecorator<string, string> { readonly impl = sa.String; })().bindProcessor(upperText)("ab")).toBe("AB");
    expect(point.resultProcessor(upperText)("5,6")).toEqual({ x: 5, y: 6 });
  });

  it("the impl's check still applies to what the hook returns", () => {
    const broken = new (class extends TypeDecorator<number, string> {
      readonly impl = sa.String;
      override processBindParam(value: number | null): string | null {
        return value as unknown as string; // forgets to convert
      }
    })();
    expect(() => broken.bindProcessor(generic)(5)).toThrow("String() expects a string, got the number 5.");
  });

  it("the hooks see NULL, as SQLAlchemy's process_bind_param does", () => {
    const type = new NullAsEmpty();
    expect(type.bindProcessor(generic)(null)).toBe("");
    expect(type.resultProcessor(generic)("")).toBeNull();
  });

  it("a user's TypeMismatchError names the decorator", () => {
    expect(() => point.bindProcessor(generic)({ x: "1", y: 2 })).toThrow("PointType() expects a {x, y} point, got an object {'x': '1', 'y': 2}.");
  });

  it("takes the impl's visitName and DDL, prints its class name, and gets a cache key per class", () => {
    expect(point.visitName).toBe("string");
    expect(`${point}`).toBe("PointType()");
    expect(point.cacheKey).toBe(new PointType().cacheKey);
    expect(point.cacheKey).not.toBe(new NullAsEmpty().cacheKey);
    expect(point.cacheKey).toMatch(/^decorated#\d+\(string\(40\)\)$/);
  });

  it("a column of a decorated type is typed by it", () => {
    const table = sa.Table("places", sa.MetaData(), sa.Column("at", PointType));
    expect(table.c.at.type).toBeInstanceOf(PointType);
  });
});
