import {
  CompileError,
  TypeCompiler,
  TypeDecorator,
  type BooleanType,
  type DateTimeType,
  type EnumType,
  type FloatType,
  type JSONType,
  type StringType,
  type TimeType,
  type TypeEngine,
  type VariantDialect,
} from "@alkahest/core/dialect";
import type { ServerFeatures } from "./server-version.js";

/** What the type compiler needs of its dialect; read when a type is rendered (the server decides some names). */
export interface TypeCompilerHost extends VariantDialect {
  readonly name: string;
  readonly features: ServerFeatures;
}

/**
 * MySQL's and MariaDB's type names, as SQLAlchemy's MySQLTypeCompiler renders them,
 * except where a JavaScript value would not survive the round trip:
 *
 * - `DATETIME(6)` and `TIME(6)`: without a fractional-seconds precision both servers
 *   round to whole seconds (SQLAlchemy renders the precision only when asked, `fsp=6`).
 *   DateTime with `timezone` is DATETIME too: the session runs in UTC, so the instant
 *   is kept, as SQLAlchemy renders it.
 * - `DOUBLE` for Float without a precision: MySQL's `FLOAT` is single precision and a
 *   JavaScript number is a double. `Float(p)` stays `FLOAT(p)`, which the server maps
 *   to single or double precision by `p`.
 * - `BOOL` (the server's alias of TINYINT(1)), `BLOB`, `JSON` (MariaDB: an alias of
 *   LONGTEXT with a JSON_VALID check), and a native `ENUM('a','b')` inline.
 * - VARCHAR needs a length: a CompileError names the fix (`String(n)`), as SQLAlchemy's
 *   "VARCHAR requires a length on dialect mysql".
 *
 * @example
 * dialect.typeCompiler.process(DateTime()); // "DATETIME(6)"
 */
export class MySQLTypeCompiler extends TypeCompiler {
  constructor(private readonly host: TypeCompilerHost) {
    super(host);
  }

  override visitFloat(type: FloatType): string {
    return type.precision === null ? "DOUBLE" : `FLOAT(${type.precision})`;
  }

  override visitString(type: StringType): string {
    if (type.length === null) {
      throw new CompileError(
        `VARCHAR requires a length on dialect ${this.host.name}: give the column a length, e.g. String(30), ` +
          `or use Text for unbounded text.`,
      );
    }
    return `VARCHAR(${type.length})`;
  }

  override visitBoolean(_type: BooleanType): string {
    return "BOOL";
  }

  override visitDateTime(_type: DateTimeType): string {
    return "DATETIME(6)";
  }

  override visitTime(_type: TimeType): string {
    return "TIME(6)";
  }

  override visitJson(_type: JSONType<unknown>): string {
    return "JSON";
  }

  /** `ENUM('happy','sad')`, SQLAlchemy's layout; `nativeEnum: false` keeps the generic VARCHAR. */
  override visitEnum(type: EnumType<string>): string {
    if (!type.nativeEnum) return super.visitEnum(type);
    if (type.values.length === 0) {
      throw new CompileError(`ENUM needs at least one value on dialect ${this.host.name}: give ${String(type)} its values.`);
    }
    return `ENUM(${type.values.map((v) => quoteEnumValue(v, this.host.features.backslashEscapes)).join(",")})`;
  }

  /**
   * The type CAST(x AS ...) takes, as SQLAlchemy's MySQL `visit_typeclause`: CAST knows
   * only a few names (`SIGNED INTEGER`, `CHAR(n)`, `DECIMAL(p, s)`, `BINARY`, ...). Null
   * for a type it cannot cast to (Boolean, Enum, Uuid; Float before MySQL 8.0.17): the
   * CAST is left out, as SQLAlchemy does, and the value is converted as that type.
   */
  castTypeName(type: TypeEngine<unknown>): string | null {
    const variant = type.dialectImpl(this.host);
    const decorated = variant instanceof TypeDecorator ? (variant.implType as TypeEngine<unknown>) : variant;
    const impl = decorated.dialectImpl(this.host);
    switch (impl.visitName) {
      case "integer":
      case "small_integer":
      case "big_integer":
        return "SIGNED INTEGER";
      case "datetime":
      case "date":
      case "time":
      case "json":
        return this.process(impl);
      case "string":
      case "text": {
        const length = (impl as StringType).length;
        return length === null ? "CHAR" : `CHAR(${length})`;
      }
      case "large_binary":
        return "BINARY";
      case "numeric":
        return this.process(impl).replace("NUMERIC", "DECIMAL");
      case "float":
        return this.host.features.floatCast ? this.process(impl) : null;
      default:
        return null;
    }
  }
}

/** An ENUM value as a string literal: quotes doubled, backslashes escaped where the sql_mode reads `\` as an escape. */
export function quoteEnumValue(value: string, backslashEscapes: boolean): string {
  const escaped = backslashEscapes ? value.replaceAll("\\", "\\\\") : value;
  return `'${escaped.replaceAll("'", "''")}'`;
}
