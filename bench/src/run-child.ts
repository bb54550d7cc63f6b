/** Starts child.js for one case of one system, pinned with taskset when asked, and reads its Measurement. */
import { spawn } from "node:child_process";
import type { DbTarget } from "./db/target.js";
import type { Options } from "./options.js";
import { CHILD_SCRIPT } from "./paths.js";
import { RESULT_MARKER, type Measurement } from "./result.js";
import type { SystemName } from "./system.js";

export async function runChild(target: DbTarget, system: SystemName, caseId: string, options: Options): Promise<Measurement> {
  const nodeArgs = [
    "--expose-gc",
    CHILD_SCRIPT,
    JSON.stringify(target),
    system,
    caseId,
    String(options.warmup),
    String(Math.ceil(options.reps / options.rounds)),
    String(options.budgetSeconds / options.rounds),
  ];
  const [command, args] =
    options.cpu === null ? [process.execPath, nodeArgs] : ["taskset", ["-c", options.cpu, process.execPath, ...nodeArgs]];
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => (stdout += chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
  if (line === undefined) {
    return {
      status: "error",
      message: `child exited with ${String(exitCode)} and no result; its output ended with: ${stdout.slice(-2000)}`,
      warmup: 0,
      samplesMs: [],
      idleRssMb: 0,
      peakRssMb: 0,
    };
  }
  return JSON.parse(line.slice(RESULT_MARKER.length)) as Measurement;
}
