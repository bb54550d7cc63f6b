/**
 * @alkahest/core/dialect: everything a dialect package needs, and nothing else.
 * A dialect imports only this entry point.
 */
export * from "./errors.js";
export { Dialect, type DialectCapabilities, type ErrorContext, type PoolPlan } from "./engine/dialect.js";
export type { DriverConnection, DriverExecuteOptions, DriverResult } from "./engine/driver.js";
export type { DriverRowStream, DriverStreamOptions } from "./engine/driver.js";
export type { DialectTestingHooks } from "./engine/dialect-testing.js";
export type { OrderedBatch } from "./engine/insertmanyvalues.js";
export { autoincrementOrderedBatch } from "./engine/autoincrement-sentinel.js";
export type { KeyedUpdateParts } from "./sql/compiler/keyed-update.js";
export type * from "./engine/reflection/reflected.js";
export type { DialectReflection } from "./engine/reflection/dialect-reflection.js";
export { GENERIC_TYPE_NAMES, parseTypeName, typeFromName, type ParsedTypeName, type TypeNameMapper } from "./engine/reflection/type-names.js";
export { checkCondition, closingParenthesis, sqlTokens, stripOuterParentheses, type SQLToken, type SQLTokenOptions } from "./engine/reflection/sql-text.js";
// What the insertmanyvalues hook (Dialect.sentinelOrderedBatch) receives.
export type { ClauseElement } from "./sql/element.js";
export type { CompiledDML } from "./sql/dml/compiled-dml.js";
export type { PoolOptions } from "./engine/pool.js";
export { registerDialect, type DialectFactory } from "./engine/registry.js";
export type { URL } from "./engine/url.js";
export { SQLCompiler, type CompileOptions, type CompilerDialect, type ParamStyle } from "./sql/compiler/sql-compiler.js";
export { IdentifierPreparer, ANSI_RESERVED_WORDS } from "./sql/compiler/identifier-preparer.js";
export type { Compiled } from "./sql/compiled.js";
export type { Processor, TypeProcessors, TypeVisitName, VariantDialect } from "./sql/types/index.js";
export { TypeCompiler } from "./sql/compiler/type-compiler.js";
export { DDLCompiler, type DDLCompilerClass } from "./sql/compiler/ddl-compiler.js";
export { DDLElement } from "./sql/ddl/ddl-element.js";
// Schema objects, for a DDLCompiler's hooks; Connection, for reflection (Dialect.hasTable).
export type { Connection } from "./engine/connection.js";
export type { AnyColumn } from "./sql/schema/column.js";
export type { Constraint } from "./sql/schema/constraint.js";
export type { ForeignKeyConstraint } from "./sql/schema/foreign-key-constraint.js";
export type { Index } from "./sql/schema/table-index.js";
export type { Table } from "./sql/schema/table.js";
// A dialect's own Table options (`{ mysql: { engine } }`): declared by module augmentation, checked by the spec.
export {
  registerDialectOptions,
  validateTableDialectOptions,
  type DialectOptionSpec,
  type DialectOptionValues,
  type DialectTableOptions,
} from "./sql/schema/dialect-options.js";
export type { CreateIndex, DropIndex } from "./sql/ddl/index-ddl.js";
export type { DropConstraint } from "./sql/ddl/constraint-ddl.js";
export type { Sequence } from "./sql/schema/sequence.js";
export type { SetColumnComment, SetTableComment } from "./sql/ddl/comment-ddl.js";
// What a statement compiler's hooks receive (visitTruedivBinary, renderFunction, limitClause, ...).
export { BinaryExpression } from "./sql/elements/binary.js";
export type { Cast } from "./sql/elements/cast.js";
export { FunctionElement } from "./sql/elements/function.js";
export type { Operator } from "./sql/elements/operators.js";
export type { SelectBase } from "./sql/selectable/select-base.js";
export type { Select } from "./sql/selectable/select.js";
// Dialect-specific INSERT forms (upserts), for a dialect's own insert() and its compiler's hooks.
export { Insert, emptyInsertState, type InsertState } from "./sql/dml/insert.js";
export { OnConflictInsert, onConflictInsert, type OnConflictDoUpdateOptions } from "./sql/dml/on-conflict-insert.js";
export { OnDuplicateKeyInsert, onDuplicateKeyInsert, type InsertedColumns } from "./sql/dml/on-duplicate-key-insert.js";
export type { ConflictTargetOptions, OnConflictDoNothing, OnConflictDoUpdate } from "./sql/dml/on-conflict.js";
export type { InsertedColumn, OnDuplicateKeyUpdate } from "./sql/dml/on-duplicate-key.js";
export type { UpsertSyntax } from "./sql/compiler/upsert.js";
export { renderDistinctOn } from "./sql/compiler/distinct.js";
export { renderArrayBinary, renderJsonBinary } from "./sql/compiler/collections.js";
// The type classes, for a TypeCompiler's visit methods and a dialect's own types.
export {
  ArrayType,
  BigIntegerType,
  BooleanType,
  canonicalTime,
  canonicalUuid,
  DateTimeType,
  DateType,
  EnumType,
  FloatType,
  IntegerType,
  JSONType,
  type JSONValue,
  LargeBinaryType,
  NullTypeImpl,
  NumericType,
  plainDecimal,
  SmallIntegerType,
  StringType,
  TextType,
  TimeType,
  TypeDecorator,
  TypeEngine,
  TypeMismatchError,
  UuidType,
} from "./sql/types/index.js";
export { formatDateTimeUTC, formatDateUTC, parseDateTimeText } from "./sql/types/datetime-text.js";
// A dialect's own types get SQLAlchemy-style names (`JSONB`, `JSONB<T>()`) the way core's do.
export { typeName } from "./sql/types/type-name.js";
