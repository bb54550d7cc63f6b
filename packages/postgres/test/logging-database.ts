import { createEngine, type Engine } from "@alkahest/core";
import { afterAll, beforeAll } from "@jest/globals";
import { ownDatabase } from "./own-database.js";

/** An engine on a test file's own database that records what it runs, for asserting DDL order. */
export interface LoggingDatabase {
  readonly engine: Engine;
  /** The first line of each statement run since the last `clearLog()`, in order. */
  statements(): string[];
  clearLog(): void;
}

/**
 * `ownDatabase(name)` created before the describe block's tests and dropped after, with
 * an echo engine whose log lines are kept. Only called inside `describeServer` blocks.
 *
 * @example
 * const db = useLoggingDatabase("pg_enum_arrays");
 * await metadata.createAll(db.engine);
 * expect(db.statements()).toEqual(["CREATE TYPE mood AS ENUM ('happy', 'sad')", "CREATE TABLE person ("]);
 */
export function useLoggingDatabase(name: string): LoggingDatabase {
  const db = ownDatabase(name);
  const log: string[] = [];
  let engine: Engine | undefined;
  beforeAll(async () => {
    await db.create();
    engine = createEngine(db.url(), { echo: true, logger: { info: (line) => log.push(line) } });
  });
  afterAll(async () => {
    await engine?.dispose();
    await db.drop();
  });
  return {
    get engine(): Engine {
      if (engine === undefined) throw new Error("useLoggingDatabase(): the engine exists only inside tests");
      return engine;
    },
    // Echo logs each statement followed by a line of its parameters ("[no key ...]").
    statements: () => log.filter((line, i) => log[i + 1]?.startsWith("[no key") === true).map((line) => line.trim().split(/\s*\n\s*/)[0] as string),
    clearLog: () => {
      log.length = 0;
    },
  };
}
