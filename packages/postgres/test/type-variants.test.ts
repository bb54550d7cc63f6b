import * as sa from "@alkahest/core";
import { Column, CreateTable, MetaData, Table } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { PostgresDialect } from "@alkahest/postgres";

const dialect = new PostgresDialect();
const compile = (table: sa.Table): string => new CreateTable(table).compile({ dialect }).sql;

describe("PostgreSQL type variants (withVariant)", () => {
  it("a mysql variant leaves PostgreSQL's DDL as it was", () => {
    const users = Table("user_account", MetaData(), Column("fullname", sa.String().withVariant(sa.String(255), "mysql", "mariadb")));
    expect(compile(users)).toBe("\nCREATE TABLE user_account (\n\tfullname VARCHAR\n)\n\n");
  });

  it("a postgresql variant applies here: DDL and the type an insertmanyvalues batch casts to", () => {
    const at = sa.DateTime().withVariant(sa.DateTime({ timezone: true }), "postgresql");
    expect(dialect.typeCompiler.process(at)).toBe("TIMESTAMP WITH TIME ZONE");
    const tags = sa.JSON<number[]>().withVariant(sa.ARRAY(sa.Integer), "postgresql");
    expect(dialect.typeCompiler.process(tags)).toBe("INTEGER[]");
    expect(dialect.typeCompiler.castTypeName(tags)).toBe("INTEGER[]");
    expect(dialect.variantNames).toEqual(["postgresql"]);
  });

  it("SERIAL follows the key's variant, as SQLAlchemy's PGDDLCompiler reads dialect_impl", () => {
    const small = Table("small", MetaData(), Column("id", sa.SmallInteger().withVariant(sa.Integer(), "postgresql"), { primaryKey: true }));
    expect(compile(small)).toBe("\nCREATE TABLE small (\n\tid SERIAL NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n");
    const plain = Table("plain", MetaData(), Column("id", sa.SmallInteger().withVariant(sa.Integer(), "mysql"), { primaryKey: true }));
    expect(compile(plain)).toBe("\nCREATE TABLE plain (\n\tid SMALLSERIAL NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n");
  });
});
