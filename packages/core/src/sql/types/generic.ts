/**
 * The generic SQL types, as classes with non-clashing names (`StringType`) and as
 * SQLAlchemy's names (`String`), which work bare (`Column("x", String)`) or called
 * (`String(30)`). `String`, `Boolean`, `Date` and `JSON` shadow JavaScript globals
 * under named imports, so `import * as sa from "@alkahest/core"` reads best.
 */
import { TypeEngine } from "./type-engine.js";

/** The type of an expression whose type is unknown (SQLAlchemy's NullType). */
export class NullType extends TypeEngine<unknown> {
  readonly visitName = "null";
}

export class IntegerType extends TypeEngine<number> {
  readonly visitName = "integer";
}

export class FloatType extends TypeEngine<number> {
  readonly visitName = "float";
}

/** Variable-length text with an optional maximum length: VARCHAR(n). */
export class StringType extends TypeEngine<string> {
  readonly visitName: "string" | "text" = "string";
  constructor(readonly length: number | null = null) {
    super();
  }
  override get cacheKey(): string {
    return this.length === null ? this.visitName : `${this.visitName}(${this.length})`;
  }
  override toString(): string {
    return this.length === null ? "String()" : `String(length=${this.length})`;
  }
}

/** Unbounded text: TEXT. */
export class TextType extends StringType {
  override readonly visitName = "text";
  override toString(): string {
    return "Text()";
  }
}

export class BooleanType extends TypeEngine<boolean> {
  readonly visitName = "boolean";
}

/** A point in time, as a JavaScript Date. */
export class DateTimeType extends TypeEngine<Date> {
  readonly visitName = "datetime";
  constructor(readonly options: { readonly timezone?: boolean } = {}) {
    super();
  }
  override get cacheKey(): string {
    return this.options.timezone ? "datetime(tz)" : "datetime";
  }
}

/** A calendar date, as a JavaScript Date at midnight UTC. */
export class DateType extends TypeEngine<Date> {
  readonly visitName = "date";
}

const integer = new IntegerType();
const float = new FloatType();
const text = new TextType();
const boolean = new BooleanType();
const date = new DateType();

// SQLAlchemy's names. Each is callable; passed bare, a column calls it for the default.
export const Integer = (): IntegerType => integer;
export const Float = (): FloatType => float;
export const String = (length?: number): StringType => new StringType(length ?? null);
export const Text = (): TextType => text;
export const Boolean = (): BooleanType => boolean;
export const DateTime = (options?: { timezone?: boolean }): DateTimeType => new DateTimeType(options);
export const Date = (): DateType => date;
