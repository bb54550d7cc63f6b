import { createEngine, type Engine, type EngineOptions, type Logger } from "@alkahest/core";
import type { DialectCapabilities } from "@alkahest/core/dialect";
import { afterAll, beforeAll, beforeEach } from "@jest/globals";

/** What a dialect package tells the suite about the database under test. */
export interface ConformanceConfig {
  /** Shown in the test names, e.g. "sqlite (memory)". */
  name: string;
  /**
   * The engine URL. The suite creates and drops its own tables in it; give each
   * jest worker its own database or schema.
   */
  url: string;
  /** Extra createEngine options for every engine the suite creates. */
  engineOptions?: EngineOptions;
}

/** A logger that keeps the echo lines it receives, for asserting on logs. */
export class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  debug(message: string): void {
    this.lines.push(message);
  }
  clear(): void {
    this.lines.length = 0;
  }
}

/** The capabilities of the dialect under test, read without connecting. */
export function capabilitiesOf(config: ConformanceConfig): DialectCapabilities {
  return createEngine(config.url, config.engineOptions).dialect.capabilities;
}

export interface EngineFixture {
  /** The engine of the current test group. */
  readonly engine: Engine;
  /** Its echo lines (echo is on, logged here rather than to stdout). */
  readonly log: CapturingLogger;
  /**
   * Cleanup for the group's end that still needs the engine (dropping its tables): run
   * before the engine is disposed. A plain `afterAll` registered after `useEngine` runs
   * after the disposal, and its connection would keep the process alive.
   */
  beforeDispose(cleanup: () => Promise<unknown>): void;
}

/**
 * One engine for a describe block, with echo captured, and a fresh `some_table
 * (x int, y int)` (the seed notebook's table) before each test.
 */
export function useEngine(config: ConformanceConfig, options: EngineOptions = {}): EngineFixture {
  const log = new CapturingLogger();
  let engine: Engine | undefined;
  beforeAll(() => {
    engine = createEngine(config.url, { ...config.engineOptions, echo: true, logger: log, ...options });
  });
  beforeEach(async () => {
    await fixture.engine.begin(async (conn) => {
      await conn.execDriverSql("DROP TABLE IF EXISTS some_table");
      await conn.execDriverSql("CREATE TABLE some_table (x int, y int)");
    });
    log.clear();
  });
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    if (engine === undefined) return;
    try {
      for (const cleanup of cleanups) await cleanup();
      await engine.begin((conn) => conn.execDriverSql("DROP TABLE IF EXISTS some_table"));
    } finally {
      await engine.dispose();
    }
  });
  const fixture: EngineFixture = {
    get engine(): Engine {
      if (engine === undefined) throw new Error("useEngine(): the engine exists only inside tests");
      return engine;
    },
    log,
    beforeDispose(cleanup) {
      cleanups.push(cleanup);
    },
  };
  return fixture;
}
