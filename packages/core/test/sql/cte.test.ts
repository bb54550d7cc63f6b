import { describe, expect, it } from "@jest/globals";
import { Column, ForeignKey, func, Integer, literal, MetaData, select, String, Table } from "../../src/index.js";
import { paramStyleDialect } from "./support/param-style-dialect.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

const org = MetaData();
const employees = Table(
  "employee",
  org,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String),
  Column("manager_id", ForeignKey("employee.id")),
);

describe("cte()", () => {
  it("renders WITH first, its body in parentheses on a new line", () => {
    const counts = select(addresses.c.user_id, func.count().label("n")).groupBy(addresses.c.user_id).cte("counts");
    expect(sql(select(users.c.name, counts.c.n).join(counts))).toBe(
      "WITH counts AS \n(SELECT address.user_id AS user_id, count(*) AS n \nFROM address GROUP BY address.user_id)\n " +
        "SELECT user_account.name, counts.n \nFROM user_account JOIN counts ON user_account.id = counts.user_id",
    );
  });

  it("anonymous CTEs are anon_N; several are listed in order of use", () => {
    const a = select(users.c.id).where(users.c.name.eq("a")).cte();
    const b = select(addresses.c.user_id).cte("b");
    expect(sql(select(a.c.id).where(a.c.id.in(select(b.c.user_id))))).toBe(
      "WITH anon_1 AS \n(SELECT user_account.id AS id \nFROM user_account \nWHERE user_account.name = :name_1), \n" +
        "b AS \n(SELECT address.user_id AS user_id \nFROM address)\n SELECT anon_1.id \nFROM anon_1 \n" +
        "WHERE anon_1.id IN (SELECT b.user_id \nFROM b)",
    );
  });

  it("a CTE used twice is defined once", () => {
    const ids = select(users.c.id).cte("ids");
    expect(sql(select(ids.c.id).where(ids.c.id.gt(select(func.min(ids.c.id)).scalarSubquery())))).toBe(
      "WITH ids AS \n(SELECT user_account.id AS id \nFROM user_account)\n SELECT ids.id \nFROM ids \n" +
        "WHERE ids.id > (SELECT min(ids.id) AS min_1 \nFROM ids)",
    );
  });

  it("moves its placeholders to the front, so numbered placeholders follow the text", () => {
    const numeric = paramStyleDialect("numeric_dollar");
    const named = select(users.c.id).where(users.c.name.eq("x")).cte("named");
    const stmt = select(named.c.id, literal(5)).where(named.c.id.gt(1));
    const compiled = stmt.compile({ dialect: numeric });
    expect(compiled.sql).toBe(
      "WITH named AS \n(SELECT user_account.id AS id \nFROM user_account \nWHERE user_account.name = $1)\n " +
        "SELECT named.id, $2 AS anon_1 \nFROM named \nWHERE named.id > $3",
    );
    expect(compiled.positional(undefined, stmt.bindParams, (v) => v)).toEqual(["x", 5, 1]);
    const qmark = stmt.compile({ dialect: paramStyleDialect("qmark") });
    expect(qmark.positional(undefined, stmt.bindParams, (v) => v)).toEqual(["x", 5, 1]);
  });
});

describe("recursive CTEs", () => {
  it("WITH RECURSIVE name(columns) AS (anchor UNION ALL recursive part)", () => {
    const anchor = select(employees.c.id, employees.c.name).where(employees.c.manager_id.isNull()).cte("chain", { recursive: true });
    const chain = anchor.unionAll(select(employees.c.id, employees.c.name).join(anchor, employees.c.manager_id.eq(anchor.c.id)));
    expect(sql(select(chain.c.name))).toBe(
      "WITH RECURSIVE chain(id, name) AS \n(SELECT employee.id AS id, employee.name AS name \nFROM employee \n" +
        "WHERE employee.manager_id IS NULL UNION ALL SELECT employee.id AS id, employee.name AS name \n" +
        "FROM employee JOIN chain ON employee.manager_id = chain.id)\n SELECT chain.name \nFROM chain",
    );
  });

  it("an anonymous recursive CTE keeps one name for both its parts", () => {
    const anchor = select(employees.c.id).where(employees.c.id.eq(1)).cte(undefined, { recursive: true });
    const tree = anchor.unionAll(select(employees.c.id).where(employees.c.manager_id.eq(anchor.c.id)));
    const text = sql(select(tree.c.id));
    expect(text).toContain("WITH RECURSIVE anon_1(id) AS");
    expect(text).toContain("FROM employee, anon_1 \nWHERE employee.manager_id = anon_1.id)\n SELECT anon_1.id \nFROM anon_1");
    expect(select(tree.c.id).cacheKey).toBe(select(tree.c.id).cacheKey);
  });
});
