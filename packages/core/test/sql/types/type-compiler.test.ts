import { describe, expect, it } from "@jest/globals";
import * as sa from "../../../src/index.js";
import { CompileError, strDialect, TypeCompiler, TypeDecorator, type UuidType } from "../../../src/index.js";

describe("TypeCompiler: generic DDL names, as SQLAlchemy's GenericTypeCompiler", () => {
  const compiler = new TypeCompiler();

  it.each<[string, sa.TypeEngine<unknown>]>([
    ["INTEGER", sa.Integer()],
    ["SMALLINT", sa.SmallInteger()],
    ["BIGINT", sa.BigInteger()],
    ["FLOAT", sa.Float()],
    ["FLOAT(53)", sa.Float(53)],
    ["NUMERIC", sa.Numeric()],
    ["NUMERIC(10)", sa.Numeric(10)],
    ["NUMERIC(10, 2)", sa.Numeric(10, 2)],
    ["VARCHAR", sa.String()],
    ["VARCHAR(30)", sa.String(30)],
    ["TEXT", sa.Text()],
    ["BOOLEAN", sa.Boolean()],
    ["DATETIME", sa.DateTime()],
    ["DATETIME", sa.DateTime({ timezone: true })],
    ["DATE", sa.Date()],
    ["TIME", sa.Time()],
    ["JSON", sa.JSON()],
    ["CHAR(32)", sa.Uuid()],
    ["BLOB", sa.LargeBinary()],
    ["BLOB(100)", sa.LargeBinary(100)],
    ["VARCHAR(9)", sa.Enum("draft", "published")],
    ["VARCHAR(20)", sa.Enum(["a"], { length: 20 })],
  ])("renders %s", (ddl, type) => {
    expect(compiler.process(type)).toBe(ddl);
  });

  it("renders a TypeDecorator as its impl", () => {
    class Slug extends TypeDecorator<string, string> {
      readonly impl = sa.String(64);
    }
    expect(compiler.process(new Slug())).toBe("VARCHAR(64)");
  });

  it("refuses NullType: a column without a type has no DDL", () => {
    expect(() => compiler.process(sa.NullType())).toThrow(CompileError);
    expect(() => compiler.process(sa.NullType())).toThrow(
      "Can't generate DDL for NullType(); did you forget to specify a type on this Column? Give it one, e.g. Column(\"x\", Integer).",
    );
  });

  it("a dialect overrides one visit method and keeps the rest", () => {
    class NativeUuid extends TypeCompiler {
      override visitUuid(_type: UuidType): string {
        return "UUID";
      }
    }
    const native = new NativeUuid();
    expect(native.process(sa.Uuid())).toBe("UUID");
    expect(native.process(sa.String(5))).toBe("VARCHAR(5)");
  });

  it("the default string dialect and every Dialect carry one", () => {
    expect(strDialect.typeCompiler.process(sa.Numeric(8, 3))).toBe("NUMERIC(8, 3)");
  });
});
