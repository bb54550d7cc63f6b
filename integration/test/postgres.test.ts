import "@alkahest/postgres";
import { runConformanceSuite } from "@alkahest/conformance";
import { afterAll, beforeAll } from "@jest/globals";
import { postgresWorkerDatabase } from "../src/servers/postgres.js";
import { describeSkipped, serverUrlFromEnv } from "../src/servers/server-url.js";

// The suite runs in a database of this worker's own, created on the server that
// ALKAHEST_PG_URL names and dropped afterwards (the suite's engines are disposed by then).
const baseUrl = serverUrlFromEnv("ALKAHEST_PG_URL", "PostgreSQL");

if (baseUrl === null) {
  describeSkipped("postgresql", "ALKAHEST_PG_URL");
} else {
  const database = postgresWorkerDatabase(baseUrl);
  beforeAll(() => database.create());
  afterAll(() => database.drop());
  runConformanceSuite({ name: "postgresql", url: database.url });
}
