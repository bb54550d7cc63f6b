import { describe, expect, it } from "@jest/globals";
import * as sa from "../../../src/index.js";
import { resolveType, StringType, TextType, TypeDecorator } from "../../../src/index.js";

describe("type names and reprs", () => {
  it.each([
    ["Integer()", sa.Integer()],
    ["SmallInteger()", sa.SmallInteger()],
    ["BigInteger()", sa.BigInteger()],
    ["Float()", sa.Float()],
    ["Float(precision=53)", sa.Float(53)],
    ["Numeric()", sa.Numeric()],
    ["Numeric(precision=10)", sa.Numeric(10)],
    ["Numeric(precision=10, scale=2)", sa.Numeric(10, 2)],
    ["Numeric(precision=10, scale=2, asdecimal=False)", sa.Numeric(10, 2, { asDecimal: false })],
    ["Numeric(precision=8, scale=3)", sa.Numeric({ precision: 8, scale: 3 })],
    ["String()", sa.String()],
    ["String(length=30)", sa.String(30)],
    ["Text()", sa.Text()],
    ["Boolean()", sa.Boolean()],
    ["Date()", sa.Date()],
    ["DateTime()", sa.DateTime()],
    ["DateTime(timezone=True)", sa.DateTime({ timezone: true })],
    ["Time()", sa.Time()],
    ["JSON()", sa.JSON()],
    ["Uuid()", sa.Uuid()],
    ["LargeBinary()", sa.LargeBinary()],
    ["LargeBinary(length=100)", sa.LargeBinary(100)],
    ["Enum('happy', 'sad')", sa.Enum("happy", "sad")],
    ["Enum('a', 'b', name='mood')", sa.Enum(["a", "b"], { name: "mood" })],
    ["NullType()", sa.NullType()],
  ])("prints as SQLAlchemy's repr %s", (repr, type) => {
    expect(`${type}`).toBe(repr);
  });

  it("the bare name stands for the default instance", () => {
    expect(resolveType(sa.Integer)).toBe(sa.Integer());
    expect(`${resolveType(sa.String)}`).toBe("String()");
    expect(`${resolveType(sa.Numeric)}`).toBe("Numeric()");
    expect(resolveType(sa.NullType)).toBe(sa.NullType());
  });

  it("a type class is instantiated, so TypeDecorators and classes work bare", () => {
    class Lower extends TypeDecorator<string, string> {
      readonly impl = sa.String;
    }
    expect(resolveType(Lower)).toBeInstanceOf(Lower);
    expect(resolveType(TextType)).toBeInstanceOf(TextType);
    expect(sa.Column("x", Lower).type).toBeInstanceOf(Lower);
  });

  it("names work with instanceof like their classes (Python's isinstance)", () => {
    expect(sa.String(30) instanceof sa.String).toBe(true);
    expect(sa.Text() instanceof sa.String).toBe(true); // Text is a String, as in SQLAlchemy
    expect(sa.Enum("a") instanceof sa.String).toBe(true);
    expect(sa.SmallInteger() instanceof sa.Integer).toBe(true);
    expect(sa.Integer() instanceof sa.String).toBe(false);
    expect(sa.Date() instanceof sa.DateTime).toBe(false);
    expect(new sa.NullType()).toBe(sa.NullType());
    expect(sa.String.name).toBe("String");
    expect(sa.NullType.name).toBe("NullType");
  });

  it("parameterless types are shared instances; parameterized ones are new", () => {
    expect(sa.Integer()).toBe(sa.Integer());
    expect(sa.JSON()).toBe(sa.JSON());
    expect(sa.String(30)).not.toBe(sa.String(30));
    expect(new StringType(30).length).toBe(30);
  });

  it("Enum takes strings, an array, or a const object / string enum's values, without duplicates", () => {
    enum Mood {
      Happy = "happy",
      Sad = "sad",
    }
    const Color = { Red: "red", Blue: "blue" } as const;
    expect(sa.Enum("a", "b", "a").values).toEqual(["a", "b"]);
    expect(sa.Enum(["x", "yy"]).values).toEqual(["x", "yy"]);
    expect(sa.Enum(Mood).values).toEqual(["happy", "sad"]);
    expect(sa.Enum(Color, { name: "color" }).values).toEqual(["red", "blue"]);
    expect(sa.Enum("a", "bbb").length).toBe(3);
    expect(sa.Enum(["a"], { length: 20 }).length).toBe(20);
  });

  it("Enum rejects numeric enums, naming the problem", () => {
    enum Level {
      Low,
      High,
    }
    expect(() => sa.Enum(Level as never)).toThrow(/Enum\(\) takes string values, got number 0/);
  });

  it("cache keys tell apart every parameter a processor depends on", () => {
    const keys = [
      sa.Integer(),
      sa.BigInteger(),
      sa.Numeric(10, 2),
      sa.Numeric(10, 3),
      sa.Numeric(10, 2, { asDecimal: false }),
      sa.DateTime(),
      sa.DateTime({ timezone: true }),
      sa.Enum("a", "b"),
      sa.Enum("a", "c"),
      sa.Enum(["a", "b"], { name: "n" }),
      sa.String(30),
      sa.Text(),
    ].map((t) => t.cacheKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sa.Numeric(10, 2).cacheKey).toBe(sa.Numeric(10, 2).cacheKey);
    expect(sa.Enum("a", "b").cacheKey).toBe(sa.Enum(["a", "b"]).cacheKey);
  });
});
