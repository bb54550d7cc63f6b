import { describe, expect, it } from "@jest/globals";
import { func, select, String, cast, unionAll } from "../../src/index.js";
import { addresses as addressTable, sql, users as userTable } from "./support/tutorial-tables.js";

// Statements from SQLAlchemy's unified tutorial ("Using SELECT Statements"), printed as
// SQLAlchemy prints them on its default string dialect.

describe("SQLAlchemy tutorial: Using SELECT Statements", () => {
  it("explicit FROM clauses and JOINs", () => {
    expect(sql(select(userTable.c.name, addressTable.c.email_address).joinFrom(userTable, addressTable))).toBe(
      "SELECT user_account.name, address.email_address \nFROM user_account JOIN address ON user_account.id = address.user_id",
    );
    expect(sql(select(addressTable.c.email_address).selectFrom(userTable).join(addressTable))).toBe(
      "SELECT address.email_address \nFROM user_account JOIN address ON user_account.id = address.user_id",
    );
    expect(sql(select(func.count("*")).selectFrom(userTable))).toBe("SELECT count(:count_2) AS count_1 \nFROM user_account");
    expect(sql(select(userTable).join(addressTable, userTable.c.id.eq(addressTable.c.user_id), { isouter: true }))).toBe(
      "SELECT user_account.id, user_account.name, user_account.fullname \nFROM user_account LEFT OUTER JOIN address ON user_account.id = address.user_id",
    );
  });

  it("ORDER BY, GROUP BY, HAVING, ordering by a label", () => {
    const withCount = select(userTable.c.name, func.count(addressTable.c.id).label("count"))
      .join(addressTable)
      .groupBy(userTable.c.name)
      .having(func.count(addressTable.c.id).gt(1));
    expect(sql(withCount)).toBe(
      "SELECT user_account.name, count(address.id) AS count \nFROM user_account JOIN address ON user_account.id = address.user_id " +
        "GROUP BY user_account.name \nHAVING count(address.id) > :param_1",
    );
    const numAddresses = func.count(addressTable.c.id).label("num_addresses");
    expect(sql(select(addressTable.c.user_id, numAddresses).groupBy("user_id").orderBy("user_id", numAddresses.desc()))).toBe(
      "SELECT address.user_id, count(address.id) AS num_addresses \nFROM address GROUP BY address.user_id ORDER BY address.user_id, num_addresses DESC",
    );
  });

  it("table aliases", () => {
    const userAlias1 = userTable.alias();
    const userAlias2 = userTable.alias();
    expect(sql(select(userAlias1.c.name, userAlias2.c.name).joinFrom(userAlias1, userAlias2, userAlias1.c.id.gt(userAlias2.c.id)))).toBe(
      "SELECT user_account_1.name, user_account_2.name AS name_1 \nFROM user_account AS user_account_1 " +
        "JOIN user_account AS user_account_2 ON user_account_1.id > user_account_2.id",
    );
  });

  it("subqueries and CTEs", () => {
    const subq = select(func.count(addressTable.c.id).label("count"), addressTable.c.user_id).groupBy(addressTable.c.user_id).subquery();
    expect(sql(subq)).toBe("SELECT count(address.id) AS count, address.user_id \nFROM address GROUP BY address.user_id");
    expect(sql(select(subq.c.user_id, subq.c.count))).toBe(
      "SELECT anon_1.user_id, anon_1.count \nFROM (SELECT count(address.id) AS count, address.user_id AS user_id \n" +
        "FROM address GROUP BY address.user_id) AS anon_1",
    );
    expect(sql(select(userTable.c.name, userTable.c.fullname, subq.c.count).joinFrom(userTable, subq))).toBe(
      "SELECT user_account.name, user_account.fullname, anon_1.count \nFROM user_account JOIN " +
        "(SELECT count(address.id) AS count, address.user_id AS user_id \nFROM address GROUP BY address.user_id) AS anon_1 " +
        "ON user_account.id = anon_1.user_id",
    );
    const cte = select(func.count(addressTable.c.id).label("count"), addressTable.c.user_id).groupBy(addressTable.c.user_id).cte();
    expect(sql(select(userTable.c.name, userTable.c.fullname, cte.c.count).joinFrom(userTable, cte))).toBe(
      "WITH anon_1 AS \n(SELECT count(address.id) AS count, address.user_id AS user_id \nFROM address GROUP BY address.user_id)\n " +
        "SELECT user_account.name, user_account.fullname, anon_1.count \nFROM user_account JOIN anon_1 ON user_account.id = anon_1.user_id",
    );
  });

  it("scalar subqueries", () => {
    const subq = select(func.count(addressTable.c.id)).where(userTable.c.id.eq(addressTable.c.user_id)).scalarSubquery();
    expect(sql(subq)).toBe("(SELECT count(address.id) AS count_1 \nFROM address, user_account \nWHERE user_account.id = address.user_id)");
    expect(sql(subq.eq(5))).toBe(
      "(SELECT count(address.id) AS count_1 \nFROM address, user_account \nWHERE user_account.id = address.user_id) = :param_1",
    );
    expect(sql(select(userTable.c.name, subq.label("address_count")))).toBe(
      "SELECT user_account.name, (SELECT count(address.id) AS count_1 \nFROM address \nWHERE user_account.id = address.user_id) " +
        "AS address_count \nFROM user_account",
    );
  });

  it("UNION ALL, and selecting from it", () => {
    const stmt1 = select(userTable).where(userTable.c.name.eq("sandy"));
    const stmt2 = select(userTable).where(userTable.c.name.eq("spongebob"));
    const u = unionAll(stmt1, stmt2);
    const uSubq = u.subquery();
    expect(sql(select(uSubq.c.name, addressTable.c.email_address).joinFrom(addressTable, uSubq).orderBy(uSubq.c.name, addressTable.c.email_address))).toBe(
      "SELECT anon_1.name, address.email_address \nFROM address JOIN " +
        "(SELECT user_account.id AS id, user_account.name AS name, user_account.fullname AS fullname \nFROM user_account \n" +
        "WHERE user_account.name = :name_1 UNION ALL SELECT user_account.id AS id, user_account.name AS name, " +
        "user_account.fullname AS fullname \nFROM user_account \nWHERE user_account.name = :name_2) AS anon_1 " +
        "ON anon_1.id = address.user_id ORDER BY anon_1.name, address.email_address",
    );
  });

  it("window functions and casts", () => {
    const stmt = select(func.row_number().over({ partitionBy: userTable.c.name }), userTable.c.name, addressTable.c.email_address)
      .selectFrom(userTable)
      .join(addressTable);
    expect(sql(stmt)).toBe(
      "SELECT row_number() OVER (PARTITION BY user_account.name) AS anon_1, user_account.name, address.email_address \n" +
        "FROM user_account JOIN address ON user_account.id = address.user_id",
    );
    expect(sql(select(cast(userTable.c.id, String)))).toBe("SELECT CAST(user_account.id AS VARCHAR) AS id \nFROM user_account");
  });
});
