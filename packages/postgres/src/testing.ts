import type { DialectTestingHooks } from "@alkahest/core/dialect";

/** The conformance suite's server-side hooks: the backend pid, and pg_terminate_backend to end it. */
export const postgresTesting: DialectTestingHooks = {
  async backendId(conn) {
    return Number((await conn.execDriverSql("SELECT pg_backend_pid()")).scalar());
  },
  async killBackend(conn, id) {
    await conn.execDriverSql("SELECT pg_terminate_backend($1)", [id]);
  },
  async isBackendAlive(conn, id) {
    return (await conn.execDriverSql("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [id])).first() !== null;
  },
};
