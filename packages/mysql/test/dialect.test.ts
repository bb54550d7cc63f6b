import { createEngine, InvalidRequestError, text } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { MySQLDialect, parseServerVersion } from "@alkahest/mysql";
import { formatDateTimeUTC as formatDateTime, formatDateUTC as formatDate } from "@alkahest/core/dialect";

describe("MySQLDialect identity and flavour", () => {
  it("registers mysql and mariadb URLs, mysql2 being the default driver", () => {
    for (const url of ["mysql://h/db", "mysql+mysql2://h/db", "mariadb://h/db", "mariadb+mysql2://h/db"]) {
      const dialect = createEngine(url).dialect;
      expect(dialect).toBeInstanceOf(MySQLDialect);
      expect([dialect.driver, dialect.paramStyle]).toEqual(["mysql2", "qmark"]);
    }
  });

  it("takes its capabilities from the URL scheme until it has connected", () => {
    const mariadb = createEngine("mariadb+mysql2://h/db").dialect as MySQLDialect;
    expect([mariadb.name, mariadb.serverVersion]).toEqual(["mariadb", null]);
    expect(mariadb.capabilities).toEqual({
      insertReturning: true,
      updateReturning: false,
      deleteReturning: true,
      savepoints: true,
      transactionalDdl: false,
      primaryKeyFromLastInsertId: true,
      multiRowInsertReturning: true,
      sentinelOrdering: true,
      nativeBoolean: false,
      nativeDecimal: true,
      nativeJson: false,
      nativeUuid: false,
      nativeEnum: true,
      alterConstraints: true,
      foreignKeysEnforced: true,
      sequences: true,
      comments: true,
      inlineComments: true,
      fullOuterJoin: false,
      nullsOrdering: false,
      parenthesizedCompoundSelects: true,
      upsert: "onDuplicateKeyUpdate",
    });
    const mysql = createEngine("mysql+mysql2://h/db").dialect as MySQLDialect;
    expect(mysql.name).toBe("mysql");
    expect(mysql.capabilities).toMatchObject({
      insertReturning: false,
      updateReturning: false,
      deleteReturning: false,
      primaryKeyFromLastInsertId: true,
      multiRowInsertReturning: false,
      sentinelOrdering: false,
      nativeJson: true,
      nativeDecimal: true,
      sequences: false,
    });
  });

  it("?returning=false turns RETURNING off, before and after the server is known", () => {
    const dialect = createEngine("mariadb+mysql2://h/db?returning=false").dialect as MySQLDialect;
    const off = { insertReturning: false, deleteReturning: false, multiRowInsertReturning: false, sentinelOrdering: false };
    expect(dialect.capabilities).toMatchObject(off);
    dialect.initialize(parseServerVersion("10.11.19-MariaDB"));
    expect(dialect.capabilities).toMatchObject({ ...off, primaryKeyFromLastInsertId: true });
    expect((createEngine("mariadb://h/db?returning=true").dialect as MySQLDialect).capabilities.insertReturning).toBe(true);
    expect(() => createEngine("mariadb://h/db?returning=perhaps").dialect).toThrow(/returning must be true or false, got 'perhaps'/);
  });

  it.each([
    ["10.11.19-MariaDB-0+deb12u1", "mariadb", [10, 11, 19]],
    ["5.5.5-10.4.12-MariaDB-log", "mariadb", [10, 4, 12]],
    ["11.4.2-MariaDB", "mariadb", [11, 4, 2]],
    ["8.0.36", "mysql", [8, 0, 36]],
    ["8.4.0-0ubuntu0.24.04.1", "mysql", [8, 4, 0]],
  ])("reads the server version %s", (text, flavour, version) => {
    expect(parseServerVersion(text)).toEqual({ flavour, version, text });
  });

  it("reads the features the compilers need from the flavour and version", () => {
    const dialect = new MySQLDialect("mysql");
    dialect.initialize(parseServerVersion("8.0.36"));
    expect(dialect.features).toEqual({
      flavour: "mysql",
      defaultExpressions: true,
      floatCast: true,
      checkConstraints: true,
      dropCheckKeyword: "CHECK",
      backslashEscapes: true,
      upsertRowAlias: true,
      valuesRows: "VALUES ROW",
    });
    dialect.initialize(parseServerVersion("8.0.12"));
    expect(dialect.features).toMatchObject({ defaultExpressions: false, floatCast: false, checkConstraints: false, upsertRowAlias: false, valuesRows: null });
    dialect.initialize(parseServerVersion("10.11.19-MariaDB"));
    expect(dialect.features).toMatchObject({
      flavour: "mariadb",
      defaultExpressions: true,
      floatCast: false,
      dropCheckKeyword: "CONSTRAINT",
      upsertRowAlias: false,
      valuesRows: "VALUES",
    });
  });

  it("refines name and capabilities from the server: a mysql:// URL may reach MariaDB", () => {
    const dialect = new MySQLDialect("mysql");
    dialect.initialize(parseServerVersion("10.11.19-MariaDB"));
    expect([dialect.name, dialect.flavour, dialect.urlFlavour]).toEqual(["mariadb", "mariadb", "mysql"]);
    expect(dialect.serverVersion).toEqual([10, 11, 19]);
    expect(dialect.capabilities.insertReturning).toBe(true);
    dialect.initialize(parseServerVersion("10.4.30-MariaDB"));
    expect(dialect.capabilities.insertReturning).toBe(false); // RETURNING came with MariaDB 10.5
  });

  it("refuses a mariadb:// URL that reaches MySQL, as SQLAlchemy does", () => {
    const dialect = new MySQLDialect("mariadb");
    expect(() => dialect.initialize(parseServerVersion("8.0.36"))).toThrow(InvalidRequestError);
    expect(() => dialect.initialize(parseServerVersion("8.0.36"))).toThrow(/MySQL version 8.0.36 is not a MariaDB variant/);
    expect(dialect.name).toBe("mariadb");
  });

  it("quotes identifiers with backticks where MySQL or MariaDB needs it", () => {
    const preparer = new MySQLDialect().identifierPreparer;
    expect(["user_account", "order", "key", "rank", "returning", "userName", "my table", "a`b"].map((n) => preparer.quote(n))).toEqual([
      "user_account",
      "`order`",
      "`key`",
      "`rank`",
      "`returning`",
      "`userName`",
      "`my table`",
      "`a``b`",
    ]);
  });

  it("compiles text() with ? placeholders", () => {
    const compiled = new MySQLDialect().compile(text("SELECT x FROM t WHERE y = :y AND z = :y"));
    expect(compiled.sql).toBe("SELECT x FROM t WHERE y = ? AND z = ?");
  });
});

describe("MySQL value conversion", () => {
  const dialect = new MySQLDialect();

  it("binds booleans as 1/0 and Dates as SQLAlchemy's UTC text", () => {
    expect([dialect.bindValue(true), dialect.bindValue(false), dialect.bindValue("x"), dialect.bindValue(7)]).toEqual([1, 0, "x", 7]);
    expect(dialect.bindValue(new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 48)))).toBe("2025-11-13 11:19:23.048000");
    expect(formatDateTime(new Date(Date.UTC(1999, 0, 2, 3, 4, 5, 600)))).toBe("1999-01-02 03:04:05.600000");
    expect(formatDate(new Date(Date.UTC(2025, 0, 5, 23, 59)))).toBe("2025-01-05");
    expect(dialect.processorsFor("date")!.bind!(new Date(Date.UTC(2025, 0, 5)))).toBe("2025-01-05");
  });

  it("reads 0/1 as booleans, whether they come as numbers or BIGINT strings", () => {
    const result = dialect.processorsFor("boolean")!.result!;
    expect([1, 0, "1", "0", 1n, 0n, null].map(result)).toEqual([true, false, true, false, true, false, null]);
  });

  it("passes the Dates mysql2 builds through, and parses text dates as UTC", () => {
    const result = dialect.processorsFor("datetime")!.result!;
    const at = new Date(Date.UTC(2025, 10, 13, 11, 19, 23, 348));
    expect(result(at)).toBe(at);
    expect(result("2025-11-13 11:19:23.348000")).toEqual(at);
    expect(result("2025-11-13")).toEqual(new Date(Date.UTC(2025, 10, 13)));
    expect((result("0099-01-01 00:00:00") as Date).getUTCFullYear()).toBe(99);
    expect(result(null)).toBeNull();
    expect(() => result("yesterday")).toThrow(/Couldn't parse datetime string 'yesterday' from MySQL/);
  });
});
