import { describe, expect, it } from "@jest/globals";
import { ArgumentError, Column, Integer, MetaData, Table } from "../../../src/index.js";
import { registerDialectOptions } from "../../../src/dialect.js";

declare module "../../../src/sql/schema/dialect-options.js" {
  interface DialectTableOptions {
    readonly testdb?: { readonly storage?: string; readonly level?: string };
    readonly otherdb?: { readonly anything?: string };
  }
}

registerDialectOptions("testdb", { table: { storage: /^\w+$/, level: /^\d+$/ } });

const table = (options: object) => Table("t", MetaData(), Column("id", Integer), options);

describe("a Table's dialect options (SQLAlchemy's dialect kwargs)", () => {
  it("are kept by namespace on table.dialectOptions, beside the core options", () => {
    const t = Table("t", MetaData(), Column("id", Integer), { schema: "s", testdb: { storage: "disk", level: "2" } });
    expect(t.schema).toBe("s");
    expect(t.dialectOptions).toEqual({ testdb: { storage: "disk", level: "2" } });
    expect(t.dialectOptions.testdb?.storage).toBe("disk");
  });

  it("a registered namespace rejects a key it does not have, naming the keys it has", () => {
    expect(() => table({ testdb: { storag: "disk" } })).toThrow(ArgumentError);
    expect(() => table({ testdb: { storag: "disk" } })).toThrow("Table('t'): unknown testdb option 'storag'; the testdb options of a Table are 'storage', 'level'.");
    expect(() => table({ testdb: { level: "high" } })).toThrow(`the testdb option 'level' must be a string matching /^\\d+$/; got "high"`);
  });

  it("a namespace no loaded dialect registered is kept unchecked (its dialect checks it when it renders)", () => {
    expect(table({ otherdb: { anything: "x" } }).dialectOptions).toEqual({ otherdb: { anything: "x" } });
  });

  it("a key that is neither a core option nor a namespace object fails, showing the namespaced form", () => {
    expect(() => table({ testdb_storage: "disk" })).toThrow(/unknown option 'testdb_storage'; Table options are 'schema', 'comment', and a dialect's options/);
    expect(() => table({ testdb: "disk" })).toThrow("Table('t'): the testdb options must be an object, e.g. { testdb: { key: \"value\" } }; got disk.");
  });
});
