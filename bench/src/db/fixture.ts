/**
 * The untimed side of every run: schema, seed data, resets between repetitions and
 * checks of what a system did. Written once per database on its raw driver, so every
 * system gets the same tables and the same data.
 */
import type { BenchSystem } from "../system.js";
import type { DbTarget } from "./target.js";

export interface Fixture {
  /** Drops and creates user_account and address with the same DDL for every system. */
  createSchema(): Promise<void>;
  /** Deletes every row and restarts the generated ids at 1. */
  empty(): Promise<void>;
  /** Inserts users 1..count: id i, name `u{i}`, fullname `User {i}`. */
  seedUsers(count: number): Promise<void>;
  /** Every user's name by id. */
  userNames(): Promise<Map<number, string>>;
  /** How many users' fullname starts with the prefix. */
  countFullnames(prefix: string): Promise<number>;
  close(): Promise<void>;
}

/** What each database's fixture module exports. */
export interface FixtureModule {
  /** Creates the bench database on a server; nothing on SQLite (in memory). */
  createBenchDatabase(target: DbTarget): Promise<void>;
  dropBenchDatabase(target: DbTarget): Promise<void>;
  /** e.g. "PostgreSQL 15.20". */
  serverVersion(target: DbTarget): Promise<string>;
  /** A server's fixture has a connection of its own; SQLite's works through the system's. */
  openFixture(target: DbTarget, system: BenchSystem): Promise<Fixture>;
}

export const SEED_PAGE = 500;

export function seedName(id: number): string {
  return `u${id}`;
}

export function seedFullname(id: number): string {
  return `User ${id}`;
}

/** Ids first..last in pages of SEED_PAGE, for multi-row INSERTs. */
export function* idPages(count: number): Generator<number[]> {
  for (let start = 1; start <= count; start += SEED_PAGE) {
    const page: number[] = [];
    for (let id = start; id < start + SEED_PAGE && id <= count; id++) page.push(id);
    yield page;
  }
}

export async function loadFixtureModule(target: DbTarget): Promise<FixtureModule> {
  switch (target.name) {
    case "sqlite":
      return import("./sqlite-fixture.js");
    case "pg":
      return import("./pg-fixture.js");
    case "mysql":
      return import("./mysql-fixture.js");
  }
}
