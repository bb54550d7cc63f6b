import type { MetaData } from "../schema/metadata.js";
import type { Sequence } from "../schema/sequence.js";
import type { Table } from "../schema/table.js";

/** Options of `metadata.createAll()` and `dropAll()`. */
export interface CreateDropOptions {
  /**
   * Ask the database first and skip tables that already exist (create) or do not
   * (drop). Default true, as SQLAlchemy's `checkfirst`.
   */
  readonly checkfirst?: boolean;
  /** Only these tables of the MetaData (still in dependency order). */
  readonly tables?: readonly Table[];
}

/** What `createAll` / `dropAll` ask an Engine or Connection to run. */
export interface SchemaDDLRequest {
  readonly operation: "create" | "drop";
  readonly metadata: MetaData;
  readonly tables: readonly Table[];
  /**
   * Sequences to create or drop besides those of the tables' columns: the MetaData's
   * standalone ones, or the one `Sequence.create` names. Ignored on databases without sequences.
   */
  readonly sequences?: readonly Sequence[];
  readonly checkfirst: boolean;
}

/**
 * Where schema DDL runs: an Engine (in a transaction of its own, committed at the end)
 * or a Connection (in its current transaction; the caller commits). The engine layer
 * implements it, so the schema objects never import the engine.
 */
export interface DDLBind {
  runSchemaDDL(request: SchemaDDLRequest): Promise<void>;
}
