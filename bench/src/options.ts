/** Command-line options of `npm run bench -- ...`. */
import { parseArgs } from "node:util";
import { CASES, WORKLOAD_NAMES, type BenchCase } from "./cases.js";
import { DB_NAMES, type DbName } from "./db/target.js";
import { SYSTEM_NAMES, type SystemName } from "./system.js";

export interface Options {
  readonly dbs: readonly DbName[];
  readonly cases: readonly BenchCase[];
  readonly systems: readonly SystemName[];
  readonly warmup: number;
  readonly reps: number;
  /**
   * Child processes per (system, case), taken in turns across the systems, their samples
   * merged: a burst of other load on the machine then hits every system alike.
   */
  readonly rounds: number;
  /** Seconds of timed repetitions a case may take per round; slow systems get fewer (at least 3 per round). */
  readonly budgetSeconds: number;
  /** CPU list for `taskset -c`, or null to run unpinned. */
  readonly cpu: string | null;
  /** Only rebuild the Markdown table, chart and README from bench/results. */
  readonly reportOnly: boolean;
}

export const USAGE = `npm run bench -- [--db sqlite,pg,mysql] [--workload NAME[/VARIANT],...] [--system NAME,...]
                     [--reps 9] [--rounds 3] [--warmup 2] [--budget 10] [--cpu 1|none] [--report]
  workloads: ${CASES.map((c) => c.id).join(", ")}
  systems:   ${SYSTEM_NAMES.join(", ")}`;

function list<T extends string>(value: string | undefined, known: readonly T[], what: string): T[] {
  if (value === undefined) return [...known];
  return value.split(",").map((item) => {
    if (!(known as readonly string[]).includes(item)) throw new Error(`unknown ${what} '${item}'\n${USAGE}`);
    return item as T;
  });
}

function selectCases(value: string | undefined): BenchCase[] {
  if (value === undefined) return [...CASES];
  return value.split(",").flatMap((name) => {
    const matching = CASES.filter((c) => c.id === name || c.workload === name);
    if (matching.length === 0) {
      throw new Error(`unknown workload '${name}' (workloads: ${WORKLOAD_NAMES.join(", ")})\n${USAGE}`);
    }
    return matching;
  });
}

function count(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${what} takes a whole number, got '${value}'`);
  return n;
}

export function parseOptions(argv: readonly string[], defaultCpu: string | null): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      db: { type: "string" },
      workload: { type: "string" },
      system: { type: "string" },
      reps: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      budget: { type: "string" },
      cpu: { type: "string" },
      report: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    dbs: list(values.db, DB_NAMES, "database"),
    cases: selectCases(values.workload),
    systems: list(values.system, SYSTEM_NAMES, "system"),
    reps: Math.max(1, count(values.reps, 9, "reps")),
    rounds: Math.max(1, count(values.rounds, 3, "rounds")),
    warmup: count(values.warmup, 2, "warmup"),
    budgetSeconds: count(values.budget, 10, "budget"),
    cpu: values.cpu === undefined ? defaultCpu : values.cpu === "none" ? null : values.cpu,
    reportOnly: values.report === true,
  };
}
