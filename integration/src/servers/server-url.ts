import { describe, it } from "@jest/globals";

/**
 * The URL of a database server for the suite, from the environment (CI sets them all).
 * When it is unset, the suite for that server is skipped, loudly; under CI
 * (`ALKAHEST_CI=1`) an unset URL is an error, so CI can never skip a database.
 */
export function serverUrlFromEnv(envVar: string, label: string): string | null {
  const url = process.env[envVar];
  if (url !== undefined && url !== "") return url;
  if (process.env.ALKAHEST_CI) {
    throw new Error(`${envVar} is not set: CI must run the ${label} conformance suite against a real server.`);
  }
  process.stderr.write(
    `\n*** SKIPPING the ${label} conformance suite: set ${envVar} to a ${label} URL to run it. ***\n\n`,
  );
  return null;
}

/**
 * A database (or schema) name of this jest worker's own, so that parallel workers
 * and concurrent runs never share tables.
 */
export function workerDatabaseName(prefix = "alkahest"): string {
  return `${prefix}_w${process.env.JEST_WORKER_ID ?? "0"}_${process.pid}`;
}

/** Declares a skipped placeholder so a skipped server still shows in jest's output. */
export function describeSkipped(label: string, envVar: string): void {
  describe(`conformance: ${label}`, () => {
    it.skip(`skipped: set ${envVar} to run it`, () => undefined);
  });
}
