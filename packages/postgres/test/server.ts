import { parseURL } from "@alkahest/core";
import { describe } from "@jest/globals";
import { PostgresDialect, type PostgresDriverConnection, type PostgresDialectOptions } from "@alkahest/postgres";

/** The server the tests that need one run against; CI sets it, and must never skip them. */
export const PG_URL = process.env.ALKAHEST_PG_URL || null;

if (PG_URL === null) {
  if (process.env.ALKAHEST_CI) throw new Error("ALKAHEST_PG_URL is not set: CI must run the PostgreSQL unit tests.");
  process.stderr.write("\n*** SKIPPING PostgreSQL server tests: set ALKAHEST_PG_URL to run them. ***\n\n");
}

/** `describe` when a server is configured, `describe.skip` otherwise. */
export const describeServer: (name: string, body: () => void) => void = PG_URL === null ? describe.skip : describe;

/** The configured URL; only called inside `describeServer` blocks. */
export function serverUrl(): string {
  if (PG_URL === null) throw new Error("ALKAHEST_PG_URL is not set");
  return PG_URL;
}

/** A bare driver connection (no core Connection, so no implicit BEGIN). */
export async function openDriver(
  options: PostgresDialectOptions = {},
  connectArgs: Readonly<Record<string, unknown>> = {},
): Promise<PostgresDriverConnection> {
  return (await new PostgresDialect(options).connect(parseURL(serverUrl()), connectArgs)) as PostgresDriverConnection;
}
