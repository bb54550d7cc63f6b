import { describe, expect, it } from "@jest/globals";
import {
  ArgumentError,
  Column,
  CompileError,
  CreateIndex,
  CreateTable,
  DropIndex,
  Index,
  Integer,
  MetaData,
  String,
  Table,
  text,
} from "../../../src/index.js";

const sql = (element: object): string => `${element}`;

describe("indexes", () => {
  it("a column's index: true makes an index named by the default convention ix_<table>_<column>", () => {
    const t = Table("user_account", MetaData(), Column("id", Integer, { primaryKey: true }), Column("name", String(30), { index: true }));
    const [index] = [...t.indexes];
    expect(index!.name).toBe("ix_user_account_name");
    expect(index!.unique).toBe(false);
    expect(sql(new CreateIndex(index!))).toBe("CREATE INDEX ix_user_account_name ON user_account (name)");
    expect(sql(new DropIndex(index!))).toBe("\nDROP INDEX ix_user_account_name");
  });

  it("index: true with unique: true is one UNIQUE index and no UNIQUE constraint", () => {
    const t = Table("user_account", MetaData(), Column("id", Integer, { primaryKey: true }), Column("email", String(50), { index: true, unique: true }));
    const [index] = [...t.indexes];
    expect(sql(new CreateIndex(index!))).toBe("CREATE UNIQUE INDEX ix_user_account_email ON user_account (email)");
    expect([...t.constraints].map((c) => c.conventionKey)).toEqual(["pk"]);
    expect(sql(new CreateTable(t))).not.toContain("UNIQUE");
  });

  it("Index() with Columns attaches to their table; multi-column, unique, schema-qualified table", () => {
    const t = Table("person", MetaData(), Column("last", String(20)), Column("first", String(20)), { schema: "hr" });
    const index = Index("ix_person_name", t.c.last, t.c.first, { unique: true });
    expect(index.table).toBe(t);
    expect([...t.indexes]).toEqual([index]);
    expect(sql(new CreateIndex(index))).toBe("CREATE UNIQUE INDEX ix_person_name ON hr.person (last, first)");
    expect(sql(new DropIndex(index, { ifExists: true }))).toBe("\nDROP INDEX IF EXISTS hr.ix_person_name");
    expect(sql(new CreateIndex(index, { ifNotExists: true }))).toBe("CREATE UNIQUE INDEX IF NOT EXISTS ix_person_name ON hr.person (last, first)");
  });

  it("an index passed to Table() by column key, and an expression index", () => {
    const t = Table(
      "account",
      MetaData(),
      Column("id", Integer, { primaryKey: true }),
      Column("email", String(50)),
      Index("ix_account_email", "email"),
      Index("ix_account_lower_email", text("lower(email)")),
    );
    const [byKey, byExpression] = [...t.indexes];
    expect(sql(new CreateIndex(byKey!))).toBe("CREATE INDEX ix_account_email ON account (email)");
    expect(sql(new CreateIndex(byExpression!))).toBe("CREATE INDEX ix_account_lower_email ON account (lower(email))");
  });

  it("an index without a name and without an ix convention cannot be created", () => {
    const t = Table("t", MetaData({ namingConvention: { uq: "uq_%(table_name)s_%(column_0_name)s" } }), Column("x", Integer, { index: true }));
    const [index] = [...t.indexes];
    expect(index!.name).toBeNull();
    expect(() => sql(new CreateIndex(index!))).toThrow(CompileError);
    expect(() => sql(new CreateIndex(index!))).toThrow(/requires that the index have a name.*"ix" entry/);
  });

  it("bad arguments are ArgumentErrors that say what to pass", () => {
    const t = Table("t", MetaData(), Column("x", Integer));
    expect(() => Index("ix_empty")).toThrow(/needs at least one column/);
    expect(() => Table("u", MetaData(), Column("x", Integer), Index("ix_u_y", "y"))).toThrow(/Table 'u' has no column 'y'/);
    expect(() => Index("ix_other", t.c.x).attachToTable(Table("v", MetaData(), Column("x", Integer)))).toThrow(ArgumentError);
  });
});
