/** Pool settings, their defaults, and the checks every pool runs on what it is given. */
import { ArgumentError } from "../errors.js";

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

const MAX_TIMER_MS = 2 ** 31 - 1;

/** The options with defaults filled in, validated; throws ArgumentError naming a bad one. */
export function resolveOptions(given: Partial<PoolOptions> | undefined): PoolOptions {
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
