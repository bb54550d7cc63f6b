/**
 * What every pool shares: the Pool contract, the PooledConnection a checkout hands out
 * (Checkout, which settles once), and the recycle / pre-ping check made at checkout.
 */
import type { DriverConnection } from "./driver.js";
import type { PoolOptions } from "./pool-options.js";

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

/** The pool behind a Checkout: what its release() and invalidate() do to the entry. */
export interface EntryOwner<E> {
  release(entry: E): Promise<void>;
  invalidate(entry: E): Promise<void>;
}

export class Checkout<E extends { readonly driver: DriverConnection }> implements PooledConnection {
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

export async function closeQuietly(driver: DriverConnection): Promise<void> {
  try {
    await driver.close();
  } catch {
    // The connection is being thrown away; a failing close changes nothing for the caller.
  }
}

/** False when the connection is past `recycle` or fails its pre-ping: close it and open another. */
export async function isUsable(
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
