import { describe, expect, it } from "@jest/globals";
import {
  createEngine,
  DatabaseError,
  DataError,
  IntegrityError,
  InternalError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
  text,
  type DBAPIError,
} from "@alkahest/core";
import { ConnectionLostError } from "@alkahest/postgres";
import { mapPgError } from "../src/errors.js";
import { describeServer, openDriver, serverUrl } from "./server.js";

/** An error shaped as pg-protocol's DatabaseError (plain object: mapping is duck-typed). */
const serverError = (code: string, severity = "ERROR", message = "boom") => ({ name: "error", message, code, severity });
const map = (error: unknown) => mapPgError(error, { sql: "SELECT 1", params: [] });

describe("SQLSTATE → error class", () => {
  it.each([
    ["23505", IntegrityError, false], // unique_violation
    ["23502", IntegrityError, false], // not_null_violation
    ["22012", DataError, false], // division_by_zero
    ["42P01", ProgrammingError, false], // undefined_table
    ["42601", ProgrammingError, false], // syntax_error
    ["0A000", NotSupportedError, false],
    ["40001", OperationalError, false], // serialization_failure
    ["40P01", OperationalError, false], // deadlock_detected
    ["53300", OperationalError, false], // too_many_connections
    ["54000", OperationalError, false],
    ["55P03", OperationalError, false], // lock_not_available
    ["57014", OperationalError, false], // query_canceled (statement_timeout)
    ["25P02", InternalError, false], // in_failed_sql_transaction
    ["XX000", InternalError, false],
    ["P0001", InternalError, false], // RAISE EXCEPTION
    ["3D000", ProgrammingError, false], // invalid_catalog_name
    ["99999", DatabaseError, false], // a class nobody knows
  ] as const)("%s → %p (invalidated: %p)", (code, errorClass, invalidated) => {
    const mapped = map(serverError(code));
    expect(mapped).toBeInstanceOf(errorClass);
    expect(mapped.constructor).toBe(errorClass);
    expect(mapped.code).toBe(code);
    expect(mapped.connectionInvalidated).toBe(invalidated);
    expect(mapped.message).toMatch(/^\(pg\.DatabaseError\) boom\n\[SQL: SELECT 1\]/);
  });

  it.each([
    ["08006", "FATAL"], // connection_failure
    ["08P01", "FATAL"], // protocol_violation that ends the session
    ["57P01", "FATAL"], // admin_shutdown
    ["57P02", "FATAL"], // crash_shutdown
    ["57P03", "FATAL"], // cannot_connect_now
    ["57P01", "SCHWERWIEGEND"], // a localized server: the class still tells
    ["25P03", "FATAL"], // idle_in_transaction_session_timeout
  ])("%s (%s) is an OperationalError that invalidates the connection", (code, severity) => {
    const mapped = map(serverError(code, severity));
    expect(mapped).toBeInstanceOf(OperationalError);
    expect(mapped.connectionInvalidated).toBe(true);
  });

  it("an ERROR-level 08P01 (wrong parameter count) leaves the session usable", () => {
    const mapped = map(serverError("08P01", "ERROR"));
    expect(mapped).toBeInstanceOf(OperationalError);
    expect(mapped.connectionInvalidated).toBe(false);
  });

  it("shows the server's DETAIL and HINT the way libpq prints them", () => {
    const mapped = map({ ...serverError("23505"), detail: "Key (x)=(1) already exists.", hint: "Try another." });
    expect(mapped.detail).toBe("(pg.DatabaseError) boom\nDETAIL:  Key (x)=(1) already exists.\nHINT:  Try another.");
  });
});

describe("errors without a SQLSTATE", () => {
  it.each([
    [{ name: "Error", message: "Connection terminated unexpectedly" }],
    [{ name: "Error", message: "Client has encountered a connection error and is not queryable" }],
    [{ name: "Error", message: "read ECONNRESET", code: "ECONNRESET" }],
    [{ name: "Error", message: "write EPIPE", code: "EPIPE" }], // 5 capitals, but no severity: not a SQLSTATE
    [new ConnectionLostError(serverError("57P01", "FATAL", "terminating connection due to administrator command"))],
  ])("%p is an OperationalError that invalidates the connection", (error) => {
    const mapped = map(error);
    expect(mapped).toBeInstanceOf(OperationalError);
    expect(mapped.connectionInvalidated).toBe(true);
    expect(mapped.cause).toBe(error);
  });

  it("an error raised by pg before sending (a value it cannot bind) is a ProgrammingError", () => {
    const mapped = map(new TypeError("circular reference detected while preparing \"[object Object]\" for query"));
    expect(mapped).toBeInstanceOf(ProgrammingError);
    expect(mapped.connectionInvalidated).toBe(false);
    expect(mapped.message).toMatch(/^\(pg\.TypeError\) circular/);
  });

  it("a thrown non-object is a DatabaseError", () => {
    expect(map("weird")).toBeInstanceOf(DatabaseError);
  });
});

describeServer("driver errors from a real server", () => {
  const run = async (...statements: string[]): Promise<DBAPIError> => {
    const engine = createEngine(serverUrl());
    try {
      return await engine
        .connect(async (conn) => {
          for (const sql of statements) await conn.execDriverSql(sql);
          throw new Error("expected a failure");
        })
        .catch((e: unknown) => e as DBAPIError);
    } finally {
      await engine.dispose();
    }
  };

  it.each([
    [["CREATE TEMP TABLE u (x int PRIMARY KEY)", "INSERT INTO u VALUES (1)", "INSERT INTO u VALUES (1)"], IntegrityError, "23505"],
    [["CREATE TEMP TABLE u (x int NOT NULL)", "INSERT INTO u VALUES (NULL)"], IntegrityError, "23502"],
    [["SELECT 1/0"], DataError, "22012"],
    [["SELECT 'x'::int"], DataError, "22P02"],
    [["SELECT * FROM no_such_table"], ProgrammingError, "42P01"],
    [["SELEC 1"], ProgrammingError, "42601"],
    [["SET LOCAL statement_timeout = 50", "SELECT pg_sleep(2)"], OperationalError, "57014"],
  ] as const)("%p → %p %s", async (statements, errorClass, code) => {
    const error = await run(...statements);
    expect(error).toBeInstanceOf(errorClass);
    expect(error.code).toBe(code);
    expect(error.connectionInvalidated).toBe(false);
    expect(error.message).toContain(`[SQL: ${statements.at(-1)}]`);
  });

  it("the unique violation shows the DETAIL line and keeps pg's error as cause", async () => {
    const error = await run("CREATE TEMP TABLE u (x int PRIMARY KEY)", "INSERT INTO u VALUES (1)", "INSERT INTO u VALUES (1)");
    expect(error.message).toMatch(/duplicate key value violates unique constraint "u_pkey"\nDETAIL: {2}Key \(x\)=\(1\) already exists\./);
    expect(error.cause).toMatchObject({ code: "23505", constraint: "u_pkey" });
  });

  it("a session killed while idle: the next statement fails invalidated, and the engine reconnects", async () => {
    const engine = createEngine(serverUrl(), { poolSize: 1 });
    try {
      await engine.connect(async (conn) => {
        const pid = (await conn.execute(text("SELECT pg_backend_pid() AS pid"))).scalar();
        await conn.commit();
        await openDriver().then(async (killer) => {
          // With a timeout it returns once the backend has exited, its FATAL message sent.
          await killer.execute("SELECT pg_terminate_backend($1, 5000)", [pid]);
          await killer.close();
        });
        await new Promise((resolve) => setTimeout(resolve, 50)); // let the client read it
        const error = (await conn.execute(text("SELECT 1")).catch((e: unknown) => e)) as DBAPIError;
        expect(error).toBeInstanceOf(OperationalError);
        expect(error.connectionInvalidated).toBe(true);
        expect(error.code).toBe("57P01");
        expect(error.message).toMatch(/The connection was lost: terminating connection due to administrator command/);
        // core discarded the dead connection; the same Connection checks out a fresh one
        expect((await conn.execute(text("SELECT 1 AS one"))).scalar()).toBe(1);
      });
    } finally {
      await engine.dispose();
    }
  });

  it("a session killed during a statement fails that statement invalidated", async () => {
    const driver = await openDriver();
    const pid = (await driver.execute("SELECT pg_backend_pid()", [])).rows[0]?.[0];
    const sleeping = driver.execute("SELECT pg_sleep(5)", []).catch((e: unknown) => e);
    const killer = await openDriver();
    await killer.execute("SELECT pg_terminate_backend($1)", [pid]);
    await killer.close();
    const mapped = map(await sleeping);
    expect(mapped).toBeInstanceOf(OperationalError);
    expect(mapped.connectionInvalidated).toBe(true);
    await expect(driver.ping()).rejects.toBeDefined();
    await expect(driver.rollback()).rejects.toBeInstanceOf(ConnectionLostError); // so the pool discards it
    await driver.close();
  });

  it("a failure to connect is an OperationalError with the SQLSTATE or socket code", async () => {
    const url = new URL(serverUrl().replace(/^[^:]+:/, "http:"));
    const noDatabase = createEngine(serverUrl().replace(/\/[^/?]*(\?|$)/, "/alkahest_no_such_db$1"));
    const refused = createEngine(`postgresql://${url.username || "postgres"}@127.0.0.1:1/x`);
    const e1 = (await noDatabase.connect().catch((e: unknown) => e)) as DBAPIError;
    const e2 = (await refused.connect().catch((e: unknown) => e)) as DBAPIError;
    expect(e1).toBeInstanceOf(OperationalError);
    expect(e1.code).toBe("3D000");
    expect(e1.message).toMatch(/database "alkahest_no_such_db" does not exist/);
    expect(e2).toBeInstanceOf(OperationalError);
    expect(e2.code).toBe("ECONNREFUSED");
  });
});
