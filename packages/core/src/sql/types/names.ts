/**
 * The types under SQLAlchemy's names, so `import * as sa from "@alkahest/core"` reads
 * like SQLAlchemy: `sa.Integer`, `sa.String(30)`, `sa.Numeric(10, 2)`. Each name is
 * callable, usable bare for its default instance (`Column("id", Integer)`), and works
 * with `instanceof` like its class (`type instanceof String`).
 *
 * `String`, `Boolean`, `Date` and `JSON` shadow JavaScript globals under named
 * imports, so either import the namespace (`sa.String`) or use the classes, whose
 * names never clash: `new StringType(30)`, `new BooleanType()`, `new DateType()`,
 * `new JSONType()`. (This module itself never uses those globals.)
 */
import { LargeBinaryType } from "./binary.js";
import { BooleanType } from "./boolean.js";
import { DateTimeType, DateType, TimeType, type DateTimeOptions } from "./datetime.js";
import { EnumType, type EnumOptions } from "./enum.js";
import { BigIntegerType, IntegerType, SmallIntegerType } from "./integer.js";
import { JSONType, type JSONValue } from "./json.js";
import { NullTypeImpl } from "./null-type.js";
import { FloatType, NumericType, type NumericOptions } from "./numeric.js";
import { StringType, TextType } from "./string.js";
import { typeName } from "./type-name.js";
import { UuidType } from "./uuid.js";

// Types without parameters are immutable, so one shared instance serves every use.
const integer = new IntegerType();
const smallInteger = new SmallIntegerType();
const bigInteger = new BigIntegerType();
const text = new TextType();
const boolean = new BooleanType();
const date = new DateType();
const dateTime = new DateTimeType();
const time = new TimeType();
const json = new JSONType();
const uuid = new UuidType();
const largeBinary = new LargeBinaryType();
const numeric = new NumericType();
const float = new FloatType();
const nullType = new NullTypeImpl();

/** INTEGER; value `number`. */
export const Integer = typeName(IntegerType, (): IntegerType => integer);
/** SMALLINT; value `number`. */
export const SmallInteger = typeName(SmallIntegerType, (): SmallIntegerType => smallInteger);
/** BIGINT; value `bigint`, exact over 64 bits. */
export const BigInteger = typeName(BigIntegerType, (): BigIntegerType => bigInteger);
/** FLOAT(precision); value `number`. */
export const Float = typeName(FloatType, (precision?: number): FloatType =>
  precision === undefined ? float : new FloatType(precision),
);
/** VARCHAR(length); value `string`. `String(30)`, or bare `String` for no length. */
export const String = typeName(StringType, (length?: number): StringType => new StringType(length ?? null));
/** TEXT; value `string`. */
export const Text = typeName(TextType, (length?: number): TextType =>
  length === undefined ? text : new TextType(length),
);
/** BOOLEAN; value `boolean`. */
export const Boolean = typeName(BooleanType, (): BooleanType => boolean);
/** DATE; value a Date at midnight UTC. */
export const Date = typeName(DateType, (): DateType => date);
/** DATETIME / TIMESTAMP; value a Date. `DateTime({ timezone: true })` for TIMESTAMP WITH TIME ZONE. */
export const DateTime = typeName(DateTimeType, (options?: DateTimeOptions): DateTimeType =>
  options === undefined ? dateTime : new DateTimeType(options),
);
/** TIME; value a string `"HH:MM:SS[.ffffff]"`. */
export const Time = typeName(TimeType, (): TimeType => time);
/** A UUID; value a canonical lower-case string. */
export const Uuid = typeName(UuidType, (): UuidType => uuid);
/** BLOB / BYTEA; value a Uint8Array (Buffers come back). */
export const LargeBinary = typeName(LargeBinaryType, (length?: number): LargeBinaryType =>
  length === undefined ? largeBinary : new LargeBinaryType(length),
);
/** The type of an expression of unknown type; values pass unchecked. */
export const NullType = typeName(NullTypeImpl, (): NullTypeImpl => nullType) as ((() => NullTypeImpl) & {
  new (): NullTypeImpl;
  readonly prototype: NullTypeImpl;
});
export type NullType = NullTypeImpl;

interface NumericName {
  /** `Numeric({ precision: 10, scale: 2, asDecimal: false })`: values as numbers. */
  (options: NumericOptions & { readonly asDecimal: false }): NumericType<number>;
  /** `Numeric(10, 2, { asDecimal: false })`: values as numbers. */
  (precision: number | null, scale: number | null | undefined, options: { readonly asDecimal: false }): NumericType<number>;
  (options: NumericOptions & { readonly asDecimal?: true }): NumericType<string>;
  /** `Numeric(10, 2)`: NUMERIC(10, 2), values as exact decimal strings. */
  (precision?: number | null, scale?: number | null, options?: { readonly asDecimal?: true }): NumericType<string>;
  readonly prototype: NumericType<string | number>;
}

function buildNumeric(
  first?: number | null | NumericOptions,
  scale?: number | null,
  options?: { readonly asDecimal?: boolean },
): NumericType<string | number> {
  if (typeof first === "object" && first !== null) return new NumericType(first);
  if (first == null && scale == null && options === undefined) return numeric;
  return new NumericType({ precision: first ?? null, scale: scale ?? null, asDecimal: options?.asDecimal ?? true });
}

/**
 * NUMERIC(precision, scale): exact decimals, as strings by default.
 *
 * @example
 * Column("price", Numeric(10, 2))                        // "12.50"
 * Column("ratio", Numeric(8, 4, { asDecimal: false }))    // 0.125
 */
export const Numeric = typeName(NumericType, buildNumeric) as unknown as NumericName;

interface JSONName {
  <T = JSONValue>(): JSONType<T>;
  /** Bare `JSON` (what ValueOf reads): any JSON value. */
  (): JSONType<JSONValue>;
  readonly prototype: JSONType<unknown>;
}

/**
 * JSON; value any JSON value, or the shape you give: `JSON<{ tags: string[] }>()`.
 *
 * @example
 * Column("settings", JSON<{ theme: "dark" | "light" }>())
 */
export const JSON = typeName(JSONType, (): JSONType<unknown> => json) as unknown as JSONName;

interface EnumName {
  /** `Enum("happy", "sad")`: value `"happy" | "sad"`. */
  <const V extends string>(...values: V[]): EnumType<V>;
  /** `Enum(["happy", "sad"], { name: "mood" })`. */
  <const V extends string>(values: readonly V[], options?: EnumOptions): EnumType<V>;
  /** `Enum(Mood)` for a TS string enum or a `const` object: its values. */
  <const O extends Readonly<Record<string, string>>>(members: O, options?: EnumOptions): EnumType<O[keyof O]>;
  readonly prototype: EnumType<string>;
}

function buildEnum(...args: unknown[]): EnumType<string> {
  const [first, options] = args;
  if (Array.isArray(first)) return new EnumType(first as string[], options as EnumOptions | undefined);
  if (typeof first === "object" && first !== null) {
    return new EnumType(Object.values(first) as string[], options as EnumOptions | undefined);
  }
  return new EnumType(args as string[]);
}

/**
 * A string restricted to fixed values; value their union. Non-members are rejected
 * on bind with an error naming the allowed values.
 *
 * @example
 * Column("status", Enum("draft", "published"))                    // "draft" | "published"
 * Column("mood", Enum(["happy", "sad"], { name: "mood" }))
 * const Color = { Red: "red", Blue: "blue" } as const;
 * Column("color", Enum(Color))                                     // "red" | "blue"
 */
export const Enum = typeName(EnumType, buildEnum) as unknown as EnumName;
