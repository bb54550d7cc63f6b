import "@alkahest/mysql";
import { runConformanceSuite } from "@alkahest/conformance";
import { afterAll, beforeAll } from "@jest/globals";
import { mysqlWorkerDatabase } from "../src/servers/mysql.js";
import { describeSkipped, serverUrlFromEnv } from "../src/servers/server-url.js";

// MariaDB from ALKAHEST_MARIADB_URL (CI sets it; without it the suite is skipped, loudly),
// in a database of this jest worker's own, dropped afterwards.
const baseUrl = serverUrlFromEnv("ALKAHEST_MARIADB_URL", "MariaDB");

if (baseUrl === null) {
  describeSkipped("mariadb", "ALKAHEST_MARIADB_URL");
} else {
  const database = mysqlWorkerDatabase(baseUrl);
  // Top-level hooks: created before the suite's own beforeAll hooks, dropped after its
  // afterAll hooks have disposed of its engines.
  beforeAll(() => database.create());
  afterAll(() => database.drop());
  runConformanceSuite({ name: "mariadb", url: database.url });
}
