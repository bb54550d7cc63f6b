import { isDate } from "node:util/types";
import { InvalidRequestError } from "../../errors.js";
import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

/** Checks for a valid Date; `isDate` also accepts Dates from another realm (jest's vm). */
function dateCheck(type: TypeEngine<unknown>): Processor {
  return (value) => {
    if (isDate(value) && !Number.isNaN(value.getTime())) return value;
    throw new TypeMismatchError(type, value, "a valid Date");
  };
}

export interface DateTimeOptions {
  /**
   * TIMESTAMP WITH TIME ZONE where the database has it. Either way a Date is an
   * instant and comes back as the same instant: dialects bind and read it in UTC.
   */
  readonly timezone?: boolean;
}

/** A point in time: DATETIME / TIMESTAMP, value a JavaScript Date (millisecond precision). */
export class DateTimeType extends TypeEngine<Date> {
  readonly visitName = "datetime";
  readonly timezone: boolean;

  constructor(options: DateTimeOptions = {}) {
    super();
    this.timezone = options.timezone ?? false;
  }

  protected override bindCheck(): Processor {
    return dateCheck(this);
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitDateTime(this);
  }

  override get cacheKey(): string {
    return this.timezone ? "datetime(tz)" : "datetime";
  }

  override toString(): string {
    return this.timezone ? "DateTime(timezone=True)" : "DateTime()";
  }
}

/** A calendar date: DATE, value a JavaScript Date at midnight UTC (binding uses its UTC day). */
export class DateType extends TypeEngine<Date> {
  readonly visitName = "date";

  protected override bindCheck(): Processor {
    return dateCheck(this);
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitDate(this);
  }
}

/** `H:MM`, `HH:MM:SS`, `HH:MM:SS.f` to `.ffffff`. */
const TIME = /^(\d{1,2}):(\d\d)(?::(\d\d)(?:\.(\d{1,6}))?)?$/;

/**
 * A time of day as Alkahest's canonical text, Python's `time.isoformat()`:
 * `HH:MM:SS`, with `.ffffff` when there are fractional seconds. Null when `text`
 * is not a time of day.
 */
export function canonicalTime(text: string): string | null {
  const m = TIME.exec(text);
  if (m === null) return null;
  const [, h = "", mi = "", s = "00", f = ""] = m;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const hh = h.length === 1 ? `0${h}` : h;
  const fraction = f === "" || /^0+$/.test(f) ? "" : `.${f.padEnd(6, "0")}`;
  return `${hh}:${mi}:${s}${fraction}`;
}

/**
 * A time of day without date or zone: TIME, value a string, `"HH:MM:SS"` or
 * `"HH:MM:SS.ffffff"` (JavaScript has no time-of-day type; text keeps microseconds).
 * Binds `H:MM[:SS[.f...]]` strings, normalized; results come back in the same form
 * whatever the driver's layout (`12:30:00.5` → `"12:30:00.500000"`).
 */
export class TimeType extends TypeEngine<string> {
  readonly visitName = "time";

  protected override bindCheck(): Processor {
    return (value) => {
      const time = typeof value === "string" ? canonicalTime(value) : null;
      if (time !== null) return time;
      throw new TypeMismatchError(this, value, "a time of day string 'HH:MM[:SS[.ffffff]]'");
    };
  }

  protected override genericResult(): Processor {
    return (value) => {
      if (typeof value !== "string") return value;
      const time = canonicalTime(value);
      if (time === null) {
        throw new InvalidRequestError(`Couldn't parse time string '${value}' from the database: expected 'HH:MM:SS[.ffffff]'.`);
      }
      return time;
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitTime(this);
  }
}
