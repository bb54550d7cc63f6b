import "@alkahest/mysql";
import { parseURL, renderURL } from "@alkahest/core";
import { runConformanceSuite } from "@alkahest/conformance";
import { afterAll, beforeAll } from "@jest/globals";
import { mysqlWorkerDatabase } from "../src/servers/mysql.js";
import { describeSkipped, serverUrlFromEnv } from "../src/servers/server-url.js";

// The suite against MariaDB once more, as it runs on MySQL: `?returning=false` turns
// off RETURNING (what MySQL lacks and MariaDB has), so an inserted row's key comes from
// the insert id, executemany derives each row's id from a multi-row INSERT's, and the
// RETURNING tests are skipped as on MySQL. In a database of its own (prefix `alkahest_m`).
const baseUrl = serverUrlFromEnv("ALKAHEST_MARIADB_URL", "MariaDB");

if (baseUrl === null) {
  describeSkipped("mariadb as mysql (no RETURNING)", "ALKAHEST_MARIADB_URL");
} else {
  const base = parseURL(baseUrl);
  const url = renderURL({ ...base, query: { ...base.query, returning: "false" } }, { hidePassword: false });
  const database = mysqlWorkerDatabase(url, "alkahest_m");
  beforeAll(() => database.create());
  afterAll(() => database.drop());
  runConformanceSuite({ name: "mariadb as mysql (no RETURNING)", url: database.url });
}
