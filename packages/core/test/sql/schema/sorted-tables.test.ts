import { describe, expect, it } from "@jest/globals";
import { CircularDependencyError, Column, ForeignKey, Integer, MetaData, NoReferencedTableError, Table } from "../../../src/index.js";

describe("metadata.sortedTables", () => {
  it("referenced tables first, otherwise by name, as SQLAlchemy's sorted_tables", () => {
    const metadata = MetaData();
    Table("address", metadata, Column("id", Integer, { primaryKey: true }), Column("user_id", ForeignKey("user_account.id")));
    Table("user_account", metadata, Column("id", Integer, { primaryKey: true }));
    Table("zebra", metadata, Column("id", Integer, { primaryKey: true }));
    Table("audit", metadata, Column("id", Integer, { primaryKey: true }), Column("address_id", ForeignKey("address.id")));
    expect(metadata.sortedTables.map((t) => t.name)).toEqual(["user_account", "zebra", "address", "audit"]);
  });

  it("a self-referencing table is not a cycle", () => {
    const metadata = MetaData();
    Table("node", metadata, Column("id", Integer, { primaryKey: true }), Column("parent_id", ForeignKey("node.id")));
    expect(metadata.sortedTables.map((t) => t.name)).toEqual(["node"]);
  });

  it("a cycle of foreign keys is a CircularDependencyError naming the cycle and the fix", () => {
    const metadata = MetaData();
    Table("a", metadata, Column("id", Integer, { primaryKey: true }), Column("b_id", ForeignKey("b.id")));
    Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("c_id", ForeignKey("c.id")));
    Table("c", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    Table("d", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    let error: unknown;
    try {
      void metadata.sortedTables;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CircularDependencyError);
    expect((error as Error).message).toBe(
      "Can't sort tables in foreign key order: their foreign keys form a cycle: a(b_id) -> b, b(c_id) -> c, c(a_id) -> a. " +
        'Mark one foreign key of the cycle { useAlter: true, name: "fk_..." }, so that it is created with ALTER TABLE after ' +
        "the tables (and dropped before them).",
    );
    expect((error as CircularDependencyError).cycles.map((t) => (t as { name: string }).name)).toEqual(["a", "b", "c"]);
  });

  it("a useAlter foreign key breaks the cycle", () => {
    const metadata = MetaData();
    Table("a", metadata, Column("id", Integer, { primaryKey: true }), Column("b_id", ForeignKey("b.id", { useAlter: true, name: "fk_a_b" })));
    Table("b", metadata, Column("id", Integer, { primaryKey: true }), Column("a_id", ForeignKey("a.id")));
    expect(metadata.sortedTables.map((t) => t.name)).toEqual(["a", "b"]);
  });

  it("a foreign key to a table not in the MetaData is an error naming column and target", () => {
    const metadata = MetaData();
    Table("address", metadata, Column("user_id", ForeignKey("users.id")));
    expect(() => metadata.sortedTables).toThrow(NoReferencedTableError);
    expect(() => metadata.sortedTables).toThrow(/column 'address.user_id' could not find table 'users'/);
  });
});
