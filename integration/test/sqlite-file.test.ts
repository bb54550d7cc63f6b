import "@alkahest/sqlite";
import { runConformanceSuite } from "@alkahest/conformance";
import { afterAll } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// A database file of this worker's own, so that the pooled (QueuePool) path is
// exercised; removed afterwards.
const dir = mkdtempSync(join(tmpdir(), "alkahest-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runConformanceSuite({ name: "sqlite (file)", url: `sqlite+better-sqlite3:///${join(dir, "conformance.db")}` });
