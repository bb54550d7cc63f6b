/**
 * The base of SQL types. A type names its TypeScript value type (`T`) and lets the
 * dialect convert values on the way in (bind) and out (result) where the driver's
 * values differ from JavaScript's: SQLite has no boolean or date storage, for instance.
 */

export type Processor = (value: unknown) => unknown;

/** Conversions a dialect supplies for one kind of type (its "colspec"). */
export interface TypeProcessors {
  readonly bind?: Processor;
  readonly result?: Processor;
}

/** The kinds of type a dialect can supply conversions or DDL for. */
export type TypeVisitName =
  | "null"
  | "integer"
  | "big_integer"
  | "small_integer"
  | "float"
  | "numeric"
  | "string"
  | "text"
  | "boolean"
  | "datetime"
  | "date"
  | "time"
  | "json"
  | "uuid"
  | "large_binary"
  | "enum";

/** What a type asks of a dialect: its conversions for a kind of type. */
export interface TypeDialect {
  processorsFor(visitName: TypeVisitName): TypeProcessors | undefined;
}

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

  /** Identifies the type in statement cache keys: equal keys convert values alike. */
  get cacheKey(): string {
    return this.visitName;
  }

  /** SQLAlchemy's repr: `Integer()`, `String(length=30)`. */
  toString(): string {
    return `${this.constructor.name.replace(/Type$/, "")}()`;
  }
}

/**
 * A type as SQLAlchemy code passes it: an instance (`String(30)`) or the bare name
 * (`Integer`), which stands for its default instance.
 */
export type TypeArg<T = unknown> = TypeEngine<T> | (() => TypeEngine<T>);

/** The TypeScript value type of a SQL type or type name. */
export type ValueOf<X> = X extends TypeEngine<infer T> ? T : X extends () => TypeEngine<infer T> ? T : never;

export function resolveType<T>(type: TypeArg<T>): TypeEngine<T> {
  return typeof type === "function" ? type() : type;
}
