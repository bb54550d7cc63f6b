/**
 * Alkahest Core as a user writes it: Table metadata and the expression language
 * (select/insert/update with bindparam for statements built once), through
 * engine.connect()/conn.execute(). The same file serves every database: only the URL
 * differs, and the engine imports the dialect package the URL names.
 */
import {
  bindparam,
  Column,
  createEngine,
  ForeignKey,
  insert,
  Integer,
  MetaData,
  NoSuchModuleError,
  select,
  String,
  Table,
  update,
  type Engine,
} from "@alkahest/core";
import type { DbTarget } from "../db/target.js";
import type { BenchSystem } from "../system.js";

const metadata = MetaData();
const users = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String(100)),
);
const addresses = Table(
  "address",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", Integer, ForeignKey("user_account.id")),
  Column("email_address", String(100)),
);

export default function alkahest(target: DbTarget): BenchSystem {
  let engine: Engine | undefined;
  const open = (): Engine => {
    if (engine === undefined) throw new Error("setup() was not called");
    return engine;
  };
  // Built once, as a user keeps a statement in a module-level constant.
  const selectOne = select(users).where(users.c.id.eq(bindparam("id")));
  const selectAll = select(users);
  // Ids in input order: insertmanyvalues pages where the database can promise the order.
  const insertReturning = insert(users).returning(users.c.id, { sortByParameterOrder: true });
  const updateOne = update(users)
    .where(users.c.id.eq(bindparam("user_id")))
    .values({ fullname: bindparam("new_fullname") });

  return {
    async setup() {
      engine = createEngine(target.alkahestUrl);
      try {
        await engine.ready();
      } catch (error) {
        if (!(error instanceof NoSuchModuleError)) throw error;
        throw new Error(
          `Alkahest has no working '${target.name}' dialect yet (${error.message}). ` +
            `Build its package (npm run build) or leave 'alkahest' out with --system.`,
          { cause: error },
        );
      }
    },
    async teardown() {
      await engine?.dispose();
    },
    async fixtureSql(sql, params) {
      return open().connect(async (conn) => {
        const result = await conn.execDriverSql(sql, params);
        const rows = result.returnsRows ? result.mappings().all() : [];
        await conn.commit();
        return rows;
      });
    },
    async bulkInsertReturning(rows) {
      return open().begin(async (conn) => (await conn.execute(insertReturning, rows)).scalars().all());
    },
    async shortSelectsPrepared(ids) {
      return open().connect(async (conn) => {
        const names: string[] = [];
        for (const id of ids) names.push((await conn.execute(selectOne, { id })).one().name);
        return names;
      });
    },
    async shortSelectsRebuilt(ids) {
      return open().connect(async (conn) => {
        const names: string[] = [];
        for (const id of ids) names.push((await conn.execute(select(users).where(users.c.id.eq(id)))).one().name);
        return names;
      });
    },
    async largeResultset() {
      return open().connect(async (conn) => (await conn.execute(selectAll)).all());
    },
    async largeResultsetStreamed() {
      return open().connect(async (conn) => {
        let count = 0;
        for await (const _row of await conn.stream(selectAll)) count++;
        return count;
      });
    },
    async executemanyUpdate(updates) {
      const params = updates.map((u) => ({ user_id: u.id, new_fullname: u.fullname }));
      await open().begin(async (conn) => {
        await conn.execute(updateOne, params);
      });
    },
    async compileOnly(times) {
      const dialect = await open().ready();
      const a2 = addresses.alias("a2");
      let length = 0;
      for (let i = 0; i < times; i++) {
        const stmt = select(users.c.id, users.c.name, addresses.c.email_address, a2.c.email_address.label("other_email"))
          .join(addresses, addresses.c.user_id.eq(users.c.id))
          .join(a2, a2.c.user_id.eq(users.c.id))
          .where(users.c.name.eq(`u${i}`), addresses.c.email_address.like("%@example.com"))
          .orderBy(users.c.id)
          .limit(10);
        const compiled = stmt.compile({ dialect });
        length += compiled.sql.length + compiled.placeholders.length;
      }
      return length;
    },
  };
}
