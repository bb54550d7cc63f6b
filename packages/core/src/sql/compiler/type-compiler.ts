import { CompileError } from "../../errors.js";
import type { ArrayType } from "../types/array.js";
import type { LargeBinaryType } from "../types/binary.js";
import type { BooleanType } from "../types/boolean.js";
import type { DateTimeType, DateType, TimeType } from "../types/datetime.js";
import type { EnumType } from "../types/enum.js";
import type { BigIntegerType, IntegerType, SmallIntegerType } from "../types/integer.js";
import type { JSONType } from "../types/json.js";
import type { NullTypeImpl } from "../types/null-type.js";
import type { FloatType, NumericType } from "../types/numeric.js";
import type { StringType, TextType } from "../types/string.js";
import type { TypeEngine } from "../types/type-engine.js";
import type { UuidType } from "../types/uuid.js";
import type { VariantDialect } from "../types/variant.js";

/**
 * Renders a type as DDL (`INTEGER`, `VARCHAR(30)`, `NUMERIC(10, 2)`), with the generic
 * SQL names of SQLAlchemy's GenericTypeCompiler. A dialect subclasses it and overrides
 * the visit methods where its names differ (PostgreSQL's `TIMESTAMP WITHOUT TIME ZONE`,
 * `BYTEA`, `UUID`), and sets it as `typeCompiler` on its Dialect, constructed with the
 * dialect so that a type's variant for it (`withVariant`) is rendered in the type's
 * place. A TypeDecorator renders as its impl.
 *
 * @example
 * dialect.typeCompiler.process(Numeric(10, 2)); // "NUMERIC(10, 2)"
 */
export class TypeCompiler {
  /** `dialect` chooses the types' variants; without one (the str dialect's compiler) each type renders as itself. */
  constructor(protected readonly dialect: VariantDialect = {}) {}

  /** The DDL name of `type`, or of its variant for this compiler's dialect. */
  process(type: TypeEngine<unknown>): string {
    return type.dialectImpl(this.dialect).typeCompilerDispatch(this);
  }

  visitNull(type: NullTypeImpl): string {
    throw new CompileError(
      `Can't generate DDL for ${String(type)}; did you forget to specify a type on this Column? ` +
        `Give it one, e.g. Column("x", Integer).`,
    );
  }

  visitInteger(_type: IntegerType): string {
    return "INTEGER";
  }

  visitSmallInteger(_type: SmallIntegerType): string {
    return "SMALLINT";
  }

  visitBigInteger(_type: BigIntegerType): string {
    return "BIGINT";
  }

  visitFloat(type: FloatType): string {
    return type.precision === null ? "FLOAT" : `FLOAT(${type.precision})`;
  }

  visitNumeric(type: NumericType<string | number>): string {
    if (type.precision === null) return "NUMERIC";
    return type.scale === null ? `NUMERIC(${type.precision})` : `NUMERIC(${type.precision}, ${type.scale})`;
  }

  visitString(type: StringType): string {
    return this.renderStringType("VARCHAR", type.length);
  }

  visitText(type: TextType): string {
    return this.renderStringType("TEXT", type.length);
  }

  visitBoolean(_type: BooleanType): string {
    return "BOOLEAN";
  }

  visitDateTime(_type: DateTimeType): string {
    return "DATETIME";
  }

  visitDate(_type: DateType): string {
    return "DATE";
  }

  visitTime(_type: TimeType): string {
    return "TIME";
  }

  visitJson(_type: JSONType<unknown>): string {
    return "JSON";
  }

  /** SQLAlchemy's non-native form: 32 hex digits (the type's generic conversion stores them). */
  visitUuid(_type: UuidType): string {
    return "CHAR(32)";
  }

  visitLargeBinary(type: LargeBinaryType): string {
    return type.length === null ? "BLOB" : `BLOB(${type.length})`;
  }

  /** Non-native: a VARCHAR as long as the longest value. A native enum is the dialect's override. */
  visitEnum(type: EnumType<string>): string {
    return this.renderStringType("VARCHAR", type.length);
  }

  /**
   * ARRAY has no DDL where the database has no array types (a dialect that has them
   * overrides this: PostgreSQL's `INTEGER[]`). The DDL compiler adds the column's name.
   */
  visitArray(type: ArrayType<readonly unknown[]>): string {
    throw new CompileError(
      `${String(type)} can't be rendered: this database has no array types. ` +
        `Store the list in a JSON column instead, e.g. Column("tags", JSON<string[]>()).`,
    );
  }

  /** `NAME` or `NAME(length)`. */
  protected renderStringType(name: string, length: number | null): string {
    return length === null ? name : `${name}(${length})`;
  }
}
