/**
 * SQLite runs in memory: a file costs every autocommit statement a lock and a
 * change-counter read (about 13 µs, several times better-sqlite3's own cost of a
 * primary-key SELECT), which would hide what the libraries cost. An in-memory
 * database is seen by its one connection only, so this fixture works through the
 * system's connection (BenchSystem.fixtureSql).
 */
import Database from "better-sqlite3";
import type { BenchSystem, FixtureRows } from "../system.js";
import { idPages, seedFullname, seedName, type Fixture } from "./fixture.js";
import type { DbTarget } from "./target.js";

// SQLAlchemy's DDL for the tutorial's tables: INTEGER PRIMARY KEY is the rowid, so
// ids are generated without the AUTOINCREMENT keyword and restart at 1 when emptied.
const SCHEMA = [
  "DROP TABLE IF EXISTS address",
  "DROP TABLE IF EXISTS user_account",
  `CREATE TABLE user_account (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(30) NOT NULL,
    fullname VARCHAR(100)
  )`,
  `CREATE TABLE address (
    id INTEGER NOT NULL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES user_account (id),
    email_address VARCHAR(100) NOT NULL
  )`,
];

export async function createBenchDatabase(): Promise<void> {}

export async function dropBenchDatabase(): Promise<void> {}

export async function serverVersion(): Promise<string> {
  const db = new Database(":memory:");
  try {
    return `SQLite ${String(db.prepare("SELECT sqlite_version()").pluck().get())} (in memory)`;
  } finally {
    db.close();
  }
}

export async function openFixture(_target: DbTarget, system: BenchSystem): Promise<Fixture> {
  const fixtureSql = system.fixtureSql?.bind(system);
  if (fixtureSql === undefined) throw new Error("this system has no fixtureSql(), which SQLite's fixture needs");
  const run = (sql: string, params: readonly unknown[] = []): Promise<FixtureRows> => fixtureSql(sql, params);
  return {
    async createSchema() {
      for (const sql of SCHEMA) await run(sql);
    },
    async empty() {
      await run("DELETE FROM address");
      await run("DELETE FROM user_account");
    },
    async seedUsers(count) {
      for (const page of idPages(count)) {
        const values = page.map(() => "(?, ?, ?)").join(", ");
        await run(
          `INSERT INTO user_account (id, name, fullname) VALUES ${values}`,
          page.flatMap((id) => [id, seedName(id), seedFullname(id)]),
        );
      }
    },
    async userNames() {
      const rows = await run("SELECT id, name FROM user_account");
      return new Map(rows.map((row) => [Number(row.id), String(row.name)]));
    },
    async countFullnames(prefix) {
      const rows = await run("SELECT count(*) AS n FROM user_account WHERE fullname LIKE ?", [`${prefix}%`]);
      return Number(rows[0]?.n);
    },
    async close() {},
  };
}
