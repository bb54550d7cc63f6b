import { ArgumentError, parseURL } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { connectionOptions, dialectURLOptions } from "../src/options.js";

const optionsFor = (url: string, connectArgs: Record<string, unknown> = {}) => connectionOptions(parseURL(url), connectArgs);

describe("URL → mysql2 connection options", () => {
  it("takes user, password, host, port and database from the URL, percent-decoded", () => {
    const options = optionsFor("mariadb+mysql2://scott:ti%40ger@db.example:3307/shop");
    expect(options).toMatchObject({ user: "scott", password: "ti@ger", host: "db.example", port: 3307, database: "shop" });
  });

  it("leaves out what the URL does not give, for mysql2's defaults", () => {
    const options = optionsFor("mysql://");
    for (const key of ["user", "password", "host", "port", "database"]) expect(options).not.toHaveProperty(key);
  });

  it("always reads rows as arrays, dates in UTC, BIGINT and DECIMAL as strings, and counts matched rows", () => {
    expect(optionsFor("mysql://h/db")).toMatchObject({
      rowsAsArray: true,
      timezone: "Z",
      dateStrings: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
      decimalNumbers: false,
      flags: ["-IGNORE_SPACE", "FOUND_ROWS"],
    });
  });

  it("maps charset, ssl and connect_timeout (seconds) to mysql2's options", () => {
    expect(optionsFor("mysql://h/db?charset=utf8mb4&ssl=true&connect_timeout=2.5")).toMatchObject({
      charset: "utf8mb4",
      ssl: {},
      connectTimeout: 2500,
    });
    expect(optionsFor("mysql://h/db?ssl=false")).not.toHaveProperty("ssl");
  });

  it.each([
    ["charset=klingon", /charset=klingon is not a charset mysql2 knows/],
    ["ssl=maybe", /ssl must be true or false, got 'maybe'; pass certificates as connectArgs/],
    ["connect_timeout=soon", /connect_timeout must be a number of seconds > 0, got 'soon'/],
    ["connect_timeout=0", /connect_timeout must be a number of seconds > 0/],
    ["charset=utf8mb4&charset=latin1", /'charset' is given more than once/],
    ["pool_size=3", /Unknown mysql URL option 'pool_size=3'. Supported: charset, ssl, connect_timeout, returning/],
  ])("rejects ?%s with an ArgumentError", (query, message) => {
    expect(() => optionsFor(`mysql://h/db?${query}`)).toThrow(ArgumentError);
    expect(() => optionsFor(`mysql://h/db?${query}`)).toThrow(message);
  });

  it("keeps the dialect's own option ?returning= away from mysql2", () => {
    expect(optionsFor("mariadb://h/db?returning=false")).not.toHaveProperty("returning");
    expect(dialectURLOptions(parseURL("mariadb://h/db?returning=false"))).toEqual({ returning: false });
    expect(dialectURLOptions(parseURL("mariadb://h/db"))).toEqual({ returning: true });
  });

  it("merges connectArgs over the URL and the defaults", () => {
    const options = optionsFor("mysql://u@h/db?connect_timeout=1", { connectTimeout: 5000, decimalNumbers: true, user: "other" });
    expect(options).toMatchObject({ connectTimeout: 5000, decimalNumbers: true, user: "other" });
  });

  it("keeps what the driver connection relies on, whatever connectArgs say", () => {
    const options = optionsFor("mysql://h/db", { rowsAsArray: false, timezone: "local", flags: ["-FOUND_ROWS", "COMPRESS"] });
    expect(options).toMatchObject({ rowsAsArray: true, timezone: "Z", jsonStrings: true });
    // mysql2 applies "-X" to its defaults only, so the FOUND_ROWS given last still counts.
    expect(options.flags).toEqual(["-IGNORE_SPACE", "-FOUND_ROWS", "COMPRESS", "FOUND_ROWS"]);
    expect(optionsFor("mysql://h/db", { flags: "COMPRESS, MULTI_STATEMENTS" }).flags).toEqual([
      "-IGNORE_SPACE",
      "COMPRESS",
      "MULTI_STATEMENTS",
      "FOUND_ROWS",
    ]);
  });
});
