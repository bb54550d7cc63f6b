import { describe, it, expect } from "@jest/globals";
import { ArgumentError } from "../../src/errors.js";
import { parseURL, renderURL, type URL } from "../../src/engine/url.js";

function parts(url: URL): Omit<URL, "query"> & { query: Record<string, unknown> } {
  return { ...url, query: { ...url.query } };
}

describe("parseURL", () => {
  it("parses an in-memory SQLite URL", () => {
    expect(parts(parseURL("sqlite+better-sqlite3:///:memory:"))).toEqual({
      drivername: "sqlite+better-sqlite3",
      dialect: "sqlite",
      driver: "better-sqlite3",
      username: null,
      password: null,
      host: null,
      port: null,
      database: ":memory:",
      query: {},
    });
  });

  it("leaves the database null for sqlite:// and empty for sqlite:///", () => {
    const bare = parseURL("sqlite://");
    expect(bare.dialect).toBe("sqlite");
    expect(bare.driver).toBeNull();
    expect(bare.database).toBeNull();
    expect(parseURL("sqlite:///").database).toBe("");
  });

  it("keeps relative and absolute SQLite paths apart", () => {
    expect(parseURL("sqlite:///relative.db").database).toBe("relative.db");
    expect(parseURL("sqlite:////absolute/path.db").database).toBe("/absolute/path.db");
    expect(parseURL("sqlite:///C:\\data\\app.db").database).toBe("C:\\data\\app.db");
  });

  it("parses a full PostgreSQL URL, decoding the password", () => {
    expect(parts(parseURL("postgresql+pg://user:p%40ss@host:5432/db?application_name=x&ssl=true"))).toEqual({
      drivername: "postgresql+pg",
      dialect: "postgresql",
      driver: "pg",
      username: "user",
      password: "p@ss",
      host: "host",
      port: 5432,
      database: "db",
      query: { application_name: "x", ssl: "true" },
    });
  });

  it("parses a user without a password", () => {
    const url = parseURL("mysql+mysql2://root@127.0.0.1:3306/test");
    expect([url.dialect, url.driver, url.username, url.password, url.host, url.port, url.database]).toEqual([
      "mysql",
      "mysql2",
      "root",
      null,
      "127.0.0.1",
      3306,
      "test",
    ]);
  });

  it("tells an empty password and an empty user from none", () => {
    expect(parseURL("postgresql://user:@host/db").password).toBe("");
    const noUser = parseURL("postgresql://@host/db");
    expect(noUser.username).toBe("");
    expect(noUser.password).toBeNull();
  });

  it("parses bracketed IPv6 hosts", () => {
    const url = parseURL("postgresql://u:p@[::1]:5432/db");
    expect([url.host, url.port, url.database]).toEqual(["::1", 5432, "db"]);
    expect(parseURL("postgresql://[2001:db8::1]/db").host).toBe("2001:db8::1");
  });

  it("percent-decodes user, password and database, and + only in the query", () => {
    const url = parseURL("postgresql://us%20er:p%2Fw+d@h/my%20db?b=x+y%26z&k=%E2%82%AC");
    expect(url.username).toBe("us er");
    expect(url.password).toBe("p/w+d");
    expect(url.database).toBe("my db");
    expect({ ...url.query }).toEqual({ b: "x y&z", k: "€" });
  });

  it("keeps malformed escapes as Python's unquote does", () => {
    expect(parseURL("postgresql://h/db?k=%ZZ%e2%82").query["k"]).toBe("%ZZ\ufffd");
  });

  it("collects repeated query keys into arrays and drops blank values", () => {
    const url = parseURL("postgresql://h/db?a=1&a=2&c=&d&a=3&b=x");
    expect({ ...url.query }).toEqual({ a: ["1", "2", "3"], b: "x" });
  });

  it("stores a __proto__ query key as a plain key", () => {
    const url = parseURL("sqlite://?__proto__=x");
    expect(Object.keys(url.query)).toEqual(["__proto__"]);
    expect(url.query["__proto__"]).toBe("x");
  });

  it("returns a frozen URL", () => {
    const url = parseURL("sqlite://?a=1&a=2");
    expect(Object.isFrozen(url)).toBe(true);
    expect(Object.isFrozen(url.query)).toBe(true);
    expect(Object.isFrozen(url.query["a"])).toBe(true);
  });

  it("ignores surrounding whitespace", () => {
    expect(parseURL("  sqlite:///app.db\n").database).toBe("app.db");
  });
});

describe("parseURL errors", () => {
  const EXPECTED =
    "expected dialect[+driver]://user:password@host:port/database, e.g. sqlite+better-sqlite3:///app.db";

  function errorOf(text: string): Error {
    try {
      parseURL(text);
    } catch (err) {
      return err as Error;
    }
    throw new Error(`parseURL(${JSON.stringify(text)}) did not throw`);
  }

  it("rejects an empty string", () => {
    const err = errorOf("");
    expect(err).toBeInstanceOf(ArgumentError);
    expect(err.message).toBe(`Could not parse SQLAlchemy-style URL from string '': the string is empty; ${EXPECTED}`);
  });

  it("rejects text without ://", () => {
    const err = errorOf("xyz");
    expect(err).toBeInstanceOf(ArgumentError);
    expect(err.message).toBe(
      `Could not parse SQLAlchemy-style URL from string 'xyz': there is no '://' after the dialect name; ${EXPECTED}`,
    );
  });

  it("rejects bad dialect and driver names", () => {
    for (const text of ["my-sql://h/db", "1sqlite:///a.db", "+pg://h/db", "postgresql+://h/db", "pg sql://h", "://h/db"]) {
      const err = errorOf(text);
      expect(err).toBeInstanceOf(ArgumentError);
      expect(err.message).toContain("is not a dialect[+driver] name");
    }
  });

  it("rejects non-numeric, empty and out-of-range ports", () => {
    expect(errorOf("postgresql://h:abc/db").message).toContain("port 'abc' is not a number");
    expect(errorOf("postgresql://h:/db").message).toContain("port '' is not a number");
    expect(errorOf("postgresql://h:-1/db").message).toContain("port '-1' is not a number");
    expect(errorOf("postgresql://h:65536/db").message).toContain("port 65536 is out of range 1-65535");
    expect(errorOf("postgresql://h:0/db")).toBeInstanceOf(ArgumentError);
    expect(parseURL("postgresql://h:65535/db").port).toBe(65535);
  });

  it("rejects an unclosed IPv6 bracket", () => {
    expect(errorOf("postgresql://[::1/db").message).toContain("unmatched bracket");
  });

  it("rejects an unescaped @ in a password, without showing the password", () => {
    const err = errorOf("postgresql://user:p@ss@host/db");
    expect(err).toBeInstanceOf(ArgumentError);
    expect(err.message).toContain("write an '@' in a password as %40");
    expect(err.message).toContain("'postgresql://user:***@host/db'");
    expect(err.message).not.toContain("p@ss");
  });

  it("hides the password of an unparseable URL", () => {
    const err = errorOf("postgres ql://scott:tiger@h/db");
    expect(err.message).toContain("'postgres ql://scott:***@h/db'");
    expect(err.message).not.toContain("tiger");
  });
});

describe("renderURL", () => {
  it("hides the password by default", () => {
    const url = parseURL("postgresql+pg://user:p%40ss@host:5432/db?application_name=x&ssl=true");
    expect(renderURL(url)).toBe("postgresql+pg://user:***@host:5432/db?application_name=x&ssl=true");
    expect(renderURL(url, { hidePassword: false })).toBe(
      "postgresql+pg://user:p%40ss@host:5432/db?application_name=x&ssl=true",
    );
  });

  it("renders SQLite URLs back as written", () => {
    for (const text of ["sqlite://", "sqlite:///", "sqlite:///relative.db", "sqlite:////absolute/path.db"]) {
      expect(renderURL(parseURL(text))).toBe(text);
    }
  });

  it("percent-encodes as SQLAlchemy does", () => {
    // Expected strings are SQLAlchemy 2.1's render_as_string of the same URLs.
    expect(renderURL(parseURL("sqlite+better-sqlite3:///:memory:"))).toBe("sqlite+better-sqlite3:///%3Amemory%3A");
    const url = parseURL("postgresql://u:p!'()*~@h/d b+c/e%3Fx?q%2Fk=v%2B1+2!");
    expect(renderURL(url, { hidePassword: false })).toBe("postgresql://u:p%21%27%28%29%2A~@h/d b+c/e%3Fx?q%2Fk=v%2B1+2%21");
    const spaced = parseURL("postgresql://us%20er:p%2Fw+d@h/my%20db?b=x+y%26z&a=1&a=2&c=&a=3");
    expect(renderURL(spaced, { hidePassword: false })).toBe("postgresql://us er:p%2Fw+d@h/my db?a=1&a=2&a=3&b=x+y%26z");
  });

  it("brackets IPv6 hosts", () => {
    expect(renderURL(parseURL("postgresql://u:p@[::1]:5432/db"))).toBe("postgresql://u:***@[::1]:5432/db");
  });

  it("round-trips every part", () => {
    const text = "mysql+mysql2://root:s%40cret@127.0.0.1:3306/test?charset=utf8mb4";
    const again = parseURL(renderURL(parseURL(text), { hidePassword: false }));
    expect(parts(again)).toEqual(parts(parseURL(text)));
    expect(again.password).toBe("s@cret");
  });
});
