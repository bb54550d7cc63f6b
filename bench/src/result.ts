/** One line of bench/results/<db>.jsonl: one system on one case on one database. */
import type { DbName } from "./db/target.js";
import type { SystemName } from "./system.js";

/** What the child process measured. */
export interface Measurement {
  readonly status: "ok" | "n/a" | "error";
  /** Why n/a or error. */
  readonly message?: string;
  readonly warmup: number;
  readonly samplesMs: readonly number[];
  /** RSS after setup, after a full GC, before the first repetition. */
  readonly idleRssMb: number;
  /** The process's peak RSS (getrusage maxrss) at the end. */
  readonly peakRssMb: number;
  /** The machine's 1-minute load average when the child ended: other load shows here. */
  readonly loadAverage?: number;
}

/** The measurements of one (system, case) over several rounds, merged into one line. */
export interface CaseResult extends Measurement {
  readonly db: DbName;
  readonly system: SystemName;
  readonly case: string;
  /** Child processes whose samples are merged here (see --rounds). */
  readonly rounds: number;
  readonly medianMs: number;
  /** Median absolute deviation over the median. */
  readonly spread: number;
  /** The library (or driver) versions the system ran on. */
  readonly versions: string;
  readonly server: string;
  readonly node: string;
  /** CPU list the benchmark process was pinned to, or "none". */
  readonly cpu: string;
  readonly timestamp: string;
}

/** The marker the child prints its measurement after, on one stdout line. */
export const RESULT_MARKER = "@@bench-result ";
