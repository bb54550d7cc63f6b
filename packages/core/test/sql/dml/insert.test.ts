import { describe, expect, it } from "@jest/globals";
import {
  ArgumentError,
  bindparam,
  Column,
  CompileError,
  DateTime,
  insert,
  Integer,
  MetaData,
  select,
  String,
  Table,
} from "../../../src/index.js";

// `String` here is the SQL type, as in SQLAlchemy code; print statements with a template literal.
const sql = (element: object): string => `${element}`;

const metadata = MetaData();
const userTable = Table(
  "user_account",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("fullname", String),
);
const addressTable = Table(
  "address",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("user_id", Integer, { nullable: false }),
  Column("email_address", String, { nullable: false }),
);
let stamp = 0;
const audited = Table(
  "audited",
  metadata,
  Column("id", Integer, { primaryKey: true }),
  Column("name", String(30)),
  Column("status", String(10), { default: "new" }),
  Column("version", Integer, { default: () => ++stamp, onUpdate: () => ++stamp }),
  Column("created", DateTime, { default: userTable.c.id.add(0) }),
);

describe("insert()", () => {
  it("In [20]: values() binds each value under its column key, columns in table order", () => {
    const stmt = insert(userTable).values({ name: "spongebob", fullname: "Spongebob Squarepants" });
    expect(sql(stmt)).toBe("INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)");
    // Table order, whatever order the object gives.
    expect(sql(insert(userTable).values({ fullname: "F", name: "N" }))).toBe(
      "INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)",
    );
  });

  it("In [21]: compile().params holds the bound values by name", () => {
    const compiled = insert(userTable).values({ name: "spongebob", fullname: "Spongebob Squarepants" }).compile();
    expect(compiled.params).toEqual({ name: "spongebob", fullname: "Spongebob Squarepants" });
  });

  it("printed without values, shows every column as a parameter, as SQLAlchemy prints insert(t)", () => {
    expect(sql(insert(userTable))).toBe("INSERT INTO user_account (id, name, fullname) VALUES (:id, :name, :fullname)");
  });

  it("In [24]: executed without values, its columns are the parameter names given, in table order", () => {
    expect(insert(userTable).compile({ columnKeys: ["fullname", "name"] }).sql).toBe(
      "INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)",
    );
    expect(insert(userTable).compile({ columnKeys: ["fullname", "name"] }).placeholders.map((p) => p.bindIndex)).toEqual([-1, -1]);
  });

  it("executed with no parameters at all, inserts DEFAULT VALUES", () => {
    expect(insert(userTable).compile({ columnKeys: [] }).sql).toBe("INSERT INTO user_account DEFAULT VALUES");
  });

  it("parameters add to values() and a parameter of a values() column overrides its value", () => {
    const stmt = insert(userTable).values({ name: "spongebob" });
    const compiled = stmt.compile({ columnKeys: ["fullname", "name"] });
    expect(compiled.sql).toBe("INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)");
    expect(compiled.positional({ name: "sandy", fullname: "Sandy Cheeks" }, stmt.bindParams, (v) => v)).toEqual([
      "sandy",
      "Sandy Cheeks",
    ]);
  });

  it("a further values() call adds columns and replaces values of the same columns", () => {
    const stmt = insert(userTable).values({ name: "a" }).values({ fullname: "b" }).values({ name: "c" });
    expect(sql(stmt)).toBe("INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)");
    expect(stmt.compile().params).toEqual({ name: "c", fullname: "b" });
  });

  it("values([...]) renders a multi-row VALUES with binds named name_m0, name_m1, ...", () => {
    const stmt = insert(userTable).values([
      { name: "sandy", fullname: "Sandy Cheeks" },
      { name: "patrick", fullname: "Patrick Star" },
    ]);
    expect(sql(stmt)).toBe(
      "INSERT INTO user_account (name, fullname) VALUES (:name_m0, :fullname_m0), (:name_m1, :fullname_m1)",
    );
    expect(stmt.compile().params).toEqual({
      name_m0: "sandy",
      fullname_m0: "Sandy Cheeks",
      name_m1: "patrick",
      fullname_m1: "Patrick Star",
    });
  });

  it("a SQL expression value renders as SQL, parenthesized when it has an operator; plain values are bound", () => {
    const stmt = insert(addressTable).values({ user_id: userTable.c.id.add(1), email_address: "x@y" });
    expect(sql(stmt)).toBe("INSERT INTO address (user_id, email_address) VALUES ((user_account.id + :id_1), :email_address)");
    expect(stmt.compile().params).toEqual({ id_1: 1, email_address: "x@y" });
  });

  it("values() can hold a bindparam() whose value is given at execution", () => {
    const stmt = insert(userTable).values({ name: bindparam("username") });
    expect(sql(stmt)).toBe("INSERT INTO user_account (name) VALUES (:username)");
    // "username" names the bindparam, not a column: not an unknown column.
    expect(stmt.compile({ columnKeys: ["username"] }).sql).toBe("INSERT INTO user_account (name) VALUES (:username)");
  });

  it("fromSelect() renders INSERT ... SELECT with the named columns", () => {
    const stmt = insert(addressTable).fromSelect(
      ["user_id", "email_address"],
      select(userTable.c.id, userTable.c.name).where(userTable.c.name.eq("sandy")),
    );
    expect(sql(stmt)).toBe(
      "INSERT INTO address (user_id, email_address) SELECT user_account.id, user_account.name \n" +
        "FROM user_account \nWHERE user_account.name = :name_1",
    );
    expect(stmt.compile().resultColumns).toBeNull();
  });

  it("returning() renders RETURNING with table-qualified columns and labels, typed result columns", () => {
    const stmt = insert(userTable).values({ name: "x" }).returning(userTable.c.id, userTable.c.fullname.label("full_name"));
    expect(sql(stmt)).toBe("INSERT INTO user_account (name) VALUES (:name) RETURNING user_account.id, user_account.fullname AS full_name");
    expect(stmt.compile().resultColumns?.map((c) => c.key)).toEqual(["id", "full_name"]);
    expect(sql(insert(userTable).values({ name: "x" }).returning(userTable))).toBe(
      "INSERT INTO user_account (name) VALUES (:name) RETURNING user_account.id, user_account.name, user_account.fullname",
    );
  });

  it("returning(..., { sortByParameterOrder }) is kept, and changes the cache key", () => {
    const plain = insert(userTable).returning(userTable.c.id);
    const sorted = insert(userTable).returning(userTable.c.id, { sortByParameterOrder: true });
    expect(plain.sortByParameterOrder).toBe(false);
    expect(sorted.sortByParameterOrder).toBe(true);
    expect(sorted.cacheKey).not.toBe(plain.cacheKey);
    expect(sql(sorted)).toBe(sql(plain));
  });

  it("client defaults fill the columns nothing else gives: values and functions as parameters, expressions as SQL", () => {
    const compiled = insert(audited).values({ name: "a" }).compile({ columnKeys: [] });
    expect(compiled.sql).toBe(
      "INSERT INTO audited (name, status, version, created) VALUES (:name, :status, :version, (user_account.id + :id_1))",
    );
    expect(compiled.dml?.defaults.map((d) => [d.name, typeof d.value])).toEqual([
      ["status", "string"],
      ["version", "function"],
    ]);
    // A column given a value gets no default.
    expect(insert(audited).values({ name: "a", status: "old" }).compile({ columnKeys: [] }).dml?.defaults.map((d) => d.name)).toEqual([
      "version",
    ]);
  });

  it("multi-row defaults get one parameter per row", () => {
    const compiled = insert(audited).values([{ name: "a" }, { name: "b" }]).compile();
    expect(compiled.sql).toBe(
      "INSERT INTO audited (name, status, version, created) VALUES " +
        "(:name_m0, :status_m0, :version_m0, (user_account.id + :id_1)), " +
        "(:name_m1, :status_m1, :version_m1, (user_account.id + :id_1))",
    );
    expect(compiled.dml?.defaults.map((d) => d.name)).toEqual(["status_m0", "version_m0", "status_m1", "version_m1"]);
  });

  it("records where the primary key comes from: a given value, or generated by the database", () => {
    const given = insert(userTable).values({ id: 7, name: "a" }).compile({ columnKeys: [] }).dml;
    expect(given?.primaryKey?.map((pk) => [pk.column.key, pk.param, pk.bindIndex, pk.autoincrement])).toEqual([["id", "id", 0, false]]);
    const generated = insert(userTable).values({ name: "a" }).compile({ columnKeys: [] }).dml;
    expect(generated?.primaryKey?.map((pk) => [pk.param, pk.bindIndex, pk.autoincrement])).toEqual([[null, -1, true]]);
    const fromParams = insert(userTable).compile({ columnKeys: ["id", "name"] }).dml;
    expect(fromParams?.primaryKey?.map((pk) => [pk.param, pk.bindIndex])).toEqual([["id", -1]]);
    expect(insert(userTable).values([{ name: "a" }]).compile().dml?.primaryKey).toBeNull();
  });

  it("records the placeholders of the VALUES row, which insertmanyvalues repeats", () => {
    const stmt = insert(userTable).returning(userTable.c.id);
    expect(stmt.compile({ columnKeys: ["fullname", "name"] }).dml?.valuesRow).toEqual({ start: 0, end: 2 });
    expect(stmt.compile({ columnKeys: ["fullname", "name"], insertmanyvaluesRows: 3 }).sql).toBe(
      "INSERT INTO user_account (name, fullname) VALUES (:name, :fullname), (:name, :fullname), (:name, :fullname) " +
        "RETURNING user_account.id",
    );
    expect(stmt.compile({ columnKeys: [] }).dml?.valuesRow).toBeNull();
  });

  it("shares one cache key across values of the same shape, never including values", () => {
    const a = insert(userTable).values({ name: "a", fullname: "A" });
    const b = insert(userTable).values({ name: "b", fullname: "B" });
    expect(a.cacheKey).toBe(b.cacheKey);
    expect(a.cacheKey).not.toContain("'a'");
    expect(insert(userTable).values({ name: "a" }).cacheKey).not.toBe(a.cacheKey);
    expect(insert(userTable).values([{ name: "a" }]).cacheKey).not.toBe(insert(userTable).values({ name: "a" }).cacheKey);
  });

  it("is immutable: values() and returning() return new statements", () => {
    const base = insert(userTable);
    base.values({ name: "x" });
    base.returning(userTable.c.id);
    expect(sql(base)).toBe("INSERT INTO user_account (id, name, fullname) VALUES (:id, :name, :fullname)");
  });

  it("is DML, so the engine compiles it per set of parameter names", () => {
    expect(insert(userTable).isDML).toBe(true);
    expect(select(userTable).isDML).toBe(false);
  });
});

describe("insert() errors", () => {
  it("values() with an unknown column names the table's columns", () => {
    expect(() => insert(userTable).values({ nickname: "x" } as never)).toThrow(ArgumentError);
    expect(() => insert(userTable).values({ nickname: "x" } as never)).toThrow(
      "insert.values(): table 'user_account' has no column 'nickname'; its columns are 'id', 'name', 'fullname'.",
    );
  });

  it("an executed parameter that names no column and no bindparam() is a CompileError naming the columns", () => {
    expect(() => insert(userTable).compile({ columnKeys: ["name", "nickname"] })).toThrow(CompileError);
    expect(() => insert(userTable).compile({ columnKeys: ["name", "nickname"] })).toThrow(
      "insert(user_account) was executed with parameter 'nickname' that names no column of 'user_account' " +
        "and no bindparam() of the statement; its columns are 'id', 'name', 'fullname'.",
    );
  });

  it("rows of a multi-row values() must give the same columns", () => {
    expect(() => insert(userTable).values([{ name: "a" }, { fullname: "b" }])).toThrow(
      "insert(user_account).values([...]): row 2 gives (fullname) but row 1 gives (name); " +
        "every row of a multi-row INSERT must give the same columns.",
    );
    expect(() => insert(userTable).values([{ name: "a" }]).values({ name: "b" })).toThrow(ArgumentError);
  });

  it("a bindparam() named like a column the statement sets is refused", () => {
    const stmt = insert(userTable).values({ name: "x", fullname: bindparam("name") });
    expect(() => stmt.compile()).toThrow(CompileError);
    expect(() => stmt.compile()).toThrow(/bindparam\(\) name 'name' is reserved .* e\.g\. 'b_name'/);
  });

  it("fromSelect() checks its columns against the SELECT and the table", () => {
    expect(() => insert(addressTable).fromSelect(["user_id"], select(userTable.c.id, userTable.c.name))).toThrow(
      "insert(address).fromSelect() names 1 column(s) but the SELECT returns 2; they must match one to one.",
    );
    expect(() => insert(addressTable).fromSelect([userTable.c.id], select(userTable.c.id))).toThrow(
      "insert(address).fromSelect(): column 'id' is not a column of 'address'.",
    );
    expect(() => insert(addressTable).values({ user_id: 1 }).fromSelect(["user_id"], select(userTable.c.id))).toThrow(ArgumentError);
  });

  it("returning() needs a column, and takes its options last", () => {
    expect(() => insert(userTable).returning()).toThrow("insert.returning() needs at least one column, e.g. .returning(table.c.id).");
    expect(() => insert(userTable).returning({ sortByParameterOrder: true } as never, userTable.c.id)).toThrow(ArgumentError);
  });

  it("insert() takes a Table", () => {
    expect(() => insert("user_account" as never)).toThrow("insert() takes a Table, e.g. insert(userTable); got user_account.");
  });
});
