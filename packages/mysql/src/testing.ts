import { ArgumentError, type DialectTestingHooks } from "@alkahest/core/dialect";

/** The conformance suite's server-side hooks: CONNECTION_ID(), and KILL to end it. */
export const mysqlTesting: DialectTestingHooks = {
  async backendId(conn) {
    return Number((await conn.execDriverSql("SELECT CONNECTION_ID()")).scalar());
  },
  async killBackend(conn, id) {
    // KILL takes no placeholder as a quoted value would be: the id is inlined, checked first.
    if (!Number.isSafeInteger(id) || id < 0) throw new ArgumentError(`killBackend(): ${id} is not a connection id.`);
    await conn.execDriverSql(`KILL ${id}`);
  },
  async isBackendAlive(conn, id) {
    return (await conn.execDriverSql("SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ?", [id])).first() !== null;
  },
};
