/**
 * The one interface every benchmarked system implements, in one file per system
 * (`systems/<name>.ts`, default export: a factory). A workload the system cannot do
 * is a method it leaves out; the runner reports it as n/a.
 */
import type { DbTarget } from "./db/target.js";

/** A user_account row to insert (a type alias, so it is a plain named-parameter record). */
export type NewUser = {
  readonly name: string;
  readonly fullname: string;
};

/** One parameter set of the executemany UPDATE. */
export type FullnameUpdate = {
  readonly id: number;
  readonly fullname: string;
};

/** The rows of large_resultset: whatever objects the system hands its users, materialised. */
export type MaterialisedRows = readonly unknown[];

/** Rows of untimed fixture SQL, as objects by column name. */
export type FixtureRows = readonly Readonly<Record<string, unknown>>[];

export interface BenchSystem {
  /**
   * Connects and declares the schema the system's way (tables, entities). It creates
   * no tables: the runner does, with the same DDL for every system, right after.
   */
  setup(): Promise<void>;
  /** Closes every connection the system opened. */
  teardown(): Promise<void>;
  /**
   * Untimed: runs one statement (`?` placeholders) on the system's own connection.
   * Needed on SQLite only, where the database is `:memory:` and so seen by that
   * connection alone; the runner's fixture creates, seeds and checks it through this.
   */
  fixtureSql?(sql: string, params: readonly unknown[]): Promise<FixtureRows>;

  /** Inserts the rows in one transaction and returns their generated ids in input order. */
  bulkInsertReturning?(users: readonly NewUser[]): Promise<readonly number[]>;
  /** One SELECT by primary key per id, the statement built once and run with new values. */
  shortSelectsPrepared?(ids: readonly number[]): Promise<readonly string[]>;
  /** One SELECT by primary key per id, the statement built anew for every call. */
  shortSelectsRebuilt?(ids: readonly number[]): Promise<readonly string[]>;
  /** Every user_account row (id, name, fullname), materialised. */
  largeResultset?(): Promise<MaterialisedRows>;
  /** Every user_account row streamed with constant memory; returns how many rows it saw. */
  largeResultsetStreamed?(): Promise<number>;
  /** One UPDATE ... WHERE id = ? per parameter set, as one executemany in one transaction. */
  executemanyUpdate?(updates: readonly FullnameUpdate[]): Promise<void>;
  /** Builds and compiles the 3-table join `times` times; returns the total SQL length. */
  compileOnly?(times: number): Promise<number>;
}

/** What a system file exports by default. */
export type SystemFactory = (db: DbTarget) => BenchSystem;

export const SYSTEM_NAMES = ["raw", "alkahest", "drizzle", "kysely", "typeorm", "mikroorm"] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];
