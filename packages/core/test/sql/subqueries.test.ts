import { describe, expect, it } from "@jest/globals";
import { alias, exists, func, InvalidRequestError, not, select, SQLCompiler, strDialect } from "../../src/index.js";
import { withEnclosingFroms } from "../../src/sql/compiler/select-scope.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

describe("subquery()", () => {
  const counts = select(addresses.c.user_id, func.count(addresses.c.id).label("n")).groupBy(addresses.c.user_id).subquery();

  it("is a FROM item whose columns are labelled inside and named after it outside", () => {
    expect(sql(select(counts.c.user_id, counts.c.n))).toBe(
      "SELECT anon_1.user_id, anon_1.n \nFROM (SELECT address.user_id AS user_id, count(address.id) AS n \n" +
        "FROM address GROUP BY address.user_id) AS anon_1",
    );
    expect(counts.c.keys()).toEqual(["user_id", "n"]);
    expect(() => counts.column("m")).toThrow(/No column 'm' here; the columns are 'user_id', 'n'/);
  });

  it("printed alone, shows its SELECT; a named one renders its name", () => {
    expect(sql(counts)).toBe("SELECT address.user_id, count(address.id) AS n \nFROM address GROUP BY address.user_id");
    const named = select(users.c.id).subquery("ids");
    expect(sql(select(named))).toBe("SELECT ids.id \nFROM (SELECT user_account.id AS id \nFROM user_account) AS ids");
  });

  it("joins by the foreign keys of the columns it selects", () => {
    expect(sql(select(users.c.name, counts.c.n).join(counts))).toBe(
      "SELECT user_account.name, anon_1.n \nFROM user_account JOIN (SELECT address.user_id AS user_id, count(address.id) AS n \n" +
        "FROM address GROUP BY address.user_id) AS anon_1 ON user_account.id = anon_1.user_id",
    );
  });

  it("an unlabelled function keeps its anonymous name inside and out; keys are the function's name", () => {
    const sq = select(func.max(addresses.c.id)).subquery();
    expect(sq.c.keys()).toEqual(["max"]);
    expect(sql(select(sq.column("max")))).toBe("SELECT anon_1.max_1 \nFROM (SELECT max(address.id) AS max_1 \nFROM address) AS anon_1");
  });

  it("columns of one name get distinct names and keys", () => {
    const pairs = select(users.c.id, addresses.c.id).where(users.c.id.eq(addresses.c.user_id)).subquery("pairs");
    expect(pairs.c.keys()).toEqual(["id", "id_1"]);
    expect(sql(select(pairs.column("id_1")))).toBe(
      "SELECT pairs.id_1 \nFROM (SELECT user_account.id AS id, address.id AS id_1 \nFROM user_account, address \n" +
        "WHERE user_account.id = address.user_id) AS pairs",
    );
  });

  it("two anonymous subqueries are numbered in order of appearance and keyed apart", () => {
    const a = select(users.c.id).subquery();
    const b = select(users.c.id).subquery();
    const stmt = select(a.c.id, b.c.id).where(a.c.id.eq(b.c.id));
    expect(sql(stmt)).toBe(
      "SELECT anon_1.id, anon_2.id AS id_1 \nFROM (SELECT user_account.id AS id \nFROM user_account) AS anon_1, " +
        "(SELECT user_account.id AS id \nFROM user_account) AS anon_2 \nWHERE anon_1.id = anon_2.id",
    );
    expect(stmt.cacheKey).not.toBe(select(a.c.id, a.c.id).where(a.c.id.eq(a.c.id)).cacheKey);
  });
});

describe("table aliases", () => {
  it("render `table AS name`, numbered when anonymous", () => {
    const u2 = alias(users, "u2");
    expect(sql(select(u2.c.name).where(u2.c.id.eq(1)))).toBe("SELECT u2.name \nFROM user_account AS u2 \nWHERE u2.id = :id_1");
    const anon = users.alias();
    expect(sql(select(users.c.id, anon.c.id).where(users.c.id.lt(anon.c.id)))).toBe(
      "SELECT user_account.id, user_account_1.id AS id_1 \nFROM user_account, user_account AS user_account_1 " +
        "\nWHERE user_account.id < user_account_1.id",
    );
  });

  it("join through foreign keys like their table", () => {
    const a = addresses.alias("a");
    expect(sql(users.join(a))).toBe("user_account JOIN address AS a ON user_account.id = a.user_id");
  });

  it("is refused for something that is not a table", () => {
    expect(() => users.join(addresses).alias()).toThrow(/alias\(\) names a table/);
  });
});

describe("scalar subqueries and EXISTS", () => {
  const addressCount = select(func.count(addresses.c.id)).where(addresses.c.user_id.eq(users.c.id)).scalarSubquery();

  it("correlate the tables the enclosing SELECT has", () => {
    expect(sql(select(users.c.name, addressCount.label("n")))).toBe(
      "SELECT user_account.name, (SELECT count(address.id) AS count_1 \nFROM address \n" +
        "WHERE address.user_id = user_account.id) AS n \nFROM user_account",
    );
    expect(sql(select(users.c.name).where(addressCount.gt(1)))).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE (SELECT count(address.id) AS count_1 \nFROM address \n" +
        "WHERE address.user_id = user_account.id) > :param_1",
    );
  });

  it("unlabelled, is anon_N; its type is its column's", () => {
    expect(sql(select(addressCount))).toContain(") AS anon_1");
    expect(addressCount.type.visitName).toBe("integer");
  });

  it("keeps a FROM that is its only one (no correlation to an empty FROM)", () => {
    const newest = select(func.max(users.c.id)).scalarSubquery();
    expect(sql(select(users.c.name).where(users.c.id.eq(newest)))).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE user_account.id = (SELECT max(user_account.id) AS max_1 \nFROM user_account)",
    );
  });

  it("exists() and select().exists(), negated with not()", () => {
    const hasAddress = exists(select(addresses.c.id).where(addresses.c.user_id.eq(users.c.id)));
    expect(sql(select(users.c.name).where(hasAddress))).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE EXISTS (SELECT address.id \nFROM address \nWHERE address.user_id = user_account.id)",
    );
    expect(sql(select(users.c.name).where(not(hasAddress)))).toContain("WHERE NOT (EXISTS (SELECT address.id");
    expect(sql(select(users.c.name).where(users.c.id.gt(1), hasAddress))).toContain(
      "WHERE user_account.id > :id_1 AND (EXISTS (SELECT address.id",
    );
    expect(sql(select(addresses.c.id).where(addresses.c.user_id.eq(users.c.id)).exists())).toBe(
      "EXISTS (SELECT address.id \nFROM address, user_account \nWHERE address.user_id = user_account.id)",
    );
  });

  it("correlate() names what to correlate; correlate() with nothing correlates nothing", () => {
    const inner = select(addresses.c.id).where(addresses.c.user_id.eq(users.c.id));
    expect(sql(select(users.c.name).where(exists(inner.correlate(users))))).toContain("(SELECT address.id \nFROM address \nWHERE");
    expect(sql(select(users.c.name).where(exists(inner.correlate())))).toContain(
      "(SELECT address.id \nFROM address, user_account \nWHERE",
    );
  });

  it("auto-correlation that leaves no FROM is an error", () => {
    const inner = select(users.c.id).where(users.c.id.eq(addresses.c.user_id)).scalarSubquery();
    expect(() => sql(select(users.c.name, addresses.c.id).where(users.c.id.eq(inner)))).toThrow(InvalidRequestError);
    expect(() => sql(select(users.c.name, addresses.c.id).where(users.c.id.eq(inner)))).toThrow(/no FROM clauses due to auto-correlation/);
  });

  it("a subquery in FROM is not correlated", () => {
    const sq = select(addresses.c.user_id).where(addresses.c.user_id.eq(users.c.id)).subquery("sq");
    expect(sql(select(users.c.name, sq.c.user_id))).toBe(
      "SELECT user_account.name, sq.user_id \nFROM user_account, (SELECT address.user_id AS user_id \nFROM address, user_account \n" +
        "WHERE address.user_id = user_account.id) AS sq",
    );
  });
});

describe("correlation to an enclosing statement that is not a SELECT", () => {
  it("withEnclosingFroms() lets UPDATE/DELETE compilers correlate nested SELECTs to their table", () => {
    const count = select(func.count(addresses.c.id)).where(addresses.c.user_id.eq(users.c.id)).scalarSubquery();
    const compiler = new SQLCompiler(strDialect);
    expect(withEnclosingFroms(compiler, [users], () => compiler.process(count))).toBe(
      "(SELECT count(address.id) AS count_1 \nFROM address \nWHERE address.user_id = user_account.id)",
    );
    expect(new SQLCompiler(strDialect).process(count)).toBe(
      "(SELECT count(address.id) AS count_1 \nFROM address, user_account \nWHERE address.user_id = user_account.id)",
    );
  });
});
