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

interface SharedEntry {
  readonly driver: DriverConnection;
  readonly createdAt: number;
  holders: number;
  closed: boolean;
}

function noop(): void {}

async function closeEntry(entry: SharedEntry): Promise<void> {
  if (entry.closed) return;
  entry.closed = true;
  await closeQuietly(entry.driver);
}
