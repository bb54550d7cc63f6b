import { describe, expect, it } from "@jest/globals";
import { ArgumentError, createEngine, parseURL, text } from "@alkahest/core";
import { postgresClientConfig } from "@alkahest/postgres";
import { describeServer, openDriver, serverUrl } from "./server.js";

const config = (url: string) => postgresClientConfig(parseURL(url));

describe("postgresql URLs → pg client config", () => {
  it("takes user, password, host, port and database, percent-decoded", () => {
    expect(config("postgresql+pg://scott:ti%40ger@db.example:5433/app")).toEqual({
      user: "scott",
      password: "ti@ger",
      host: "db.example",
      port: 5433,
      database: "app",
    });
  });

  it("leaves out what the URL leaves out, so pg's defaults (PGHOST, ...) apply", () => {
    expect(config("postgresql://")).toEqual({});
    expect(config("postgresql://localhost/")).toEqual({ host: "localhost" });
    expect(config("postgresql://[::1]:5432/x")).toEqual({ host: "::1", port: 5432, database: "x" });
  });

  it("passes application_name, statement_timeout (ms) and connect_timeout (s → ms) through", () => {
    expect(config("postgresql://h/d?application_name=my%20app&statement_timeout=2500&connect_timeout=10")).toEqual({
      host: "h",
      database: "d",
      application_name: "my app",
      statement_timeout: 2500,
      connectionTimeoutMillis: 10000,
    });
  });

  it.each([
    ["sslmode=disable", false],
    ["sslmode=require", { rejectUnauthorized: false }],
    ["sslmode=verify-full", { rejectUnauthorized: true }],
    ["ssl=true", true],
    ["ssl=0", false],
  ] as const)("%s → ssl %p", (query, ssl) => {
    expect(config(`postgresql://h/d?${query}`).ssl).toEqual(ssl);
  });

  it("sslmode=verify-ca checks the certificate chain but not the host name", () => {
    const ssl = config("postgresql://h/d?sslmode=verify-ca").ssl as { rejectUnauthorized: boolean; checkServerIdentity: () => unknown };
    expect(ssl.rejectUnauthorized).toBe(true);
    expect(ssl.checkServerIdentity()).toBeUndefined();
  });

  it.each([
    ["foo=bar", /Unknown postgresql URL option 'foo=bar'. Supported: application_name, sslmode, ssl, statement_timeout, connect_timeout/],
    ["sslmode=prefer", /sslmode=prefer is not supported: use disable, require, verify-ca or verify-full/],
    ["ssl=yes", /ssl must be true, false, 1 or 0, got 'yes'/],
    ["statement_timeout=1.5", /statement_timeout must be a number of milliseconds/],
    ["statement_timeout=-1", /statement_timeout must be a number of milliseconds/],
    ["connect_timeout=soon", /connect_timeout must be a number of seconds, e.g. 10, got 'soon'/],
    ["ssl=true&sslmode=require", /ssl and sslmode both given/],
    ["application_name=a&application_name=b", /'application_name' is given 2 times/],
  ])("rejects ?%s with an ArgumentError that says why", (query, message) => {
    expect(() => config(`postgresql://h/d?${query}`)).toThrow(ArgumentError);
    expect(() => config(`postgresql://h/d?${query}`)).toThrow(message);
  });

  it("an engine reports a bad option at its first connect, before reaching the server", async () => {
    const engine = createEngine("postgresql://127.0.0.1:1/d?journal=wal");
    await expect(engine.connect()).rejects.toThrow(/Unknown postgresql URL option 'journal=wal'/);
  });
});

describeServer("URL options and connectArgs on a real server", () => {
  it("sends application_name and statement_timeout from the URL", async () => {
    const url = `${serverUrl()}${serverUrl().includes("?") ? "&" : "?"}application_name=alkahest-url&statement_timeout=1234`;
    const engine = createEngine(url);
    try {
      const row = await engine.connect(async (conn) =>
        (await conn.execute(text("SELECT current_setting('application_name') AS a, current_setting('statement_timeout') AS t"))).one(),
      );
      expect([row.a, row.t]).toEqual(["alkahest-url", "1234ms"]);
    } finally {
      await engine.dispose();
    }
  });

  it("connectArgs are merged over the URL's options", async () => {
    const driver = await openDriver({}, { application_name: "from-connect-args" });
    try {
      expect((await driver.execute("SHOW application_name", [])).rows).toEqual([["from-connect-args"]]);
    } finally {
      await driver.close();
    }
  });
});
