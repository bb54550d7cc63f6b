/**
 * The generic SQL types, by family, and their SQLAlchemy names (see names.ts).
 * Each class has a non-clashing name (`StringType`); each name (`String`) works bare
 * (`Column("x", String)`) or called (`String(30)`).
 */
export { LargeBinaryType } from "./binary.js";
export { BooleanType } from "./boolean.js";
export { canonicalTime, DateTimeType, DateType, TimeType, type DateTimeOptions } from "./datetime.js";
export { EnumType, type EnumOptions } from "./enum.js";
export { BigIntegerType, IntegerType, SmallIntegerType } from "./integer.js";
export { JSONType, type JSONValue } from "./json.js";
export { NullTypeImpl } from "./null-type.js";
export { FloatType, NumericType, plainDecimal, type NumericOptions } from "./numeric.js";
export { StringType, TextType } from "./string.js";
export { TypeDecorator } from "./type-decorator.js";
export { describeValue, TypeMismatchError } from "./type-mismatch.js";
export { canonicalUuid, UuidType } from "./uuid.js";
export * from "./names.js";
