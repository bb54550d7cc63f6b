import * as sa from "@alkahest/core";
import { Column, createEngine, CreateTable, ForeignKey, Integer, MetaData, String, Table } from "@alkahest/core";
import { describe, expect, it } from "@jest/globals";
import { SQLiteDialect } from "@alkahest/sqlite";

const dialect = new SQLiteDialect();

/** The seed's tables as examples/tutorial.ts declares them: bare Strings with a MySQL variant. */
function tutorialMetadata() {
  const metadata = MetaData();
  const text = String().withVariant(String(255), "mysql");
  Table("user_account", metadata, Column("id", Integer, { primaryKey: true }), Column("name", String(30)), Column("fullname", text));
  Table(
    "address",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("user_id", ForeignKey("user_account.id"), { nullable: false }),
    Column("email_address", text, { nullable: false }),
  );
  return metadata;
}

describe("SQLite type variants (withVariant)", () => {
  it("In [14] with a mysql variant on the bare Strings: SQLite's DDL is the seed's, line for line", async () => {
    const log: string[] = [];
    const engine = createEngine("sqlite+better-sqlite3:///:memory:", { echo: true, logger: { info: (line) => log.push(line) } });
    await tutorialMetadata().createAll(engine);
    await engine.dispose();
    expect(log.filter((line) => line.startsWith("\nCREATE"))).toEqual([
      "\nCREATE TABLE user_account (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(30), \n\tfullname VARCHAR, \n\tPRIMARY KEY (id)\n)\n\n",
      "\nCREATE TABLE address (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\temail_address VARCHAR NOT NULL, \n" +
        "\tPRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES user_account (id)\n)\n\n",
    ]);
  });

  it("a sqlite variant applies here", () => {
    const table = Table("t", MetaData(), Column("at", sa.Text().withVariant(sa.String(19), "sqlite")));
    expect(new CreateTable(table).compile({ dialect }).sql).toBe("\nCREATE TABLE t (\n\tat VARCHAR(19)\n)\n\n");
    expect(dialect.variantNames).toEqual(["sqlite"]);
  });
});
