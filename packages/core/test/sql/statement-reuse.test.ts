// Statements are immutable and compile the same however often, and in whatever order,
// they and the statements built from them are compiled: what a Select or the compiler
// keeps between calls (the FROM list, anonymous names, correlation scopes) never leaks.
import { describe, expect, it } from "@jest/globals";
import { exists, func, select } from "../../src/index.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

describe("a Select built from another", () => {
  it("has its own FROM list, whichever is compiled first", () => {
    const base = select(users.c.name);
    expect(sql(base)).toBe("SELECT user_account.name \nFROM user_account");
    const joined = base.join(addresses);
    const filtered = base.where(addresses.c.email_address.like("%@x"));
    expect(sql(joined)).toBe("SELECT user_account.name \nFROM user_account JOIN address ON user_account.id = address.user_id");
    expect(sql(filtered)).toBe("SELECT user_account.name \nFROM user_account, address \nWHERE address.email_address LIKE :email_address_1");
    expect(sql(base)).toBe("SELECT user_account.name \nFROM user_account");
    expect(new Set([base.cacheKey, joined.cacheKey, filtered.cacheKey]).size).toBe(3);
  });

  it("compiles to the same SQL and parameters each time", () => {
    const stmt = select(users.c.id, addresses.c.email_address)
      .join(addresses)
      .where(users.c.name.eq("spongebob"))
      .orderBy(users.c.id)
      .limit(10);
    const first = stmt.compile();
    const second = stmt.compile();
    expect(second.sql).toBe(first.sql);
    expect(second.sql).toBe(
      "SELECT user_account.id, address.email_address \nFROM user_account JOIN address ON user_account.id = address.user_id \n" +
        "WHERE user_account.name = :name_1 ORDER BY user_account.id\n LIMIT :param_1",
    );
    expect(second.params).toEqual({ name_1: "spongebob", param_1: 10 });
  });
});

describe("anonymous names", () => {
  it("one expression named under two bases gets a name for each", () => {
    // Selected twice in a subquery: first labelled after itself (anon), then after its column (id).
    const descending = users.c.id.desc();
    const sq = select(descending, descending, users.c.name).subquery();
    expect(sql(select(sq))).toBe(
      "SELECT anon_1.anon_2, anon_1.id_1, anon_1.name \n" +
        "FROM (SELECT user_account.id DESC AS anon_2, user_account.id DESC AS id_1, user_account.name AS name \nFROM user_account) AS anon_1",
    );
  });
});

describe("correlation", () => {
  it("correlate() reaches the tables of a SELECT two levels up", () => {
    const a2 = addresses.alias("a2");
    const innermost = select(func.count(addresses.c.id)).where(addresses.c.user_id.eq(users.c.id)).correlate(users).scalarSubquery();
    const middle = select(a2.c.id).where(innermost.gt(1));
    expect(sql(select(users.c.name).where(exists(middle)))).toBe(
      "SELECT user_account.name \nFROM user_account \nWHERE EXISTS (SELECT a2.id \nFROM address AS a2 \n" +
        "WHERE (SELECT count(address.id) AS count_1 \nFROM address \nWHERE address.user_id = user_account.id) > :param_1)",
    );
    // Compiled on its own, nothing encloses it: both tables are in its FROM list.
    expect(sql(middle)).toContain("FROM address, user_account \nWHERE address.user_id = user_account.id");
  });
});
