/**
 * The floor: the fastest reasonable hand-written code on each driver. Prepared
 * statements, multi-row VALUES in pages, one transaction, rows in the driver's
 * cheapest form (objects on better-sqlite3, arrays on pg and mysql2). On a server the
 * executemany UPDATE is paged too, one round trip per 1,000 rows; on SQLite, where
 * there is no round trip, a prepared UPDATE run per row is the fastest.
 */
import { runFixtureSql } from "../db/better-sqlite3-sql.js";
import type { DbTarget } from "../db/target.js";
import type { BenchSystem, FullnameUpdate, NewUser } from "../system.js";

const SELECT_ONE = "SELECT id, name, fullname FROM user_account WHERE id = ?";
const SELECT_ALL = "SELECT id, name, fullname FROM user_account";
const UPDATE_ONE = "UPDATE user_account SET fullname = ? WHERE id = ?";
type UserObject = { id: number; name: string; fullname: string | null };

/** Rows per multi-row INSERT: 2,000 bound parameters fit every driver's limit. */
const PAGE = 1000;

function pages<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PAGE) out.push(items.slice(i, i + PAGE));
  return out;
}

function insertSql(rows: number, placeholder: (index: number) => string): string {
  const values: string[] = [];
  for (let i = 0; i < rows; i++) values.push(`(${placeholder(2 * i)}, ${placeholder(2 * i + 1)})`);
  return `INSERT INTO user_account (name, fullname) VALUES ${values.join(", ")} RETURNING id`;
}

function flatParams(users: readonly NewUser[]): string[] {
  const params: string[] = [];
  for (const user of users) params.push(user.name, user.fullname);
  return params;
}

function updateParams(updates: readonly FullnameUpdate[]): (number | string)[] {
  const params: (number | string)[] = [];
  for (const u of updates) params.push(u.id, u.fullname);
  return params;
}

function sqliteSystem(file: string): BenchSystem {
  type Database = import("better-sqlite3").Database;
  type Statement = import("better-sqlite3").Statement<string[], number>;
  let db: Database | undefined;
  const inserts = new Map<number, Statement>();
  const open = (): Database => {
    if (db === undefined) throw new Error("setup() was not called");
    return db;
  };
  return {
    async setup() {
      const { default: Database } = await import("better-sqlite3");
      db = new Database(file);
    },
    async teardown() {
      db?.close();
    },
    async fixtureSql(sql, params) {
      return runFixtureSql(open(), sql, params);
    },
    async bulkInsertReturning(users) {
      const conn = open();
      const ids: number[] = [];
      conn.transaction(() => {
        for (const page of pages(users)) {
          let stmt = inserts.get(page.length);
          if (stmt === undefined) {
            stmt = conn.prepare<string[], number>(insertSql(page.length, () => "?")).pluck();
            inserts.set(page.length, stmt);
          }
          for (const id of stmt.all(...flatParams(page))) ids.push(id);
        }
      })();
      // SQLite returns RETURNING rows in no promised order; one statement assigns
      // rowids in input order, so ascending ids are input order.
      return ids.sort((a, b) => a - b);
    },
    // Rows as objects: better-sqlite3 builds them faster than arrays (.raw(true)),
    // about 1.6x on get() and all() with this driver version.
    async shortSelectsPrepared(ids) {
      const stmt = open().prepare<[number], UserObject>(SELECT_ONE);
      return ids.map((id) => (stmt.get(id) as UserObject).name);
    },
    async largeResultset() {
      return open().prepare(SELECT_ALL).all();
    },
    async largeResultsetStreamed() {
      let count = 0;
      for (const _row of open().prepare(SELECT_ALL).iterate()) count++;
      return count;
    },
    async executemanyUpdate(updates: readonly FullnameUpdate[]) {
      const conn = open();
      const stmt = conn.prepare<[string, number]>(UPDATE_ONE);
      conn.transaction(() => {
        for (const u of updates) stmt.run(u.fullname, u.id);
      })();
    },
  };
}

function pgSystem(target: Extract<DbTarget, { name: "pg" | "mysql" }>): BenchSystem {
  type Client = import("pg").Client;
  let client: Client | undefined;
  let pg: typeof import("pg").default | undefined;
  const open = (): Client => {
    if (client === undefined) throw new Error("setup() was not called");
    return client;
  };
  const numbered = (sql: string): string => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    async setup() {
      pg = (await import("pg")).default;
      client = new pg.Client({ ...target.server });
      await client.connect();
    },
    async teardown() {
      await client?.end();
    },
    async bulkInsertReturning(users) {
      const conn = open();
      const ids: number[] = [];
      await conn.query("BEGIN");
      for (const page of pages(users)) {
        const result = await conn.query<[number]>({
          name: `insert_users_${page.length}`,
          text: insertSql(page.length, (i) => `$${i + 1}`),
          values: flatParams(page),
          rowMode: "array",
        });
        for (const row of result.rows) ids.push(row[0]);
      }
      await conn.query("COMMIT");
      return ids;
    },
    async shortSelectsPrepared(ids) {
      const conn = open();
      const text = numbered(SELECT_ONE);
      const names: string[] = [];
      await conn.query("BEGIN");
      for (const id of ids) {
        const result = await conn.query<[number, string, string | null]>({
          name: "select_user",
          text,
          values: [id],
          rowMode: "array",
        });
        names.push((result.rows[0] as [number, string, string | null])[1]);
      }
      await conn.query("COMMIT");
      return names;
    },
    async largeResultset() {
      return (await open().query({ text: SELECT_ALL, rowMode: "array" })).rows;
    },
    async largeResultsetStreamed() {
      const Query = (pg as typeof import("pg").default).Query;
      // A submitted Query with a 'row' listener and no callback does not keep the rows.
      const config: import("pg").QueryArrayConfig = { text: SELECT_ALL, rowMode: "array" };
      const query = open().query(new Query(config));
      let count = 0;
      query.on("row", () => count++);
      await new Promise<void>((resolve, reject) => {
        query.on("end", () => resolve());
        query.on("error", reject);
      });
      return count;
    },
    async executemanyUpdate(updates) {
      // A page of rows per statement: UPDATE ... FROM (VALUES ...), one round trip per page.
      const conn = open();
      await conn.query("BEGIN");
      for (const page of pages(updates)) {
        const values = page.map((_, i) => `($${2 * i + 1}::integer, $${2 * i + 2}::varchar)`).join(", ");
        await conn.query({
          name: `update_users_${page.length}`,
          text: `UPDATE user_account AS u SET fullname = v.fullname FROM (VALUES ${values}) AS v (id, fullname) WHERE u.id = v.id`,
          values: updateParams(page),
        });
      }
      await conn.query("COMMIT");
    },
  };
}

function mysqlSystem(target: Extract<DbTarget, { name: "pg" | "mysql" }>): BenchSystem {
  type Connection = import("mysql2/promise").Connection;
  type ResultRows = import("mysql2/promise").RowDataPacket[];
  let core: import("mysql2").Connection | undefined;
  let conn: Connection | undefined;
  const open = (): Connection => {
    if (conn === undefined) throw new Error("setup() was not called");
    return conn;
  };
  return {
    async setup() {
      const mysql = await import("mysql2");
      core = mysql.createConnection({ ...target.server });
      conn = core.promise();
      await conn.connect();
    },
    async teardown() {
      await conn?.end();
    },
    async bulkInsertReturning(users) {
      // MariaDB 10.5+ has INSERT ... RETURNING, in input order.
      const c = open();
      const ids: number[] = [];
      await c.beginTransaction();
      for (const page of pages(users)) {
        const [rows] = await c.execute<ResultRows>({ sql: insertSql(page.length, () => "?"), rowsAsArray: true }, flatParams(page));
        for (const row of rows) ids.push(Number(row[0]));
      }
      await c.commit();
      return ids;
    },
    async shortSelectsPrepared(ids) {
      // query(), not execute(): on MariaDB the text protocol with the value escaped by
      // the client beat the binary prepared statement here (one round trip either way);
      // on the callback API, as mysql2's promise wrapper costs a little per call; in one
      // transaction, as the other systems' (implicit) transactions are.
      const c = open();
      const connection = core as import("mysql2").Connection;
      const names: string[] = [];
      await c.beginTransaction();
      for (const id of ids) {
        const rows = await new Promise<unknown[][]>((resolve, reject) =>
          connection.query<ResultRows>({ sql: SELECT_ONE, rowsAsArray: true }, [id], (error, result) =>
            error === null ? resolve(result as unknown[][]) : reject(error),
          ),
        );
        names.push(String((rows[0] as unknown[])[1]));
      }
      await c.commit();
      return names;
    },
    async largeResultset() {
      const [rows] = await open().query<ResultRows>({ sql: SELECT_ALL, rowsAsArray: true });
      return rows;
    },
    async largeResultsetStreamed() {
      let count = 0;
      open();
      const stream = (core as import("mysql2").Connection).query({ sql: SELECT_ALL, rowsAsArray: true }).stream();
      for await (const _row of stream) count++;
      return count;
    },
    async executemanyUpdate(updates) {
      // A page of rows per statement, joined from a table value constructor (MariaDB 10.3+).
      const c = open();
      await c.beginTransaction();
      for (const page of pages(updates)) {
        const values = page.map(() => "(?, ?)").join(", ");
        await c.execute(
          "UPDATE user_account AS u JOIN (SELECT 0 AS id, CAST('' AS CHAR(100)) AS fullname UNION ALL VALUES " +
            `${values}) AS v ON u.id = v.id SET u.fullname = v.fullname`,
          updateParams(page),
        );
      }
      await c.commit();
    },
  };
}

export default function raw(target: DbTarget): BenchSystem {
  switch (target.name) {
    case "sqlite":
      return sqliteSystem(target.file);
    case "pg":
      return pgSystem(target);
    case "mysql":
      return mysqlSystem(target);
  }
}
