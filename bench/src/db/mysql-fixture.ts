import mysql from "mysql2/promise";
import { idPages, seedFullname, seedName, type Fixture } from "./fixture.js";
import { parseServerUrl, serverUrl, type DbTarget, type ServerAddress } from "./target.js";

// The DDL SQLAlchemy emits for the tutorial's tables on MySQL/MariaDB.
const SCHEMA = [
  "DROP TABLE IF EXISTS address",
  "DROP TABLE IF EXISTS user_account",
  `CREATE TABLE user_account (
    id INTEGER NOT NULL AUTO_INCREMENT,
    name VARCHAR(30) NOT NULL,
    fullname VARCHAR(100),
    PRIMARY KEY (id)
  ) ENGINE=InnoDB`,
  `CREATE TABLE address (
    id INTEGER NOT NULL AUTO_INCREMENT,
    user_id INTEGER NOT NULL,
    email_address VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES user_account (id)
  ) ENGINE=InnoDB`,
];

function serverOf(target: DbTarget): ServerAddress {
  if (target.name !== "mysql") throw new Error(`not a MySQL/MariaDB target: ${target.name}`);
  return target.server;
}

async function withAdminConnection(body: (conn: mysql.Connection) => Promise<void>): Promise<void> {
  const { database: _, ...address } = parseServerUrl(serverUrl("mysql"), 3306);
  const conn = await mysql.createConnection(address);
  try {
    await body(conn);
  } finally {
    await conn.end();
  }
}

export async function createBenchDatabase(target: DbTarget): Promise<void> {
  const { database } = serverOf(target);
  await withAdminConnection(async (conn) => {
    await conn.query(`DROP DATABASE IF EXISTS ${database}`);
    await conn.query(`CREATE DATABASE ${database}`);
  });
}

export async function dropBenchDatabase(target: DbTarget): Promise<void> {
  const { database } = serverOf(target);
  await withAdminConnection(async (conn) => {
    await conn.query(`DROP DATABASE IF EXISTS ${database}`);
  });
}

export async function serverVersion(target: DbTarget): Promise<string> {
  const conn = await mysql.createConnection({ ...serverOf(target) });
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT version() AS v");
    return `MariaDB/MySQL ${String(rows[0]?.v)}`;
  } finally {
    await conn.end();
  }
}

export async function openFixture(target: DbTarget): Promise<Fixture> {
  const conn = await mysql.createConnection({ ...serverOf(target) });
  return {
    async createSchema() {
      for (const sql of SCHEMA) await conn.query(sql);
    },
    async empty() {
      await conn.query("SET FOREIGN_KEY_CHECKS = 0");
      await conn.query("TRUNCATE address");
      await conn.query("TRUNCATE user_account");
      await conn.query("SET FOREIGN_KEY_CHECKS = 1");
    },
    async seedUsers(count) {
      await conn.beginTransaction();
      for (const page of idPages(count)) {
        const rows = page.map((id) => [id, seedName(id), seedFullname(id)]);
        await conn.query("INSERT INTO user_account (id, name, fullname) VALUES ?", [rows]);
      }
      await conn.commit();
      await conn.query("ANALYZE TABLE user_account");
    },
    async userNames() {
      const [rows] = await conn.query<mysql.RowDataPacket[]>({ sql: "SELECT id, name FROM user_account", rowsAsArray: true });
      return new Map(rows.map((row) => [Number(row[0]), String(row[1])]));
    },
    async countFullnames(prefix) {
      const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT count(*) AS n FROM user_account WHERE fullname LIKE ?", [
        `${prefix}%`,
      ]);
      return Number(rows[0]?.n);
    },
    async close() {
      await conn.end();
    },
  };
}
