/** What each system ran on, for the results and the README. */
import { execFileSync } from "node:child_process";
import type { DbName } from "./db/target.js";
import { BENCH_DIR, packageVersion } from "./paths.js";
import type { SystemName } from "./system.js";

const DRIVERS: Record<DbName, string> = { sqlite: "better-sqlite3", pg: "pg", mysql: "mysql2" };

const LIBRARIES: Record<Exclude<SystemName, "raw">, (db: DbName) => string[]> = {
  alkahest: (db) => ["@alkahest/core", db === "sqlite" ? "@alkahest/sqlite" : db === "pg" ? "@alkahest/postgres" : "@alkahest/mysql"],
  drizzle: () => ["drizzle-orm"],
  kysely: () => ["kysely"],
  typeorm: () => ["typeorm"],
  mikroorm: (db) => ["@mikro-orm/core", db === "sqlite" ? "@mikro-orm/better-sqlite" : db === "pg" ? "@mikro-orm/postgresql" : "@mikro-orm/mariadb"],
};

function gitRevision(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: BENCH_DIR, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "../packages"], { cwd: BENCH_DIR, encoding: "utf8" });
    return dirty.trim() === "" ? sha : `${sha}+dirty`;
  } catch {
    return "unknown";
  }
}

export function systemVersions(system: SystemName, db: DbName): string {
  // MikroORM's MariaDB driver runs on the mariadb package, not mysql2.
  const driver = system === "mikroorm" && db === "mysql" ? "mariadb" : DRIVERS[db];
  const packages = system === "raw" ? [] : LIBRARIES[system](db);
  const named = [...packages, driver].map((name) => `${name} ${packageVersion(name)}`);
  if (system === "alkahest") named.push(`git ${gitRevision()}`);
  return named.join(", ");
}
