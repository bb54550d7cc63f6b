/**
 * One case of one system, in a process of its own so that its peak RSS is its own and
 * no library's warm JIT or caches help another. Started by cli.ts; creates and seeds
 * the tables, times the repetitions, and prints its Measurement after RESULT_MARKER.
 *
 *   node --expose-gc child.js <target-json> <system> <case> <warmup> <reps> <budget-seconds>
 */
import { loadavg } from "node:os";
import { CASES } from "./cases.js";
import { loadFixtureModule } from "./db/fixture.js";
import type { DbTarget } from "./db/target.js";
import { RESULT_MARKER, type Measurement } from "./result.js";
import { loadSystem } from "./systems.js";

/** Warm-up time a quick case gets beyond the minimum rounds, and the most rounds it may take. */
const WARMUP_MS = 1000;
const MAX_WARMUP = 50;

const MB = 1024 * 1024;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
}

function peakRssMb(): number {
  return (process.resourceUsage().maxRSS * 1024) / MB;
}

async function measure(argv: readonly string[]): Promise<Measurement> {
  const [targetJson, systemName, caseId, warmupText, repsText, budgetText] = argv;
  const target = JSON.parse(String(targetJson)) as DbTarget;
  const benchCase = CASES.find((c) => c.id === caseId);
  if (benchCase === undefined) throw new Error(`unknown case ${String(caseId)}`);
  const warmup = Number(warmupText);
  const maxReps = Number(repsText);
  const budgetMs = Number(budgetText) * 1000;

  const system = (await loadSystem(String(systemName)))(target);
  await system.setup();
  const fixture = await (await loadFixtureModule(target)).openFixture(target, system);
  try {
    await fixture.createSchema();
    await benchCase.seed(fixture);
    collectGarbage();
    const idleRssMb = process.memoryUsage.rss() / MB;
    let tagCounter = 0;
    const once = async (): Promise<number> => {
      const rep = await benchCase.repetition(system, fixture, `${process.pid}-${++tagCounter}`);
      // No forced GC here: a full collection shrinks the young generation, and the next
      // repetition then pays for many more scavenges (3-5x slower short_selects, seen here).
      const start = performance.now();
      await rep.run();
      const elapsed = performance.now() - start;
      await rep.verify();
      return elapsed;
    };
    // At least `warmup` rounds, and more for a quick case until a second has gone by, so
    // that its code is optimised before timing starts (2 rounds of a 10 ms case are not).
    let slowest = 0;
    let warmed = 0;
    const warmStart = performance.now();
    while (warmed < warmup || (performance.now() - warmStart < WARMUP_MS && warmed < MAX_WARMUP)) {
      slowest = Math.max(slowest, await once());
      warmed++;
    }
    // Slow systems get fewer repetitions (never under 3) so a run stays within its budget.
    const reps = Math.max(3, Math.min(maxReps, Math.floor(budgetMs / Math.max(slowest, 1))));
    const samplesMs: number[] = [];
    for (let i = 0; i < reps; i++) samplesMs.push(await once());
    return { status: "ok", warmup: warmed, samplesMs, idleRssMb, peakRssMb: peakRssMb(), loadAverage: loadavg()[0] };
  } finally {
    await fixture.close();
    await system.teardown();
  }
}

try {
  const measurement = await measure(process.argv.slice(2));
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(measurement)}\n`);
} catch (error) {
  let message = "";
  for (let e: unknown = error; e !== undefined; e = e instanceof Error ? e.cause : undefined) {
    message += `${message === "" ? "" : "\ncaused by: "}${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  const failed: Measurement = { status: "error", message, warmup: 0, samplesMs: [], idleRssMb: 0, peakRssMb: peakRssMb() };
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(failed)}\n`);
  process.exitCode = 1;
}
// Some libraries keep timers or sockets alive after teardown; the measurement is out.
process.exit();
