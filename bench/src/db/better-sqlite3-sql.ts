import type { Database } from "better-sqlite3";
import type { FixtureRows } from "../system.js";

/** BenchSystem.fixtureSql for systems that hold the better-sqlite3 Database themselves. */
export function runFixtureSql(db: Database, sql: string, params: readonly unknown[]): FixtureRows {
  const stmt = db.prepare<unknown[], Record<string, unknown>>(sql);
  if (stmt.reader) return stmt.all(...params);
  stmt.run(...params);
  return [];
}
