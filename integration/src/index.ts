/**
 * @alkahest/conformance: the suite every Alkahest dialect passes against a real
 * database, grouped like SQLAlchemy's `testing/suite`. A dialect package runs it
 * from a jest test file:
 *
 * @example
 * import "@alkahest/sqlite";
 * import { runConformanceSuite } from "@alkahest/conformance";
 * runConformanceSuite({ name: "sqlite", url: "sqlite+better-sqlite3:///:memory:" });
 */
import { describe } from "@jest/globals";
import type { ConformanceConfig } from "./config.js";
import { arrayTests } from "./suite/arrays.js";
import { cacheTests } from "./suite/cache.js";
import { cteTests } from "./suite/cte.js";
import { ddlTests } from "./suite/ddl.js";
import { disconnectTests } from "./suite/disconnects.js";
import { errorTests } from "./suite/errors.js";
import { executemanyTests } from "./suite/executemany.js";
import { insertTests } from "./suite/insert.js";
import { paramTests } from "./suite/params.js";
import { reflectionTests } from "./suite/reflection.js";
import { resultRowTests } from "./suite/result-rows.js";
import { resultTests } from "./suite/results.js";
import { selectTests } from "./suite/select.js";
import { sequenceTests } from "./suite/sequences.js";
import { sessionTests } from "./suite/session.js";
import { streamingTests } from "./suite/streaming.js";
import { transactionTests } from "./suite/transactions.js";
import { typeTests } from "./suite/types.js";
import { rowcountTests, updateDeleteTests } from "./suite/update-delete.js";
import { upsertTests } from "./suite/upsert.js";

export { CapturingLogger, capabilitiesOf, useEngine, type ConformanceConfig, type EngineFixture } from "./config.js";

/** Every group of the suite, for a dialect that wants to run only some of them. */
export const conformanceGroups = {
  transactions: transactionTests,
  results: resultTests,
  resultRows: resultRowTests,
  executemany: executemanyTests,
  params: paramTests,
  errors: errorTests,
  cache: cacheTests,
  session: sessionTests,
  types: typeTests,
  arrays: arrayTests,
  select: selectTests,
  cte: cteTests,
  ddl: ddlTests,
  sequences: sequenceTests,
  insert: insertTests,
  updateDelete: updateDeleteTests,
  rowcount: rowcountTests,
  reflection: reflectionTests,
  upsert: upsertTests,
  streaming: streamingTests,
  disconnects: disconnectTests,
} as const;

/** Declares the whole suite for one database as jest tests. */
export function runConformanceSuite(config: ConformanceConfig): void {
  describe(`conformance: ${config.name}`, () => {
    for (const group of Object.values(conformanceGroups)) group(config);
  });
}
