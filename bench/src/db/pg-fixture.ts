import pg from "pg";
import { idPages, seedFullname, seedName, type Fixture } from "./fixture.js";
import { parseServerUrl, serverUrl, type DbTarget, type ServerAddress } from "./target.js";

// The DDL SQLAlchemy emits for the tutorial's tables on PostgreSQL.
const SCHEMA = `
DROP TABLE IF EXISTS address;
DROP TABLE IF EXISTS user_account;
CREATE TABLE user_account (
  id SERIAL NOT NULL,
  name VARCHAR(30) NOT NULL,
  fullname VARCHAR(100),
  PRIMARY KEY (id)
);
CREATE TABLE address (
  id SERIAL NOT NULL,
  user_id INTEGER NOT NULL,
  email_address VARCHAR(100) NOT NULL,
  PRIMARY KEY (id),
  FOREIGN KEY (user_id) REFERENCES user_account (id)
);`;

function serverOf(target: DbTarget): ServerAddress {
  if (target.name !== "pg") throw new Error(`not a PostgreSQL target: ${target.name}`);
  return target.server;
}

async function withAdminClient(body: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ ...parseServerUrl(serverUrl("pg"), 5432) });
  await client.connect();
  try {
    await body(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(target: DbTarget): Promise<void> {
  const { database } = serverOf(target);
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  });
}

export async function dropBenchDatabase(target: DbTarget): Promise<void> {
  const { database } = serverOf(target);
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });
}

export async function serverVersion(target: DbTarget): Promise<string> {
  const client = new pg.Client({ ...serverOf(target) });
  await client.connect();
  try {
    const result = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return `PostgreSQL ${result.rows[0]?.v ?? "?"}`;
  } finally {
    await client.end();
  }
}

export async function openFixture(target: DbTarget): Promise<Fixture> {
  const client = new pg.Client({ ...serverOf(target) });
  await client.connect();
  return {
    async createSchema() {
      await client.query(SCHEMA);
    },
    async empty() {
      await client.query("TRUNCATE address, user_account RESTART IDENTITY");
    },
    async seedUsers(count) {
      await client.query("BEGIN");
      for (const page of idPages(count)) {
        const values = page.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(", ");
        const params = page.flatMap((id) => [id, seedName(id), seedFullname(id)]);
        await client.query(`INSERT INTO user_account (id, name, fullname) VALUES ${values}`, params);
      }
      await client.query(`SELECT setval('user_account_id_seq', ${count})`);
      await client.query("COMMIT");
      await client.query("VACUUM ANALYZE user_account");
    },
    async userNames() {
      const result = await client.query<[number, string]>({ text: "SELECT id, name FROM user_account", rowMode: "array" });
      return new Map(result.rows);
    },
    async countFullnames(prefix) {
      const result = await client.query<{ n: string }>("SELECT count(*) AS n FROM user_account WHERE fullname LIKE $1", [
        `${prefix}%`,
      ]);
      return Number(result.rows[0]?.n);
    },
    async close() {
      await client.end();
    },
  };
}
