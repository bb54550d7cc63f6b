import { bindparam, Column, DBAPIError, delete_, insert, Integer, MetaData, select, String, Table, update } from "@alkahest/core";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig, type EngineFixture } from "../config.js";
import { dropTables } from "./insert.js";

let touches = 0;
const metadata = MetaData();
const people = Table(
  "dml_people",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("visits", Integer, { nullable: false }),
  Column("touched", Integer, { onUpdate: () => ++touches }),
);

const SEED = [
  { id: 1, name: "spongebob", visits: 1 },
  { id: 2, name: "sandy", visits: 2 },
  { id: 3, name: "patrick", visits: 3 },
  { id: 4, name: "squidward", visits: 3 },
];

/** The people table, filled with SEED, before each test. */
function usePeople(db: EngineFixture): void {
  beforeEach(async () => {
    await dropTables(db.engine, metadata.sortedTables);
    await metadata.createAll(db.engine, { checkfirst: false });
    await db.engine.begin((conn) => conn.execute(insert(people), SEED));
    db.log.clear();
  });
  db.beforeDispose(async () => {
    await dropTables(db.engine, metadata.sortedTables);
  });
}

async function peopleRows(db: EngineFixture): Promise<unknown[][]> {
  return db.engine.connect(async (conn) =>
    (await conn.execute(select(people.c.id, people.c.name, people.c.visits).orderBy(people.c.id))).all().map((r) => r._tuple()),
  );
}

/** UPDATE and DELETE built with the expression language, against the database (test_update_delete). */
export function updateDeleteTests(config: ConformanceConfig): void {
  describe("update and delete", () => {
    const db = useEngine(config);
    const capabilities = capabilitiesOf(config);
    usePeople(db);

    it("update().where().values() changes the matching rows only", async () => {
      const stmt = update(people).where(people.c.name.eq("patrick")).values({ name: "Patrick Star" });
      const result = await db.engine.begin((conn) => conn.execute(stmt));
      expect(result.rowcount).toBe(1);
      expect(db.log.lines[1]).toBe(stmt.compile({ dialect: db.engine.dialect, columnKeys: [] }).sql);
      expect((await peopleRows(db)).map((r) => r[1])).toEqual(["spongebob", "sandy", "Patrick Star", "squidward"]);
    });

    it("a SET value can be an expression of the row's own columns", async () => {
      await db.engine.begin((conn) => conn.execute(update(people).values({ visits: people.c.visits.add(10) }).where(people.c.id.le(2))));
      expect((await peopleRows(db)).map((r) => r[2])).toEqual([11, 12, 3, 3]);
    });

    it("executemany: the SET columns and the WHERE bindparam() come from each parameter set", async () => {
      const stmt = update(people).where(people.c.id.eq(bindparam("b_id")));
      const result = await db.engine.begin((conn) =>
        conn.execute(stmt, [
          { b_id: 1, name: "Spongebob" },
          { b_id: 3, name: "Patrick" },
        ]),
      );
      expect(result.rowcount).toBe(2);
      expect((await peopleRows(db)).map((r) => r[1])).toEqual(["Spongebob", "sandy", "Patrick", "squidward"]);
    });

    describe("executemany by primary key (one statement per page where the dialect joins the sets' values)", () => {
      const byKey = update(people).where(people.c.id.eq(bindparam("b_id"))).values({ name: bindparam("b_name") });
      const batches = (): boolean =>
        byKey.compile({ dialect: db.engine.dialect, columnKeys: ["b_id", "b_name"], forExecutemany: true, keyedUpdateRows: 2 }).sql !==
        byKey.compile({ dialect: db.engine.dialect, columnKeys: ["b_id", "b_name"], forExecutemany: true }).sql;

      it("each set changes its own row; a key that matches nothing counts 0; onUpdate runs per set", async () => {
        const before = touches;
        const result = await db.engine.begin((conn) =>
          conn.execute(byKey, [
            { b_id: 3, b_name: "Patrick" },
            { b_id: 99, b_name: "nobody" },
            { b_id: 1, b_name: "Spongebob" },
          ]),
        );
        expect(result.rowcount).toBe(2);
        const rows = await db.engine.connect(async (conn) =>
          (await conn.execute(select(people.c.name, people.c.touched).orderBy(people.c.id))).all().map((r) => r._tuple()),
        );
        expect(rows).toEqual([
          ["Spongebob", before + 3],
          ["sandy", null],
          ["Patrick", before + 1],
          ["squidward", null],
        ]);
        const batchLines = db.log.lines.filter((line) => line.includes("(keyed update)"));
        expect(batchLines.length).toBe(batches() ? 1 : 0);
      });

      it("a key given twice applies its sets in order, as one statement per set would", async () => {
        const result = await db.engine.begin((conn) =>
          conn.execute(byKey, [
            { b_id: 2, b_name: "first" },
            { b_id: 2, b_name: "second" },
          ]),
        );
        expect(result.rowcount).toBe(2);
        expect((await peopleRows(db))[1]?.[1]).toBe("second");
        expect(db.log.lines.some((line) => line.includes("(keyed update)"))).toBe(false);
      });

      it("an untyped bindparam() takes its column's type, so a key of the wrong type is refused before anything is sent", async () => {
        await expect(
          db.engine.begin((conn) =>
            conn.execute(byKey, [
              { b_id: 2, b_name: "first" },
              { b_id: "2", b_name: "second" },
            ]),
          ),
        ).rejects.toThrow(/Bind parameter 'b_id': Integer\(\) expects a finite number or bigint, got the string '2'/);
        expect((await peopleRows(db))[1]?.[1]).toBe("sandy");
      });

      it("2,500 sets go in pages of 1,000 and every row gets its own value", async () => {
        const n = 2500;
        await db.engine.begin((conn) =>
          conn.execute(
            insert(people),
            Array.from({ length: n }, (_, i) => ({ id: 100 + i, name: `p${i}`, visits: 0 })),
          ),
        );
        db.log.clear();
        const result = await db.engine.begin((conn) =>
          conn.execute(
            byKey,
            Array.from({ length: n }, (_, i) => ({ b_id: 100 + i, b_name: `renamed ${i}` })),
          ),
        );
        expect(result.rowcount).toBe(n);
        const names = await db.engine.connect(async (conn) =>
          (await conn.execute(select(people.c.name).where(people.c.id.ge(100)).orderBy(people.c.id))).scalars().all(),
        );
        expect(names).toEqual(Array.from({ length: n }, (_, i) => `renamed ${i}`));
        const progress = db.log.lines.filter((line) => / \d+\/3\] /.test(line)).length;
        expect(progress).toBe(batches() ? 3 : 0);
      });

      it("a failing set fails its page with the database's error and the transaction rolls back", async () => {
        const error = await db.engine
          .begin((conn) =>
            conn.execute(update(people).where(people.c.id.eq(bindparam("b_id"))).values({ name: bindparam("b_name") }), [
              { b_id: 1, b_name: "ok" },
              { b_id: 2, b_name: null },
            ]),
          )
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DBAPIError);
        expect((await peopleRows(db)).map((r) => r[1])).toEqual(["spongebob", "sandy", "patrick", "squidward"]);
      });
    });

    it("onUpdate gives the columns an UPDATE does not set their new value", async () => {
      const before = touches;
      await db.engine.begin((conn) => conn.execute(update(people).values({ visits: 0 }).where(people.c.id.eq(2))));
      const touched = await db.engine.connect(async (conn) =>
        (await conn.execute(select(people.c.touched).orderBy(people.c.id))).scalars().all(),
      );
      expect(touched).toEqual([null, before + 1, null, null]);
    });

    it("delete().where() removes the matching rows only", async () => {
      const stmt = delete_(people).where(people.c.visits.eq(3));
      const result = await db.engine.begin((conn) => conn.execute(stmt));
      expect(result.rowcount).toBe(2);
      expect(db.log.lines[1]).toBe(stmt.compile({ dialect: db.engine.dialect, columnKeys: [] }).sql);
      expect((await peopleRows(db)).map((r) => r[0])).toEqual([1, 2]);
    });

    (capabilities.updateReturning ? it : it.skip)("UPDATE ... RETURNING returns the updated rows", async () => {
      const rows = await db.engine.begin(async (conn) =>
        (await conn.execute(update(people).values({ visits: 9 }).where(people.c.visits.eq(3)).returning(people.c.id, people.c.visits)))
          .all()
          .map((r) => r._tuple()),
      );
      expect(rows.sort()).toEqual([
        [3, 9],
        [4, 9],
      ]);
    });

    (capabilities.deleteReturning ? it : it.skip)("DELETE ... RETURNING returns the deleted rows", async () => {
      const result = await db.engine.begin((conn) => conn.execute(delete_(people).where(people.c.id.ge(3)).returning(people.c.name)));
      expect(result.rowcount).toBe(2);
      expect(result.scalars().all().sort()).toEqual(["patrick", "squidward"]);
      expect((await peopleRows(db)).map((r) => r[0])).toEqual([1, 2]);
    });
  });
}

/** rowcount of UPDATE and DELETE built with the expression language (test_rowcount). */
export function rowcountTests(config: ConformanceConfig): void {
  describe("rowcount", () => {
    const db = useEngine(config);
    usePeople(db);

    it("UPDATE counts the rows it matched, also those whose values did not change", async () => {
      const result = await db.engine.begin((conn) => conn.execute(update(people).values({ visits: 3 }).where(people.c.visits.ge(2))));
      expect(result.rowcount).toBe(3);
    });

    it("UPDATE and DELETE that match nothing count 0", async () => {
      const [updated, deleted] = await db.engine.begin(async (conn) => [
        (await conn.execute(update(people).values({ visits: 0 }).where(people.c.id.gt(100)))).rowcount,
        (await conn.execute(delete_(people).where(people.c.id.gt(100)))).rowcount,
      ]);
      expect([updated, deleted]).toEqual([0, 0]);
    });

    it("executemany sums the rows each parameter set matched", async () => {
      const stmt = update(people).values({ visits: 0 }).where(people.c.visits.eq(bindparam("was")));
      const result = await db.engine.begin((conn) => conn.execute(stmt, [{ was: 1 }, { was: 3 }, { was: 7 }]));
      expect(result.rowcount).toBe(3);
    });

    it("DELETE without WHERE counts every row; INSERT counts the rows inserted", async () => {
      const [deleted, inserted] = await db.engine.begin(async (conn) => [
        (await conn.execute(delete_(people))).rowcount,
        (await conn.execute(insert(people), [{ name: "a", visits: 0 }, { name: "b", visits: 0 }])).rowcount,
      ]);
      expect([deleted, inserted]).toEqual([4, 2]);
    });
  });
}
