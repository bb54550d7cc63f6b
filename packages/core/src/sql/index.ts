/**
 * The SQL layer: expressions, schema, statements, types, compilers. Loading this
 * module loads every element class (they register themselves; see elements/registry.ts).
 */
export { ClauseElement, Executable, type CacheKeyContext, type CompileTarget } from "./element.js";
export { BinaryExpression } from "./elements/binary.js";
export { BindParameter, bindparam, REQUIRED } from "./elements/bind-parameter.js";
export { and, BooleanClauseList, or } from "./elements/boolean-clause-list.js";
export { ColumnElement, type Operand } from "./elements/column-element.js";
export { Label } from "./elements/label.js";
export { NULL, Null, null_ } from "./elements/literals.js";
export { operators, type Operator } from "./elements/operators.js";
export { not, UnaryExpression } from "./elements/unary.js";
export { Column, ColumnImpl, ColumnArgument, type AnyColumn, type ColumnOptions } from "./schema/column.js";
export { MetaData } from "./schema/metadata.js";
export { PrimaryKeyConstraint } from "./schema/primary-key.js";
export { Table, TableImpl, type ColumnCollection, type TableOptions } from "./schema/table.js";
export { TableArgument } from "./schema/table-argument.js";
export { FromClause } from "./selectable/from-clause.js";
export { select, Select, type SelectItem, type SelectMapping, type SelectTuple } from "./selectable/select.js";
export { text, TextClause } from "./text.js";
export { BindParameterError, Compiled, type PlaceholderSpec, type ResultColumn } from "./compiled.js";
export { IdentifierPreparer, ANSI_RESERVED_WORDS } from "./compiler/identifier-preparer.js";
export { SQLCompiler, type CompileOptions, type CompilerDialect, type ParamStyle } from "./compiler/sql-compiler.js";
export { strDialect } from "./compiler/str-dialect.js";
export * from "./types/index.js";
