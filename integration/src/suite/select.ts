import {
  and,
  case_,
  cast,
  Column,
  except_,
  exists,
  false_,
  func,
  Integer,
  intersect,
  literal,
  MetaData,
  not,
  select,
  String,
  Table,
  text,
  true_,
  union,
  unionAll,
  type Executable,
} from "@alkahest/core";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig, type EngineFixture } from "../config.js";
import { emails, people, useSelectTables } from "./select-fixtures.js";

const metadata = MetaData();
const users = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30), { nullable: false }),
  Column("fullname", String(100)),
);

/** SELECT built with the expression language, against rows in the database (test_select). */
export function selectTests(config: ConformanceConfig): void {
  describe("select", () => {
    const db = useEngine(config);

    beforeEach(async () => {
      await db.engine.begin(async (conn) => {
        await conn.execDriverSql("DROP TABLE IF EXISTS user_account");
        await conn.execDriverSql("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, fullname VARCHAR(100))");
        await conn.execute(text("INSERT INTO user_account (id, name, fullname) VALUES (:id, :name, :fullname)"), [
          { id: 1, name: "spongebob", fullname: "Spongebob Squarepants" },
          { id: 2, name: "sandy", fullname: "Sandy Cheeks" },
          { id: 3, name: "patrick", fullname: null },
        ]);
      });
      db.log.clear();
    });

    it("selects a table's rows with named access by column key", async () => {
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(select(users).where(users.c.name.eq("spongebob")))).all(),
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!._tuple()).toEqual([1, "spongebob", "Spongebob Squarepants"]);
      expect(rows[0]!.fullname).toBe("Spongebob Squarepants");
      expect(db.log.lines[2]).toMatch(/^\[generated in \d\.\d{5}s\] \('spongebob',\)$/);
    });

    it("a second statement of the same shape is a cache hit with its own values", async () => {
      const names = await db.engine.connect(async (conn) => [
        (await conn.execute(select(users.c.name).where(users.c.id.eq(2)))).scalarOne(),
        (await conn.execute(select(users.c.name).where(users.c.id.eq(3)))).scalarOne(),
      ]);
      expect(names).toEqual(["sandy", "patrick"]);
      expect(db.log.lines.filter((l) => l.startsWith("[cached since"))).toHaveLength(1);
    });

    it("IS NULL from eq(null), and labels name result columns", async () => {
      const rows = await db.engine.connect(async (conn) =>
        (await conn.execute(select(users.c.name.label("who")).where(users.c.fullname.eq(null)))).all(),
      );
      expect(rows.map((r) => r.who)).toEqual(["patrick"]);
    });
  });
  selectExpressionTests(config);
}

/** All rows of a statement as tuples. */
async function rows(db: EngineFixture, stmt: Executable): Promise<unknown[][]> {
  return db.engine.connect(async (conn) => (await conn.execute(stmt)).all().map((r) => r._tuple() as unknown[]));
}

/** The first column of every row. */
async function column(db: EngineFixture, stmt: Executable): Promise<unknown[]> {
  return (await rows(db, stmt)).map((r) => r[0]);
}

/** Each construct of the expression language, run against the database (test_select). */
function selectExpressionTests(config: ConformanceConfig): void {
  describe("select expressions", () => {
    const db = useEngine(config);
    const capabilities = capabilitiesOf(config);
    useSelectTables(db);
    const names = (where: Parameters<ReturnType<typeof select>["where"]>[0]) =>
      select(people.c.name).where(where).orderBy(people.c.id);

    it("IN with a list expands per execution; lists of other lengths reuse the cached statement", async () => {
      const stmt = names(people.c.id.in([1, 3]));
      expect(await column(db, stmt)).toEqual(["spongebob", "patrick"]);
      const compiled = stmt.compile({ dialect: db.engine.dialect });
      const expanded = compiled.expand(compiled.positional(undefined, stmt.bindParams, (v) => v)).sql;
      expect(db.log.lines).toContain(expanded);
      expect(expanded).not.toContain("POSTCOMPILE");
      expect(await column(db, names(people.c.id.in([2, 4, 5])))).toEqual(["sandy", "squidward", "100%_real"]);
      expect(db.log.lines.filter((l) => l.startsWith("[cached since"))).toHaveLength(1);
    });

    it("IN with an empty list matches nothing, NOT IN everything", async () => {
      expect(await column(db, names(people.c.id.in([])))).toEqual([]);
      expect(await column(db, names(people.c.id.notIn([])))).toHaveLength(5);
      expect(await column(db, names(people.c.id.notIn([1, 2, 3])))).toEqual(["squidward", "100%_real"]);
    });

    it("IN a subquery, EXISTS and NOT EXISTS correlated to the outer table", async () => {
      expect(await column(db, names(people.c.id.in(select(emails.c.person_id))))).toEqual(["spongebob", "sandy", "patrick"]);
      const hasEmail = exists(select(emails.c.id).where(emails.c.person_id.eq(people.c.id)));
      expect(await column(db, names(hasEmail))).toEqual(["spongebob", "sandy", "patrick"]);
      expect(await column(db, names(not(hasEmail)))).toEqual(["squidward", "100%_real"]);
    });

    it("LIKE, startsWith / endsWith / contains, and autoescape for % and _", async () => {
      expect(await column(db, names(people.c.name.like("s%")))).toEqual(["spongebob", "sandy", "squidward"]);
      expect(await column(db, names(people.c.name.startsWith("sp")))).toEqual(["spongebob"]);
      expect(await column(db, names(people.c.name.endsWith("ck")))).toEqual(["patrick"]);
      expect(await column(db, names(people.c.name.contains("ng")))).toEqual(["spongebob"]);
      expect(await column(db, names(people.c.name.contains("%_")))).toHaveLength(5);
      expect(await column(db, names(people.c.name.contains("%_", { autoescape: true })))).toEqual(["100%_real"]);
      expect(await column(db, names(people.c.name.notLike("s%")))).toEqual(["patrick", "100%_real"]);
    });

    it("ilike matches regardless of case", async () => {
      expect(await column(db, names(people.c.fullname.ilike("%CHEEKS")))).toEqual(["sandy"]);
      expect(await column(db, names(people.c.name.ilike("SPONGE%")))).toEqual(["spongebob"]);
    });

    it("BETWEEN, IS NULL, true and false", async () => {
      expect(await column(db, names(people.c.score.between(15, 30)))).toEqual(["sandy", "patrick"]);
      expect(await column(db, names(people.c.score.isNull()))).toEqual(["squidward"]);
      expect(await column(db, names(and(people.c.id.lt(3), true_())))).toEqual(["spongebob", "sandy"]);
      expect(await column(db, names(false_()))).toEqual([]);
    });

    it("arithmetic: + - * %, true division, floor division", async () => {
      const one = people.c.id.eq(3);
      const [row] = await rows(
        db,
        select(people.c.id.add(1), people.c.id.sub(5), people.c.id.mul(people.c.score), people.c.id.mod(2), people.c.id.floordiv(2)).where(one),
      );
      expect(row).toEqual([4, -2, 90, 1, 1]);
      const half = await column(db, select(people.c.id.div(2)).where(one));
      expect(half[0]).toBeCloseTo(1.5);
      expect(await column(db, select(people.c.id.neg()).where(one))).toEqual([-3]);
    });

    it("string concatenation, CAST and CASE", async () => {
      expect(await column(db, select(people.c.name.concat("!")).where(people.c.id.eq(2)))).toEqual(["sandy!"]);
      expect(await column(db, select(cast(people.c.id, String(10))).where(people.c.id.eq(2)))).toEqual(["2"]);
      expect(await column(db, names(people.c.id.eq(cast("3", Integer))))).toEqual(["patrick"]);
      const band = case_([people.c.score.lt(15), "low"], [people.c.score.lt(25), "mid"], { else: "high" });
      expect(await column(db, select(band).where(people.c.id.le(4)).orderBy(people.c.id))).toEqual(["low", "mid", "high", "high"]);
    });

    it("aggregates, GROUP BY and HAVING", async () => {
      const [row] = await rows(db, select(func.count(), func.max(people.c.score), func.min(people.c.score), func.sum(people.c.score)).selectFrom(people));
      expect(row).toEqual([5, 30, 10, 70]);
      const counted = select(emails.c.person_id, func.count(emails.c.id).label("n"))
        .groupBy(emails.c.person_id)
        .having(func.count(emails.c.id).gt(literal(1)))
        .orderBy(emails.c.person_id);
      expect(await rows(db, counted)).toEqual([[1, 2]]);
      expect(await column(db, select(func.count(people.c.score.distinct())))).toEqual([3]);
      expect(await column(db, select(func.coalesce(people.c.fullname, people.c.name)).where(people.c.id.eq(3)))).toEqual(["patrick"]);
      expect(await column(db, select(func.upper(people.c.name)).where(people.c.id.eq(2)))).toEqual(["SANDY"]);
    });

    it("DISTINCT, ORDER BY with DESC, LIMIT and OFFSET", async () => {
      expect(await column(db, select(people.c.score).distinct().where(people.c.score.isNotNull()).orderBy(people.c.score.desc()))).toEqual([
        30, 20, 10,
      ]);
      const page = select(people.c.name).orderBy(people.c.id);
      expect(await column(db, page.limit(2))).toEqual(["spongebob", "sandy"]);
      expect(await column(db, page.limit(2).offset(1))).toEqual(["sandy", "patrick"]);
      expect(await column(db, page.offset(3))).toEqual(["squidward", "100%_real"]);
      expect(await column(db, select(people.c.name.label("who")).orderBy("who").limit(1))).toEqual(["100%_real"]);
    });

    (capabilities.nullsOrdering === true ? it : it.skip)("NULLS FIRST / NULLS LAST (capabilities.nullsOrdering)", async () => {
      const byScore = select(people.c.name).where(people.c.id.le(4));
      expect(await column(db, byScore.orderBy(people.c.score.nullsFirst(), people.c.id))).toEqual(["squidward", "spongebob", "sandy", "patrick"]);
      expect(await column(db, byScore.orderBy(people.c.score.desc().nullsLast()))).toEqual(["patrick", "sandy", "spongebob", "squidward"]);
    });

    it("joins: the ON clause from the foreign key, outer joins keep unmatched rows", async () => {
      const joined = select(people.c.name, emails.c.address).join(emails).orderBy(emails.c.id);
      expect(await rows(db, joined)).toEqual([
        ["spongebob", "sb@bikini.bottom"],
        ["spongebob", "spongebob@krusty.krab"],
        ["sandy", "sandy@tree.dome"],
        ["patrick", "patrick@rock.bottom"],
      ]);
      const outer = select(people.c.name, emails.c.address).outerjoin(emails).where(people.c.id.ge(3)).orderBy(people.c.id);
      expect(await rows(db, outer)).toEqual([
        ["patrick", "patrick@rock.bottom"],
        ["squidward", null],
        ["100%_real", null],
      ]);
    });

    (capabilities.fullOuterJoin === true ? it : it.skip)("FULL OUTER JOIN (capabilities.fullOuterJoin)", async () => {
      const full = select(people.c.name, emails.c.id).outerjoin(emails, null, { full: true });
      expect(await rows(db, full.where(people.c.id.ge(3)).orderBy(people.c.id))).toEqual([
        ["patrick", 4],
        ["squidward", null],
        ["100%_real", null],
      ]);
    });

    it("a table joined to an alias of itself", async () => {
      const other = people.alias("other");
      const sameScore = select(people.c.name, other.c.name)
        .join(other, and(people.c.score.eq(other.c.score), people.c.id.lt(other.c.id)))
        .orderBy(people.c.id);
      expect(await rows(db, sameScore)).toEqual([["spongebob", "100%_real"]]);
    });

    it("a subquery in FROM, joined through its columns' foreign key", async () => {
      const counts = select(emails.c.person_id, func.count(emails.c.id).label("n")).groupBy(emails.c.person_id).subquery("counts");
      const stmt = select(people.c.name, counts.c.n).join(counts).orderBy(people.c.id);
      expect(await rows(db, stmt)).toEqual([
        ["spongebob", 2],
        ["sandy", 1],
        ["patrick", 1],
      ]);
    });

    it("a correlated scalar subquery in the column list and in WHERE", async () => {
      const count = select(func.count(emails.c.id)).where(emails.c.person_id.eq(people.c.id)).scalarSubquery();
      const stmt = select(people.c.name, count.label("n")).where(people.c.id.le(4)).orderBy(people.c.id);
      expect(await rows(db, stmt)).toEqual([
        ["spongebob", 2],
        ["sandy", 1],
        ["patrick", 1],
        ["squidward", 0],
      ]);
      expect(await column(db, names(count.gt(1)))).toEqual(["spongebob"]);
    });

    it("window functions", async () => {
      const numbered = select(emails.c.address, func.row_number().over({ partitionBy: emails.c.person_id, orderBy: emails.c.id.desc() }).label("rn"))
        .orderBy(emails.c.id);
      expect((await rows(db, numbered)).map(([, rn]) => rn)).toEqual([2, 1, 1, 1]);
      const running = select(func.sum(people.c.score).over({ orderBy: people.c.id, rows: [null, 0] })).where(people.c.id.le(3)).orderBy(people.c.id);
      expect(await column(db, running)).toEqual([10, 30, 60]);
    });

    it("UNION, UNION ALL, INTERSECT, EXCEPT, with ORDER BY and LIMIT on the whole", async () => {
      const low = select(people.c.name).where(people.c.id.le(2));
      const mid = select(people.c.name).where(people.c.id.between(2, 3));
      expect(await column(db, union(low, mid).orderBy("name"))).toEqual(["patrick", "sandy", "spongebob"]);
      expect(await column(db, unionAll(low, mid).orderBy(people.c.name))).toEqual(["patrick", "sandy", "sandy", "spongebob"]);
      expect(await column(db, intersect(low, mid))).toEqual(["sandy"]);
      expect(await column(db, except_(low, mid))).toEqual(["spongebob"]);
      expect(await column(db, union(low, mid).orderBy(people.c.name.desc()).limit(2))).toEqual(["spongebob", "sandy"]);
      const counted = union(low, mid).subquery("u");
      expect(await column(db, select(func.count()).selectFrom(counted))).toEqual([3]);
    });

    (capabilities.parenthesizedCompoundSelects === true ? it : it.skip)(
      "a UNION of SELECTs that have their own LIMIT (capabilities.parenthesizedCompoundSelects)",
      async () => {
        const first = select(people.c.name).orderBy(people.c.id).limit(1);
        const last = select(people.c.name).orderBy(people.c.id.desc()).limit(1);
        expect(await column(db, union(first, last).orderBy("name"))).toEqual(["100%_real", "spongebob"]);
      },
    );

    it("bound values and awkward labels never become SQL text", async () => {
      const tricky = "'; DROP TABLE sel_people; --";
      expect(await column(db, names(people.c.name.eq(tricky)))).toEqual([]);
      const labelled = select(people.c.name.label("select"), people.c.id.label("Mixed Case")).where(people.c.id.eq(1));
      const [row] = await db.engine.connect(async (conn) => (await conn.execute(labelled)).all());
      expect(row!._mapping).toEqual({ select: "spongebob", "Mixed Case": 1 });
      expect(await column(db, select(func.count()).selectFrom(people))).toEqual([5]);
    });
  });
}
