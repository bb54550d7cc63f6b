import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

/**
 * INTEGER, value `number`. Binds numbers and bigints; anything else (a numeric string
 * included) is a TypeMismatchError. Fractional numbers pass, as the database decides
 * what a comparison such as `id < 2.5` means.
 */
export class IntegerType extends TypeEngine<number> {
  readonly visitName: "integer" | "small_integer" = "integer";

  protected override bindCheck(): Processor {
    return (value) => {
      if (typeof value === "number" ? Number.isFinite(value) : typeof value === "bigint") return value;
      throw new TypeMismatchError(this, value, "a finite number or bigint");
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitInteger(this);
  }
}

/** SMALLINT, value `number`; checked as Integer (the database enforces the range). */
export class SmallIntegerType extends IntegerType {
  override readonly visitName = "small_integer";

  override typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitSmallInteger(this);
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * BIGINT, value `bigint`, exact over the whole 64-bit range (a JavaScript number is
 * exact only to 2^53). Binds bigints in range and integral numbers; results arrive as
 * bigint whatever the driver gives (a number, a decimal string, a bigint).
 */
export class BigIntegerType extends TypeEngine<bigint> {
  readonly visitName = "big_integer";

  protected override bindCheck(): Processor {
    return (value) => {
      if (typeof value === "bigint" ? value >= INT64_MIN && value <= INT64_MAX : Number.isSafeInteger(value)) {
        return value;
      }
      throw new TypeMismatchError(this, value, "a bigint within the 64-bit range, or a safe integer number");
    };
  }

  protected override genericResult(): Processor {
    return toBigInt;
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitBigInteger(this);
  }
}

function toBigInt(value: unknown): unknown {
  if (typeof value === "bigint") return value;
  // A number from the driver is exact here: drivers hand out numbers only within 2^53
  // (SQLite, see its dialect) or the column held a smaller type.
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^[+-]?\d+$/.test(value)) return BigInt(value);
  return value;
}
