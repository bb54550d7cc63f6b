/**
 * This dialect's `insert()`, as SQLAlchemy's dialect-specific insert: core's Insert with
 * `onConflictDoNothing()` / `onConflictDoUpdate()` and `excluded`.
 *
 * @example
 * import { insert } from "@alkahest/sqlite";
 * const stmt = insert(users).values({ id: 1, name: "sandy" });
 * await conn.execute(stmt.onConflictDoUpdate({ indexElements: ["id"], set: { name: stmt.excluded.name } }));
 * // INSERT INTO users (id, name) VALUES (..., ...) ON CONFLICT (id) DO UPDATE SET name = excluded.name
 */
export { onConflictInsert as insert, OnConflictInsert as Insert, type OnConflictDoUpdateOptions } from "@alkahest/core/dialect";
