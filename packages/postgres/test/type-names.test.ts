import { describe, expect, it } from "@jest/globals";
import { DateTimeType } from "@alkahest/core/dialect";
import { postgresTypeFromName } from "../src/type-names.js";

/** format_type() names back to core types (PostgreSQL's ischema_names). */
describe("postgresTypeFromName", () => {
  it.each([
    ["integer", "Integer()"],
    ["bigint", "BigInteger()"],
    ["smallint", "SmallInteger()"],
    ["character varying(30)", "String(length=30)"],
    ["character varying", "String()"],
    ["character(32)", "String(length=32)"],
    ["text", "Text()"],
    ["numeric(10,2)", "Numeric(precision=10, scale=2)"],
    ["numeric", "Numeric()"],
    ["double precision", "Float()"],
    ["real", "Float()"],
    ["boolean", "Boolean()"],
    ["date", "Date()"],
    ["time without time zone", "Time()"],
    ["json", "JSON()"],
    ["jsonb", "JSONB()"],
    ["uuid", "Uuid()"],
    ["bytea", "LargeBinary()"],
    ["integer[]", "ARRAY(Integer())"],
    ["character varying(30)[]", "ARRAY(String(length=30))"],
    ["timestamp with time zone[]", "ARRAY(DateTime(timezone=True))"],
    ["numeric(10,2)[]", "ARRAY(Numeric(precision=10, scale=2))"],
    ["jsonb[]", "ARRAY(JSONB())"],
    ["integer[][]", "ARRAY(Integer(), dimensions=2)"],
    ["interval[]", "ARRAY(NullType())"],
    ["interval", "NullType()"],
  ])("%s is %s", (formatted, repr) => {
    expect(String(postgresTypeFromName(formatted))).toBe(repr);
  });

  it("keeps whether a timestamp has a time zone, with or without a precision", () => {
    const cases = ["timestamp without time zone", "timestamp with time zone", "timestamp(3) with time zone", "timestamp(3) without time zone"];
    expect(cases.map((name) => (postgresTypeFromName(name) as DateTimeType).timezone)).toEqual([false, true, true, false]);
    expect(cases.map((name) => postgresTypeFromName(name) instanceof DateTimeType)).toEqual([true, true, true, true]);
  });
});
