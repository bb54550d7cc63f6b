import { Column, CompileError, insert, Integer, MetaData, select, String, Table, type Engine } from "@alkahest/core";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig, type EngineFixture } from "../config.js";

let serial = 0;
const metadata = MetaData();
const users = Table(
  "dml_users",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String(100)),
  Column("status", String(10), { default: "new" }),
  Column("serial", Integer, { default: () => ++serial }),
);
const archive = Table(
  "dml_archive",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
);
const bare = Table("dml_bare", metadata, Column("id", Integer, { primaryKey: true }), Column("note", String(30)));

/** Drops the tables of a MetaData that exist, dependent tables first (DROP TABLE IF EXISTS is portable). */
export async function dropTables(engine: Engine, tables: readonly Table[]): Promise<void> {
  const preparer = engine.dialect.identifierPreparer;
  await engine.begin(async (conn) => {
    for (const table of [...tables].reverse()) await conn.execDriverSql(`DROP TABLE IF EXISTS ${preparer.quote(table.name)}`);
  });
}

/** Fresh, empty tables (ids start at 1 again) before each test. */
function useDMLTables(db: EngineFixture): void {
  beforeEach(async () => {
    await dropTables(db.engine, metadata.sortedTables);
    await metadata.createAll(db.engine, { checkfirst: false });
    db.log.clear();
  });
  db.beforeDispose(async () => {
    await dropTables(db.engine, metadata.sortedTables);
  });
}

/** The statement lines of the echo log (a statement line is followed by its parameters line). */
function statements(lines: readonly string[]): string[] {
  return lines.filter((_, i) => lines[i + 1]?.startsWith("[") === true);
}

/** INSERT built with the expression language, run against the database (test_insert). */
export function insertTests(config: ConformanceConfig): void {
  describe("insert", () => {
    const db = useEngine(config);
    const capabilities = capabilitiesOf(config);
    useDMLTables(db);

    async function stored(): Promise<unknown[][]> {
      return db.engine.connect(async (conn) =>
        (await conn.execute(select(users.c.id, users.c.name, users.c.status).orderBy(users.c.id))).all().map((r) => r._tuple()),
      );
    }

    it("insert(t).values(...) sends the dialect's compiled SQL and reports the generated primary key", async () => {
      const stmt = insert(users).values({ name: "spongebob", fullname: "Spongebob Squarepants" });
      const result = await db.engine.begin((conn) => conn.execute(stmt));
      expect(`${result.insertedPrimaryKey}`).toBe("(1,)");
      expect(result.insertedPrimaryKey?._mapping).toEqual({ id: 1 });
      expect(result.rowcount).toBe(1);
      expect(db.log.lines[1]).toBe(stmt.compile({ dialect: db.engine.dialect, columnKeys: [] }).sql);
      const second = await db.engine.begin((conn) => conn.execute(insert(users).values({ name: "sandy" })));
      expect(`[${second.insertedPrimaryKeyRows.join(", ")}]`).toBe("[(2,)]");
    });

    it("a primary key given in the values or the parameters is the inserted key", async () => {
      const [a, b] = await db.engine.begin(async (conn) => [
        await conn.execute(insert(users).values({ id: 10, name: "a" })),
        await conn.execute(insert(users), { id: 20, name: "b" }),
      ]);
      expect([`${a!.insertedPrimaryKey}`, `${b!.insertedPrimaryKey}`]).toEqual(["(10,)", "(20,)"]);
      expect((await stored()).map((r) => r[0])).toEqual([10, 20]);
    });

    it("insert(t) executed with a list takes its columns from the parameter names (executemany)", async () => {
      const result = await db.engine.begin((conn) =>
        conn.execute(insert(users), [
          { name: "sandy", fullname: "Sandy Cheeks" },
          { name: "patrick", fullname: "Patrick Star" },
        ]),
      );
      expect(result.rowcount).toBe(2);
      expect(result.insertedPrimaryKeyRows).toHaveLength(2);
      expect(await stored()).toEqual([
        [1, "sandy", "new"],
        [2, "patrick", "new"],
      ]);
      expect(db.log.lines[2]).toMatch(/^\[generated in \d+\.\d{5}s\] \[\('sandy', 'Sandy Cheeks', 'new', \d+\), \('patrick', 'Patrick Star', 'new', \d+\)\]$/);
    });

    it("client defaults fill the columns not given: a value, and a function called once per row", async () => {
      const before = serial;
      await db.engine.begin((conn) => conn.execute(insert(users), [{ name: "a" }, { name: "b", status: "old" }]));
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(select(users.c.name, users.c.status, users.c.serial).orderBy(users.c.id))).all().map((r) => r._tuple()),
      );
      // A default is bound as a parameter, so a parameter set that gives the column a value wins.
      expect(rows).toEqual([
        ["a", "new", before + 1],
        ["b", "old", before + 2],
      ]);
    });

    it("an INSERT of no columns inserts a row of defaults (DEFAULT VALUES, or the dialect's form)", async () => {
      const result = await db.engine.begin((conn) => conn.execute(insert(bare)));
      expect(`${result.insertedPrimaryKey}`).toBe("(1,)");
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(bare.c.id, bare.c.note))).all());
      expect(rows.map((r) => r._tuple())).toEqual([[1, null]]);
    });

    it("values([...]) inserts several rows in one statement", async () => {
      const stmt = insert(users).values([
        { name: "a", status: "x" },
        { name: "b", status: "y" },
      ]);
      const result = await db.engine.begin((conn) => conn.execute(stmt));
      expect(result.rowcount).toBe(2);
      expect(statements(db.log.lines)).toEqual([stmt.compile({ dialect: db.engine.dialect, columnKeys: [] }).sql]);
      expect((await stored()).map((r) => r.slice(1))).toEqual([
        ["a", "x"],
        ["b", "y"],
      ]);
    });

    it("insert().fromSelect() copies the rows a SELECT returns", async () => {
      await db.engine.begin(async (conn) => {
        await conn.execute(insert(users), [{ name: "a" }, { name: "b" }, { name: "c" }]);
        const copied = await conn.execute(
          insert(archive).fromSelect(["id", "name"], select(users.c.id, users.c.name).where(users.c.name.ne("b"))),
        );
        expect(copied.rowcount).toBe(2);
      });
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(archive.c.id, archive.c.name))).all());
      expect(rows.map((r) => r._tuple()).sort()).toEqual([
        [1, "a"],
        [3, "c"],
      ]);
    });

    it("a parameter naming no column fails before anything is sent, naming the columns", async () => {
      const run = db.engine.connect((conn) => conn.execute(insert(users), [{ name: "a", nickname: "x" }]));
      await expect(run).rejects.toThrow(CompileError);
      await expect(run).rejects.toThrow(/'nickname' that names no column of 'dml_users' .*; its columns are 'id', 'name', 'fullname', 'status', 'serial'\./);
      expect(db.log.lines).toEqual([]);
    });

    (capabilities.insertReturning ? describe : describe.skip)("RETURNING", () => {
      it("returns the inserted row's columns, typed by the statement", async () => {
        const row = await db.engine.begin(async (conn) =>
          (await conn.execute(insert(users).values({ name: "a", fullname: "A" }).returning(users.c.id, users.c.fullname))).one(),
        );
        expect(row._tuple()).toEqual([1, "A"]);
        expect(row.fullname).toBe("A");
      });

      it("many parameter sets return every row, each matching its input (insertmanyvalues)", async () => {
        const input = Array.from({ length: 2500 }, (_, i) => ({ name: `n${i}`, fullname: `Name ${i}` }));
        const rows = await db.engine.begin(async (conn) =>
          (await conn.execute(insert(users).returning(users.c.id, users.c.name, users.c.fullname), input)).all(),
        );
        expect(rows).toHaveLength(2500);
        expect(new Set(rows.map((r) => r.name))).toEqual(new Set(input.map((r) => r.name)));
        expect(rows.filter((r) => r.fullname !== `Name ${`${r.name}`.slice(1)}`)).toEqual([]);
        const ids = new Map((await stored()).map(([id, name]) => [name, id]));
        expect(rows.filter((r) => ids.get(r.name) !== r.id)).toEqual([]);
        const dialect = db.engine.dialect;
        const tags = db.log.lines.filter((l) => l.includes("insertmanyvalues"));
        if (dialect.capabilities.multiRowInsertReturning === true) {
          // Four parameters a row: name, fullname and the two client defaults.
          const limit = dialect.insertmanyvaluesMaxParameters;
          const perPage = Math.min(dialect.insertmanyvaluesPageSize, limit === null ? Infinity : Math.floor(limit / 4));
          const pages = Math.ceil(2500 / perPage);
          expect(tags).toHaveLength(pages);
          expect(tags[0]).toMatch(new RegExp(`\\(insertmanyvalues\\) 1/${pages} \\(unordered\\)\\] \\('n0', 'Name 0', 'new', \\d+, 'n1'`));
        } else {
          expect(tags).toHaveLength(2500);
          expect(tags[1]).toMatch(/^\[insertmanyvalues 2\/2500 \(unordered; batch not supported\)\] \('n1', 'Name 1', 'new', \d+\)$/);
        }
      });

      it("sortByParameterOrder returns the rows in the order of the parameter sets", async () => {
        const input = Array.from({ length: 300 }, (_, i) => ({ name: `n${299 - i}` }));
        const rows = await db.engine.begin(async (conn) =>
          (await conn.execute(insert(users).returning(users.c.id, users.c.name, { sortByParameterOrder: true }), input)).all(),
        );
        expect(rows.map((r) => r.name)).toEqual(input.map((r) => r.name));
        expect(rows.map((r) => r.id)).toEqual(input.map((_, i) => i + 1));
        const ordered = db.engine.dialect.capabilities.sentinelOrdering === true ? "(ordered)" : "(ordered; batch not supported)";
        expect(db.log.lines.filter((l) => l.includes("insertmanyvalues")).every((l) => l.includes(ordered))).toBe(true);
      });

      it("insertedPrimaryKey is refused when returning() is used: the rows hold what was asked for", async () => {
        const result = await db.engine.begin((conn) => conn.execute(insert(users).values({ name: "a" }).returning(users.c.id)));
        expect(() => result.insertedPrimaryKey).toThrow(/Can't call insertedPrimaryKey when returning\(\) is used/);
      });
    });
  });
}
