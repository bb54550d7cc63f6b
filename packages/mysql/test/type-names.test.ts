import { describe, expect, it } from "@jest/globals";
import { EnumType } from "@alkahest/core/dialect";
import { mysqlTypeFromName } from "../src/type-names.js";

/** information_schema COLUMN_TYPE values back to core types (MySQL's ischema_names). */
describe("mysqlTypeFromName", () => {
  it.each([
    ["int(11)", "Integer()"],
    ["int", "Integer()"],
    ["int(10) unsigned", "Integer()"],
    ["bigint(20)", "BigInteger()"],
    ["smallint(6)", "SmallInteger()"],
    ["tinyint(1)", "Boolean()"],
    ["tinyint(4)", "Integer()"],
    ["varchar(30)", "String(length=30)"],
    ["char(32)", "String(length=32)"],
    ["text", "Text()"],
    ["longtext", "Text()"],
    ["decimal(10,2)", "Numeric(precision=10, scale=2)"],
    ["double", "Float()"],
    ["date", "Date()"],
    ["datetime(6)", "DateTime()"],
    ["timestamp", "DateTime()"],
    ["time(6)", "Time()"],
    ["json", "JSON()"],
    ["blob", "LargeBinary()"],
    ["varbinary(16)", "LargeBinary()"],
    ["uuid", "Uuid()"],
    ["set('a','b')", "NullType()"],
  ])("%s is %s", (columnType, repr) => {
    expect(String(mysqlTypeFromName(columnType))).toBe(repr);
  });

  it("reads an ENUM's values, commas and doubled quotes inside them included", () => {
    const type = mysqlTypeFromName("enum('happy','it''s','a,b')");
    expect(type).toBeInstanceOf(EnumType);
    expect((type as EnumType<string>).values).toEqual(["happy", "it's", "a,b"]);
  });
});
