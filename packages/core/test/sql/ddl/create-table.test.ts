import { describe, expect, it } from "@jest/globals";
import {
  AddConstraint,
  CheckConstraint,
  Column,
  CompileError,
  CreateTable,
  DateTime,
  DropConstraint,
  DropTable,
  ForeignKey,
  ForeignKeyConstraint,
  Integer,
  MetaData,
  PrimaryKeyConstraint,
  String,
  Table,
  text,
  UniqueConstraint,
} from "../../../src/index.js";

// `String` here is the SQL type, as in SQLAlchemy code; print statements with a template literal.
const sql = (element: object): string => `${element}`;

/** The seed notebook's two tables (cells In [9] and In [13]). */
function seedTables() {
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
    Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
    Column("email_address", String, { nullable: false }),
  );
  return { metadata, userTable, addressTable };
}

describe("CreateTable with the default string dialect", () => {
  it("In [14]: user_account in SQLAlchemy's exact layout", () => {
    const { userTable } = seedTables();
    expect(sql(new CreateTable(userTable))).toBe(
      "\nCREATE TABLE user_account (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(30), \n\tfullname VARCHAR, \n\tPRIMARY KEY (id)\n)\n\n",
    );
  });

  it("In [14]: address, its user_id typed INTEGER by the ForeignKey, with FOREIGN KEY(...) REFERENCES", () => {
    const { addressTable } = seedTables();
    expect(sql(CreateTable(addressTable))).toBe(
      "\nCREATE TABLE address (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\temail_address VARCHAR NOT NULL, \n" +
        "\tPRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES user_account (id)\n)\n\n",
    );
  });

  it("DDL is never cached: no cache key, no parameters", () => {
    const { userTable } = seedTables();
    const create = new CreateTable(userTable);
    expect(create.cacheKey).toBeNull();
    expect(create.bindParams).toEqual([]);
    expect(create.compile().params).toEqual({});
  });

  it("constraints follow the primary key in creation order: explicit ones, then the columns' own", () => {
    const metadata = MetaData();
    Table("parent", metadata, Column("id", Integer, { primaryKey: true }));
    const child = Table(
      "child",
      metadata,
      Column("id", Integer, { primaryKey: true }),
      Column("parent_id", Integer, ForeignKey("parent.id", { onDelete: "CASCADE", onUpdate: "SET NULL" })),
      Column("code", String(10), { unique: true }),
      Column("qty", Integer, { serverDefault: "0" }),
      UniqueConstraint("parent_id", "qty", { name: "uq_child_parent_qty" }),
      CheckConstraint("qty >= 0", { name: "ck_qty" }),
    );
    expect(sql(new CreateTable(child))).toBe(
      "\nCREATE TABLE child (\n\tid INTEGER NOT NULL, \n\tparent_id INTEGER, \n\tcode VARCHAR(10), \n\tqty INTEGER DEFAULT '0', \n" +
        "\tPRIMARY KEY (id), \n\tCONSTRAINT uq_child_parent_qty UNIQUE (parent_id, qty), \n\tCONSTRAINT ck_qty CHECK (qty >= 0), \n" +
        "\tFOREIGN KEY(parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL, \n\tUNIQUE (code)\n)\n\n",
    );
  });

  it("server defaults: a string is a quoted literal, text() and expressions are SQL", () => {
    const t = Table(
      "doc",
      MetaData(),
      Column("status", String(10), { serverDefault: "it's new" }),
      Column("created", DateTime, { serverDefault: text("CURRENT_TIMESTAMP"), nullable: false }),
    );
    expect(sql(new CreateTable(t))).toBe(
      "\nCREATE TABLE doc (\n\tstatus VARCHAR(10) DEFAULT 'it''s new', \n\tcreated DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL\n)\n\n",
    );
  });

  it("a CHECK built from columns renders them unqualified, with its values inline", () => {
    const metadata = MetaData();
    const product = Table("product", metadata, Column("price", Integer), Column("name", String(20)));
    product.appendConstraint(CheckConstraint(product.c.price.gt(0)));
    product.appendConstraint(CheckConstraint(product.c.name.ne("it's"), { name: "ck_name" }));
    expect(sql(new CreateTable(product))).toBe(
      "\nCREATE TABLE product (\n\tprice INTEGER, \n\tname VARCHAR(20), \n\tCHECK (price > 0), \n" +
        "\tCONSTRAINT ck_name CHECK (name != 'it''s')\n)\n\n",
    );
  });

  it("an explicit composite PRIMARY KEY makes its columns NOT NULL; a composite FOREIGN KEY lists its pairs", () => {
    const metadata = MetaData();
    Table("invoice", metadata, Column("invoice_id", Integer), Column("ref_num", Integer), PrimaryKeyConstraint("invoice_id", "ref_num", { name: "pk_invoice" }));
    const item = Table(
      "invoice_item",
      metadata,
      Column("item_id", Integer, { primaryKey: true }),
      Column("invoice_id", Integer, { nullable: false }),
      Column("ref_num", Integer, { nullable: false }),
      ForeignKeyConstraint(["invoice_id", "ref_num"], ["invoice.invoice_id", "invoice.ref_num"], { name: "fk_item_invoice", deferrable: true, initially: "DEFERRED" }),
    );
    const invoice = metadata.tables.get("invoice")!;
    expect(sql(new CreateTable(invoice))).toBe(
      "\nCREATE TABLE invoice (\n\tinvoice_id INTEGER NOT NULL, \n\tref_num INTEGER NOT NULL, \n\tCONSTRAINT pk_invoice PRIMARY KEY (invoice_id, ref_num)\n)\n\n",
    );
    expect(sql(new CreateTable(item))).toBe(
      "\nCREATE TABLE invoice_item (\n\titem_id INTEGER NOT NULL, \n\tinvoice_id INTEGER NOT NULL, \n\tref_num INTEGER NOT NULL, \n" +
        "\tPRIMARY KEY (item_id), \n\tCONSTRAINT fk_item_invoice FOREIGN KEY(invoice_id, ref_num) REFERENCES invoice (invoice_id, ref_num) DEFERRABLE INITIALLY DEFERRED\n)\n\n",
    );
  });

  it("quotes reserved words and mixed case, and qualifies by schema", () => {
    const metadata = MetaData();
    Table("user", metadata, Column("id", Integer, { primaryKey: true }), { schema: "app" });
    const order = Table(
      "order",
      metadata,
      Column("id", Integer, { primaryKey: true }),
      Column("userId", ForeignKey("app.user.id")),
      { schema: "app" },
    );
    expect(sql(new CreateTable(order))).toBe(
      '\nCREATE TABLE app."order" (\n\tid INTEGER NOT NULL, \n\t"userId" INTEGER, \n\tPRIMARY KEY (id), \n' +
        '\tFOREIGN KEY("userId") REFERENCES app."user" (id)\n)\n\n',
    );
    expect(sql(new DropTable(order))).toBe('\nDROP TABLE app."order"');
  });

  it("IF NOT EXISTS / IF EXISTS", () => {
    const { userTable } = seedTables();
    expect(sql(new CreateTable(userTable, { ifNotExists: true }))).toMatch(/^\nCREATE TABLE IF NOT EXISTS user_account \(/);
    expect(sql(new DropTable(userTable, { ifExists: true }))).toBe("\nDROP TABLE IF EXISTS user_account");
  });

  it("a useAlter foreign key is left out of CREATE TABLE for ALTER TABLE ... ADD CONSTRAINT", () => {
    const metadata = MetaData();
    const a = Table("a", metadata, Column("id", Integer, { primaryKey: true }), Column("b_id", ForeignKey("b.id", { useAlter: true, name: "fk_a_b" })));
    Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    expect(sql(new CreateTable(a))).toBe("\nCREATE TABLE a (\n\tid INTEGER NOT NULL, \n\tb_id INTEGER, \n\tPRIMARY KEY (id)\n)\n\n");
    const fk = [...a.foreignKeyConstraints][0]!;
    expect(sql(new AddConstraint(fk))).toBe("ALTER TABLE a ADD CONSTRAINT fk_a_b FOREIGN KEY(b_id) REFERENCES b (id)");
    expect(sql(new DropConstraint(fk))).toBe("ALTER TABLE a DROP CONSTRAINT fk_a_b");
    expect(sql(new DropConstraint(fk, { ifExists: true, cascade: true }))).toBe("ALTER TABLE a DROP CONSTRAINT IF EXISTS fk_a_b CASCADE");
  });

  it("DROP CONSTRAINT of an unnamed constraint is a CompileError saying to name it", () => {
    const { addressTable } = seedTables();
    const fk = [...addressTable.foreignKeyConstraints][0]!;
    expect(() => sql(new DropConstraint(fk))).toThrow(CompileError);
    expect(() => sql(new DropConstraint(fk))).toThrow(/has no name/);
  });

  it("a column without a type of its own or a resolvable ForeignKey is a CompileError naming table and column", () => {
    const t = Table("orphan", MetaData(), Column("ref_id", ForeignKey("missing.id")));
    expect(() => sql(new CreateTable(t))).toThrow(/\(in table 'orphan', column 'ref_id'\): Can't generate DDL for NullType\(\)/);
  });
});
