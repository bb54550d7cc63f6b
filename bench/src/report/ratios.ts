/** Each result's ratio to the raw driver on the same workload (or to the fastest, where raw has none). */
import { CASES } from "../cases.js";
import type { CaseResult } from "../result.js";

export interface Ratio {
  readonly value: number;
  /** "raw", or "fastest" for workloads the raw driver does not do (compile_only). */
  readonly against: "raw" | "fastest";
}

function workloadOf(caseId: string): string | undefined {
  return CASES.find((c) => c.id === caseId)?.workload;
}

/** Which number of a result is compared: its median (the headline) or its fastest repetition. */
export type Statistic = (result: CaseResult) => number;

export const byMedian: Statistic = (result) => result.medianMs;
export const byFastest: Statistic = (result) => Math.min(...result.samplesMs);

export function ratioOf(result: CaseResult, all: readonly CaseResult[], statistic: Statistic = byMedian): Ratio | null {
  if (result.status !== "ok") return null;
  const ok = all.filter((r) => r.status === "ok");
  const raw =
    ok.find((r) => r.system === "raw" && r.case === result.case) ??
    ok.find((r) => r.system === "raw" && workloadOf(r.case) === workloadOf(result.case));
  if (raw !== undefined) return { value: statistic(result) / statistic(raw), against: "raw" };
  const fastest = Math.min(...ok.filter((r) => r.case === result.case).map(statistic));
  return { value: statistic(result) / fastest, against: "fastest" };
}

export function formatRatio(ratio: number): string {
  return ratio >= 100 ? `${ratio.toFixed(0)}×` : ratio >= 10 ? `${ratio.toFixed(1)}×` : `${ratio.toFixed(2)}×`;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}
