/**
 * The base of SQL types. A type names its TypeScript value type (`T`), checks the
 * values bound to it, and converts values on the way in (bind) and out (result) where
 * the driver's values differ from JavaScript's: SQLite has no boolean or date storage,
 * for instance.
 *
 * Three layers make a processor, so that a dialect states only what is its own:
 * 1. the type's **check** (every dialect): a value of the wrong JavaScript type, an enum
 *    non-member or an invalid Date raises TypeMismatchError before anything is sent;
 * 2. the **conversion**: the dialect's colspec for the type's `visitName` when it has
 *    one, else the type's generic conversion (JSON ↔ text, Uuid ↔ 32 hex digits),
 *    which suits databases without native storage; a native dialect opts out with
 *    `{ bind: null }` / `{ result: null }`;
 * 3. the type's **result adaptation**, which needs the type's own parameters
 *    (Numeric's scale and `asDecimal`), after the conversion.
 * SQL NULL (`null`) skips all three.
 */
import type { TypeCompiler } from "../compiler/type-compiler.js";
import { copyWithVariant, NO_VARIANTS, variantFor, type VariantDialect } from "./variant.js";

export type Processor = (value: unknown) => unknown;

/**
 * Conversions a dialect supplies for one kind of type (its "colspec"). An absent key
 * keeps the type's generic conversion; `null` means the driver's value is used as is.
 */
export interface TypeProcessors {
  readonly bind?: Processor | null;
  readonly result?: Processor | null;
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
  | "enum"
  | "array";

/** What a type asks of a dialect: its conversions for a kind of type, and the names its variants are chosen by. */
export interface TypeDialect extends VariantDialect {
  processorsFor(visitName: TypeVisitName): TypeProcessors | undefined;
}

export abstract class TypeEngine<T> {
  /** Phantom: the TypeScript type of this SQL type's values. */
  declare readonly __value?: T;
  abstract readonly visitName: TypeVisitName;

  /**
   * The processor for values bound to this type on `dialect`: check, then convert.
   * Null when neither applies (the dialect's untyped conversion is used instead).
   */
  bindProcessor(dialect: TypeDialect): Processor | null {
    const impl = this.dialectImpl(dialect);
    if (impl !== this) return impl.bindProcessor(dialect);
    const colspec = dialect.processorsFor(this.visitName);
    const convert = colspec !== undefined && colspec.bind !== undefined ? colspec.bind : this.genericBind();
    return nullSafe(this.bindCheck(), convert);
  }

  /** The processor for values of this type read from `dialect`'s driver, or null. */
  resultProcessor(dialect: TypeDialect): Processor | null {
    const impl = this.dialectImpl(dialect);
    if (impl !== this) return impl.resultProcessor(dialect);
    const colspec = dialect.processorsFor(this.visitName);
    const convert = colspec !== undefined && colspec.result !== undefined ? colspec.result : this.genericResult();
    return nullSafe(convert, this.resultAdapter());
  }

  /**
   * Checks a bound non-null value and returns it in canonical form (Boolean turns 0/1
   * into false/true); throws TypeMismatchError for a value this type cannot hold.
   * Null when every value is accepted.
   */
  protected bindCheck(): Processor | null {
    return null;
  }

  /** The conversion into the driver's value when the dialect has none for this type. */
  protected genericBind(): Processor | null {
    return null;
  }

  /** The conversion from the driver's value when the dialect has none for this type. */
  protected genericResult(): Processor | null {
    return null;
  }

  /** The last step on non-null result values, for what depends on this type's parameters. */
  protected resultAdapter(): Processor | null {
    return null;
  }

  /**
   * What `contains()` means on expressions of this type: null for LIKE `'%' || :p || '%'`
   * (the default), or the containment operator (`@>`) of arrays or of JSONB.
   */
  get containment(): "array" | "json" | null {
    return null;
  }

  /** Double dispatch into the type compiler's visit method (DDL: `VARCHAR(30)`). */
  abstract typeCompilerDispatch(compiler: TypeCompiler): string;

  /**
   * This type, except on the named dialects, where `type` stands in for it: in DDL, in
   * CAST and in bind and result processing (SQLAlchemy's `with_variant`). Returns a new
   * type; this one is unchanged. Its repr, operators and TypeScript value type stay this
   * type's, so the variant must hold the same values. A MySQL variant applies to MariaDB
   * too; a MariaDB one (`"mariadb"`) to MariaDB only, and wins there.
   *
   * @example
   * // VARCHAR on SQLite and PostgreSQL, VARCHAR(255) on MySQL and MariaDB (which need a length)
   * Column("fullname", String().withVariant(String(255), "mysql"))
   * // TIMESTAMP WITH TIME ZONE on PostgreSQL only
   * Column("at", DateTime().withVariant(DateTime({ timezone: true }), "postgresql"))
   * String().withVariant(Integer, "mysql") // compile error: a variant holds the same values
   */
  withVariant(type: TypeArg<ValueOfThis<this>>, ...dialectNames: [string, ...string[]]): this {
    // Typed by `this`, not T: a subclass narrows its value type (EnumType<"a" | "b"> is a
    // TypeEngine<string>), and a T in the signature would widen what ValueOf infers to string.
    return copyWithVariant(this, resolveType(type), dialectNames);
  }

  /** The types this one stands for on named dialects (see withVariant), by dialect name; empty by default. */
  get variants(): ReadonlyMap<string, TypeEngine<unknown>> {
    return NO_VARIANTS;
  }

  /** The type used on `dialect`: this type's variant for one of the dialect's names, else this type. */
  dialectImpl(dialect: VariantDialect): TypeEngine<unknown> {
    return variantFor(this, dialect);
  }

  /**
   * Identifies the type in statement cache keys: equal keys must convert values alike,
   * so every parameter a processor depends on is part of it.
   */
  get cacheKey(): string {
    return this.visitName;
  }

  /** SQLAlchemy's repr: `Integer()`, `String(length=30)`. */
  toString(): string {
    return `${this.constructor.name.replace(/Type$/, "")}()`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** The value type of a type, from its phantom. */
type ValueOfThis<X extends TypeEngine<unknown>> = Exclude<X["__value"], undefined>;

/** `first` then `second`, either optional, with SQL NULL passed through untouched. */
function nullSafe(first: Processor | null, second: Processor | null): Processor | null {
  if (first === null && second === null) return null;
  if (first === null) return (value) => (value === null ? null : (second as Processor)(value));
  if (second === null) return (value) => (value === null ? null : first(value));
  return (value) => (value === null ? null : second(first(value)));
}

/**
 * A type as SQLAlchemy code passes it: an instance (`String(30)`), a name standing for
 * its default instance (`Integer`), or a type class (`MyTypeDecorator`), instantiated.
 */
export type TypeArg<T = unknown> = TypeEngine<T> | (() => TypeEngine<T>) | (new () => TypeEngine<T>);

/**
 * The TypeScript value type of a SQL type, type name or type class.
 *
 * @example
 * type Price = ValueOf<typeof Numeric>; // string
 * type Tags = ValueOf<ReturnType<typeof JSON<string[]>>>; // string[]
 */
export type ValueOf<X> =
  X extends TypeEngine<infer T>
    ? T
    : X extends () => TypeEngine<infer T>
      ? T
      : X extends new () => TypeEngine<infer T>
        ? T
        : never;

export function resolveType<T>(type: TypeArg<T>): TypeEngine<T> {
  if (typeof type !== "function") return type;
  // Type classes are constructed; the SQLAlchemy names (String, Integer) are called.
  if (isTypeClass(type)) return new type();
  return (type as () => TypeEngine<T>)();
}

function isTypeClass<T>(fn: (() => TypeEngine<T>) | (new () => TypeEngine<T>)): fn is new () => TypeEngine<T> {
  return fn.prototype instanceof TypeEngine && !(TYPE_NAME in fn);
}

/** Marks the SQLAlchemy-named factories (see type-name.ts), which are called, not constructed. */
export const TYPE_NAME: unique symbol = Symbol("alkahest.typeName");
