/**
 * MySQL's and MariaDB's `insert()`, as SQLAlchemy's `mysql.insert()`: core's Insert with
 * `onDuplicateKeyUpdate()` and `inserted`, written `VALUES(x)` or, on MySQL 8.0.20+,
 * with the row alias `AS new ... new.x`.
 *
 * @example
 * import { insert } from "@alkahest/mysql";
 * const stmt = insert(users).values({ id: 1, name: "sandy" });
 * await conn.execute(stmt.onDuplicateKeyUpdate({ name: stmt.inserted.name }));
 * // INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)
 */
export { onDuplicateKeyInsert as insert, OnDuplicateKeyInsert as Insert, type InsertedColumns } from "@alkahest/core/dialect";
