import {
  ArrayType,
  CompileError,
  TypeCompiler,
  TypeDecorator,
  type DateTimeType,
  type EnumType,
  type IdentifierPreparer,
  type JSONType,
  type LargeBinaryType,
  type TimeType,
  type TypeEngine,
  type UuidType,
  type VariantDialect,
} from "@alkahest/core/dialect";
import type { JSONBType } from "./jsonb.js";

/**
 * PostgreSQL's type names, as SQLAlchemy's PGTypeCompiler renders them: `TIMESTAMP
 * WITHOUT TIME ZONE` / `WITH TIME ZONE`, `TIME WITHOUT TIME ZONE`, `BYTEA`, `UUID`, and a
 * native Enum as its type's name (created by `CREATE TYPE ... AS ENUM`, see enum-ddl.ts).
 * Float stays the generic `FLOAT`, which PostgreSQL reads as `double precision`
 * (`FLOAT(p)` with p <= 24 is `real`), exactly as SQLAlchemy renders it.
 *
 * @example
 * new PostgresTypeCompiler(preparer).process(DateTime({ timezone: true })); // "TIMESTAMP WITH TIME ZONE"
 */
export class PostgresTypeCompiler extends TypeCompiler {
  /** `dialect` chooses the types' variants (see TypeCompiler). */
  constructor(
    private readonly preparer: IdentifierPreparer,
    dialect?: VariantDialect,
  ) {
    super(dialect);
  }

  override visitDateTime(type: DateTimeType): string {
    return type.timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE";
  }

  override visitTime(_type: TimeType): string {
    return "TIME WITHOUT TIME ZONE";
  }

  override visitLargeBinary(_type: LargeBinaryType): string {
    // BYTEA takes no length.
    return "BYTEA";
  }

  override visitUuid(_type: UuidType): string {
    return "UUID";
  }

  override visitJson(_type: JSONType<unknown>): string {
    return "JSON";
  }

  /** PostgreSQL's own JSONB (jsonb.ts); other type compilers have no such visit method and refuse it. */
  visitJsonb(_type: JSONBType<unknown>): string {
    return "JSONB";
  }

  /** `INTEGER[]`, `VARCHAR(30)[]`, and a pair of brackets per dimension (`INTEGER[][]`), as SQLAlchemy renders them. */
  override visitArray(type: ArrayType<readonly unknown[]>): string {
    return `${this.process(type.itemType)}${"[]".repeat(type.dimensions ?? 1)}`;
  }

  /** A native enum is its named type; `nativeEnum: false` keeps the generic VARCHAR. */
  override visitEnum(type: EnumType<string>): string {
    if (!type.nativeEnum) return super.visitEnum(type);
    return this.preparer.quote(enumTypeName(type));
  }

  /**
   * The type an untyped value is cast to where PostgreSQL cannot infer it (the columns
   * of insertmanyvalues' `SELECT p0::INTEGER ... FROM (VALUES ...)`): the column's type
   * without length, precision or scale, so the cast never truncates or rounds and the
   * column's own assignment rules (an error for a too-long string) still apply.
   */
  castTypeName(type: TypeEngine<unknown>): string {
    const variant = type.dialectImpl(this.dialect);
    const decorated = variant instanceof TypeDecorator ? variant.implType : variant;
    const impl = decorated.dialectImpl(this.dialect);
    if (impl instanceof ArrayType) return `${this.castTypeName(impl.itemType)}${"[]".repeat(impl.dimensions ?? 1)}`;
    const sql = this.process(type);
    const native = impl.visitName === "enum" && (impl as EnumType<string>).nativeEnum;
    // A native enum's name is an identifier and may contain anything: never rewritten.
    return native ? sql : sql.replace(/\(\d+(?:,\s*\d+)?\)/, "");
  }
}

/** The name of a native enum's type; PostgreSQL's CREATE TYPE needs one, as in SQLAlchemy. */
export function enumTypeName(type: EnumType<string>): string {
  if (type.name === null) {
    throw new CompileError(
      `PostgreSQL ENUM type requires a name: give ${String(type)} one (Enum([...], { name: "mood" })), ` +
        `or pass { nativeEnum: false } to store it as VARCHAR.`,
    );
  }
  return type.name;
}
