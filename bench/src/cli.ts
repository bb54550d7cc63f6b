/**
 * The runner: `npm run bench -- --db sqlite|pg|mysql --workload NAME --system NAME`.
 * For each database and case it times each system in child processes of its own, on
 * fresh tables (see child.ts), in rounds taken in turns; then it merges the results
 * into bench/results/<db>.jsonl and regenerates the tables, charts and README section.
 */
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import type { BenchCase } from "./cases.js";
import { loadFixtureModule } from "./db/fixture.js";
import { serverTarget, sqliteTarget, type DbName, type DbTarget } from "./db/target.js";
import { parseOptions, type Options } from "./options.js";
import { writeReport } from "./report/write-report.js";
import type { CaseResult, Measurement } from "./result.js";
import { mergeResults } from "./results-file.js";
import { runChild } from "./run-child.js";
import { median, relativeMad } from "./stats.js";
import type { SystemName } from "./system.js";
import { loadSystem } from "./systems.js";
import { systemVersions } from "./versions.js";

/** Pin to CPU 1 where taskset exists and there is a second CPU left for the database server. */
function defaultCpu(): string | null {
  if (process.platform !== "linux" || availableParallelism() < 2) return null;
  return spawnSync("taskset", ["-V"]).status === 0 ? "1" : null;
}

function targetFor(db: DbName): DbTarget {
  // SQLite in memory: see db/sqlite-fixture.ts for why.
  return db === "sqlite" ? sqliteTarget(":memory:") : serverTarget(db);
}

function failure(message: string): Measurement {
  return { status: "error", message, warmup: 0, samplesMs: [], idleRssMb: 0, peakRssMb: 0 };
}

const NOT_AVAILABLE: Measurement = { status: "n/a", warmup: 0, samplesMs: [], idleRssMb: 0, peakRssMb: 0 };

async function measureCase(
  target: DbTarget,
  benchCase: BenchCase,
  system: SystemName,
  options: Options,
): Promise<Measurement> {
  let implemented: boolean;
  try {
    implemented = benchCase.implementedBy((await loadSystem(system))(target));
  } catch (error) {
    return failure(`could not load the ${system} adapter: ${String(error)}`);
  }
  if (!implemented) return NOT_AVAILABLE;
  return runChild(target, system, benchCase.id, options);
}

function describe(result: CaseResult): string {
  if (result.status !== "ok") return `${result.status}${result.message === undefined ? "" : `: ${result.message.split("\n")[0]}`}`;
  return (
    `${result.medianMs.toFixed(2)} ms ±${(result.spread * 100).toFixed(1)}% ` +
    `(${result.samplesMs.length} reps, RSS ${result.idleRssMb.toFixed(0)} → ${result.peakRssMb.toFixed(0)} MB, ` +
    `load ${(result.loadAverage ?? 0).toFixed(1)})`
  );
}

/** One (system, case) over its rounds: samples concatenated, RSS and load at their worst. */
function mergeRounds(rounds: readonly Measurement[]): Measurement {
  const failed = rounds.find((m) => m.status !== "ok");
  if (failed !== undefined) return failed;
  return {
    status: "ok",
    warmup: rounds[0]?.warmup ?? 0,
    samplesMs: rounds.flatMap((m) => m.samplesMs),
    idleRssMb: Math.min(...rounds.map((m) => m.idleRssMb)),
    peakRssMb: Math.max(...rounds.map((m) => m.peakRssMb)),
    loadAverage: Math.max(...rounds.map((m) => m.loadAverage ?? 0)),
  };
}

async function runCase(target: DbTarget, benchCase: BenchCase, options: Options): Promise<Map<SystemName, Measurement>> {
  const rounds = new Map<SystemName, Measurement[]>(options.systems.map((s) => [s, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const system of options.systems) {
      const done = rounds.get(system) as Measurement[];
      // A system that failed or has no such workload is not asked again.
      if (done.some((m) => m.status !== "ok")) continue;
      done.push(await measureCase(target, benchCase, system, options));
    }
  }
  return new Map([...rounds].map(([system, measurements]) => [system, mergeRounds(measurements)]));
}

async function runDatabase(db: DbName, options: Options): Promise<CaseResult[]> {
  const target = targetFor(db);
  const fixtures = await loadFixtureModule(target);
  try {
    await fixtures.createBenchDatabase(target);
  } catch (error) {
    console.error(`!! ${db}: cannot create the bench database (${String(error)}); skipped. Is the server running?`);
    return [];
  }
  const server = await fixtures.serverVersion(target);
  console.log(`== ${db}: ${server}, CPU ${options.cpu ?? "not pinned"}`);
  const results: CaseResult[] = [];
  try {
    for (const benchCase of options.cases) {
      for (const [system, measurement] of await runCase(target, benchCase, options)) {
        const result: CaseResult = {
          ...measurement,
          db,
          system,
          case: benchCase.id,
          rounds: options.rounds,
          medianMs: median(measurement.samplesMs),
          spread: relativeMad(measurement.samplesMs),
          versions: systemVersions(system, db),
          server,
          node: process.version,
          cpu: options.cpu ?? "none",
          timestamp: new Date().toISOString(),
        };
        console.log(`   ${benchCase.id.padEnd(30)} ${system.padEnd(9)} ${describe(result)}`);
        if (result.status === "error" && result.message !== undefined) console.error(result.message);
        results.push(result);
      }
    }
  } finally {
    await fixtures.dropBenchDatabase(target);
  }
  return results;
}

const options = parseOptions(process.argv.slice(2), defaultCpu());
if (!options.reportOnly) {
  for (const db of options.dbs) {
    const fresh = await runDatabase(db, options);
    if (fresh.length > 0) mergeResults(db, fresh);
  }
}
console.log(writeReport());
