/**
 * The SQL layer: expressions, schema, statements, types, compilers. Loading this
 * module loads every element class (they register themselves; see elements/registry.ts).
 */
export { ClauseElement, Executable, type CacheKeyContext, type CompileTarget } from "./element.js";
export { BinaryExpression } from "./elements/binary.js";
export { BindParameter, bindparam, REQUIRED } from "./elements/bind-parameter.js";
export { and, BooleanClauseList, or } from "./elements/boolean-clause-list.js";
export { ColumnElement, type LikeOptions, type MatchOptions, type Operand, type ScalarSubqueryCoercible } from "./elements/column-element.js";
export { Label } from "./elements/label.js";
export { NULL, Null, null_ } from "./elements/literals.js";
export { operators, type Operator } from "./elements/operators.js";
export { not, UnaryExpression } from "./elements/unary.js";
export { Column, ColumnImpl, ColumnArgument, type AnyColumn, type ColumnOptions } from "./schema/column.js";
export { MetaData, type MetaDataOptions } from "./schema/metadata.js";
export { PrimaryKeyConstraint } from "./schema/primary-key.js";
export { CheckConstraint } from "./schema/check-constraint.js";
export { Constraint, type ColumnRef, type ConstraintOptions } from "./schema/constraint.js";
export { ForeignKey, type ForeignKeyOptions, type ReferentialAction } from "./schema/foreign-key.js";
export { ForeignKeyConstraint } from "./schema/foreign-key-constraint.js";
export { Index, type IndexExpression, type IndexOptions } from "./schema/table-index.js";
export { UniqueConstraint } from "./schema/unique-constraint.js";
export { DEFAULT_NAMING_CONVENTION, type ConventionKey, type NamingConvention } from "./schema/naming.js";
export { sortTables, type SortedTables } from "./schema/sort-tables.js";
export { DDLElement } from "./ddl/ddl-element.js";
export { CreateTable, DropTable } from "./ddl/table-ddl.js";
export { CreateIndex, DropIndex } from "./ddl/index-ddl.js";
export { AddConstraint, DropConstraint, type DropConstraintOptions } from "./ddl/constraint-ddl.js";
export { CreateSequence, DropSequence } from "./ddl/sequence-ddl.js";
export { SetColumnComment, SetTableComment } from "./ddl/comment-ddl.js";
export { Sequence, SequenceImpl, type SequenceOptions } from "./schema/sequence.js";
export { NextValue } from "./elements/next-value.js";
export type { CreateDropOptions, DDLBind, SchemaDDLRequest } from "./ddl/schema-ddl-request.js";
export type { ReflectBind, ReflectionRequest, ReflectOptions } from "./schema/reflect-request.js";
export { Table, TableImpl, type ColumnCollection, type TableOptions } from "./schema/table.js";
export type { DialectOptionSpec, DialectOptionValues, DialectTableOptions } from "./schema/dialect-options.js";
export { TableArgument } from "./schema/table-argument.js";
export { FromClause } from "./selectable/from-clause.js";
export { select, Select, type SelectItem, type SelectMapping, type SelectTuple } from "./selectable/select.js";
export { SelectBase, type FirstColumn, type OrderByItem, type RowLimiting } from "./selectable/select-base.js";
export { alias, Alias, type AliasOf } from "./selectable/alias.js";
export { ColumnProxy, type ColumnName } from "./selectable/column-proxy.js";
export {
  CompoundSelect,
  except_,
  except_ as except,
  exceptAll,
  intersect,
  intersectAll,
  union,
  unionAll,
  type CompoundKeyword,
} from "./selectable/compound-select.js";
export { CTE, type CTEOptions } from "./selectable/cte.js";
export { exists, Exists } from "./selectable/exists.js";
export { join, Join, outerjoin, type JoinOptions } from "./selectable/join.js";
export { NamedFromClause, type ProxyCollection } from "./selectable/named-from-clause.js";
export { ScalarSelect } from "./selectable/scalar-select.js";
export { Subquery } from "./selectable/subquery.js";
export { case_, case_ as case, Case, type CaseOptions, type CaseValue, type When } from "./elements/case.js";
export { cast, Cast } from "./elements/cast.js";
export { ExpressionList } from "./elements/expression-list.js";
export { func, type ArgumentValue, type FunctionArgument, type FunctionNamespace, type GenericFunction, type KnownFunctions } from "./elements/func.js";
export { FunctionElement } from "./elements/function.js";
export { LabelReference } from "./elements/label-reference.js";
export { false_, False_, literal, literalColumn, LiteralColumn, true_, True_ } from "./elements/literal.js";
export { asc, desc, distinct, nullsFirst, nullsLast } from "./elements/order-by.js";
export { Over, type FrameBound, type WindowSpec } from "./elements/over.js";
export { text, TextClause } from "./text.js";
export { insert, Insert, type InsertFromSelect } from "./dml/insert.js";
export { update, Update } from "./dml/update.js";
export { delete_, delete_ as delete, Delete } from "./dml/delete.js";
export { DMLStatement, type ReturningItem, type ReturningOptions } from "./dml/dml-statement.js";
export type { ValuesOf } from "./dml/values.js";
export type { CompiledDML, DefaultFunction } from "./dml/compiled-dml.js";
export { BindParameterError, Compiled, type PlaceholderSpec, type ResultColumn } from "./compiled.js";
export { BindTypeError } from "./bind-type-error.js";
export { TypeCompiler } from "./compiler/type-compiler.js";
export { DDLCompiler, type DDLCompilerClass, type DDLVisitable } from "./compiler/ddl-compiler.js";
export { IdentifierPreparer, ANSI_RESERVED_WORDS } from "./compiler/identifier-preparer.js";
export { SQLCompiler, type CompileOptions, type CompilerDialect, type ParamStyle } from "./compiler/sql-compiler.js";
export { strDialect } from "./compiler/str-dialect.js";
export * from "./types/index.js";
