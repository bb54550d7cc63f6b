/**
 * Drizzle ORM, as its docs show it: a table per dialect (sqliteTable, pgTable,
 * mysqlTable), the query builder awaited, `.prepare()` with sql.placeholder() for the
 * statement built once, transactions through db.transaction().
 */
import { runFixtureSql } from "../db/better-sqlite3-sql.js";
import type { DbTarget, ServerAddress } from "../db/target.js";
import { lazySystem, type WorkloadMethod } from "../lazy-system.js";
import type { BenchSystem } from "../system.js";

const COMMON: readonly WorkloadMethod[] = [
  "bulkInsertReturning",
  "shortSelectsPrepared",
  "shortSelectsRebuilt",
  "largeResultset",
  "executemanyUpdate",
  "compileOnly",
];

async function sqliteDrizzle(file: string): Promise<BenchSystem> {
  const [{ drizzle }, s, { and, eq, like, sql }, { default: Database }] = await Promise.all([
    import("drizzle-orm/better-sqlite3"),
    import("drizzle-orm/sqlite-core"),
    import("drizzle-orm"),
    import("better-sqlite3"),
  ]);
  const users = s.sqliteTable("user_account", {
    id: s.integer("id").primaryKey(),
    name: s.text("name", { length: 30 }).notNull(),
    fullname: s.text("fullname", { length: 100 }),
  });
  const addresses = s.sqliteTable("address", {
    id: s.integer("id").primaryKey(),
    userId: s.integer("user_id").notNull().references(() => users.id),
    emailAddress: s.text("email_address", { length: 100 }).notNull(),
  });
  const client = new Database(file);
  const db = drizzle({ client });
  // Prepared on first use: better-sqlite3 prepares at once, and the tables come after setup().
  const prepareSelectUser = () => db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare();
  let selectUser: ReturnType<typeof prepareSelectUser> | undefined;
  const otherAddress = s.alias(addresses, "a2");
  return {
    async setup() {},
    async teardown() {
      client.close();
    },
    async fixtureSql(text, params) {
      return runFixtureSql(client, text, params);
    },
    async bulkInsertReturning(rows) {
      // better-sqlite3 is synchronous, and so are Drizzle's transactions on it.
      const ids = db.transaction((tx) => tx.insert(users).values([...rows]).returning({ id: users.id }).all());
      return ids.map((row) => row.id);
    },
    async shortSelectsPrepared(ids) {
      const prepared = (selectUser ??= prepareSelectUser());
      return ids.map((id) => (prepared.get({ id }) as { name: string }).name);
    },
    async shortSelectsRebuilt(ids) {
      const names: string[] = [];
      for (const id of ids) names.push(((await db.select().from(users).where(eq(users.id, id)))[0] as { name: string }).name);
      return names;
    },
    async largeResultset() {
      return db.select().from(users);
    },
    async executemanyUpdate(updates) {
      db.transaction((tx) => {
        for (const u of updates) tx.update(users).set({ fullname: u.fullname }).where(eq(users.id, u.id)).run();
      });
    },
    async compileOnly(times) {
      let length = 0;
      for (let i = 0; i < times; i++) {
        const query = db
          .select({ id: users.id, name: users.name, email: addresses.emailAddress, otherEmail: otherAddress.emailAddress })
          .from(users)
          .innerJoin(addresses, eq(addresses.userId, users.id))
          .innerJoin(otherAddress, eq(otherAddress.userId, users.id))
          .where(and(eq(users.name, `u${i}`), like(addresses.emailAddress, "%@example.com")))
          .orderBy(users.id)
          .limit(10)
          .toSQL();
        length += query.sql.length + query.params.length;
      }
      return length;
    },
  };
}

async function pgDrizzle(server: ServerAddress): Promise<BenchSystem> {
  const [{ drizzle }, p, { and, eq, like, sql }, { default: pg }] = await Promise.all([
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/pg-core"),
    import("drizzle-orm"),
    import("pg"),
  ]);
  const users = p.pgTable("user_account", {
    id: p.serial("id").primaryKey(),
    name: p.varchar("name", { length: 30 }).notNull(),
    fullname: p.varchar("fullname", { length: 100 }),
  });
  const addresses = p.pgTable("address", {
    id: p.serial("id").primaryKey(),
    userId: p.integer("user_id").notNull().references(() => users.id),
    emailAddress: p.varchar("email_address", { length: 100 }).notNull(),
  });
  const pool = new pg.Pool({ ...server });
  const db = drizzle({ client: pool });
  const selectUser = db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare("select_user");
  const otherAddress = p.alias(addresses, "a2");
  return {
    async setup() {},
    async teardown() {
      await pool.end();
    },
    async bulkInsertReturning(rows) {
      const ids = await db.transaction((tx) => tx.insert(users).values([...rows]).returning({ id: users.id }));
      return ids.map((row) => row.id);
    },
    async shortSelectsPrepared(ids) {
      const names: string[] = [];
      for (const id of ids) names.push(((await selectUser.execute({ id }))[0] as { name: string }).name);
      return names;
    },
    async shortSelectsRebuilt(ids) {
      const names: string[] = [];
      for (const id of ids) names.push(((await db.select().from(users).where(eq(users.id, id)))[0] as { name: string }).name);
      return names;
    },
    async largeResultset() {
      return db.select().from(users);
    },
    async executemanyUpdate(updates) {
      await db.transaction(async (tx) => {
        for (const u of updates) await tx.update(users).set({ fullname: u.fullname }).where(eq(users.id, u.id));
      });
    },
    async compileOnly(times) {
      let length = 0;
      for (let i = 0; i < times; i++) {
        const query = db
          .select({ id: users.id, name: users.name, email: addresses.emailAddress, otherEmail: otherAddress.emailAddress })
          .from(users)
          .innerJoin(addresses, eq(addresses.userId, users.id))
          .innerJoin(otherAddress, eq(otherAddress.userId, users.id))
          .where(and(eq(users.name, `u${i}`), like(addresses.emailAddress, "%@example.com")))
          .orderBy(users.id)
          .limit(10)
          .toSQL();
        length += query.sql.length + query.params.length;
      }
      return length;
    },
  };
}

async function mysqlDrizzle(server: ServerAddress): Promise<BenchSystem> {
  const [{ drizzle }, m, { and, eq, like, sql }, mysql] = await Promise.all([
    import("drizzle-orm/mysql2"),
    import("drizzle-orm/mysql-core"),
    import("drizzle-orm"),
    import("mysql2"),
  ]);
  const users = m.mysqlTable("user_account", {
    id: m.int("id").primaryKey().autoincrement(),
    name: m.varchar("name", { length: 30 }).notNull(),
    fullname: m.varchar("fullname", { length: 100 }),
  });
  const addresses = m.mysqlTable("address", {
    id: m.int("id").primaryKey().autoincrement(),
    userId: m.int("user_id").notNull().references(() => users.id),
    emailAddress: m.varchar("email_address", { length: 100 }).notNull(),
  });
  // The callback pool: drizzle takes its promise() wrapper, and streams on the pool itself.
  const pool = mysql.createPool({ ...server });
  const db = drizzle({ client: pool });
  const selectUser = db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare();
  const otherAddress = m.alias(addresses, "a2");
  return {
    async setup() {},
    async teardown() {
      await pool.promise().end();
    },
    async bulkInsertReturning(rows) {
      // MySQL has no RETURNING; Drizzle derives the ids from the insert id and row count.
      const ids = await db.transaction((tx) => tx.insert(users).values([...rows]).$returningId());
      return ids.map((row) => row.id);
    },
    async shortSelectsPrepared(ids) {
      const names: string[] = [];
      for (const id of ids) names.push(((await selectUser.execute({ id }))[0] as { name: string }).name);
      return names;
    },
    async shortSelectsRebuilt(ids) {
      const names: string[] = [];
      for (const id of ids) names.push(((await db.select().from(users).where(eq(users.id, id)))[0] as { name: string }).name);
      return names;
    },
    async largeResultset() {
      return db.select().from(users);
    },
    async largeResultsetStreamed() {
      let count = 0;
      for await (const _row of db.select().from(users).iterator()) count++;
      return count;
    },
    async executemanyUpdate(updates) {
      await db.transaction(async (tx) => {
        for (const u of updates) await tx.update(users).set({ fullname: u.fullname }).where(eq(users.id, u.id));
      });
    },
    async compileOnly(times) {
      let length = 0;
      for (let i = 0; i < times; i++) {
        const query = db
          .select({ id: users.id, name: users.name, email: addresses.emailAddress, otherEmail: otherAddress.emailAddress })
          .from(users)
          .innerJoin(addresses, eq(addresses.userId, users.id))
          .innerJoin(otherAddress, eq(otherAddress.userId, users.id))
          .where(and(eq(users.name, `u${i}`), like(addresses.emailAddress, "%@example.com")))
          .orderBy(users.id)
          .limit(10)
          .toSQL();
        length += query.sql.length + query.params.length;
      }
      return length;
    },
  };
}

export default function drizzle(target: DbTarget): BenchSystem {
  switch (target.name) {
    case "sqlite":
      return lazySystem([...COMMON, "fixtureSql"], () => sqliteDrizzle(target.file));
    case "pg":
      return lazySystem(COMMON, () => pgDrizzle(target.server));
    case "mysql":
      // Drizzle streams (iterator()) on mysql2 only.
      return lazySystem([...COMMON, "largeResultsetStreamed"], () => mysqlDrizzle(target.server));
  }
}
