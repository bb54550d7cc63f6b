import { describe, expect, it } from "@jest/globals";
import {
  AddConstraint,
  ArgumentError,
  CheckConstraint,
  Column,
  CreateIndex,
  CreateTable,
  DDLCompiler,
  ForeignKey,
  IdentifierPreparer,
  Index,
  Integer,
  InvalidRequestError,
  MetaData,
  SQLCompiler,
  String,
  Table,
  TypeCompiler,
  UniqueConstraint,
  type ClauseElement,
  type Compiled,
  type CompilerDialect,
} from "../../../src/index.js";

const sql = (element: object): string => `${element}`;

const convention = {
  ix: "ix_%(column_0_label)s",
  uq: "uq_%(table_name)s_%(column_0_N_name)s",
  ck: "ck_%(table_name)s_%(constraint_name)s",
  fk: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
  pk: "pk_%(table_name)s",
};

function conventionTables() {
  const metadata = MetaData({ namingConvention: convention });
  Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30), { index: true }));
  const address = Table(
    "address",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
    Column("email", String(50)),
    Column("kind", String(10)),
    UniqueConstraint("email", "kind"),
    CheckConstraint("kind IN ('home', 'work')", { name: "kind" }),
  );
  return { metadata, address };
}

describe("naming conventions (SQLAlchemy's %(token)s templates)", () => {
  it("name every kind of constraint that has no name", () => {
    const { metadata, address } = conventionTables();
    expect(sql(new CreateTable(address))).toBe(
      "\nCREATE TABLE address (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\temail VARCHAR(50), \n\tkind VARCHAR(10), \n" +
        "\tCONSTRAINT pk_address PRIMARY KEY (id), \n\tCONSTRAINT uq_address_email_kind UNIQUE (email, kind), \n" +
        "\tCONSTRAINT ck_address_kind CHECK (kind IN ('home', 'work')), \n" +
        "\tCONSTRAINT fk_address_user_id_user_account FOREIGN KEY(user_id) REFERENCES user_account (id)\n)\n\n",
    );
    const [index] = [...metadata.tables.get("user_account")!.indexes];
    expect(sql(new CreateIndex(index!))).toBe("CREATE INDEX ix_user_account_name ON user_account (name)");
  });

  it("an explicit name wins unless the template uses %(constraint_name)s", () => {
    const metadata = MetaData({ namingConvention: convention });
    const t = Table(
      "t",
      metadata,
      Column("a", Integer),
      Column("b", Integer),
      UniqueConstraint("a", { name: "my_unique" }),
      CheckConstraint("b > 0", { name: "positive" }),
    );
    const names = [...t.constraints].map((c) => c.name);
    expect(names).toEqual(["pk_t", "my_unique", "ck_t_positive"]);
    expect(t.primaryKey.length).toBe(0);
  });

  it("the other column tokens: key, label with schema, 0N joined, referred column", () => {
    const metadata = MetaData({
      schema: "sales",
      namingConvention: {
        uq: "uq_%(column_0_key)s_%(column_1_label)s_%(column_0N_name)s",
        fk: "fk_%(referred_column_0_name)s",
      },
    });
    Table("customer", metadata, Column("id", Integer, { primaryKey: true }));
    const t = Table(
      "orders",
      metadata,
      Column("cust", Integer, ForeignKey("customer.id"), { key: "customerId" }),
      Column("no", Integer),
      UniqueConstraint("customerId", "no"),
    );
    expect([...t.constraints].slice(1).map((c) => c.name)).toEqual(["uq_customerId_sales_orders_no_custno", "fk_id"]);
  });

  it("a CHECK without a name under a %(constraint_name)s convention is an error saying to name it", () => {
    const t = Table("t", MetaData({ namingConvention: convention }), Column("x", Integer), CheckConstraint("x > 0"));
    expect(() => sql(new CreateTable(t))).toThrow(InvalidRequestError);
    expect(() => sql(new CreateTable(t))).toThrow(/includes %\(constraint_name\)s, which requires the CheckConstraint on table 't' to be named/);
  });

  it("an unknown token is an ArgumentError listing the known ones", () => {
    const t = Table("t", MetaData({ namingConvention: { uq: "uq_%(tablename)s" } }), Column("x", Integer, { unique: true }));
    expect(() => [...t.constraints].map((c) => c.name)).toThrow(ArgumentError);
    expect(() => [...t.constraints].map((c) => c.name)).toThrow(/Unknown naming convention token %\(tablename\)s.*Known tokens: table_name/);
  });

  it("a generated name longer than the dialect allows is shortened as SQLAlchemy does; an explicit one is an error", () => {
    class ShortNames extends DDLCompiler {
      override get maxIdentifierLength(): number {
        return 30;
      }
    }
    const dialect: CompilerDialect & { compile(element: ClauseElement): Compiled } = {
      paramStyle: "named",
      identifierPreparer: new IdentifierPreparer(),
      typeCompiler: new TypeCompiler(),
      ddlCompiler: ShortNames,
      processorsFor: () => undefined,
      compile(element) {
        return new SQLCompiler(this).compile(element);
      },
    };
    const metadata = MetaData({ namingConvention: convention });
    Table("a_rather_long_table_name", metadata, Column("id", Integer, { primaryKey: true }));
    const t = Table(
      "another_long_table_name",
      metadata,
      Column("a_rather_long_table_name_id", ForeignKey("a_rather_long_table_name.id")),
      Index("an_explicit_index_name_far_too_long", "a_rather_long_table_name_id"),
    );
    const fk = [...t.foreignKeyConstraints][0]!;
    // name[0 : 30 - 8] + "_" + md5(name)[-4:]
    expect(new AddConstraint(fk).compile({ dialect }).sql).toBe(
      "ALTER TABLE another_long_table_name ADD CONSTRAINT fk_another_long_table__90ce FOREIGN KEY(a_rather_long_table_name_id) " +
        "REFERENCES a_rather_long_table_name (id)",
    );
    const [index] = [...t.indexes];
    expect(() => new CreateIndex(index!).compile({ dialect })).toThrow(/exceeds the maximum length of 30 characters/);
  });
});
