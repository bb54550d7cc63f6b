import { createEngine, parseURL, renderURL, type Connection, type Engine } from "@alkahest/core";
import { afterAll, beforeAll, beforeEach } from "@jest/globals";
import { openDriver, serverUrl } from "./server.js";

/** A database of a test file's own on the configured server, so its tables never meet another's. */
export interface OwnDatabase {
  /** Its URL, with `query` options added (`{ int8: "string" }`). */
  url(query?: Readonly<Record<string, string>>): string;
  /** Creates it, dropping a leftover of the same name first. */
  create(): Promise<void>;
  /** Drops it, ending any session still connected. */
  drop(): Promise<void>;
}

/**
 * `alkahest_<name>_w<worker>_<pid>` next to the database ALKAHEST_PG_URL names. CREATE
 * and DROP DATABASE cannot run in a transaction, so they run on a bare driver connection.
 * Only called inside `describeServer` blocks.
 *
 * @example
 * const db = ownDatabase("arrays");
 * beforeAll(() => db.create());
 * afterAll(() => db.drop());
 */
export function ownDatabase(name: string): OwnDatabase {
  const database = `alkahest_${name}_w${process.env.JEST_WORKER_ID ?? "0"}_${process.pid}`;
  async function run(sql: string): Promise<void> {
    const driver = await openDriver();
    try {
      await driver.execute(sql, []);
    } finally {
      await driver.close();
    }
  }
  return {
    url(query = {}) {
      const base = parseURL(serverUrl());
      return renderURL({ ...base, database, query: { ...base.query, ...query } }, { hidePassword: false });
    },
    async create() {
      await run(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await run(`CREATE DATABASE "${database}"`);
    },
    drop: () => run(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  };
}

/**
 * An engine on a database of its own for a describe block: `setup` runs once in a
 * transaction (CREATE TABLE ...), `tables` are emptied before each test, and the
 * database is dropped at the end.
 */
export function useOwnDatabaseEngine(name: string, tables: readonly string[], setup: (conn: Connection) => Promise<unknown>): { readonly engine: Engine } {
  const db = ownDatabase(name);
  let engine: Engine | undefined;
  beforeAll(async () => {
    await db.create();
    engine = createEngine(db.url());
    await engine.begin(setup);
  });
  beforeEach(() => fixture.engine.begin((conn) => conn.execDriverSql(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY`)));
  afterAll(async () => {
    await engine?.dispose();
    await db.drop();
  });
  const fixture = {
    get engine(): Engine {
      if (engine === undefined) throw new Error("useOwnDatabaseEngine(): the engine exists only inside tests");
      return engine;
    },
  };
  return fixture;
}
