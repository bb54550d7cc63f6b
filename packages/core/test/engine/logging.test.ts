import { describe, it, expect, jest, afterEach } from "@jest/globals";
import {
  EchoLogger,
  formatCachedSince,
  formatGenerated,
  formatLogTimestamp,
  formatNoKey,
  RAW_SQL,
  type Logger,
} from "../../src/engine/logging.js";

function captureStdout(): { lines: () => string[] } {
  const spy = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  return { lines: () => spy.mock.calls.map((call) => String(call[0])) };
}

function recordingLogger(withDebug: boolean): Logger & { calls: string[] } {
  const calls: string[] = [];
  const logger: Logger & { calls: string[] } = {
    calls,
    info(message: string) {
      calls.push(`info:${message}`);
    },
  };
  if (withDebug) {
    // A method using `this`, as pino's do: it must be called on the logger.
    logger.debug = function (this: { calls: string[] }, message: string) {
      this.calls.push(`debug:${message}`);
    };
  }
  return logger;
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe("EchoLogger", () => {
  it("writes SQLAlchemy's line layout to stdout", () => {
    const out = captureStdout();
    const echo = new EchoLogger({ echo: true });
    echo.info("BEGIN (implicit)");
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO alkahest\.engine\.Engine BEGIN \(implicit\)\n$/);
  });

  it("uses the given name and DEBUG for debug lines", () => {
    const out = captureStdout();
    const echo = new EchoLogger({ echo: "debug", name: "alkahest.engine.Engine.app" });
    echo.debug("Row (1, 'a')");
    expect(out.lines()[0]).toMatch(/^\S+ \S+ DEBUG alkahest\.engine\.Engine\.app Row \(1, 'a'\)\n$/);
  });

  it("does nothing when echo is false", () => {
    const out = captureStdout();
    const logger = recordingLogger(true);
    const echo = new EchoLogger({ echo: false, logger });
    expect(echo.enabled).toBe(false);
    expect(echo.debugEnabled).toBe(false);
    echo.info("SELECT 1");
    echo.debug("Row (1,)");
    expect(logger.calls).toEqual([]);
    expect(out.lines()).toEqual([]);
  });

  it("logs info but not debug when echo is true", () => {
    const logger = recordingLogger(true);
    const echo = new EchoLogger({ echo: true, logger });
    expect(echo.enabled).toBe(true);
    expect(echo.debugEnabled).toBe(false);
    echo.info("SELECT 1");
    echo.debug("Row (1,)");
    expect(logger.calls).toEqual(["info:SELECT 1"]);
  });

  it("passes only the message to a given logger, debug included with echo 'debug'", () => {
    const out = captureStdout();
    const logger = recordingLogger(true);
    const echo = new EchoLogger({ echo: "debug", logger });
    expect(echo.debugEnabled).toBe(true);
    echo.info("SELECT 1");
    echo.debug("Row (1,)");
    expect(logger.calls).toEqual(["info:SELECT 1", "debug:Row (1,)"]);
    expect(out.lines()).toEqual([]);
  });

  it("sends debug lines to info when the logger has no debug", () => {
    const logger = recordingLogger(false);
    const echo = new EchoLogger({ echo: "debug", logger });
    echo.debug("Col ('id',)");
    expect(logger.calls).toEqual(["info:Col ('id',)"]);
  });
});

describe("formatLogTimestamp", () => {
  it("formats local time as Python logging's asctime", () => {
    expect(formatLogTimestamp(new Date(2025, 10, 13, 11, 19, 23, 348))).toBe("2025-11-13 11:19:23,348");
    expect(formatLogTimestamp(new Date(2024, 0, 2, 3, 4, 5, 6))).toBe("2024-01-02 03:04:05,006");
  });
});

describe("statement tags", () => {
  it("formats compile times as %.5f", () => {
    expect(formatGenerated(0.002019)).toBe("[generated in 0.00202s]");
    expect(formatGenerated(0)).toBe("[generated in 0.00000s]");
    expect(formatGenerated(1890)).toBe("[generated in 1890.00000s]");
    expect(formatNoKey(0.00048)).toBe("[no key 0.00048s]");
    expect(formatNoKey(0.00001234)).toBe("[no key 0.00001s]");
  });

  it("rounds exact ties to even in %.5f, as Python", () => {
    expect(formatGenerated(0.015625)).toBe("[generated in 0.01562s]");
    expect(formatGenerated(0.046875)).toBe("[generated in 0.04688s]");
  });

  it("formats cache ages as %.4g", () => {
    const cases: [number, string][] = [
      [0.1567, "0.1567"],
      [0.09157, "0.09157"],
      [0.407, "0.407"],
      [0.5773, "0.5773"],
      [0.7227, "0.7227"],
      [1890.0, "1890"],
      [12345.6, "1.235e+04"],
      [0.00001234, "1.234e-05"],
      [0.0001, "0.0001"],
      [0.00012345, "0.0001234"],
      [9999.4, "9999"],
      [9999.5, "1e+04"],
      [123456789, "1.235e+08"],
      [0, "0"],
      [2.5, "2.5"],
      // Exact binary ties round to even, as Python's correctly rounded formatting does.
      [1.0625, "1.062"],
      [1234.5, "1234"],
      [0.015625, "0.01562"],
    ];
    for (const [seconds, text] of cases) {
      expect(formatCachedSince(seconds)).toBe(`[cached since ${text}s ago]`);
    }
  });

  it("tags uncompiled SQL as SQLAlchemy does", () => {
    expect(RAW_SQL).toBe("[raw sql]");
  });
});
