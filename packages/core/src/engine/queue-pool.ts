import { TimeoutError } from "../errors.js";
import type { DriverConnection } from "./driver.js";
import {
  Checkout,
  closeQuietly,
  isUsable,
  type ConnectionCreator,
  type EntryOwner,
  type Pool,
  type PooledConnection,
  type PoolStatus,
} from "./pool-checkout.js";
import { resolveOptions, type PoolOptions } from "./pool-options.js";

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

interface QueueEntry {
  readonly driver: DriverConnection;
  readonly createdAt: number;
  readonly generation: number;
}

interface Waiter {
  readonly resolve: (entry: QueueEntry | undefined) => void;
  readonly timer: NodeJS.Timeout;
}
