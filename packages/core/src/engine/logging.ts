/**
 * The engine's echo log. With `echo` on and no logger given, lines go to stdout in the
 * layout of SQLAlchemy's echo handler (`%(asctime)s %(levelname)s %(name)s %(message)s`),
 * so a log reads the same from either library.
 */

/** Any console- or pino-like logger. */
export interface Logger {
  info(message: string): void;
  debug?(message: string): void;
}

/** `true` logs statements and parameters; `"debug"` also logs result rows. */
export type EchoFlag = boolean | "debug";

export interface EchoLoggerOptions {
  echo: EchoFlag;
  /** Where lines go instead of stdout; it receives the bare message and stamps its own time. */
  logger?: Logger;
  /** The logger name printed on stdout lines. */
  name?: string;
}

/**
 * Writes echo lines when enabled; callers check `enabled` / `debugEnabled` first so that
 * a silent engine never builds a message.
 *
 * @example
 * const echo = new EchoLogger({ echo: true });
 * echo.info("BEGIN (implicit)");
 * // 2025-11-13 11:19:23,348 INFO alkahest.engine.Engine BEGIN (implicit)
 */
export class EchoLogger {
  readonly enabled: boolean;
  readonly debugEnabled: boolean;
  private readonly logger: Logger | undefined;
  private readonly name: string;

  constructor(options: EchoLoggerOptions) {
    this.enabled = options.echo !== false;
    this.debugEnabled = options.echo === "debug";
    this.logger = options.logger;
    this.name = options.name ?? "alkahest.engine.Engine";
  }

  info(message: string): void {
    if (!this.enabled) return;
    if (this.logger !== undefined) this.logger.info(message);
    else this.write("INFO", message);
  }

  debug(message: string): void {
    if (!this.debugEnabled) return;
    const logger = this.logger;
    if (logger === undefined) this.write("DEBUG", message);
    // Called as methods, not detached, since pino-like loggers need their `this`.
    else if (logger.debug !== undefined) logger.debug(message);
    else logger.info(message);
  }

  private write(level: string, message: string): void {
    process.stdout.write(`${formatLogTimestamp(new Date())} ${level} ${this.name} ${message}\n`);
  }
}

/**
 * Local time as Python logging's default `asctime`.
 *
 * @example
 * formatLogTimestamp(new Date(2025, 10, 13, 11, 19, 23, 348)); // "2025-11-13 11:19:23,348"
 */
export function formatLogTimestamp(date: Date): string {
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)} ` +
    `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)},` +
    pad(date.getMilliseconds(), 3)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * A cache miss: the compile time, as SQLAlchemy's `%.5f`.
 *
 * @example
 * formatGenerated(0.002019); // "[generated in 0.00202s]"
 */
export function formatGenerated(seconds: number): string {
  return `[generated in ${fixed(seconds, 5)}s]`;
}

/**
 * A cache hit: the age of the cached statement, as SQLAlchemy's `%.4g`.
 *
 * @example
 * formatCachedSince(0.15672); // "[cached since 0.1567s ago]"
 */
export function formatCachedSince(seconds: number): string {
  return `[cached since ${general(seconds, 4)}s ago]`;
}

/**
 * A statement with no cache key (DDL, savepoints): its compile time, as `%.5f`.
 *
 * @example
 * formatNoKey(0.00048); // "[no key 0.00048s]"
 */
export function formatNoKey(seconds: number): string {
  return `[no key ${fixed(seconds, 5)}s]`;
}

/**
 * A statement compiled with the cache turned off (compiledCacheSize: 0), as `%.5f`.
 *
 * @example
 * formatCachingDisabled(0.00048); // "[caching disabled 0.00048s]"
 */
export function formatCachingDisabled(seconds: number): string {
  return `[caching disabled ${fixed(seconds, 5)}s]`;
}

/** The tag of a string statement that was not compiled, as SQLAlchemy's `[raw sql]`. */
export const RAW_SQL = "[raw sql]";

/**
 * Python's `%.{digits}f`. JavaScript's toFixed rounds an exact tie up while Python rounds
 * it to even; a tie shows as a 5 followed only by zeros in a longer rendering.
 */
function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const longer = x.toFixed(digits + 21);
  if (longer.endsWith(TIE_TAIL)) {
    const down = longer.slice(0, longer.length - TIE_TAIL.length);
    if (Number(down[down.length - 1 - (digits === 0 ? 1 : 0)]) % 2 === 0) {
      return digits === 0 ? down.slice(0, -1) : down;
    }
  }
  return x.toFixed(digits);
}

const TIE_TAIL = "5" + "0".repeat(20);

/** Python's `%.{precision}g`: fixed notation for exponents -4..precision-1, else `1.235e+04`. */
function general(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const sign = x < 0 ? "-" : "";
  const { digits, exponent } = significant(Math.abs(x), precision);
  if (exponent < -4 || exponent >= precision) {
    const mantissa = stripZeros(digits[0] + "." + digits.slice(1));
    const e = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${e < 10 ? "0" + e : e}`;
  }
  if (exponent < 0) return sign + stripZeros("0." + "0".repeat(-exponent - 1) + digits);
  return sign + stripZeros(digits.slice(0, exponent + 1) + "." + digits.slice(exponent + 1));
}

/** `precision` significant digits of x > 0, rounded half to even, and x's decimal exponent. */
function significant(x: number, precision: number): { digits: string; exponent: number } {
  let rendered = x.toExponential(precision - 1);
  const longer = x.toExponential(precision - 1 + 21);
  const e = longer.indexOf("e");
  if (longer.slice(0, e).endsWith(TIE_TAIL)) {
    const down = longer.slice(0, e - TIE_TAIL.length);
    if (Number(down[down.length - 1]) % 2 === 0) rendered = down + longer.slice(e);
  }
  const at = rendered.indexOf("e");
  return { digits: rendered.slice(0, at).replace(".", ""), exponent: Number(rendered.slice(at + 1)) };
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  let end = s.length;
  while (s[end - 1] === "0") end--;
  if (s[end - 1] === ".") end--;
  return s.slice(0, end);
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
}
