import { describe, expect, it } from "@jest/globals";
import { sqliteTypeFromName } from "../src/type-names.js";

/** Declared type names, as core's DDL writes them, back to core types (SQLite's ischema_names). */
describe("sqliteTypeFromName", () => {
  it.each([
    ["INTEGER", "Integer()"],
    ["BIGINT", "BigInteger()"],
    ["SMALLINT", "SmallInteger()"],
    ["VARCHAR(30)", "String(length=30)"],
    ["VARCHAR", "String()"],
    ["CHAR(32)", "String(length=32)"],
    ["TEXT", "Text()"],
    ["NUMERIC(10, 2)", "Numeric(precision=10, scale=2)"],
    ["FLOAT", "Float()"],
    ["REAL", "Float()"],
    ["BOOLEAN", "Boolean()"],
    ["DATE", "Date()"],
    ["DATETIME", "DateTime()"],
    ["TIME", "Time()"],
    ["JSON", "JSON()"],
    ["BLOB", "LargeBinary()"],
    ["int", "Integer()"],
    ["varchar ( 12 )", "String(length=12)"],
    ["", "NullType()"],
    ["GEOMETRY", "NullType()"],
  ])("%s is %s", (declared, repr) => {
    expect(String(sqliteTypeFromName(declared))).toBe(repr);
  });
});
