import { parseURL, renderURL } from "@alkahest/core";
import mysql from "mysql2/promise";
import { workerDatabaseName } from "./server-url.js";

/** A database of this jest worker's own on a MySQL or MariaDB server. */
export interface WorkerDatabase {
  /** The server's URL with the worker's database in it; known before the database exists. */
  readonly url: string;
  /** Creates the database afresh (dropping a leftover of the same name). */
  create(): Promise<void>;
  /** Drops the database and every table the suite left in it. */
  drop(): Promise<void>;
}

/**
 * A database named for this jest worker on the server of `baseUrl`, so that parallel
 * workers and concurrent runs never share tables. Its URL is known at once, because the
 * suite declares its tests (and reads the dialect's capabilities) before any hook runs;
 * `create()` and `drop()` use a raw mysql2 connection as the URL's user. The database is
 * utf8mb4 (emoji need it; older MariaDB servers default to latin1). A `prefix` keeps
 * two suites of one worker apart; the URL's query options are kept.
 *
 * @example
 * const db = mysqlWorkerDatabase(process.env.ALKAHEST_MARIADB_URL!);
 * beforeAll(() => db.create());
 * afterAll(() => db.drop());
 * runConformanceSuite({ name: "mariadb", url: db.url });
 */
export function mysqlWorkerDatabase(baseUrl: string, prefix?: string): WorkerDatabase {
  const base = parseURL(baseUrl);
  const name = workerDatabaseName(prefix);
  const quoted = `\`${name}\``;
  const server: mysql.ConnectionOptions = {
    host: base.host ?? "localhost",
    port: base.port ?? 3306,
    user: base.username ?? undefined,
    password: base.password ?? undefined,
  };
  return {
    url: renderURL({ ...base, database: name }, { hidePassword: false }),
    create: () =>
      withConnection(server, async (conn) => {
        await conn.query(`DROP DATABASE IF EXISTS ${quoted}`);
        await conn.query(`CREATE DATABASE ${quoted} CHARACTER SET utf8mb4`);
      }),
    drop: () => withConnection(server, (conn) => conn.query(`DROP DATABASE IF EXISTS ${quoted}`)),
  };
}

async function withConnection(
  options: mysql.ConnectionOptions,
  work: (conn: mysql.Connection) => Promise<unknown>,
): Promise<void> {
  const conn = await mysql.createConnection(options);
  try {
    await work(conn);
  } finally {
    await conn.end();
  }
}
