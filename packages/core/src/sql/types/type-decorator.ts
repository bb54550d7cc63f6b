import type { TypeCompiler } from "../compiler/type-compiler.js";
import { resolveType, TypeEngine, type Processor, type TypeArg, type TypeDialect, type TypeVisitName } from "./type-engine.js";
import { asIs } from "./variant.js";

/** A unique number per TypeDecorator subclass, so two classes never share a cache key. */
const classIds = new WeakMap<object, number>();
let nextClassId = 0;

/**
 * A user type built on an existing one, as SQLAlchemy's TypeDecorator: `impl` is the
 * type stored (its DDL, checks and dialect conversions apply), `T` the value your code
 * sees, `I` the impl's value. `processBindParam` turns a `T` into an `I` before the
 * impl's processing; `processResultValue` turns an `I` read back into a `T`. Both see
 * `null` too (SQL NULL), as in SQLAlchemy. To reject a value, throw TypeMismatchError.
 *
 * Instances of one subclass share statement-cache entries: if a constructor argument
 * changes what the processors do, override `cacheKey` to include it.
 *
 * @example
 * interface Point { x: number; y: number }
 * class PointType extends TypeDecorator<Point, string> {
 *   readonly impl = String(40);
 *   override processBindParam(value: Point | null): string | null {
 *     return value === null ? null : `${value.x},${value.y}`;
 *   }
 *   override processResultValue(value: string | null): Point | null {
 *     if (value === null) return null;
 *     const [x, y] = value.split(",").map(Number);
 *     return { x: x!, y: y! };
 *   }
 * }
 * Column("location", PointType) // typed Point | null
 */
export abstract class TypeDecorator<T, I = unknown> extends TypeEngine<T> {
  /** The type this one is stored as: an instance (`String(40)`) or a bare name (`Text`). */
  abstract readonly impl: TypeArg<I>;
  private resolvedImpl: TypeEngine<I> | undefined;

  /** The impl as an instance. */
  get implType(): TypeEngine<I> {
    return (this.resolvedImpl ??= resolveType(this.impl));
  }

  get visitName(): TypeVisitName {
    return this.implType.visitName;
  }

  override get containment(): "array" | "json" | null {
    return this.implType.containment;
  }

  /** Your value (or null) to the impl's value, before the impl's check and conversion. */
  processBindParam(value: T | null, _dialect: TypeDialect): I | null {
    return value as unknown as I | null;
  }

  /** The impl's value read back (or null) to your value. */
  processResultValue(value: I | null, _dialect: TypeDialect): T | null {
    return value as unknown as T | null;
  }

  override bindProcessor(dialect: TypeDialect): Processor {
    const variant = this.dialectImpl(dialect);
    if (variant !== this) return variant.bindProcessor(dialect) ?? asIs;
    const impl = this.implType.bindProcessor(dialect);
    return impl === null
      ? (value) => this.processBindParam(value as T | null, dialect)
      : (value) => impl(this.processBindParam(value as T | null, dialect));
  }

  override resultProcessor(dialect: TypeDialect): Processor {
    const variant = this.dialectImpl(dialect);
    if (variant !== this) return variant.resultProcessor(dialect) ?? asIs;
    const impl = this.implType.resultProcessor(dialect);
    return impl === null
      ? (value) => this.processResultValue(value as I | null, dialect)
      : (value) => this.processResultValue(impl(value) as I | null, dialect);
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    // Through process(), so that the impl's own variants apply too.
    return compiler.process(this.implType);
  }

  override get cacheKey(): string {
    let id = classIds.get(this.constructor);
    if (id === undefined) classIds.set(this.constructor, (id = ++nextClassId));
    return `decorated#${id}(${this.implType.cacheKey})`;
  }

  /** `PointType()`: the class name, as SQLAlchemy's repr of a TypeDecorator. */
  override toString(): string {
    return `${this.constructor.name}()`;
  }
}
