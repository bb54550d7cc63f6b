/** Distinct statements a connection keeps prepared; past it, new statements run unnamed. */
const MAX_PREPARED = 500;

/**
 * Which statements a connection runs as named prepared statements, as asyncpg's
 * statement cache does for SQLAlchemy: a statement with parameters seen a second
 * time gets a name, and from then on the server skips its Parse and reuses the plan
 * (a primary-key SELECT costs about a fifth less). A statement run once stays
 * unnamed, so one-off SQL leaves nothing behind on the server.
 */
export class PreparedNames {
  private readonly names = new Map<string, string | null>();
  private counter = 0;

  /** The name to run `sql` under, or undefined to run it unnamed. */
  nameFor(sql: string): string | undefined {
    const name = this.names.get(sql);
    if (name !== undefined) {
      if (name !== null) return name;
      const given = `alkahest_${++this.counter}`;
      this.names.set(sql, given);
      return given;
    }
    if (this.names.size < MAX_PREPARED) this.names.set(sql, null);
    return undefined;
  }

  /**
   * Forgets a statement whose prepared form the server refused (its plan went stale
   * after DDL changed a table's columns, or it was deallocated): its next run prepares
   * it again under a new name.
   */
  forget(sql: string): void {
    this.names.set(sql, null);
  }

  /** Forgets them all (after `DEALLOCATE ALL` or `DISCARD ALL` removed them on the server). */
  clear(): void {
    this.names.clear();
  }
}

/**
 * The server no longer has a usable prepared form of the statement: "cached plan
 * must not change result type" (0A000, a table's columns changed under it) or
 * "prepared statement ... does not exist" (26000).
 */
export function isStalePreparedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  return code === "26000" || (code === "0A000" && typeof message === "string" && message.includes("cached plan"));
}
