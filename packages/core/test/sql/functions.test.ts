import { describe, expect, it } from "@jest/globals";
import { func, select } from "../../src/index.js";
import { addresses, sql, users } from "./support/tutorial-tables.js";

describe("func", () => {
  it("count() is count(*); count(x); count(DISTINCT x)", () => {
    expect(sql(func.count())).toBe("count(*)");
    expect(sql(func.count(users.c.id))).toBe("count(user_account.id)");
    expect(sql(func.count(users.c.name.distinct()))).toBe("count(DISTINCT user_account.name)");
  });

  it("plain arguments are parameters named after the function", () => {
    expect(sql(func.lower("SANDY"))).toBe("lower(:lower_1)");
    expect(sql(func.coalesce(users.c.fullname, "?"))).toBe("coalesce(user_account.fullname, :coalesce_1)");
    expect(func.coalesce(users.c.fullname, "?").compile().params).toEqual({ coalesce_1: "?" });
  });

  // Names other than the known ones come from an index signature: `!` under noUncheckedIndexedAccess.
  it("any name is a function; names with illegal characters are quoted", () => {
    expect(sql(func.json_extract!(users.c.fullname, "$.a"))).toBe("json_extract(user_account.fullname, :json_extract_1)");
    expect(sql(func.myFunc!())).toBe("myFunc()");
    expect(sql(func["my func"]!())).toBe('"my func"()');
  });

  it("ANSI functions render without parentheses", () => {
    expect(sql(func.current_timestamp())).toBe("CURRENT_TIMESTAMP");
    expect(sql(func.current_date())).toBe("CURRENT_DATE");
    expect(sql(func.now())).toBe("now()");
    expect(sql(func.random())).toBe("random()");
  });

  it("compare against a parameter named param_N", () => {
    expect(sql(func.max(users.c.id).gt(5))).toBe("max(user_account.id) > :param_1");
  });

  it("selected, a function is labelled after its name; the label is numbered first", () => {
    expect(sql(select(func.count()).selectFrom(users))).toBe("SELECT count(*) AS count_1 \nFROM user_account");
    expect(sql(select(func.concat("a", "b")))).toBe("SELECT concat(:concat_2, :concat_3) AS concat_1");
    const stmt = select(func.max(users.c.id), func.max(addresses.c.id));
    expect(sql(stmt)).toBe("SELECT max(user_account.id) AS max_1, max(address.id) AS max_2 \nFROM user_account, address");
    expect(stmt.compile().resultColumns?.map((c) => c.key)).toEqual(["max_1", "max_2"]);
  });

  it("typed results: count is an Integer, max takes its argument's type", () => {
    expect(func.count().type.visitName).toBe("integer");
    expect(func.max(users.c.name).type).toBe(users.c.name.type);
    expect(func.now().type.visitName).toBe("datetime");
    expect(func.whatever!().type.visitName).toBe("null");
  });
});

describe("window functions", () => {
  it("over() with PARTITION BY and ORDER BY", () => {
    const rowNumber = func.row_number().over({ partitionBy: addresses.c.user_id, orderBy: addresses.c.id.desc() });
    expect(sql(rowNumber)).toBe("row_number() OVER (PARTITION BY address.user_id ORDER BY address.id DESC)");
    expect(sql(func.count().over())).toBe("count(*) OVER ()");
    expect(sql(select(addresses.c.id, func.rank().over({ orderBy: addresses.c.email_address })))).toBe(
      "SELECT address.id, rank() OVER (ORDER BY address.email_address) AS anon_1 \nFROM address",
    );
  });

  it("frames: null is UNBOUNDED, 0 CURRENT ROW, other offsets bound as parameters", () => {
    const running = func.sum(addresses.c.id).over({ orderBy: addresses.c.id, rows: [null, 0] });
    expect(sql(running)).toBe("sum(address.id) OVER (ORDER BY address.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
    const moving = func.avg!(addresses.c.id).over({ orderBy: addresses.c.id, range: [-2, 1] });
    expect(sql(moving)).toBe("avg(address.id) OVER (ORDER BY address.id RANGE BETWEEN :param_1 PRECEDING AND :param_2 FOLLOWING)");
    expect(moving.compile().params).toEqual({ param_1: 2, param_2: 1 });
    expect(() => func.sum(addresses.c.id).over({ rows: [1.5, null] })).toThrow(/integer/);
    expect(() => func.sum(addresses.c.id).over({ rows: [null, 0], range: [null, 0] })).toThrow(/either rows or range/);
  });
});
