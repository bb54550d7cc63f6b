import { ArgumentError } from "../../errors.js";
import type { CreateDropOptions, DDLBind, SchemaDDLRequest } from "../ddl/schema-ddl-request.js";
import { callable } from "./callable.js";
import { DEFAULT_NAMING_CONVENTION, type NamingConvention } from "./naming.js";
import type { ReflectBind, ReflectOptions } from "./reflect-request.js";
import type { Sequence } from "./sequence.js";
import { sortTables } from "./sort-tables.js";
import type { Table } from "./table.js";

export interface MetaDataOptions {
  /** The schema of every table that does not name its own. */
  readonly schema?: string;
  /**
   * Names for constraints and indexes created without one (see NamingConvention).
   * Replaces the default `{ ix: "ix_%(column_0_label)s" }`, as in SQLAlchemy.
   */
  readonly namingConvention?: NamingConvention;
}

/**
 * A collection of Table objects and what they share (a default schema, naming
 * conventions), as SQLAlchemy's MetaData; `createAll` / `dropAll` emit their DDL.
 *
 * @example
 * const metadata = MetaData();
 * const users = Table("user_account", metadata, Column("id", Integer, { primaryKey: true }));
 * await metadata.createAll(engine);
 */
class MetaDataImpl {
  readonly tables = new Map<string, Table>();
  /** Its sequences by full name: those given `{ metadata }`, and those of its tables' columns. */
  readonly sequences = new Map<string, Sequence>();
  readonly namingConvention: NamingConvention;

  constructor(readonly options: MetaDataOptions = {}) {
    this.namingConvention = options.namingConvention ?? DEFAULT_NAMING_CONVENTION;
  }

  /**
   * The tables in foreign-key dependency order (referenced tables first), otherwise by
   * name, as SQLAlchemy's `sorted_tables`. A cycle of foreign keys is a
   * CircularDependencyError unless one of them is `useAlter`.
   */
  get sortedTables(): Table[] {
    const byName = [...this.tables.values()].sort((a, b) => (a.fullname < b.fullname ? -1 : a.fullname > b.fullname ? 1 : 0));
    return [...sortTables(byName).tables];
  }

  /**
   * Creates the tables (and their indexes) that do not exist yet, in dependency order,
   * as SQLAlchemy's `create_all`. Given an Engine it runs in one transaction and commits;
   * given a Connection it runs in the connection's transaction, and you commit. On
   * databases with sequences, the sequences come first: the MetaData's standalone ones
   * (unless `tables` picks some tables), then those of the tables' columns.
   *
   * @example
   * await metadata.createAll(engine);                          // checks each table first
   * await metadata.createAll(engine, { checkfirst: false });   // CREATE TABLE regardless
   */
  async createAll(bind: DDLBind, options: CreateDropOptions = {}): Promise<void> {
    await bind.runSchemaDDL(this.schemaDDLRequest("create", options));
  }

  /**
   * Drops the tables that exist, dependent tables first, as SQLAlchemy's `drop_all`;
   * then the sequences createAll created.
   *
   * @example
   * await metadata.dropAll(engine);
   */
  async dropAll(bind: DDLBind, options: CreateDropOptions = {}): Promise<void> {
    await bind.runSchemaDDL(this.schemaDDLRequest("drop", options));
  }

  /**
   * Loads table definitions from the database into this MetaData, as SQLAlchemy's
   * `MetaData.reflect`: columns (types mapped back to core types), primary key, foreign
   * keys, UNIQUE and CHECK constraints, indexes, comments and the dialect's table options.
   * With `only`, those tables and the tables their foreign keys refer to; with `views`,
   * the views too. Tables already in the MetaData are kept as they are.
   *
   * @example
   * const metadata = MetaData();
   * await metadata.reflect(engine, { only: ["address"] }); // address, and user_account it refers to
   * const address = metadata.tables.get("address")!;
   * await conn.execute(select(address));
   */
  async reflect(bind: ReflectBind, options: ReflectOptions = {}): Promise<void> {
    const schema = options.schema ?? this.options.schema ?? null;
    await bind.runReflection({ metadata: this, schema, only: options.only ?? null, views: options.views ?? false });
  }

  private selectTables(options: CreateDropOptions): readonly Table[] {
    const all = [...this.tables.values()];
    if (options.tables === undefined) return all;
    for (const table of options.tables) {
      if (this.tables.get(table.fullname) !== table) {
        throw new ArgumentError(`Table '${table.fullname}' is not part of this MetaData; pass tables of this MetaData only.`);
      }
    }
    return all.filter((t) => options.tables?.includes(t));
  }

  /**
   * What createAll/dropAll run: the tables, and for the whole MetaData the sequences no
   * column uses; with `tables` (and `Table.create`) only those tables' own sequences.
   */
  private schemaDDLRequest(operation: "create" | "drop", options: CreateDropOptions): SchemaDDLRequest {
    const sequences = options.tables === undefined ? [...this.sequences.values()].filter((s) => s.columns.size === 0) : [];
    return { operation, metadata: this, tables: this.selectTables(options), sequences, checkfirst: options.checkfirst ?? true };
  }

  /** Called by a Sequence given `{ metadata }`, or used by a column of one of the tables. */
  addSequence(sequence: Sequence): void {
    const existing = this.sequences.get(sequence.fullname);
    if (existing !== undefined && existing !== sequence) {
      throw new ArgumentError(
        `Sequence '${sequence.fullname}' is already defined for this MetaData; ` +
          `give every column that shares it the same Sequence object, or give the new one another name.`,
      );
    }
    this.sequences.set(sequence.fullname, sequence);
  }

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
export const MetaData = callable(MetaDataImpl, (options?: MetaDataOptions) => new MetaDataImpl(options));
