/** The Markdown tables of one database's results. */
import { CASES } from "../cases.js";
import type { CaseResult } from "../result.js";
import { SYSTEM_NAMES } from "../system.js";
import { byFastest, formatMs, formatRatio, ratioOf } from "./ratios.js";

function cases(results: readonly CaseResult[]): string[] {
  return CASES.map((c) => c.id).filter((id) => results.some((r) => r.case === id));
}

function systems(results: readonly CaseResult[]): string[] {
  return SYSTEM_NAMES.filter((s) => results.some((r) => r.system === s));
}

function header(columns: readonly string[]): string {
  return `| workload | ${columns.join(" | ")} |\n|---|${columns.map(() => "--:").join("|")}|`;
}

/** Median, spread and ratio to raw of each system on each case. */
export function medianTable(results: readonly CaseResult[]): string {
  const columns = systems(results);
  let footnote = false;
  const rows = cases(results).map((id) => {
    const cells = columns.map((system) => {
      const result = results.find((r) => r.case === id && r.system === system);
      if (result === undefined) return "–";
      if (result.status !== "ok") return result.status;
      const ratio = ratioOf(result, results);
      const mark = ratio?.against === "fastest" ? "†" : "";
      footnote ||= mark !== "";
      const ratioText = ratio === null ? "" : ` **${formatRatio(ratio.value)}**${mark}`;
      return `${formatMs(result.medianMs)} ±${(result.spread * 100).toFixed(0)}%${ratioText}`;
    });
    return `| ${id} | ${cells.join(" | ")} |`;
  });
  const note = footnote ? "\n\n† no raw-driver equivalent: ratio to the fastest system on that row." : "";
  return `${header(columns)}\n${rows.join("\n")}${note}`;
}

/**
 * Per case and system: the fastest repetition and its ratio to raw's fastest (other load
 * on the machine only ever adds time, so this is the least disturbed view), the RSS
 * after setup → the process's peak, and the machine's highest load average meanwhile.
 */
export function detailsTable(results: readonly CaseResult[]): string {
  const columns = systems(results);
  const rows = cases(results).map((id) => {
    const cells = columns.map((system) => {
      const result = results.find((r) => r.case === id && r.system === system);
      if (result === undefined || result.status !== "ok") return "–";
      const ratio = ratioOf(result, results, byFastest);
      const ratioText = ratio === null ? "" : ` **${formatRatio(ratio.value)}**${ratio.against === "fastest" ? "†" : ""}`;
      const load = result.loadAverage === undefined ? "" : `, load ${result.loadAverage.toFixed(1)}`;
      const rss = `${result.idleRssMb.toFixed(0)} → ${result.peakRssMb.toFixed(0)} MB`;
      return `${formatMs(Math.min(...result.samplesMs))}${ratioText}; ${rss}${load}`;
    });
    return `| ${id} | ${cells.join(" | ")} |`;
  });
  return `${header(columns)}\n${rows.join("\n")}`;
}
