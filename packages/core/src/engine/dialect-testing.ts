import type { Connection } from "./connection.js";

/**
 * Hooks the conformance suite uses to prove what it cannot provoke through the public
 * API, the way SQLAlchemy's `testing` helpers reach into a database: here, ending a
 * session from the server side (`pg_terminate_backend`, `KILL`) to test disconnect
 * handling. A dialect without a server (SQLite) leaves `Dialect.testing` null and the
 * suite skips those tests.
 *
 * @example
 * const id = await dialect.testing!.backendId(victim);
 * await dialect.testing!.killBackend(admin, id); // from another connection
 * await victim.execute(select(literal(1)));       // OperationalError; the connection is invalidated
 */
export interface DialectTestingHooks {
  /** The server's id of the session behind `conn` (PostgreSQL's backend pid, MySQL's connection id). */
  backendId(conn: Connection): Promise<number>;
  /** Ends the session `id` from the server side, run on another connection. */
  killBackend(conn: Connection, id: number): Promise<void>;
  /** Whether the server still lists session `id` (it takes a moment to end after the kill). */
  isBackendAlive(conn: Connection, id: number): Promise<boolean>;
}
