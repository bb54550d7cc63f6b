import * as sa from "@alkahest/core";
import { CompileError, CreateTable } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { MySQLDialect, parseServerVersion } from "@alkahest/mysql";

const mysql = new MySQLDialect("mysql");
mysql.initialize(parseServerVersion("8.4.0"));
const mariadb = new MySQLDialect("mariadb");
mariadb.initialize(parseServerVersion("10.11.19-MariaDB"));
// A mysql:// URL whose server turned out to be MariaDB: the dialect answers to "mariadb" then.
const mysqlUrlOnMariadb = new MySQLDialect("mysql");
mysqlUrlOnMariadb.initialize(parseServerVersion("10.11.19-MariaDB"));

/** The seed notebook's user_account, its bare String given a length on MySQL/MariaDB. */
function users(fullname: sa.TypeEngine<string>) {
  return sa.Table(
    "user_account",
    sa.MetaData(),
    sa.Column("id", sa.Integer, { primaryKey: true }),
    sa.Column("name", sa.String(30)),
    sa.Column("fullname", fullname),
  );
}

describe("MySQL/MariaDB type variants (withVariant)", () => {
  const fullname = sa.String().withVariant(sa.String(255), "mysql");

  it("a bare String has no DDL here, as in SQLAlchemy; its mysql variant gives it one on both flavours", () => {
    expect(() => new CreateTable(users(sa.String())).compile({ dialect: mariadb })).toThrow(CompileError);
    for (const dialect of [mysql, mariadb, mysqlUrlOnMariadb]) {
      expect(new CreateTable(users(fullname)).compile({ dialect }).sql).toBe(
        "\nCREATE TABLE user_account (\n\tid INTEGER NOT NULL AUTO_INCREMENT, \n\tname VARCHAR(30), \n" +
          "\tfullname VARCHAR(255), \n\tPRIMARY KEY (id)\n)\n\n",
      );
    }
  });

  it("the dialects answer to their flavour's name, MariaDB to mysql too", () => {
    expect(mysql.variantNames).toEqual(["mysql"]);
    expect(mariadb.variantNames).toEqual(["mariadb", "mysql"]);
    expect(mysqlUrlOnMariadb.variantNames).toEqual(["mariadb", "mysql"]);
    expect(new MySQLDialect("mariadb").variantNames).toEqual(["mariadb", "mysql"]);
  });

  it("a mariadb variant applies to MariaDB only, and wins over a mysql one there", () => {
    const onlyMariadb = sa.String().withVariant(sa.String(100), "mariadb");
    expect(mariadb.typeCompiler.process(onlyMariadb)).toBe("VARCHAR(100)");
    expect(() => mysql.typeCompiler.process(onlyMariadb)).toThrow("VARCHAR requires a length on dialect mysql");
    const both = sa.String().withVariant(sa.String(100), "mysql").withVariant(sa.String(200), "mariadb");
    expect(mysql.typeCompiler.process(both)).toBe("VARCHAR(100)");
    expect(mariadb.typeCompiler.process(both)).toBe("VARCHAR(200)");
    expect(mysqlUrlOnMariadb.typeCompiler.process(both)).toBe("VARCHAR(200)");
  });

  it("CAST takes the variant's MySQL cast name", () => {
    const x = sa.literalColumn("x");
    expect(sa.select(sa.cast(x, fullname)).compile({ dialect: mysql }).sql).toBe("SELECT CAST(x AS CHAR(255)) AS anon_1");
    const money = sa.Numeric().withVariant(sa.Numeric(10, 2), "mysql");
    expect(sa.select(sa.cast(x, money)).compile({ dialect: mariadb }).sql).toBe("SELECT CAST(x AS DECIMAL(10, 2)) AS anon_1");
    expect(`${sa.select(sa.cast(x, money))}`).toBe("SELECT CAST(x AS NUMERIC) AS anon_1");
  });

  it("JSON in place of an ARRAY, which MySQL does not have: DDL and the JSON conversions", () => {
    const tags = sa.ARRAY(sa.String(20)).withVariant(sa.JSON<string[]>(), "mysql");
    expect(mariadb.typeCompiler.process(tags)).toBe("JSON");
    expect(tags.bindProcessor(mariadb)(["a", "b"])).toBe('["a","b"]');
  });
});
