/**
 * The workloads of issue 5, each split into the variants measured separately, with
 * their data: seeded before the child process starts, reset before each repetition,
 * checked after it. Only `run()` is timed.
 */
import { seedName, type Fixture } from "./db/fixture.js";
import type { BenchSystem, FullnameUpdate, NewUser } from "./system.js";

export const WORKLOAD_NAMES = [
  "bulk_insert_returning",
  "short_selects",
  "large_resultset",
  "executemany_update",
  "compile_only",
] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export const BULK_ROWS = 10_000;
export const SHORT_SELECTS = 5_000;
export const SELECT_TABLE_ROWS = 10_000;
export const LARGE_ROWS = 100_000;
export const UPDATE_ROWS = 10_000;
export const COMPILE_TIMES = 10_000;

/** One timed call and the untimed check of what it did. */
export interface Repetition {
  run(): Promise<void>;
  verify(): Promise<void>;
}

export interface BenchCase {
  readonly workload: WorkloadName;
  /** "" when the workload has one variant. */
  readonly variant: string;
  /** `workload` or `workload/variant`. */
  readonly id: string;
  implementedBy(system: BenchSystem): boolean;
  /** Untimed, on fresh tables, before the child process starts. */
  seed(fixture: Fixture): Promise<void>;
  /** Untimed preparation of one repetition; `tag` is unique per repetition. */
  repetition(system: BenchSystem, fixture: Fixture, tag: string): Promise<Repetition>;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`check failed: ${message}`);
}

/** A Repetition whose run() keeps the output (materialised, as a user would hold it) for verify(). */
function repetition<O>(run: () => Promise<O>, verify: (output: O) => Promise<void> | void): Repetition {
  let output: O | undefined;
  let ran = false;
  return {
    async run() {
      output = await run();
      ran = true;
    },
    async verify() {
      check(ran, "run() did not complete");
      await verify(output as O);
      output = undefined;
    },
  };
}

/** 1..SELECT_TABLE_ROWS in a fixed pseudo-random order, the first SHORT_SELECTS of them. */
function shortSelectIds(): number[] {
  const ids = Array.from({ length: SELECT_TABLE_ROWS }, (_, i) => i + 1);
  let state = 42;
  for (let i = ids.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  return ids.slice(0, SHORT_SELECTS);
}

function checkNames(ids: readonly number[], names: readonly string[]): void {
  check(names.length === ids.length, `${names.length} names for ${ids.length} ids`);
  ids.forEach((id, i) => check(names[i] === seedName(id), `id ${id} gave name ${String(names[i])}`));
}

const noSeed = async (): Promise<void> => {};

function shortSelects(variant: "prepared" | "rebuilt"): BenchCase {
  const method = variant === "prepared" ? "shortSelectsPrepared" : "shortSelectsRebuilt";
  return {
    workload: "short_selects",
    variant,
    id: `short_selects/${variant}`,
    implementedBy: (system) => system[method] !== undefined,
    seed: (fixture) => fixture.seedUsers(SELECT_TABLE_ROWS),
    async repetition(system) {
      const ids = shortSelectIds();
      return repetition(
        () => system[method]!(ids),
        (names) => checkNames(ids, names),
      );
    },
  };
}

const bulkInsertReturning: BenchCase = {
  workload: "bulk_insert_returning",
  variant: "",
  id: "bulk_insert_returning",
  implementedBy: (system) => system.bulkInsertReturning !== undefined,
  seed: noSeed,
  async repetition(system, fixture, tag) {
    await fixture.empty();
    const users: NewUser[] = Array.from({ length: BULK_ROWS }, (_, i) => ({
      name: `n${i}`,
      fullname: `Bulk ${tag} ${i}`,
    }));
    return repetition(
      () => system.bulkInsertReturning!(users),
      async (ids) => {
        check(ids.length === users.length, `${ids.length} ids for ${users.length} rows`);
        const names = await fixture.userNames();
        check(names.size === users.length, `${names.size} rows in the table`);
        ids.forEach((id, i) => check(names.get(id) === users[i]?.name, `ids[${i}] = ${id} is not row ${i}`));
      },
    );
  },
};

const largeResultset: BenchCase = {
  workload: "large_resultset",
  variant: "materialised",
  id: "large_resultset/materialised",
  implementedBy: (system) => system.largeResultset !== undefined,
  seed: (fixture) => fixture.seedUsers(LARGE_ROWS),
  async repetition(system) {
    return repetition(
      () => system.largeResultset!(),
      (rows) => check(rows.length === LARGE_ROWS, `${rows.length} rows`),
    );
  },
};

const largeResultsetStreamed: BenchCase = {
  workload: "large_resultset",
  variant: "streamed",
  id: "large_resultset/streamed",
  implementedBy: (system) => system.largeResultsetStreamed !== undefined,
  seed: (fixture) => fixture.seedUsers(LARGE_ROWS),
  async repetition(system) {
    return repetition(
      () => system.largeResultsetStreamed!(),
      (count) => check(count === LARGE_ROWS, `${count} rows streamed`),
    );
  },
};

const executemanyUpdate: BenchCase = {
  workload: "executemany_update",
  variant: "",
  id: "executemany_update",
  implementedBy: (system) => system.executemanyUpdate !== undefined,
  seed: (fixture) => fixture.seedUsers(UPDATE_ROWS),
  async repetition(system, fixture, tag) {
    const prefix = `Updated ${tag} `;
    const updates: FullnameUpdate[] = Array.from({ length: UPDATE_ROWS }, (_, i) => ({
      id: i + 1,
      fullname: `${prefix}${i + 1}`,
    }));
    return repetition(
      () => system.executemanyUpdate!(updates),
      async () => {
        const count = await fixture.countFullnames(prefix);
        check(count === UPDATE_ROWS, `${count} rows updated`);
      },
    );
  },
};

const compileOnly: BenchCase = {
  workload: "compile_only",
  variant: "",
  id: "compile_only",
  implementedBy: (system) => system.compileOnly !== undefined,
  seed: noSeed,
  async repetition(system) {
    return repetition(
      () => system.compileOnly!(COMPILE_TIMES),
      (length) => check(length > COMPILE_TIMES, `compiled SQL of total length ${length}`),
    );
  },
};

export const CASES: readonly BenchCase[] = [
  bulkInsertReturning,
  shortSelects("prepared"),
  shortSelects("rebuilt"),
  largeResultset,
  largeResultsetStreamed,
  executemanyUpdate,
  compileOnly,
];
