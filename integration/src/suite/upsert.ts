/**
 * Upserts through each dialect's own insert(), as SQLAlchemy's dialect tests prove
 * `on_conflict_do_update` / `on_duplicate_key_update`: the first statement inserts, the
 * second updates the row it conflicts with, a DO NOTHING skips it. Gated by the
 * `upsert` capability ("onConflict": PostgreSQL, SQLite; "onDuplicateKeyUpdate": MySQL,
 * MariaDB), and DISTINCT ON by `distinctOn` (PostgreSQL; a CompileError elsewhere).
 */
import { Column, CompileError, Integer, MetaData, select, String, Table, type Connection } from "@alkahest/core";
import { onConflictInsert, onDuplicateKeyInsert, type Insert } from "@alkahest/core/dialect";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";
import { dropTables } from "./insert.js";

const metadata = MetaData();
const counters = Table(
  "upsert_counters",
  metadata,
  Column("id", Integer, { primaryKey: true, autoincrement: false }),
  Column("name", String(30), { nullable: false }),
  Column("hits", Integer, { nullable: false }),
);

type CounterInsert = Insert<typeof counters.columns>;

/**
 * The dialect's upsert: insert the row (hits 1), or on a conflicting id set the name
 * and, with `bump`, add 1 to hits. Without values, the rows come from the parameters.
 */
function upsert(kind: "onConflict" | "onDuplicateKeyUpdate", values?: { id: number; name: string }, bump = true): CounterInsert {
  if (kind === "onConflict") {
    const base = onConflictInsert(counters);
    const stmt = values === undefined ? base : base.values({ ...values, hits: 1 });
    const set = bump ? { name: stmt.excluded.name, hits: counters.c.hits.add(1) } : { name: stmt.excluded.name };
    return stmt.onConflictDoUpdate({ indexElements: ["id"], set });
  }
  const base = onDuplicateKeyInsert(counters);
  const stmt = values === undefined ? base : base.values({ ...values, hits: 1 });
  return stmt.onDuplicateKeyUpdate(bump ? { name: stmt.inserted.name, hits: counters.c.hits.add(1) } : { name: stmt.inserted.name });
}

async function stored(conn: Connection): Promise<unknown[][]> {
  return (await conn.execute(select(counters).orderBy(counters.c.id))).all().map((r) => [...r]);
}

export function upsertTests(config: ConformanceConfig): void {
  const caps = capabilitiesOf(config);
  const kind = caps.upsert;
  describe("upsert", () => {
    const db = useEngine(config);
    beforeEach(async () => {
      await dropTables(db.engine, [counters]);
      await metadata.createAll(db.engine, { checkfirst: false });
    });
    db.beforeDispose(() => dropTables(db.engine, [counters]));

    (kind === undefined ? it.skip : it)("the first upsert inserts, the second updates the row it conflicts with", async () => {
      await db.engine.begin(async (conn) => {
        const first = await conn.execute(upsert(kind ?? "onConflict", { id: 1, name: "sandy" }));
        expect(first.rowcount).toBe(1);
        const second = await conn.execute(upsert(kind ?? "onConflict", { id: 1, name: "patrick" }));
        // MySQL counts an updated row twice (1 inserted, 2 updated), as its manual says.
        expect(second.rowcount).toBe(kind === "onDuplicateKeyUpdate" ? 2 : 1);
        expect(await stored(conn)).toEqual([[1, "patrick", 2]]);
      });
    });

    (kind === undefined ? it.skip : it)("many parameter sets: existing rows updated, new ones inserted", async () => {
      await db.engine.begin(async (conn) => {
        await conn.execute(upsert(kind ?? "onConflict", { id: 1, name: "a" }));
        await conn.execute(upsert(kind ?? "onConflict", undefined, false), [
          { id: 1, name: "A", hits: 1 },
          { id: 2, name: "B", hits: 1 },
        ]);
        expect(await stored(conn)).toEqual([
          [1, "A", 1],
          [2, "B", 1],
        ]);
      });
    });

    (kind === "onConflict" ? it : it.skip)("ON CONFLICT DO NOTHING skips the conflicting row (rowcount 0)", async () => {
      await db.engine.begin(async (conn) => {
        await conn.execute(upsert("onConflict", { id: 1, name: "a" }));
        const skipped = await conn.execute(onConflictInsert(counters).values({ id: 1, name: "b", hits: 5 }).onConflictDoNothing());
        expect(skipped.rowcount).toBe(0);
        expect(await stored(conn)).toEqual([[1, "a", 1]]);
      });
    });

    (kind !== undefined && caps.insertReturning ? it : it.skip)("RETURNING gives the row as inserted, then as updated", async () => {
      await db.engine.begin(async (conn) => {
        const returned = async (name: string) =>
          (await conn.execute(upsert(kind ?? "onConflict", { id: 7, name }).returning(counters.c.name, counters.c.hits))).all().map((r) => [...r]);
        expect(await returned("x")).toEqual([["x", 1]]);
        expect(await returned("y")).toEqual([["y", 2]]);
      });
    });

    it("DISTINCT ON: the first row of each group on PostgreSQL, a CompileError elsewhere", async () => {
      await db.engine.begin(async (conn) => {
        await conn.execute(onConflictInsert(counters), [
          { id: 1, name: "a", hits: 5 },
          { id: 2, name: "a", hits: 9 },
          { id: 3, name: "b", hits: 1 },
        ]);
        const stmt = select(counters.c.name, counters.c.hits).distinct(counters.c.name).orderBy(counters.c.name, counters.c.hits.desc());
        if (caps.distinctOn === true) {
          expect((await conn.execute(stmt)).all().map((r) => [...r])).toEqual([
            ["a", 9],
            ["b", 1],
          ]);
        } else {
          await expect(conn.execute(stmt)).rejects.toThrow(CompileError);
        }
      });
    });
  });
}
