import { ArgumentError, Column, CreateTable, Integer, MetaData, String, Table } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { MySQLDialect, parseServerVersion } from "@alkahest/mysql";
import { describeServer } from "./server.js";

const mysql = new MySQLDialect("mysql");
mysql.initialize(parseServerVersion("8.4.0"));
const mariadb = new MySQLDialect("mariadb");
mariadb.initialize(parseServerVersion("10.11.19-MariaDB"));

function optionsTable(options: object, metadata = MetaData()) {
  return Table("opts", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(20)), options);
}

const BODY = "\nCREATE TABLE opts (\n\tid INTEGER NOT NULL AUTO_INCREMENT, \n\tname VARCHAR(20), \n\tPRIMARY KEY (id)\n)";

describe("MySQL table options ({ mysql: { engine, charset, collate } })", () => {
  it("are written after the closing parenthesis, as SQLAlchemy's mysql_engine / mysql_charset / mysql_collate", () => {
    const table = optionsTable({ mysql: { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_unicode_ci" } });
    const sql = `${BODY}ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_unicode_ci\n\n`;
    expect(new CreateTable(table).compile({ dialect: mysql }).sql).toBe(sql);
    expect(new CreateTable(table).compile({ dialect: mariadb }).sql).toBe(sql);
  });

  it("each may be given alone, and the table's COMMENT follows them", () => {
    expect(new CreateTable(optionsTable({ mysql: { engine: "MyISAM" } })).compile({ dialect: mysql }).sql).toBe(`${BODY}ENGINE=MyISAM\n\n`);
    expect(new CreateTable(optionsTable({ mysql: { collate: "utf8mb4_bin" } })).compile({ dialect: mysql }).sql).toBe(
      `${BODY}COLLATE utf8mb4_bin\n\n`,
    );
    const commented = optionsTable({ mysql: { engine: "InnoDB", charset: "latin1" }, comment: "it's here" });
    expect(new CreateTable(commented).compile({ dialect: mysql }).sql).toBe(`${BODY}ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='it''s here'\n\n`);
  });

  it("are kept on the Table by namespace, typed (table.dialectOptions.mysql)", () => {
    const table = optionsTable({ mysql: { engine: "InnoDB" } });
    const engine: string | undefined = table.dialectOptions.mysql?.engine;
    expect(engine).toBe("InnoDB");
    expect(optionsTable({}).dialectOptions).toEqual({});
  });

  it("an unknown key fails when the Table is built, naming it and the keys there are", () => {
    expect(() => optionsTable({ mysql: { engin: "InnoDB" } })).toThrow(ArgumentError);
    expect(() => optionsTable({ mysql: { engin: "InnoDB" } })).toThrow(
      "Table('opts'): unknown mysql option 'engin'; the mysql options of a Table are 'engine', 'charset', 'collate'.",
    );
  });

  it("a value that is not a bare name fails (it is written into the DDL unquoted)", () => {
    expect(() => optionsTable({ mysql: { engine: "InnoDB; DROP TABLE x" } })).toThrow(
      `Table('opts'): the mysql option 'engine' must be a string matching /^\\w+$/; got "InnoDB; DROP TABLE x".`,
    );
    expect(() => optionsTable({ mysql: "InnoDB" })).toThrow(/the mysql options must be an object/);
  });

  it("a top-level key that is neither a Table option nor a namespace fails, pointing at the namespaced form", () => {
    expect(() => optionsTable({ mysql_engine: "InnoDB" })).toThrow(
      `Table('opts'): unknown option 'mysql_engine'; Table options are 'schema', 'comment', and a dialect's options in its namespace, e.g. { mysql: { engine: "InnoDB" } }.`,
    );
  });
});

describeServer("MySQL table options against the server", (db) => {
  it("the server keeps the engine, character set and collation given, as information_schema shows", async () => {
    const engine = db.engine();
    const metadata = MetaData();
    optionsTable({ mysql: { engine: "InnoDB", charset: "latin1", collate: "latin1_bin" } }, metadata);
    await metadata.createAll(engine);
    try {
      const row = await engine.connect(async (conn) =>
        (
          await conn.execDriverSql(
            "SELECT ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'opts'",
          )
        )
          .one()
          ._tuple(),
      );
      expect(row).toEqual(["InnoDB", "latin1_bin"]);
    } finally {
      await metadata.dropAll(engine);
    }
  });
});
