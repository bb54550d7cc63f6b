import { createEngine, parseURL, renderURL, type Engine, type EngineOptions } from "@alkahest/core";
import { afterAll, beforeAll, describe } from "@jest/globals";
import mysql from "mysql2/promise";

/**
 * The server the tests that need one run against: MariaDB (CI sets it) or MySQL. CI must
 * never skip them.
 */
const BASE_URL = process.env.ALKAHEST_MARIADB_URL || process.env.ALKAHEST_MYSQL_URL || null;

if (BASE_URL === null) {
  if (process.env.ALKAHEST_CI) throw new Error("ALKAHEST_MARIADB_URL is not set: CI must run the MySQL dialect's server tests.");
  process.stderr.write("\n*** SKIPPING MySQL/MariaDB server tests: set ALKAHEST_MARIADB_URL to run them. ***\n\n");
}

/**
 * `describe` with a database of this worker's own, created before the block and dropped
 * after it; `describe.skip` when no server is configured.
 */
export function describeServer(name: string, body: (db: ServerFixture) => void): void {
  if (BASE_URL === null) {
    describe.skip(name, () => body(new ServerFixture("mysql+mysql2://localhost/unused")));
    return;
  }
  const fixture = new ServerFixture(BASE_URL);
  describe(name, () => {
    beforeAll(() => fixture.admin(`CREATE DATABASE ${fixture.quotedName} CHARACTER SET utf8mb4`));
    afterAll(async () => {
      await Promise.all(fixture.engines.map((engine) => engine.dispose()));
      await fixture.admin(`DROP DATABASE IF EXISTS ${fixture.quotedName}`);
    });
    body(fixture);
  });
}

export class ServerFixture {
  readonly name = `alkahest_mysql_unit_w${process.env.JEST_WORKER_ID ?? "0"}_${process.pid}`;
  readonly quotedName = `\`${this.name}\``;
  /** The server's URL with this fixture's database. */
  readonly url: string;
  readonly engines: Engine[] = [];

  constructor(private readonly baseUrl: string) {
    this.url = renderURL({ ...parseURL(baseUrl), database: this.name }, { hidePassword: false });
  }

  /** An engine on the fixture's database, disposed after the block. */
  engine(options: EngineOptions = {}, url = this.url): Engine {
    const engine = createEngine(url, options);
    this.engines.push(engine);
    return engine;
  }

  /** Runs SQL on a raw mysql2 connection outside the database (CREATE/DROP DATABASE, KILL). */
  async admin(sql: string): Promise<void> {
    const base = parseURL(this.baseUrl);
    const conn = await mysql.createConnection({
      host: base.host ?? "localhost",
      port: base.port ?? 3306,
      user: base.username ?? undefined,
      password: base.password ?? undefined,
    });
    try {
      await conn.query(sql);
    } finally {
      await conn.end();
    }
  }
}
