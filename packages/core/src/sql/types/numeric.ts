import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

/** FLOAT, value `number` (a double); `precision` is the DDL's, in binary digits. */
export class FloatType extends TypeEngine<number> {
  readonly visitName = "float";

  constructor(readonly precision: number | null = null) {
    super();
  }

  protected override bindCheck(): Processor {
    return (value) => {
      if (typeof value === "number") return value;
      throw new TypeMismatchError(this, value, "a number");
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitFloat(this);
  }

  override toString(): string {
    return this.precision === null ? "Float()" : `Float(precision=${this.precision})`;
  }
}

export interface NumericOptions {
  /** Total significant digits, as in NUMERIC(precision, scale). */
  readonly precision?: number | null;
  /** Digits after the decimal point. */
  readonly scale?: number | null;
  /**
   * true (default): values are exact decimal strings (`"12.50"`); false: numbers,
   * which round past 15-17 significant digits.
   */
  readonly asDecimal?: boolean;
}

/** A decimal literal as SQL and the drivers accept it: `-12.50`, `.5`, `1e3`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * NUMERIC(precision, scale): exact decimals. JavaScript has no decimal type, so the
 * value is a decimal string (`"12.50"`, with `scale` digits when the database sends
 * a number), or with `asDecimal: false` a number. Binds decimal strings, finite
 * numbers and bigints.
 */
export class NumericType<T extends string | number = string> extends TypeEngine<T> {
  readonly visitName = "numeric";
  readonly precision: number | null;
  readonly scale: number | null;
  readonly asDecimal: boolean;

  constructor(options: NumericOptions = {}) {
    super();
    this.precision = options.precision ?? null;
    this.scale = options.scale ?? null;
    this.asDecimal = options.asDecimal ?? true;
  }

  protected override bindCheck(): Processor {
    return (value) => {
      if (typeof value === "string" ? DECIMAL.test(value) : typeof value === "number" ? Number.isFinite(value) : typeof value === "bigint") {
        return value;
      }
      throw new TypeMismatchError(this, value, "a decimal string (such as '12.50'), a finite number or a bigint");
    };
  }

  protected override resultAdapter(): Processor {
    if (!this.asDecimal) return (value) => (typeof value === "string" || typeof value === "bigint" ? Number(value) : value);
    const scale = this.scale;
    return (value) => {
      if (typeof value === "number") return scale === null ? plainDecimal(value) : value.toFixed(scale);
      if (typeof value === "bigint") return scale === null || scale === 0 ? String(value) : `${value}.${"0".repeat(scale)}`;
      return value;
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitNumeric(this);
  }

  override get cacheKey(): string {
    return `numeric(${this.precision ?? ""},${this.scale ?? ""}${this.asDecimal ? "" : ",float"})`;
  }

  /** `Numeric(precision=10, scale=2)`: SQLAlchemy's repr, non-default arguments only. */
  override toString(): string {
    const args: string[] = [];
    if (this.precision !== null) args.push(`precision=${this.precision}`);
    if (this.scale !== null) args.push(`scale=${this.scale}`);
    if (!this.asDecimal) args.push("asdecimal=False");
    return `Numeric(${args.join(", ")})`;
  }
}

/** A number as a decimal string without exponent: 1e-7 → "0.0000001", 1e21 → "1000000000000000000000". */
export function plainDecimal(value: number): string {
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const negative = value < 0;
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (point <= 0) plain = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + "0".repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}
