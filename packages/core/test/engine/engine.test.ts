import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import {
  ArgumentError,
  createEngine,
  InvalidRequestError,
  NoSuchModuleError,
  OperationalError,
  ProgrammingError,
  ResourceClosedError,
  text,
  TimeoutError,
} from "../../src/index.js";
import { calls, FakeDriver } from "../support/fake-dialect.js";

// As if @alkahest/postgres were not installed.
jest.mock("@alkahest/postgres", () => {
  throw new Error("Cannot find module '@alkahest/postgres'");
});

beforeEach(() => {
  calls.length = 0;
});

/** A logger that keeps its lines, as a pino or console logger would print them. */
function captureLog(): { lines: string[]; info(message: string): void; debug(message: string): void } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), debug: (m) => lines.push(m) };
}

describe("createEngine", () => {
  it("rejects a malformed URL with ArgumentError", () => {
    expect(() => createEngine("not a url")).toThrow(ArgumentError);
  });

  it("rejects an unknown dialect at once, naming the known ones", () => {
    expect(() => createEngine("oracle://scott@host/db")).toThrow(NoSuchModuleError);
    expect(() => createEngine("oracle://scott@host/db")).toThrow(/no dialect named 'oracle'.*sqlite, postgresql, mysql/);
  });

  it("rejects an unknown driver of a registered dialect, listing the available ones", () => {
    expect(() => createEngine("fake+odbc://")).toThrow(/dialect 'fake' has no driver 'odbc'. Available: fake\+scripted:\/\//);
  });

  it("fails on first use, naming the package to install, when a known dialect is not installed", async () => {
    const engine = createEngine("postgresql+pg://u@localhost/db");
    expect(() => engine.dialect).toThrow(InvalidRequestError);
    await expect(engine.connect()).rejects.toThrow(NoSuchModuleError);
    await expect(engine.connect()).rejects.toThrow(/needs the package @alkahest\/postgres.*npm install @alkahest\/postgres/);
  });

  it("opens no connection until the first use", async () => {
    const before = FakeDriver.opened;
    const engine = createEngine("fake://");
    expect(FakeDriver.opened).toBe(before);
    await engine.connect(async () => undefined);
    expect(FakeDriver.opened).toBe(before + 1);
  });

  it("rejects bad pool and cache options when the engine is created", () => {
    expect(() => createEngine("fake://", { poolSize: -1 })).toThrow(ArgumentError);
    expect(() => createEngine("fake://", { compiledCacheSize: -5 })).toThrow(/compiledCacheSize must be a whole number/);
  });

  it("prints its URL with the password hidden", () => {
    expect(String(createEngine("fake://scott:tiger@host/db"))).toBe("Engine(fake://scott:***@host/db)");
  });
});

describe("execution through a dialect", () => {
  it("compiles :name parameters to the dialect's placeholders and binds them in order", async () => {
    const engine = createEngine("fake://");
    await engine.connect((conn) => conn.execute(text("UPDATE t SET a = :a WHERE b = :b OR c = :a"), { b: 2, a: 1 }));
    expect(calls).toContain('execute#' + FakeDriver.opened + ' UPDATE t SET a = $1 WHERE b = $2 OR c = $3 [1,2,1]');
  });

  it("begins on the first execute, commits, and rolls back on close", async () => {
    const engine = createEngine("fake://");
    await engine.connect(async (conn) => {
      await conn.execute(text("INSERT INTO t VALUES (1)"));
      await conn.commit();
      await conn.execute(text("INSERT INTO t VALUES (2)"));
    });
    const id = FakeDriver.opened;
    expect(calls).toEqual([
      `begin#${id}`,
      `execute#${id} INSERT INTO t VALUES (1) []`,
      `commit#${id}`,
      `begin#${id}`,
      `execute#${id} INSERT INTO t VALUES (2) []`,
      `rollback#${id}`,
      `rollback#${id}`, // the pool's reset-on-return
    ]);
  });

  it("times out with TimeoutError when the pool is exhausted", async () => {
    const engine = createEngine("fake://", { poolSize: 1, maxOverflow: 0, poolTimeout: 30 });
    const held = await engine.connect();
    await expect(engine.connect()).rejects.toThrow(TimeoutError);
    await expect(engine.connect()).rejects.toThrow(/limit of size 1 overflow 0 reached/);
    await held.close();
    await engine.connect(async () => undefined);
  });

  it("maps driver errors and invalidates the connection on a disconnect", async () => {
    const engine = createEngine("fake://");
    await engine.connect(async (conn) => {
      await expect(conn.execute(text("SELECT FAIL"))).rejects.toThrow(ProgrammingError);
      const before = FakeDriver.opened;
      const lost = await conn.execute(text("SELECT LOST")).catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(OperationalError);
      expect((lost as OperationalError).connectionInvalidated).toBe(true);
      expect(conn.inTransaction()).toBe(false);
      // The dead connection was closed; the next execute checks out a fresh one.
      expect(calls).toContain(`close#${before}`);
      expect((await conn.execute(text("SELECT 1"))).all()).toHaveLength(1);
      expect(FakeDriver.opened).toBe(before + 1);
    });
  });

  it("refuses work on a closed connection", async () => {
    const engine = createEngine("fake://");
    const conn = await engine.connect();
    await conn.close();
    await expect(conn.execute(text("SELECT 1"))).rejects.toThrow(ResourceClosedError);
    await expect(conn.commit()).rejects.toThrow(ResourceClosedError);
  });
});

describe("statement cache", () => {
  it("keys entries by SQL text and evicts the least recently used", async () => {
    const log = captureLog();
    const engine = createEngine("fake://", { echo: true, logger: log, compiledCacheSize: 1 });
    await engine.connect(async (conn) => {
      await conn.execute(text("SELECT a"));
      await conn.execute(text("SELECT a"));
      await conn.execute(text("SELECT b"));
      await conn.execute(text("SELECT a"));
    });
    const tags = log.lines.filter((l) => l.startsWith("[")).map((l) => l.split(" ")[0]);
    expect(tags).toEqual(["[generated", "[cached", "[generated", "[generated"]);
    expect(engine.statementCache.size).toBe(1);
  });
});

describe("echo", () => {
  let write: jest.SpiedFunction<typeof process.stdout.write>;
  beforeEach(() => {
    write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  });
  afterEach(() => write.mockRestore());

  it("writes SQLAlchemy's layout to stdout by default", async () => {
    const engine = createEngine("fake://", { echo: true });
    await engine.connect((conn) => conn.execute(text("SELECT x FROM t WHERE y > :y"), { y: 6 }));
    const lines = write.mock.calls.map(([chunk]) => String(chunk));
    const stamp = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}`;
    expect(lines[0]).toMatch(new RegExp(`^${stamp} INFO alkahest\\.engine\\.Engine BEGIN \\(implicit\\)\\n$`));
    expect(lines[1]).toMatch(/ INFO alkahest\.engine\.Engine SELECT x FROM t WHERE y > \$1\n$/);
    expect(lines[2]).toMatch(/ INFO alkahest\.engine\.Engine \[generated in \d\.\d{5}s\] \(6,\)\n$/);
    expect(lines[3]).toMatch(/ INFO alkahest\.engine\.Engine ROLLBACK\n$/);
  });

  it('echo: "debug" adds the result columns and rows', async () => {
    const log = captureLog();
    const engine = createEngine("fake://", { echo: "debug", logger: log });
    await engine.connect((conn) => conn.execute(text("SELECT id, name FROM t")));
    expect(log.lines).toContain("Col ('id', 'name')");
    expect(log.lines).toContain("Row (1, 'a')");
  });

  it("logs nothing when echo is off", async () => {
    const engine = createEngine("fake://");
    await engine.connect((conn) => conn.execute(text("SELECT 1")));
    expect(write).not.toHaveBeenCalled();
  });
});
