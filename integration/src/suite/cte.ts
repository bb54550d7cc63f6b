import { cast, func, Integer, literal, select, type Executable } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig, type EngineFixture } from "../config.js";
import { emails, people, staff, useSelectTables } from "./select-fixtures.js";

async function rows(db: EngineFixture, stmt: Executable): Promise<unknown[][]> {
  return db.engine.connect(async (conn) => (await conn.execute(stmt)).all().map((r) => r._tuple() as unknown[]));
}

/** Common table expressions, plain and recursive, against the database (test_cte). */
export function cteTests(config: ConformanceConfig): void {
  describe("cte", () => {
    const db = useEngine(config);
    useSelectTables(db);

    it("a CTE is defined in WITH and joined like a table; the SQL is the dialect's", async () => {
      const counts = select(emails.c.person_id, func.count(emails.c.id).label("n")).groupBy(emails.c.person_id).cte("counts");
      const stmt = select(people.c.name, counts.c.n).join(counts).orderBy(people.c.id);
      expect(await rows(db, stmt)).toEqual([
        ["spongebob", 2],
        ["sandy", 1],
        ["patrick", 1],
      ]);
      const sql = stmt.compile({ dialect: db.engine.dialect }).sql;
      expect(sql.startsWith("WITH ")).toBe(true);
      expect(db.log.lines).toContain(sql);
    });

    it("parameters inside and outside the CTE bind in text order", async () => {
      const scored = select(people.c.id, people.c.name).where(people.c.score.ge(20)).cte("scored");
      const stmt = select(scored.c.name, literal("x").label("tag")).where(scored.c.id.lt(4)).orderBy(scored.c.id);
      expect(await rows(db, stmt)).toEqual([
        ["sandy", "x"],
        ["patrick", "x"],
      ]);
      expect(db.log.lines.some((l) => /\(20, 'x', 4\)$/.test(l))).toBe(true);
    });

    it("a CTE used twice is defined once; two CTEs are both defined", async () => {
      const scores = select(people.c.id, people.c.score).where(people.c.score.isNotNull()).cte("scores");
      const best = select(func.max(scores.c.score)).scalarSubquery();
      expect(await rows(db, select(scores.c.id).where(scores.c.score.eq(best)))).toEqual([[3]]);
      const named = select(people.c.id, people.c.name).cte("named");
      const stmt = select(named.c.name, scores.c.score).join(scores, named.c.id.eq(scores.c.id)).where(scores.c.score.gt(15)).orderBy(named.c.id);
      expect(await rows(db, stmt)).toEqual([
        ["sandy", 20],
        ["patrick", 30],
      ]);
    });

    it("a CTE in a subquery is defined in the statement's WITH", async () => {
      const scores = select(people.c.id, people.c.score).cte("scores");
      const high = select(scores.c.id).where(scores.c.score.gt(15)).subquery("high");
      expect(await rows(db, select(people.c.name).join(high, people.c.id.eq(high.c.id)).orderBy(people.c.id))).toEqual([
        ["sandy"],
        ["patrick"],
      ]);
    });

    it("a recursive CTE walks a hierarchy", async () => {
      // CAST: a recursive CTE's columns keep one type, and a bare parameter's type is unknown to some databases.
      const depth = cast(literal(0), Integer).label("depth");
      const anchor = select(staff.c.id, staff.c.name, depth).where(staff.c.name.eq("krabs")).cte("chain", { recursive: true });
      const chain = anchor.unionAll(
        select(staff.c.id, staff.c.name, anchor.c.depth.add(1)).join(anchor, staff.c.manager_id.eq(anchor.c.id)),
      );
      const stmt = select(chain.c.name, chain.c.depth).orderBy(chain.c.depth, chain.c.name);
      expect(await rows(db, stmt)).toEqual([
        ["krabs", 0],
        ["spongebob", 1],
        ["squidward", 1],
        ["gary", 2],
      ]);
    });
  });
}
