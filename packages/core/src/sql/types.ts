/**
 * SQL types. Each type names its TypeScript value type (`T`) and lets the dialect
 * convert values on the way in (bind) and out (result) where the driver's values
 * differ from JavaScript's: SQLite has no boolean or date storage, for instance.
 */

export type Processor = (value: unknown) => unknown;

/** Conversions a dialect supplies for one kind of type (its "colspec"). */
export interface TypeProcessors {
  readonly bind?: Processor;
  readonly result?: Processor;
}

/** What a type asks of a dialect: its conversions for a kind of type. */
export interface TypeDialect {
  processorsFor(visitName: TypeVisitName): TypeProcessors | undefined;
}

export type TypeVisitName = "integer" | "float" | "string" | "text" | "boolean" | "datetime" | "date";

export abstract class TypeEngine<T> {
  /** Phantom: the TypeScript type of this SQL type's values. */
  declare readonly __value?: T;
  abstract readonly visitName: TypeVisitName;

  bindProcessor(dialect: TypeDialect): Processor | null {
    return dialect.processorsFor(this.visitName)?.bind ?? null;
  }

  resultProcessor(dialect: TypeDialect): Processor | null {
    return dialect.processorsFor(this.visitName)?.result ?? null;
  }

  toString(): string {
    return `${this.constructor.name}()`;
  }
}

/** The TypeScript value type of a SQL type. */
export type ValueOf<X> = X extends TypeEngine<infer T> ? T : never;

export class IntegerType extends TypeEngine<number> {
  readonly visitName = "integer";
}
export class FloatType extends TypeEngine<number> {
  readonly visitName = "float";
}
export class StringType extends TypeEngine<string> {
  readonly visitName = "string";
}
export class TextType extends TypeEngine<string> {
  readonly visitName = "text";
}
export class BooleanType extends TypeEngine<boolean> {
  readonly visitName = "boolean";
}
/** A point in time, as a JavaScript Date. */
export class DateTimeType extends TypeEngine<Date> {
  readonly visitName = "datetime";
}
/** A calendar date, as a JavaScript Date at midnight UTC. */
export class DateType extends TypeEngine<Date> {
  readonly visitName = "date";
}

// SQLAlchemy's names, as shared instances: `text(sql).columns({ ok: Boolean })`.
// `String`, `Boolean` and `Date` shadow JavaScript globals when imported by name, so
// the classes above carry non-clashing names; `import * as sa` reads like SQLAlchemy.
export const Integer = new IntegerType();
export const Float = new FloatType();
export const String = new StringType();
export const Text = new TextType();
export const Boolean = new BooleanType();
export const DateTime = new DateTimeType();
export const Date = new DateType();
