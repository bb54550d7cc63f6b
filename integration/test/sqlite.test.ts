import "@alkahest/sqlite";
import { runConformanceSuite } from "@alkahest/conformance";

// In memory: one connection shared by every checkout (StaticPool).
runConformanceSuite({
  name: "sqlite (memory)",
  url: process.env.ALKAHEST_SQLITE_URL ?? "sqlite+better-sqlite3:///:memory:",
});
