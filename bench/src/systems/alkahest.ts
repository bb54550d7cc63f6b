/**
 * Alkahest Core as it is today: text() statements through engine.connect() and
 * conn.execute(). The same file serves every database: only the URL differs, and the
 * engine imports the dialect package the URL names (@alkahest/sqlite, /postgres, /mysql).
 */
import { createEngine, NoSuchModuleError, text, type Engine } from "@alkahest/core";
import type { DbTarget } from "../db/target.js";
import type { BenchSystem } from "../system.js";

type UserRow = { id: number; name: string; fullname: string | null };

const SELECT_ONE = "SELECT id, name, fullname FROM user_account WHERE id = :id";

export default function alkahest(target: DbTarget): BenchSystem {
  let engine: Engine | undefined;
  const open = (): Engine => {
    if (engine === undefined) throw new Error("setup() was not called");
    return engine;
  };
  // Built once, as a user keeps a statement in a module-level constant.
  const selectOne = text<UserRow>(SELECT_ONE);
  const selectAll = text<UserRow>("SELECT id, name, fullname FROM user_account");
  // An executemany of text() runs once per row: insertmanyvalues (issue 3) is for insert() constructs.
  const insertReturning = text<{ id: number }>("INSERT INTO user_account (name, fullname) VALUES (:name, :fullname) RETURNING id");
  const updateOne = text("UPDATE user_account SET fullname = :fullname WHERE id = :id");

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
    async bulkInsertReturning(users) {
      return open().begin(async (conn) => {
        const ids = (await conn.execute(insertReturning, users)).scalars().all();
        return ids.map(Number);
      });
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
        for (const id of ids) names.push((await conn.execute(text<UserRow>(SELECT_ONE), { id })).one().name);
        return names;
      });
    },
    async largeResultset() {
      return open().connect(async (conn) => (await conn.execute(selectAll)).all());
    },
    // largeResultsetStreamed: n/a, Result does not stream yet (every driver call buffers its rows).
    async executemanyUpdate(updates) {
      await open().begin(async (conn) => {
        await conn.execute(updateOne, updates);
      });
    },
    // compileOnly: n/a until the expression language lands (issue 3).
  };
}
