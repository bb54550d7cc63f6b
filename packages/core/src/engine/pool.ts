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
 */
import { ArgumentError, TimeoutError } from "../errors.js";
import type { DriverConnection } from "./driver.js";

export interface PoolOptions {
  /** Connections kept open (QueuePool pool_size). Default 5. */
  size: number;
  /** Extra connections opened past `size` under load, closed when returned (max_overflow). Default 10. */
  maxOverflow: number;
  /** Milliseconds a checkout waits for a free connection before TimeoutError. Default 30000. */
  timeout: number;
  /** Milliseconds after which a connection is closed and replaced at checkout; -1 never. Default -1. */
  recycle: number;
  /** Ping a connection at checkout and replace it if the ping fails. Default false. */
  prePing: boolean;
  /** What to do to a connection given back: "rollback" (default) or "none". */
  resetOnReturn: "rollback" | "none";
}

export const defaultPoolOptions: PoolOptions = Object.freeze({
  size: 5,
  maxOverflow: 10,
  timeout: 30000,
  recycle: -1,
  prePing: false,
  resetOnReturn: "rollback",
});

/**
 * A snapshot of a pool's counters. `checkedOut` includes connections being opened,
 * validated or reset for a checkout; `overflow` is how many connections are open past
 * `size` (never negative, unlike SQLAlchemy's).
 */
export interface PoolStatus {
  size: number;
  checkedIn: number;
  checkedOut: number;
  overflow: number;
}

/**
 * A connection handed out by a pool; give it back with release().
 *
 * ```ts
 * const conn = await pool.checkout();
 * try { await conn.driver.execute(sql, params); }
 * catch (err) { await conn.invalidate(); throw err; }
 * await conn.release();
 * ```
 */
export interface PooledConnection {
  readonly driver: DriverConnection;
  /** Returns it to the pool (after the reset-on-return). Idempotent. */
  release(): Promise<void>;
  /** Closes it and drops it from the pool (after an error that made it unusable). Idempotent. */
  invalidate(): Promise<void>;
}

export interface Pool {
  checkout(): Promise<PooledConnection>;
  status(): PoolStatus;
  /** Closes every idle connection; connections checked out are closed when released. The pool stays usable (like SQLAlchemy's engine.dispose()). */
  dispose(): Promise<void>;
}

export type ConnectionCreator = () => Promise<DriverConnection>;

/**
 * A pool of at most `size + maxOverflow` connections, of which up to `size` are kept
 * open while idle (SQLAlchemy's QueuePool). When all are out, checkouts wait in FIFO
 * order for one to come back, and fail with TimeoutError after `timeout` ms.
 *
 * ```ts
 * const pool = new QueuePool(() => openConnection(), { size: 2, maxOverflow: 0, timeout: 5000 });
 * const a = await pool.checkout();
 * const b = await pool.checkout();
 * const c = pool.checkout(); // waits until a or b is released
 * await a.release();
 * (await c).driver === a.driver; // true
 * ```
 */
export class QueuePool implements Pool {
  private readonly options: PoolOptions;
  private readonly capacity: number;
  private readonly validates: boolean;
  /**
   * Used as a stack (LIFO): the most recently returned connection goes out first, so a
   * light load keeps reusing a few warm connections and the rest sit still, where
   * `recycle` or the server's idle timeout can retire them.
   */
  private readonly idle: QueueEntry[] = [];
  private readonly waiters: Waiter[] = [];
  /** Slots taken: connections open, being opened, or being closed. */
  private opened = 0;
  /** Bumped by dispose(), so that connections checked out before it are closed on release. */
  private generation = 0;
  /** One object per pool rather than a closure per checkout. */
  private readonly owner: EntryOwner<QueueEntry> = {
    release: (entry) => this.giveBack(entry),
    invalidate: (entry) => this.discard(entry),
  };

  constructor(
    private readonly creator: ConnectionCreator,
    options?: Partial<PoolOptions>,
  ) {
    this.options = resolveOptions(options);
    this.capacity = this.options.size + this.options.maxOverflow;
    this.validates = this.options.recycle >= 0 || this.options.prePing;
  }

  async checkout(): Promise<PooledConnection> {
    let entry = this.idle.pop();
    if (entry === undefined) {
      if (this.opened < this.capacity) this.opened++;
      else entry = await this.wait();
    }
    if (entry !== undefined && this.validates && !(await isUsable(entry, this.options))) {
      await closeQuietly(entry.driver);
      entry = undefined; // its slot is reused for the replacement
    }
    entry ??= await this.connect();
    return new Checkout(this.owner, entry);
  }

  status(): PoolStatus {
    return {
      size: this.options.size,
      checkedIn: this.idle.length,
      checkedOut: this.opened - this.idle.length,
      overflow: Math.max(0, this.opened - this.options.size),
    };
  }

  async dispose(): Promise<void> {
    this.generation++;
    const idle = this.idle.splice(0);
    await Promise.all(idle.map((entry) => this.discard(entry)));
  }

  /** Opens a connection in a slot the caller has already taken. */
  private async connect(): Promise<QueueEntry> {
    let driver: DriverConnection;
    try {
      driver = await this.creator();
    } catch (err) {
      this.freeSlot();
      throw err;
    }
    return { driver, createdAt: Date.now(), generation: this.generation };
  }

  /** Resolves with a returned connection, or undefined when a slot was freed for the waiter to open one in. */
  private wait(): Promise<QueueEntry | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new TimeoutError(this.timeoutMessage()));
      }, this.options.timeout);
      // A waiter must not keep the process alive on its own.
      timer.unref();
      const waiter: Waiter = { resolve, timer };
      this.waiters.push(waiter);
    });
  }

  private timeoutMessage(): string {
    const { size, maxOverflow, timeout } = this.options;
    return (
      `QueuePool limit of size ${size} overflow ${maxOverflow} reached, connection timed out, ` +
      `timeout ${(timeout / 1000).toFixed(2)}s. Close connections you no longer need ` +
      `(engine.connect(cb) or await using), or raise poolSize / maxOverflow.`
    );
  }

  private async giveBack(entry: QueueEntry): Promise<void> {
    if (this.options.resetOnReturn === "rollback") {
      try {
        await entry.driver.rollback();
      } catch {
        // A connection that cannot roll back may still hold a transaction; nobody may reuse it.
        return this.discard(entry);
      }
    }
    if (entry.generation !== this.generation) return this.discard(entry);
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      clearTimeout(waiter.timer);
      waiter.resolve(entry);
    } else if (this.idle.length < this.options.size) {
      this.idle.push(entry);
    } else {
      return this.discard(entry);
    }
  }

  /** Closes before freeing the slot, so the database never sees more than size + maxOverflow connections. */
  private async discard(entry: QueueEntry): Promise<void> {
    await closeQuietly(entry.driver);
    this.freeSlot();
  }

  /** Hands a freed slot straight to the first waiter, so no later checkout can jump the queue. */
  private freeSlot(): void {
    const waiter = this.waiters.shift();
    if (waiter === undefined) {
      this.opened--;
    } else {
      clearTimeout(waiter.timer);
      waiter.resolve(undefined);
    }
  }
}

/**
 * One connection shared by every checkout at once (SQLAlchemy's StaticPool), for an
 * in-memory SQLite database, where every connect() must see the same data. Opened
 * lazily on the first checkout; reset-on-return only when no other checkout still
 * holds it. `size`, `maxOverflow` and `timeout` are validated but unused; `recycle`
 * and `prePing` apply only at a checkout that finds the connection unheld.
 *
 * ```ts
 * const pool = new StaticPool(() => sqlite.connect(":memory:"));
 * const [a, b] = await Promise.all([pool.checkout(), pool.checkout()]);
 * a.driver === b.driver; // true
 * ```
 */
export class StaticPool implements Pool {
  private readonly options: PoolOptions;
  private readonly validates: boolean;
  private entry: SharedEntry | null = null;
  /** An open, validation or reset in progress; checkouts wait for it so none gets a connection mid-rollback. */
  private busy: Promise<unknown> | null = null;
  private readonly owner: EntryOwner<SharedEntry> = {
    release: (entry) => this.giveBack(entry),
    invalidate: (entry) => {
      entry.holders--;
      return this.detach(entry);
    },
  };

  constructor(
    private readonly creator: ConnectionCreator,
    options?: Partial<PoolOptions>,
  ) {
    this.options = resolveOptions(options);
    this.validates = this.options.recycle >= 0 || this.options.prePing;
  }

  async checkout(): Promise<PooledConnection> {
    // Checked in this function, not a helper: an extra async hop between this check and
    // the open below would let a second checkout start an open of its own. The owner of
    // `busy` sees its failure; everyone else just looks again.
    while (this.busy !== null) await this.busy.then(noop, noop);
    const entry = this.entry;
    if (entry !== null && (entry.holders > 0 || !this.validates)) {
      entry.holders++;
      return new Checkout(this.owner, entry);
    }
    return new Checkout(this.owner, await this.exclusively(this.prepare(entry)));
  }

  status(): PoolStatus {
    const holders = this.entry?.holders ?? 0;
    return {
      size: 1,
      checkedIn: this.entry !== null && holders === 0 ? 1 : 0,
      checkedOut: holders,
      overflow: 0,
    };
  }

  async dispose(): Promise<void> {
    while (this.busy !== null) await this.busy.then(noop, noop);
    const entry = this.entry;
    this.entry = null;
    if (entry !== null && entry.holders === 0) await closeEntry(entry);
  }

  private async exclusively<T>(task: Promise<T>): Promise<T> {
    this.busy = task;
    try {
      return await task;
    } finally {
      if (this.busy === task) this.busy = null;
    }
  }

  /** Validates or opens the connection and counts the caller as a holder. */
  private async prepare(current: SharedEntry | null): Promise<SharedEntry> {
    let entry = current;
    if (entry !== null && !(await isUsable(entry, this.options))) {
      await this.detach(entry);
      entry = null;
    }
    if (entry === null) {
      entry = { driver: await this.creator(), createdAt: Date.now(), holders: 0, closed: false };
      this.entry = entry;
    }
    entry.holders++;
    return entry;
  }

  private async giveBack(entry: SharedEntry): Promise<void> {
    entry.holders--;
    if (entry !== this.entry) {
      // Disposed while held: the last holder closes it.
      if (entry.holders === 0) await closeEntry(entry);
      return;
    }
    if (entry.holders === 0 && this.options.resetOnReturn === "rollback") {
      await this.exclusively(this.reset(entry));
    }
  }

  private async reset(entry: SharedEntry): Promise<void> {
    try {
      await entry.driver.rollback();
    } catch {
      await this.detach(entry);
    }
  }

  private async detach(entry: SharedEntry): Promise<void> {
    if (this.entry === entry) this.entry = null;
    await closeEntry(entry);
  }
}

interface QueueEntry {
  readonly driver: DriverConnection;
  readonly createdAt: number;
  readonly generation: number;
}

interface SharedEntry {
  readonly driver: DriverConnection;
  readonly createdAt: number;
  holders: number;
  closed: boolean;
}

interface Waiter {
  readonly resolve: (entry: QueueEntry | undefined) => void;
  readonly timer: NodeJS.Timeout;
}

interface EntryOwner<E> {
  release(entry: E): Promise<void>;
  invalidate(entry: E): Promise<void>;
}

class Checkout<E extends { readonly driver: DriverConnection }> implements PooledConnection {
  readonly driver: DriverConnection;
  /** The first release()/invalidate(); later calls return it, so a double release cannot return the connection twice. */
  private settled: Promise<void> | null = null;

  constructor(
    private readonly owner: EntryOwner<E>,
    private readonly entry: E,
  ) {
    this.driver = entry.driver;
  }

  release(): Promise<void> {
    return (this.settled ??= this.owner.release(this.entry));
  }

  invalidate(): Promise<void> {
    return (this.settled ??= this.owner.invalidate(this.entry));
  }
}

function noop(): void {}

async function closeQuietly(driver: DriverConnection): Promise<void> {
  try {
    await driver.close();
  } catch {
    // The connection is being thrown away; a failing close changes nothing for the caller.
  }
}

async function closeEntry(entry: SharedEntry): Promise<void> {
  if (entry.closed) return;
  entry.closed = true;
  await closeQuietly(entry.driver);
}

async function isUsable(
  entry: { readonly driver: DriverConnection; readonly createdAt: number },
  options: PoolOptions,
): Promise<boolean> {
  if (options.recycle >= 0 && Date.now() - entry.createdAt >= options.recycle) return false;
  if (!options.prePing) return true;
  try {
    await entry.driver.ping();
    return true;
  } catch {
    return false;
  }
}

const MAX_TIMER_MS = 2 ** 31 - 1;

function resolveOptions(given: Partial<PoolOptions> | undefined): PoolOptions {
  const options: PoolOptions = { ...defaultPoolOptions };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (!(key in defaultPoolOptions)) {
      throw new ArgumentError(
        `unknown pool option '${key}'; valid options are ${Object.keys(defaultPoolOptions).join(", ")}`,
      );
    }
    // undefined means "the default", so callers can pass their own optional settings through.
    if (value !== undefined) Object.assign(options, { [key]: value });
  }
  const { size, maxOverflow, timeout, recycle, prePing, resetOnReturn } = options;
  if (!Number.isInteger(size) || size < 0) invalid("size", size, "an integer >= 0, e.g. 5");
  if (!Number.isInteger(maxOverflow) || maxOverflow < 0) {
    invalid("maxOverflow", maxOverflow, "an integer >= 0, e.g. 10");
  }
  if (size + maxOverflow < 1) {
    throw new ArgumentError(
      `pool options size and maxOverflow are both 0, so no connection could ever be checked out; ` +
        `set size to at least 1, e.g. 5`,
    );
  }
  if (typeof timeout !== "number" || !(timeout >= 0 && timeout <= MAX_TIMER_MS)) {
    invalid("timeout", timeout, `milliseconds from 0 to ${MAX_TIMER_MS}, e.g. 30000`);
  }
  if (typeof recycle !== "number" || !(recycle === -1 || (recycle >= 0 && Number.isFinite(recycle)))) {
    invalid("recycle", recycle, "-1 (never) or milliseconds >= 0, e.g. 3600000");
  }
  if (typeof prePing !== "boolean") invalid("prePing", prePing, "true or false");
  if (resetOnReturn !== "rollback" && resetOnReturn !== "none") {
    invalid("resetOnReturn", resetOnReturn, `"rollback" or "none"`);
  }
  return options;
}

function invalid(name: string, value: unknown, expected: string): never {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  throw new ArgumentError(`invalid pool option ${name}: ${shown}; expected ${expected}`);
}
