import { describe, it, expect } from "@jest/globals";
import type { DriverConnection, DriverResult } from "../../src/engine/driver.js";
import { ArgumentError, TimeoutError } from "../../src/errors.js";
import { QueuePool, StaticPool, defaultPoolOptions, type PoolOptions } from "../../src/engine/pool.js";

class FakeDriver implements DriverConnection {
  rollbacks = 0;
  pings = 0;
  closes = 0;
  failPing = false;
  failRollback = false;
  failClose = false;
  /** When set, rollback() waits for it. */
  rollbackGate: Promise<void> | null = null;

  constructor(readonly id: number) {}

  async execute(): Promise<DriverResult> {
    return { columns: null, rows: [], rowcount: -1 };
  }
  async executeMany(): Promise<DriverResult> {
    return { columns: null, rows: [], rowcount: -1 };
  }
  async begin(): Promise<void> {}
  async commit(): Promise<void> {}
  async rollback(): Promise<void> {
    this.rollbacks++;
    if (this.rollbackGate !== null) await this.rollbackGate;
    if (this.failRollback) throw new Error(`rollback failed on ${this.id}`);
  }
  async ping(): Promise<void> {
    this.pings++;
    if (this.failPing) throw new Error(`connection ${this.id} is gone`);
  }
  async close(): Promise<void> {
    this.closes++;
    if (this.failClose) throw new Error(`close failed on ${this.id}`);
  }
}

/** A creator that records every connection it opens; `failures` makes the next N calls throw. */
function fakeDb() {
  const opened: FakeDriver[] = [];
  const db = {
    opened,
    failures: 0,
    creator: async (): Promise<FakeDriver> => {
      if (db.failures > 0) {
        db.failures--;
        throw new Error("connection refused");
      }
      const driver = new FakeDriver(opened.length + 1);
      opened.push(driver);
      return driver;
    },
  };
  return db;
}

function driverOf(conn: { driver: DriverConnection }): FakeDriver {
  return conn.driver as FakeDriver;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lets pending promise callbacks run, to observe that something did NOT settle. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Tracks whether a promise has settled, without awaiting it. */
function track<T>(promise: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
  let settled = false;
  const tracked = promise.finally(() => (settled = true));
  return { settled: () => settled, promise: tracked };
}

describe("QueuePool", () => {
  it("opens nothing until the first checkout", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator);
    expect(db.opened).toHaveLength(0);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 0, checkedOut: 0, overflow: 0 });

    const conn = await pool.checkout();
    expect(db.opened).toHaveLength(1);
    expect(conn.driver).toBe(db.opened[0]);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 0, checkedOut: 1, overflow: 0 });
  });

  it("reuses a released connection, most recently returned first (LIFO)", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator);
    const a = await pool.checkout();
    const b = await pool.checkout();
    await a.release();
    await b.release();
    expect(pool.status()).toEqual({ size: 5, checkedIn: 2, checkedOut: 0, overflow: 0 });

    const c = await pool.checkout();
    const d = await pool.checkout();
    expect(c.driver).toBe(b.driver);
    expect(d.driver).toBe(a.driver);
    expect(db.opened).toHaveLength(2);
  });

  it("opens at most size + maxOverflow connections, then times out", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 2, maxOverflow: 1, timeout: 50 });
    const held = [await pool.checkout(), await pool.checkout(), await pool.checkout()];
    expect(new Set(held.map((c) => c.driver)).size).toBe(3);
    expect(pool.status()).toEqual({ size: 2, checkedIn: 0, checkedOut: 3, overflow: 1 });

    await expect(pool.checkout()).rejects.toBeInstanceOf(TimeoutError);
    expect(db.opened).toHaveLength(3);
  });

  it("does not over-open while connections are still being created", async () => {
    const gate = deferred();
    const opened: FakeDriver[] = [];
    const pool = new QueuePool(
      async () => {
        await gate.promise;
        const driver = new FakeDriver(opened.length + 1);
        opened.push(driver);
        return driver;
      },
      { size: 1, maxOverflow: 0 },
    );
    const first = pool.checkout();
    const second = track(pool.checkout());
    gate.resolve();
    const a = await first;
    await flush();
    expect(second.settled()).toBe(false);
    expect(opened).toHaveLength(1);

    await a.release();
    expect((await second.promise).driver).toBe(a.driver);
  });

  it("times out with a message that names the limits and the fix", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 1, maxOverflow: 0, timeout: 50 });
    const held = await pool.checkout();

    const started = Date.now();
    const error = await pool.checkout().then(
      () => null,
      (err: unknown) => err,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(
      "QueuePool limit of size 1 overflow 0 reached, connection timed out, timeout 0.05s. " +
        "Close connections you no longer need (engine.connect(cb) or await using), " +
        "or raise poolSize / maxOverflow.",
    );

    // The timed-out waiter is gone: the released connection goes back to idle, not to it.
    await held.release();
    expect(pool.status()).toEqual({ size: 1, checkedIn: 1, checkedOut: 0, overflow: 0 });
  });

  it("gives a released connection to waiters in FIFO order", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 1, maxOverflow: 0, timeout: 1000 });
    const held = await pool.checkout();
    const order: string[] = [];
    const first = pool.checkout().then((c) => (order.push("first"), c));
    const second = pool.checkout().then((c) => (order.push("second"), c));
    await flush();
    expect(order).toEqual([]);

    await held.release();
    const firstConn = await first;
    expect(firstConn.driver).toBe(held.driver);
    expect(order).toEqual(["first"]);

    await firstConn.release();
    const secondConn = await second;
    expect(secondConn.driver).toBe(held.driver);
    expect(order).toEqual(["first", "second"]);
    expect(db.opened).toHaveLength(1);
    await secondConn.release();
  });

  it("propagates a creator failure and frees the slot", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 1, maxOverflow: 0, timeout: 50 });
    db.failures = 1;
    await expect(pool.checkout()).rejects.toThrow("connection refused");
    expect(pool.status()).toEqual({ size: 1, checkedIn: 0, checkedOut: 0, overflow: 0 });

    // With a leaked slot this would time out.
    const conn = await pool.checkout();
    expect(conn.driver).toBe(db.opened[0]);
  });

  it("hands a slot freed by a creator failure to a waiter", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 1, maxOverflow: 0, timeout: 1000 });
    const held = await pool.checkout();
    const waiter = pool.checkout();
    db.failures = 1;
    const second = pool.checkout();
    await held.invalidate(); // frees the slot: the first waiter opens, and fails
    await expect(waiter).rejects.toThrow("connection refused");
    // ...which passes the slot on to the next waiter, which succeeds.
    const conn = await second;
    expect(conn.driver).toBe(db.opened[1]);
    expect(pool.status()).toEqual({ size: 1, checkedIn: 0, checkedOut: 1, overflow: 0 });
  });

  it("replaces a connection older than recycle at checkout", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { recycle: 40 });
    const a = await pool.checkout();
    await a.release();
    const again = await pool.checkout();
    expect(again.driver).toBe(a.driver); // still young
    await again.release();

    await sleep(60);
    const b = await pool.checkout();
    expect(b.driver).not.toBe(a.driver);
    expect(driverOf(a).closes).toBe(1);
    expect(db.opened).toHaveLength(2);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 0, checkedOut: 1, overflow: 0 });
  });

  it("pre-pings and replaces a dead connection, ignoring a failing close", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { prePing: true });
    const a = await pool.checkout();
    expect(driverOf(a).pings).toBe(0); // a new connection is not pinged
    await a.release();

    const same = await pool.checkout();
    expect(same.driver).toBe(a.driver);
    expect(driverOf(a).pings).toBe(1);
    await same.release();

    driverOf(a).failPing = true;
    driverOf(a).failClose = true;
    const b = await pool.checkout();
    expect(b.driver).not.toBe(a.driver);
    expect(driverOf(a).pings).toBe(2);
    expect(driverOf(a).closes).toBe(1);
    expect(db.opened).toHaveLength(2);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 0, checkedOut: 1, overflow: 0 });
  });

  it("does not ping when prePing is off", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator);
    const a = await pool.checkout();
    await a.release();
    driverOf(a).failPing = true;
    const b = await pool.checkout();
    expect(b.driver).toBe(a.driver);
    expect(driverOf(a).pings).toBe(0);
  });

  it("rolls back on return, and release is idempotent", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator);
    const a = await pool.checkout();
    await Promise.all([a.release(), a.release()]);
    await a.release();
    await a.invalidate(); // after release: a no-op, the connection may already be someone else's
    expect(driverOf(a).rollbacks).toBe(1);
    expect(driverOf(a).closes).toBe(0);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 1, checkedOut: 0, overflow: 0 });
  });

  it("does not roll back when resetOnReturn is none", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { resetOnReturn: "none" });
    const a = await pool.checkout();
    await a.release();
    expect(driverOf(a).rollbacks).toBe(0);
    expect(pool.status().checkedIn).toBe(1);
  });

  it("invalidates a connection whose rollback fails", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator);
    const a = await pool.checkout();
    driverOf(a).failRollback = true;
    await a.release(); // does not throw
    expect(driverOf(a).closes).toBe(1);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 0, checkedOut: 0, overflow: 0 });

    const b = await pool.checkout();
    expect(b.driver).not.toBe(a.driver);
    expect(db.opened).toHaveLength(2);
  });

  it("closes an overflow connection returned to a full idle queue", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 1, maxOverflow: 1 });
    const a = await pool.checkout();
    const b = await pool.checkout();
    expect(pool.status()).toEqual({ size: 1, checkedIn: 0, checkedOut: 2, overflow: 1 });

    await a.release();
    expect(driverOf(a).closes).toBe(0);
    await b.release();
    expect(driverOf(b).closes).toBe(1);
    expect(pool.status()).toEqual({ size: 1, checkedIn: 1, checkedOut: 0, overflow: 0 });
  });

  it("invalidate closes the connection and lets a waiter open a new one", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 1, maxOverflow: 0, timeout: 1000 });
    const a = await pool.checkout();
    const waiter = pool.checkout();
    await Promise.all([a.invalidate(), a.invalidate()]);
    await a.release(); // after invalidate: a no-op
    expect(driverOf(a).closes).toBe(1);
    expect(driverOf(a).rollbacks).toBe(0);

    const b = await waiter;
    expect(b.driver).toBe(db.opened[1]);
    expect(pool.status()).toEqual({ size: 1, checkedIn: 0, checkedOut: 1, overflow: 0 });
  });

  it("dispose closes idle connections now and checked-out ones on release", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator);
    const [a, b, c] = [await pool.checkout(), await pool.checkout(), await pool.checkout()];
    await a.release();
    await b.release();

    await pool.dispose();
    expect(driverOf(a).closes).toBe(1);
    expect(driverOf(b).closes).toBe(1);
    expect(driverOf(c).closes).toBe(0);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 0, checkedOut: 1, overflow: 0 });

    await c.release();
    expect(driverOf(c).closes).toBe(1);
    expect(pool.status()).toEqual({ size: 5, checkedIn: 0, checkedOut: 0, overflow: 0 });

    // Still usable, with fresh connections.
    const d = await pool.checkout();
    expect(db.opened).toHaveLength(4);
    expect(d.driver).toBe(db.opened[3]);
  });

  it("size 0 closes every connection on return", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: 0, maxOverflow: 2 });
    const a = await pool.checkout();
    expect(pool.status()).toEqual({ size: 0, checkedIn: 0, checkedOut: 1, overflow: 1 });
    await a.release();
    expect(driverOf(a).closes).toBe(1);
    expect(pool.status()).toEqual({ size: 0, checkedIn: 0, checkedOut: 0, overflow: 0 });
  });
});

describe("StaticPool", () => {
  it("opens lazily and shares one connection between simultaneous checkouts", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator);
    expect(db.opened).toHaveLength(0);
    expect(pool.status()).toEqual({ size: 1, checkedIn: 0, checkedOut: 0, overflow: 0 });

    const [a, b] = await Promise.all([pool.checkout(), pool.checkout()]);
    expect(db.opened).toHaveLength(1);
    expect(a.driver).toBe(db.opened[0]);
    expect(b.driver).toBe(a.driver);
    expect(pool.status()).toEqual({ size: 1, checkedIn: 0, checkedOut: 2, overflow: 0 });

    await a.release();
    await a.release();
    expect(driverOf(a).rollbacks).toBe(0); // b still holds it
    expect(pool.status().checkedOut).toBe(1);

    await b.release();
    expect(driverOf(a).rollbacks).toBe(1);
    expect(pool.status()).toEqual({ size: 1, checkedIn: 1, checkedOut: 0, overflow: 0 });

    const c = await pool.checkout();
    expect(c.driver).toBe(a.driver);
    expect(db.opened).toHaveLength(1);
  });

  it("makes a checkout wait for the reset in progress", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator);
    const a = await pool.checkout();
    const gate = deferred();
    driverOf(a).rollbackGate = gate.promise;

    const released = a.release();
    const next = track(pool.checkout());
    await flush();
    expect(next.settled()).toBe(false);

    gate.resolve();
    await released;
    expect((await next.promise).driver).toBe(a.driver);
    expect(db.opened).toHaveLength(1);
  });

  it("does not roll back when resetOnReturn is none", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator, { resetOnReturn: "none" });
    const a = await pool.checkout();
    await a.release();
    expect(driverOf(a).rollbacks).toBe(0);
  });

  it("drops the connection when the rollback fails, and opens a new one next", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator);
    const a = await pool.checkout();
    driverOf(a).failRollback = true;
    await a.release();
    expect(driverOf(a).closes).toBe(1);
    expect(pool.status()).toEqual({ size: 1, checkedIn: 0, checkedOut: 0, overflow: 0 });

    const b = await pool.checkout();
    expect(b.driver).toBe(db.opened[1]);
  });

  it("invalidate closes the shared connection once and the next checkout opens another", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator);
    const [a, b] = await Promise.all([pool.checkout(), pool.checkout()]);
    await a.invalidate();
    expect(driverOf(a).closes).toBe(1);
    await b.release(); // the dropped connection is not rolled back or closed again
    expect(driverOf(a).closes).toBe(1);
    expect(driverOf(a).rollbacks).toBe(0);

    const c = await pool.checkout();
    expect(c.driver).toBe(db.opened[1]);
  });

  it("propagates a creator failure and tries again on the next checkout", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator);
    db.failures = 1;
    await expect(pool.checkout()).rejects.toThrow("connection refused");
    const a = await pool.checkout();
    expect(a.driver).toBe(db.opened[0]);
  });

  it("pre-pings an unheld connection and replaces it when dead", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator, { prePing: true });
    const a = await pool.checkout();
    const b = await pool.checkout(); // shared while held: no ping
    expect(driverOf(a).pings).toBe(0);
    await a.release();
    await b.release();

    driverOf(a).failPing = true;
    const c = await pool.checkout();
    expect(driverOf(a).pings).toBe(1);
    expect(driverOf(a).closes).toBe(1);
    expect(c.driver).toBe(db.opened[1]);
  });

  it("dispose closes an idle connection now and a held one on its last release", async () => {
    const db = fakeDb();
    const pool = new StaticPool(db.creator);
    const a = await pool.checkout();
    await a.release();
    await pool.dispose();
    expect(driverOf(a).closes).toBe(1);

    const b = await pool.checkout();
    const b2 = await pool.checkout();
    expect(b.driver).toBe(db.opened[1]);
    await pool.dispose();
    expect(driverOf(b).closes).toBe(0);
    await b.release();
    expect(driverOf(b).closes).toBe(0);
    await b2.release();
    expect(driverOf(b).closes).toBe(1);
    expect(driverOf(b).rollbacks).toBe(0);
  });
});

describe("pool options", () => {
  it("defaults to SQLAlchemy's QueuePool settings", () => {
    expect(defaultPoolOptions).toEqual({
      size: 5,
      maxOverflow: 10,
      timeout: 30000,
      recycle: -1,
      prePing: false,
      resetOnReturn: "rollback",
    });
  });

  it("treats undefined as the default", async () => {
    const db = fakeDb();
    const pool = new QueuePool(db.creator, { size: undefined, timeout: undefined });
    expect(pool.status().size).toBe(5);
  });

  const bad: [Record<string, unknown>, RegExp][] = [
    [{ size: -1 }, /size: -1; expected an integer >= 0, e\.g\. 5/],
    [{ size: 2.5 }, /size: 2\.5/],
    [{ maxOverflow: -3 }, /maxOverflow: -3; expected an integer >= 0, e\.g\. 10/],
    [{ size: 0, maxOverflow: 0 }, /size and maxOverflow are both 0.*e\.g\. 5/],
    [{ timeout: -5 }, /timeout: -5; expected milliseconds from 0 to 2147483647, e\.g\. 30000/],
    [{ timeout: Number.NaN }, /timeout: NaN/],
    [{ recycle: -2 }, /recycle: -2; expected -1 \(never\) or milliseconds >= 0, e\.g\. 3600000/],
    [{ prePing: "yes" }, /prePing: "yes"; expected true or false/],
    [{ resetOnReturn: "commit" }, /resetOnReturn: "commit"; expected "rollback" or "none"/],
    [{ poolSize: 5 }, /unknown pool option 'poolSize'; valid options are size, maxOverflow/],
  ];
  it.each(bad)("rejects %p", (options, message) => {
    const db = fakeDb();
    const given = options as Partial<PoolOptions>;
    expect(() => new QueuePool(db.creator, given)).toThrow(ArgumentError);
    expect(() => new QueuePool(db.creator, given)).toThrow(message);
    expect(() => new StaticPool(db.creator, given)).toThrow(message);
  });
});
