import * as sa from "@alkahest/core";
import { CompileError, TypeDecorator } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { MySQLDialect, parseServerVersion } from "@alkahest/mysql";

const Mood = { Happy: "happy", Sad: "sad" } as const;

class Tags extends TypeDecorator<string[], string> {
  readonly impl = sa.String(200);
}

describe("MySQL type names (DDL)", () => {
  const dialect = new MySQLDialect("mysql");
  const ddl = (type: sa.TypeEngine<unknown>): string => dialect.typeCompiler.process(type);

  it.each([
    [sa.Integer(), "INTEGER"],
    [sa.SmallInteger(), "SMALLINT"],
    [sa.BigInteger(), "BIGINT"],
    // MySQL's FLOAT is single precision; a JavaScript number is a double.
    [sa.Float(), "DOUBLE"],
    [sa.Float(53), "FLOAT(53)"],
    [sa.Numeric(10, 2), "NUMERIC(10, 2)"],
    [sa.Numeric(), "NUMERIC"],
    [sa.String(30), "VARCHAR(30)"],
    [sa.Text(), "TEXT"],
    [sa.Boolean(), "BOOL"],
    // Without (6) both servers round to whole seconds.
    [sa.DateTime(), "DATETIME(6)"],
    [sa.DateTime({ timezone: true }), "DATETIME(6)"],
    [sa.Date(), "DATE"],
    [sa.Time(), "TIME(6)"],
    [sa.JSON(), "JSON"],
    [sa.Uuid(), "CHAR(32)"],
    [sa.LargeBinary(), "BLOB"],
    [sa.Enum(Mood, { name: "mood" }), "ENUM('happy','sad')"],
    [sa.Enum(Mood, { nativeEnum: false }), "VARCHAR(5)"],
    [sa.Enum("it's", "back\\slash"), "ENUM('it''s','back\\\\slash')"],
    [new Tags(), "VARCHAR(200)"],
  ])("%s is %s", (type, expected) => {
    expect(ddl(type as sa.TypeEngine<unknown>)).toBe(expected);
  });

  it("VARCHAR without a length is a CompileError that names the fix", () => {
    expect(() => ddl(sa.String())).toThrow(CompileError);
    expect(() => ddl(sa.String())).toThrow("VARCHAR requires a length on dialect mysql: give the column a length, e.g. String(30), or use Text");
  });
});

describe("MySQL CAST type names", () => {
  const dialect = new MySQLDialect("mysql");
  const castName = (type: sa.TypeEngine<unknown>): string | null => dialect.typeCompiler.castTypeName(type);

  it.each([
    [sa.Integer(), "SIGNED INTEGER"],
    [sa.BigInteger(), "SIGNED INTEGER"],
    [sa.String(10), "CHAR(10)"],
    [sa.String(), "CHAR"],
    [sa.Text(), "CHAR"],
    [sa.Numeric(10, 2), "DECIMAL(10, 2)"],
    [sa.DateTime(), "DATETIME(6)"],
    [sa.Date(), "DATE"],
    [sa.Time(), "TIME(6)"],
    [sa.LargeBinary(), "BINARY"],
    [sa.JSON(), "JSON"],
    [new Tags(), "CHAR(200)"],
    [sa.Boolean(), null],
    [sa.Uuid(), null],
    [sa.Enum(Mood), null],
  ])("CAST(x AS %s) is %s", (type, expected) => {
    expect(castName(type as sa.TypeEngine<unknown>)).toBe(expected);
  });

  it("Float is cast only from MySQL 8.0.17, never on MariaDB", () => {
    dialect.initialize(parseServerVersion("8.0.16"));
    expect(castName(sa.Float())).toBeNull();
    dialect.initialize(parseServerVersion("8.4.0"));
    expect(castName(sa.Float())).toBe("DOUBLE");
    const mariadb = new MySQLDialect("mariadb");
    mariadb.initialize(parseServerVersion("11.4.2-MariaDB"));
    expect(mariadb.typeCompiler.castTypeName(sa.Float())).toBeNull();
  });
});
