import { afterAll, describe, expect, it } from "@jest/globals";
import { ArgumentError, BigInteger, createEngine, parseURL, text } from "@alkahest/core";
import { PostgresDialect, postgresClientConfig, postgresDialectOptions } from "@alkahest/postgres";
import { ownDatabase } from "./own-database.js";
import { describeServer } from "./server.js";

describe("int8 from the URL: ?int8=bigint|string", () => {
  it("is read by the dialect, per engine, and never reaches pg", () => {
    expect(postgresDialectOptions(parseURL("postgresql://h/db?int8=string"))).toEqual({ int8: "string" });
    expect(postgresDialectOptions(parseURL("postgresql://h/db?int8=bigint"))).toEqual({ int8: "bigint" });
    expect(postgresDialectOptions(parseURL("postgresql://h/db"))).toEqual({});
    expect(postgresClientConfig(parseURL("postgresql://h/db?int8=string"))).toEqual({ host: "h", database: "db" });
    const asText = createEngine("postgresql://h/db?int8=string");
    expect((asText.dialect as PostgresDialect).int8).toBe("string");
    expect((createEngine("postgresql://h/db").dialect as PostgresDialect).int8).toBe("bigint");
  });

  it("a bad value is an ArgumentError naming the option and the allowed values, at createEngine", () => {
    expect(() => createEngine("postgresql://h/db?int8=number")).toThrow(ArgumentError);
    expect(() => createEngine("postgresql://h/db?int8=number")).toThrow("postgresql URL option int8 must be bigint or string, got 'number'.");
    expect(() => createEngine("postgresql://h/db?int8=string&int8=bigint")).toThrow("postgresql URL option int8 must be bigint or string, got 2 values.");
    expect(() => new PostgresDialect({ int8: "text" as "string" })).toThrow('PostgresDialect option int8 must be "bigint" or "string", got "text".');
  });
});

describeServer("int8 from the URL on the server", () => {
  const db = ownDatabase("pg_int8");
  const engines = [] as ReturnType<typeof createEngine>[];
  const engineFor = (query: Record<string, string>) => {
    const engine = createEngine(db.url(query));
    engines.push(engine);
    return engine;
  };
  afterAll(async () => {
    for (const engine of engines) await engine.dispose();
    await db.drop();
  });

  it("untyped int8 comes back as text with ?int8=string and as bigint by default; BigInteger columns are bigints either way", async () => {
    await db.create();
    const query = text("SELECT count(*) AS n, 9223372036854775807::int8 AS big, ARRAY[1, 2]::int8[] AS list");
    const typed = query.columns({ n: BigInteger, big: BigInteger });
    const read = (engine: ReturnType<typeof createEngine>) =>
      engine.connect(async (conn) => [[...(await conn.execute(query)).one()], [...(await conn.execute(typed)).one()]]);
    expect(await read(engineFor({ int8: "string" }))).toEqual([
      ["1", "9223372036854775807", ["1", "2"]],
      [1n, 9223372036854775807n, ["1", "2"]],
    ]);
    expect(await read(engineFor({}))).toEqual([
      [1n, 9223372036854775807n, [1n, 2n]],
      [1n, 9223372036854775807n, [1n, 2n]],
    ]);
  });
});
