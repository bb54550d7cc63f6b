/** Kysely, as its docs show it: one Kysely instance per database, typed tables, a dialect per driver. */
import { Kysely, type Dialect, type Generated } from "kysely";
import { runFixtureSql } from "../db/better-sqlite3-sql.js";
import type { DbTarget } from "../db/target.js";
import type { BenchSystem } from "../system.js";

interface Database {
  user_account: { id: Generated<number>; name: string; fullname: string | null };
  address: { id: Generated<number>; user_id: number; email_address: string };
}

type SQLiteDatabase = import("better-sqlite3").Database;

async function createDialect(target: DbTarget, keep: (db: SQLiteDatabase) => void): Promise<Dialect> {
  const kysely = await import("kysely");
  switch (target.name) {
    case "sqlite": {
      const { default: SQLite } = await import("better-sqlite3");
      const database = new SQLite(target.file);
      keep(database);
      return new kysely.SqliteDialect({ database });
    }
    case "pg": {
      const { default: pg } = await import("pg");
      return new kysely.PostgresDialect({ pool: new pg.Pool({ ...target.server, max: 1 }) });
    }
    case "mysql": {
      const { createPool } = await import("mysql2");
      return new kysely.MysqlDialect({ pool: createPool({ ...target.server, connectionLimit: 1 }) });
    }
  }
}

export default function kysely(target: DbTarget): BenchSystem {
  let db: Kysely<Database> | undefined;
  let sqlite: SQLiteDatabase | undefined;
  const open = (): Kysely<Database> => {
    if (db === undefined) throw new Error("setup() was not called");
    return db;
  };
  const system: BenchSystem = {
    async setup() {
      db = new Kysely<Database>({ dialect: await createDialect(target, (database) => (sqlite = database)) });
    },
    async teardown() {
      await db?.destroy();
    },
    async fixtureSql(sql, params) {
      if (sqlite === undefined) throw new Error("fixtureSql() is for SQLite only");
      return runFixtureSql(sqlite, sql, params);
    },
    async bulkInsertReturning(users) {
      if (target.name === "mysql") {
        // Kysely's MySQL driver reports the first generated id; one multi-row INSERT
        // takes consecutive ids (InnoDB's default autoinc lock mode), as Drizzle's $returningId() assumes.
        const result = await open()
          .transaction()
          .execute((tx) => tx.insertInto("user_account").values(users).executeTakeFirstOrThrow());
        const first = Number(result.insertId);
        return users.map((_, i) => first + i);
      }
      const rows = await open()
        .transaction()
        .execute((tx) => tx.insertInto("user_account").values(users).returning("id").execute());
      return rows.map((row) => Number(row.id));
    },
    async shortSelectsRebuilt(ids) {
      const names: string[] = [];
      for (const id of ids) {
        const user = await open()
          .selectFrom("user_account")
          .select(["id", "name", "fullname"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        names.push(user.name);
      }
      return names;
    },
    async largeResultset() {
      return open().selectFrom("user_account").select(["id", "name", "fullname"]).execute();
    },
    async executemanyUpdate(updates) {
      await open()
        .transaction()
        .execute(async (tx) => {
          for (const u of updates) {
            await tx.updateTable("user_account").set({ fullname: u.fullname }).where("id", "=", u.id).execute();
          }
        });
    },
    async compileOnly(times) {
      let length = 0;
      for (let i = 0; i < times; i++) {
        const query = open()
          .selectFrom("user_account as u")
          .innerJoin("address as a", "a.user_id", "u.id")
          .innerJoin("address as a2", "a2.user_id", "u.id")
          .select(["u.id", "u.name", "a.email_address", "a2.email_address as other_email"])
          .where("u.name", "=", `u${i}`)
          .where("a.email_address", "like", "%@example.com")
          .orderBy("u.id")
          .limit(10)
          .compile();
        length += query.sql.length + query.parameters.length;
      }
      return length;
    },
  };
  // Kysely streams through the driver's own cursor: better-sqlite3's iterate() and
  // mysql2's stream(); on PostgreSQL it needs pg-cursor, which bench/ does not have yet.
  if (target.name !== "pg") {
    system.largeResultsetStreamed = async () => {
      let count = 0;
      for await (const _row of open().selectFrom("user_account").select(["id", "name", "fullname"]).stream()) count++;
      return count;
    };
  }
  return system;
}
