import { ArgumentError } from "../../errors.js";
import { callable } from "./callable.js";
import type { Table } from "./table.js";

/**
 * A collection of Table objects and what they share (a default schema, naming
 * conventions later), as SQLAlchemy's MetaData.
 *
 * @example
 * const metadata = MetaData();
 * const users = Table("user_account", metadata, Column("id", Integer, { primaryKey: true }));
 */
class MetaDataImpl {
  readonly tables = new Map<string, Table>();

  constructor(readonly options: { readonly schema?: string } = {}) {}

  /** Called by Table's constructor. */
  addTable(table: Table): void {
    if (this.tables.has(table.fullname)) {
      throw new ArgumentError(
        `Table '${table.fullname}' is already defined for this MetaData instance. ` +
          `Use metadata.tables.get("${table.fullname}") to reach the existing one, or give the new table another name.`,
      );
    }
    this.tables.set(table.fullname, table);
  }

  toString(): string {
    return "MetaData()";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "MetaData()";
  }
}

export type MetaData = MetaDataImpl;
export const MetaData = callable(MetaDataImpl, (options?: { schema?: string }) => new MetaDataImpl(options));
