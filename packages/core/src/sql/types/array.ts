import { ArgumentError, InvalidRequestError } from "../../errors.js";
import type { TypeCompiler } from "../compiler/type-compiler.js";
import { resolveType, TypeEngine, type Processor, type TypeArg, type TypeDialect, type ValueOf } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";
import { typeName } from "./type-name.js";
import { asIs } from "./variant.js";

/** The dimensions an ARRAY's TypeScript value type can spell out. */
export type ArrayDimensions = 1 | 2 | 3 | 4;

/** `V[]`, `V[][]`, ... for `D` dimensions. */
export type NestedArray<V, D extends number> = D extends 4 ? V[][][][] : D extends 3 ? V[][][] : D extends 2 ? V[][] : V[];

export interface ArrayOptions<D extends number = number> {
  /**
   * The number of dimensions: `2` renders `INTEGER[][]` and types values `number[][]`.
   * Without it the DDL has one pair of brackets (PostgreSQL does not enforce them) and
   * values of any depth are converted, except for JSON items, whose values may be arrays
   * themselves: those arrays are one dimension unless told otherwise.
   */
  readonly dimensions?: D;
}

/**
 * ARRAY of another type, as SQLAlchemy's `ARRAY`: `INTEGER[]`, `VARCHAR(30)[]` on
 * PostgreSQL; a CompileError naming the column on databases without arrays (store the
 * list in a JSON column there). Values are JavaScript arrays of the item type's values;
 * NULL elements are `null`. Each element goes through the item type's conversions both
 * ways (Dates, bigints, enums), and the dialect's `array` colspec converts the whole
 * array where the driver needs it (PostgreSQL reads arrays of types pg does not know,
 * such as enums, as text).
 *
 * @example
 * Column("scores", ARRAY(Integer))                      // INTEGER[], value number[]
 * Column("grid", ARRAY(Integer, { dimensions: 2 }))     // INTEGER[][], value number[][]
 * select(t).where(t.c.scores.any(7))                    // $1 = ANY (t.scores)
 */
export class ArrayType<T extends readonly unknown[] = unknown[]> extends TypeEngine<T> {
  readonly visitName = "array";
  /** The type of the elements. */
  readonly itemType: TypeEngine<unknown>;
  /** The declared dimensions, or null when not given. */
  readonly dimensions: number | null;

  constructor(itemType: TypeArg, options: ArrayOptions = {}) {
    super();
    if (itemType === undefined || itemType === null) {
      throw new ArgumentError("ARRAY needs the type of its elements, e.g. ARRAY(Integer) or ARRAY(String(30)).");
    }
    const item = resolveType(itemType);
    if (item instanceof ArrayType) {
      throw new ArgumentError(
        `ARRAY(${String(item)}) is not supported: an ARRAY of ARRAY is one ARRAY with more dimensions, ` +
          `e.g. ARRAY(${String(item.itemType)}, { dimensions: 2 }).`,
      );
    }
    const dimensions = options.dimensions ?? null;
    if (dimensions !== null && (!Number.isInteger(dimensions) || dimensions < 1)) {
      throw new ArgumentError(`ARRAY dimensions must be a whole number >= 1, got ${String(dimensions)}.`);
    }
    this.itemType = item;
    this.dimensions = dimensions;
  }

  override get containment(): "array" {
    return "array";
  }

  /** The type of `a[i]`: the item type, or an ARRAY of one dimension less. */
  get elementType(): TypeEngine<unknown> {
    if (this.dimensions === null || this.dimensions <= 1) return this.itemType;
    return new ArrayType(this.itemType, { dimensions: this.dimensions - 1 });
  }

  /** Checks the value is an array, converts each non-null element, then the array as the dialect needs. */
  override bindProcessor(dialect: TypeDialect): Processor {
    const impl = this.dialectImpl(dialect);
    if (impl !== this) return impl.bindProcessor(dialect) ?? asIs;
    const item = this.itemType.bindProcessor(dialect);
    const convert = dialect.processorsFor(this.visitName)?.bind ?? null;
    const depth = this.itemDepth();
    return (value) => {
      if (value === null) return null;
      if (!Array.isArray(value)) throw new TypeMismatchError(this, value, "an array");
      const items = item === null ? value : mapItems(value, depth, item);
      return convert === null ? items : convert(items);
    };
  }

  /** The dialect's conversion of the whole value (array text to an array), then each non-null element's. */
  override resultProcessor(dialect: TypeDialect): Processor | null {
    const impl = this.dialectImpl(dialect);
    if (impl !== this) return impl.resultProcessor(dialect);
    const item = this.itemType.resultProcessor(dialect);
    const convert = dialect.processorsFor(this.visitName)?.result ?? null;
    if (item === null && convert === null) return null;
    const depth = this.itemDepth();
    return (value) => {
      if (value === null) return null;
      const array = convert === null ? value : convert(value);
      if (!Array.isArray(array)) {
        throw new InvalidRequestError(`Couldn't read ${String(this)} from the database: expected an array, got ${typeof array} ${String(array)}.`);
      }
      return item === null ? array : mapItems(array, depth, item);
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitArray(this);
  }

  override get cacheKey(): string {
    return `array(${this.itemType.cacheKey}:${this.dimensions ?? ""})`;
  }

  /** `ARRAY(Integer())`, `ARRAY(Integer(), dimensions=2)`, as SQLAlchemy prints it. */
  override toString(): string {
    return this.dimensions === null ? `ARRAY(${String(this.itemType)})` : `ARRAY(${String(this.itemType)}, dimensions=${this.dimensions})`;
  }

  /** How deep nested arrays are arrays of elements rather than element values. */
  private itemDepth(): number {
    if (this.dimensions !== null) return this.dimensions;
    return this.itemType.visitName === "json" ? 1 : Infinity;
  }
}

/** `value` with `convert` applied to every non-null element, `depth` levels of arrays down. */
function mapItems(value: readonly unknown[], depth: number, convert: Processor): unknown[] {
  return value.map((v) => (v === null ? null : depth > 1 && Array.isArray(v) ? mapItems(v, depth - 1, convert) : convert(v)));
}

interface ARRAYName {
  /** `ARRAY(Integer)`: value `number[]`; `ARRAY(Integer, { dimensions: 2 })`: `number[][]`. */
  <I extends TypeArg, const D extends ArrayDimensions = 1>(itemType: I, options?: ArrayOptions<D>): ArrayType<NestedArray<ValueOf<I>, D>>;
  readonly prototype: ArrayType<unknown[]>;
}

/**
 * ARRAY(itemType, { dimensions }): PostgreSQL arrays; value an array of the item
 * type's values (`number[]` for `ARRAY(Integer)`).
 *
 * @example
 * Column("tags", ARRAY(String(30)))                     // VARCHAR(30)[], value string[]
 * t.c.tags.contains(["a", "b"])                          // t.tags @> $1
 * t.c.tags.item(1)                                       // t.tags[$1]
 */
export const ARRAY = typeName(ArrayType, (itemType: TypeArg, options?: ArrayOptions): ArrayType => new ArrayType(itemType, options)) as unknown as ARRAYName;
