/**
 * Connection pools, modelled on SQLAlchemy's `QueuePool` and `StaticPool`, but async:
 * a checkout that has to wait for a connection waits on a promise, never blocks.
 *
 * ```ts
 * const pool = new QueuePool(() => driver.connect(url), { size: 5, maxOverflow: 10 });
 * const conn = await pool.checkout();
 * try {
 *   await conn.driver.execute("SELECT 1", []);
 * } finally {
 *   await conn.release();
 * }
 * ```
 *
 * The pools live in queue-pool.ts and static-pool.ts, what they share in pool-checkout.ts
 * and pool-options.ts; this module is where the rest of the engine imports them from.
 */
export type { ConnectionCreator, Pool, PooledConnection, PoolStatus } from "./pool-checkout.js";
export { defaultPoolOptions, type PoolOptions } from "./pool-options.js";
export { QueuePool } from "./queue-pool.js";
export { StaticPool } from "./static-pool.js";
