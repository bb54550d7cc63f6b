import { createEngine, OperationalError, text, TimeoutError, type Connection, type Engine } from "@alkahest/core";
import type { DialectTestingHooks } from "@alkahest/core/dialect";
import { afterAll, describe, expect, it } from "@jest/globals";
import { type ConformanceConfig } from "../config.js";

/** Waits until the server no longer lists the session, and the client has had time to see its socket close. */
async function waitUntilGone(hooks: DialectTestingHooks, admin: Connection, id: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const alive = await hooks.isBackendAlive(admin, id);
    await admin.rollback(); // a fresh snapshot for the next look
    if (!alive) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * A pooled connection killed from the server side (`pg_terminate_backend`, `KILL`):
 * the next use fails with OperationalError, the dead connection is dropped from the
 * pool, and the next checkout works; with `poolPrePing` the next checkout replaces it
 * without an error. Needs `Dialect.testing` (skipped where there is no server).
 */
export function disconnectTests(config: ConformanceConfig): void {
  const hooks = createEngine(config.url, config.engineOptions).dialect.testing;
  const describeServer = hooks === null ? describe.skip : describe;
  describeServer("disconnects", () => {
    const engines: Engine[] = [];
    const engine = (options: Parameters<typeof createEngine>[1] = {}): Engine => {
      const created = createEngine(config.url, { ...config.engineOptions, poolSize: 1, maxOverflow: 0, ...options });
      engines.push(created);
      return created;
    };
    afterAll(async () => {
      for (const created of engines) await created.dispose();
    });

    /** Checks a connection out and in once, so the pool holds it idle, and returns its server id. */
    async function pooledSessionId(target: Engine): Promise<number> {
      return target.connect(async (conn) => (hooks as DialectTestingHooks).backendId(conn));
    }

    async function kill(id: number): Promise<void> {
      const testing = hooks as DialectTestingHooks;
      await engine().connect(async (admin) => {
        await testing.killBackend(admin, id);
        await admin.rollback();
        await waitUntilGone(testing, admin, id);
      });
    }

    it("the next use fails with OperationalError, the connection is dropped, the next checkout works", async () => {
      const victim = engine();
      const id = await pooledSessionId(victim);
      expect(victim.poolStatus()).toMatchObject({ checkedIn: 1, checkedOut: 0 });
      await kill(id);

      await victim.connect(async (conn) => {
        await expect(conn.execute(text("SELECT 1"))).rejects.toThrow(OperationalError);
        // Invalidated: the dead connection left the pool (nothing idle, nothing held).
        expect(victim.poolStatus()).toMatchObject({ checkedIn: 0, checkedOut: 0 });
      });
      const newId = await victim.connect(async (conn) => {
        expect((await conn.execute(text("SELECT 41 + 1 AS n"))).scalar()).toEqual(42);
        return (hooks as DialectTestingHooks).backendId(conn);
      });
      expect(newId).not.toBe(id);
      expect(victim.poolStatus()).toMatchObject({ checkedIn: 1, checkedOut: 0 });
    });

    it("the same Connection goes on with a fresh connection after the error", async () => {
      const victim = engine();
      const id = await pooledSessionId(victim);
      await victim.connect(async (conn) => {
        await kill(id);
        const error = await conn.execute(text("SELECT 1")).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OperationalError);
        expect((await conn.execute(text("SELECT 2 AS n"))).scalar()).toEqual(2);
      });
    });

    it("with poolPrePing the next checkout replaces the dead connection without an error", async () => {
      const victim = engine({ poolPrePing: true });
      const id = await pooledSessionId(victim);
      await kill(id);
      const newId = await victim.connect(async (conn) => {
        expect((await conn.execute(text("SELECT 3 AS n"))).scalar()).toEqual(3);
        return (hooks as DialectTestingHooks).backendId(conn);
      });
      expect(newId).not.toBe(id);
      expect(victim.poolStatus()).toMatchObject({ checkedIn: 1, checkedOut: 0 });
    });

    it("an exhausted pool times out with TimeoutError naming the limits", async () => {
      const small = engine({ poolTimeout: 200 });
      await small.connect(async () => {
        const error = await small.connect(async () => undefined).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TimeoutError);
        expect(String((error as Error).message)).toMatch(/QueuePool limit of size 1 overflow 0 reached.*timeout 0\.20s/);
      });
      expect(await small.connect(async (conn) => (await conn.execute(text("SELECT 4 AS n"))).scalar())).toEqual(4);
    });
  });
}
