/** bench/results/<db>.jsonl: the latest result of each (system, case), merged across runs. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CASES } from "./cases.js";
import type { DbName } from "./db/target.js";
import { RESULTS_DIR } from "./paths.js";
import type { CaseResult } from "./result.js";
import { SYSTEM_NAMES } from "./system.js";

function fileOf(db: DbName): string {
  return join(RESULTS_DIR, `${db}.jsonl`);
}

export function readResults(db: DbName): CaseResult[] {
  const file = fileOf(db);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CaseResult);
}

const caseOrder = (r: CaseResult): number => CASES.findIndex((c) => c.id === r.case);
const systemOrder = (r: CaseResult): number => SYSTEM_NAMES.indexOf(r.system);

/** Replaces the lines of the same (system, case) and keeps the others. */
export function mergeResults(db: DbName, fresh: readonly CaseResult[]): CaseResult[] {
  const key = (r: CaseResult): string => `${r.system}|${r.case}`;
  const replaced = new Set(fresh.map(key));
  const merged = [...readResults(db).filter((r) => !replaced.has(key(r))), ...fresh];
  merged.sort((a, b) => caseOrder(a) - caseOrder(b) || systemOrder(a) - systemOrder(b));
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(fileOf(db), merged.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return merged;
}
