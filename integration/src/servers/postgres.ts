import { createEngine, renderURL } from "@alkahest/core";
import { workerDatabaseName } from "./server-url.js";

/** A database of this jest worker's own on a PostgreSQL server. */
export interface WorkerDatabase {
  /** Its URL, known before it exists so that the suite can be declared with it. */
  readonly url: string;
  /** Creates it (dropping a leftover of the same name first). */
  create(): Promise<void>;
  /** Drops it, ending any session still connected to it. */
  drop(): Promise<void>;
}

/**
 * A per-worker database next to the one `baseUrl` names, so that parallel jest
 * workers never share tables (a `prefix` keeps two suites of one worker apart). CREATE/DROP DATABASE cannot run inside a transaction
 * and core's Connection always begins one, so they run on a bare driver connection
 * opened by the dialect itself (which honours every URL option, sslmode included).
 *
 * @example
 * const database = postgresWorkerDatabase(process.env.ALKAHEST_PG_URL!);
 * beforeAll(() => database.create());
 * afterAll(() => database.drop());
 * runConformanceSuite({ name: "postgresql", url: database.url });
 */
export function postgresWorkerDatabase(baseUrl: string, prefix?: string): WorkerDatabase {
  const base = createEngine(baseUrl);
  const name = workerDatabaseName(prefix);
  const quoted = `"${name.replaceAll('"', '""')}"`;
  const url = renderURL({ ...base.url, database: name }, { hidePassword: false });

  async function runOnServer(sql: string): Promise<void> {
    const dialect = await base.ready();
    const driver = await dialect.connect(base.url, {});
    try {
      await driver.execute(sql, []);
    } finally {
      await driver.close();
    }
  }

  return {
    url,
    async create() {
      await runOnServer(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      await runOnServer(`CREATE DATABASE ${quoted}`);
    },
    drop: () => runOnServer(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`),
  };
}
