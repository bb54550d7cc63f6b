import {
  Dialect,
  OperationalError,
  ProgrammingError,
  registerDialect,
  type DBAPIError,
  type DialectCapabilities,
  type DriverConnection,
  type DriverResult,
  type ErrorContext,
  type URL,
} from "../../src/dialect.js";

/** Everything the fake database was asked to do, in order. */
export const calls: string[] = [];

/** An error the fake driver raises; `lost` ones invalidate the connection. */
export class FakeDriverError extends Error {
  constructor(
    message: string,
    readonly lost = false,
  ) {
    super(message);
  }
}

/** A scripted driver: SELECT returns `rows`, statements containing FAIL or LOST throw. */
export class FakeDriver implements DriverConnection {
  static opened = 0;
  readonly id = ++FakeDriver.opened;
  rows: unknown[][] = [[1, "a"]];

  async execute(sql: string, params: readonly unknown[]): Promise<DriverResult> {
    calls.push(`execute#${this.id} ${sql} ${JSON.stringify(params)}`);
    if (sql.includes("LOST")) throw new FakeDriverError("server closed the connection", true);
    if (sql.includes("FAIL")) throw new FakeDriverError("syntax error");
    if (sql.startsWith("SELECT")) return { columns: ["id", "name"], rows: this.rows, rowcount: -1 };
    return { columns: null, rows: [], rowcount: 1 };
  }
  async executeMany(sql: string, paramSets: readonly (readonly unknown[])[]): Promise<DriverResult> {
    calls.push(`executeMany#${this.id} ${sql} ${JSON.stringify(paramSets)}`);
    return { columns: null, rows: [], rowcount: paramSets.length };
  }
  async begin(): Promise<void> {
    calls.push(`begin#${this.id}`);
  }
  async commit(): Promise<void> {
    calls.push(`commit#${this.id}`);
  }
  async rollback(): Promise<void> {
    calls.push(`rollback#${this.id}`);
  }
  async ping(): Promise<void> {}
  async close(): Promise<void> {
    calls.push(`close#${this.id}`);
  }
}

export class FakeDialect extends Dialect {
  readonly name = "fake";
  readonly driver = "scripted";
  readonly paramStyle = "numeric_dollar";
  readonly capabilities: DialectCapabilities = {
    insertReturning: true,
    updateReturning: true,
    deleteReturning: true,
    savepoints: true,
    transactionalDdl: true,
  };

  async connect(_url: URL): Promise<DriverConnection> {
    return new FakeDriver();
  }

  mapError(error: unknown, context: ErrorContext): DBAPIError {
    const lost = error instanceof FakeDriverError && error.lost;
    const Class = lost ? OperationalError : ProgrammingError;
    return new Class((error as Error).message, { ...context, driverErrorName: "fake", connectionInvalidated: lost });
  }
}

registerDialect("fake", "scripted", () => new FakeDialect());
