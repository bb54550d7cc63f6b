import type { Compiled, PlaceholderSpec, ResultColumn } from "../compiled.js";
import type { ClauseElement } from "../element.js";
import type { BinaryExpression } from "../elements/binary.js";
import type { BindParameter } from "../elements/bind-parameter.js";
import type { BooleanClauseList } from "../elements/boolean-clause-list.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { Label } from "../elements/label.js";
import { needsGrouping, operators, type Operator } from "../elements/operators.js";
import type { UnaryExpression } from "../elements/unary.js";
import type { ColumnImpl } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import type { Select } from "../selectable/select.js";
import type { TextClause } from "../text.js";
import type { DDLElement } from "../ddl/ddl-element.js";
import type { CompiledDML } from "../dml/compiled-dml.js";
import type { Delete } from "../dml/delete.js";
import type { Insert } from "../dml/insert.js";
import type { Update } from "../dml/update.js";
import type { TypeDialect, TypeEngine } from "../types/type-engine.js";
import { AnonymousNames } from "./anonymous-names.js";
import { IdentifierPreparer } from "./identifier-preparer.js";
import type { KeyedUpdateParts } from "./keyed-update.js";
import type { TypeCompiler } from "./type-compiler.js";
import { compileDelete, compileInsert, compileUpdate } from "./dml.js";
import { compileDDL, type DDLCompilerClass } from "./ddl-compiler.js";
import { compileSelect } from "./select.js";
import { compileTextClause } from "./text.js";
import type { OnConflictDoNothing, OnConflictDoUpdate } from "../dml/on-conflict.js";
import type { InsertedColumn, OnDuplicateKeyUpdate } from "../dml/on-duplicate-key.js";
import {
  compileInsertedColumn,
  compileOnConflictDoNothing,
  compileOnConflictDoUpdate,
  compileOnDuplicateKeyUpdate,
  type UpsertSyntax,
} from "./upsert.js";
import { distinctClause } from "./distinct.js";
import type { Case } from "../elements/case.js";
import type { Cast } from "../elements/cast.js";
import type { ExpressionList } from "../elements/expression-list.js";
import type { FunctionElement } from "../elements/function.js";
import type { LabelReference } from "../elements/label-reference.js";
import type { LiteralColumn } from "../elements/literal.js";
import type { NextValue } from "../elements/next-value.js";
import type { Over } from "../elements/over.js";
import type { ColumnProxy } from "../selectable/column-proxy.js";
import type { CompoundSelect } from "../selectable/compound-select.js";
import type { Exists } from "../selectable/exists.js";
import type { Join } from "../selectable/join.js";
import type { NamedFromClause } from "../selectable/named-from-clause.js";
import type { ScalarSelect } from "../selectable/scalar-select.js";
import type { SelectBase } from "../selectable/select-base.js";
import type { SequenceImpl } from "../schema/sequence.js";
import {
  compileBetween,
  compileBinary,
  compileConcat,
  compileFloordiv,
  compileIlike,
  compileIn,
  compileLike,
  compileMod,
  compileTruediv,
  emptySetExpression,
} from "./binary.js";
import { dialectSupports } from "./capabilities.js";
import { compileArrayBinary, compileJsonBinary } from "./collections.js";
import { compileCompoundSelect } from "./compound-select.js";
import { compileCase, compileCast, compileExpressionList, compileLiteralColumn, compileUnary } from "./expressions.js";
import {
  compileAliasedElement,
  compileAliasedFrom,
  compileColumnProxy,
  compileExists,
  compileJoin,
  compileScalarSelect,
} from "./from.js";
import { compileFunction, compileOver } from "./functions.js";
import { bindConstant, limitClause } from "./limit.js";
import { buildCompiled, expandingPlaceholder, needsPositionMarkers, placeholderText, positionMarker } from "./placeholders.js";
import type { SelectScope } from "./select-scope.js";
import { compileNextValue, formatSequence } from "./sequences.js";

/** How a driver spells positional parameters: `?`, `$1`, `%s` or `:name`. */
export type ParamStyle = "qmark" | "numeric_dollar" | "format" | "named";

/** What the compiler needs to know of a dialect. */
export interface CompilerDialect extends TypeDialect {
  readonly paramStyle: ParamStyle;
  /** Quoting rules for identifiers; ANSI double quotes by default. */
  readonly identifierPreparer: IdentifierPreparer;
  /** Renders types as DDL: `typeCompiler.process(type)` → `VARCHAR(30)`. */
  readonly typeCompiler: TypeCompiler;
  /** Compiles CREATE/DROP/ALTER statements; the base DDLCompiler when absent. */
  readonly ddlCompiler?: DDLCompilerClass;
}

/** What else decides a statement's SQL besides the statement itself. */
export interface CompileOptions {
  /** INSERT/UPDATE without explicit values: the parameter names the caller passes. */
  readonly columnKeys?: readonly string[];
  /** DML run with many parameter sets: an INSERT adds no RETURNING of its own to learn its primary key. */
  readonly forExecutemany?: boolean;
  /** insertmanyvalues: an INSERT's VALUES row is rendered this many times, one per row of a batch. */
  readonly insertmanyvaluesRows?: number;
  /** An UPDATE by primary key run for this many parameter sets as one statement (keyed-update.ts). */
  readonly keyedUpdateRows?: number;
}

/**
 * Compiles one statement to SQL text for one dialect. A dialect subclasses it and
 * overrides hooks (placeholders, quoting, statement forms); it never branches on a
 * dialect's name. Each visit method is one line; the work is in the module of the
 * construct it compiles (select.ts, text.ts, ...).
 */
export class SQLCompiler {
  readonly placeholders: PlaceholderSpec[] = [];
  /** Result columns of the outermost SELECT (or RETURNING), for building rows. */
  resultColumns: ResultColumn[] | null = null;
  private bindIndexes: Map<BindParameter, number> | null = null;
  private readonly anonymousNames = new AnonymousNames();
  /** Placeholders are written as markers and rendered at the end (see placeholders.ts). */
  private markPositions = false;
  /** The placeholders written as markers, by marker number (placeholders.ts); null when none is. */
  markedPlaceholders: PlaceholderSpec[] | null = null;
  /** Depth of nested SELECTs; result columns come from depth 1 only. */
  selectDepth = 0;
  /** The compile state of SELECTs (select-scope.ts `scopeOf`), made by the first SELECT. */
  selectScope: SelectScope | null = null;
  /** What an INSERT/UPDATE/DELETE leaves the engine (defaults, primary key, batching); see dml.ts. */
  dml: CompiledDML | null = null;
  /** Hook: RETURNING names columns with their table (`RETURNING t.id`); SQLite's says `RETURNING id`. */
  readonly returningIncludesTable: boolean = true;
  /** Hook: what follows `INSERT INTO t` when no column is given; MySQL's is `() VALUES ()`. */
  readonly emptyInsertClause: string = "DEFAULT VALUES";
  /** Hook: the upsert clauses the database takes (compiler/upsert.ts); others are a CompileError. */
  readonly upsertSyntax: readonly UpsertSyntax[] = [];
  /** Compiles for display (`String(stmt)`): every dialect's construct renders in its own form instead of raising. */
  readonly displayOnly: boolean = false;
  /** The row alias an ON DUPLICATE KEY UPDATE is being written under (`new`), while it is. */
  insertedRowAlias: string | null = null;

  constructor(
    readonly dialect: CompilerDialect,
    readonly options: CompileOptions = {},
  ) {}

  compile(element: ClauseElement): Compiled {
    const binds = element.bindParams;
    const bindIndexes = new Map<BindParameter, number>();
    for (let i = 0; i < binds.length; i++) bindIndexes.set(binds[i] as BindParameter, i);
    this.bindIndexes = bindIndexes;
    this.markPositions = needsPositionMarkers(this.dialect.paramStyle, binds);
    const sql = this.process(element);
    const compiled = buildCompiled(this, element, sql);
    compiled.dml = this.dml;
    return compiled;
  }

  process(element: ClauseElement): string {
    return element.compilerDispatch(this);
  }

  /** Compiles an operand of `outer`, in parentheses when precedence requires them. */
  processAgainst(element: ColumnElement<unknown>, outer: Operator): string {
    const sql = this.process(element);
    const inner = (element as { operator?: Operator | null }).operator;
    return inner != null && needsGrouping(inner, outer) ? `(${sql})` : sql;
  }

  quote(identifier: string): string {
    return this.dialect.identifierPreparer.quote(identifier);
  }

  visitTextClause(element: TextClause): string {
    return compileTextClause(this, element);
  }

  visitBindParameter(bind: BindParameter): string {
    return this.bindPlaceholder(this.bindName(bind), this.bindIndexes?.get(bind) ?? -1, bind);
  }

  visitColumn(column: ColumnImpl<string, unknown, boolean>): string {
    const name = this.quote(column.name);
    return column.table === null ? name : `${this.quote(column.table.name)}.${name}`;
  }

  visitTable(table: TableImpl): string {
    const name = this.quote(table.name);
    return table.schema === null ? name : `${this.quote(table.schema)}.${name}`;
  }

  visitBinary(binary: BinaryExpression): string {
    return compileBinary(this, binary);
  }

  visitBooleanClauseList(list: BooleanClauseList): string {
    const { clauses, operator } = list;
    let sql = "";
    for (let i = 0; i < clauses.length; i++) {
      if (i > 0) sql += ` ${operator.sql} `;
      sql += this.processAgainst(clauses[i] as ColumnElement<unknown>, operator);
    }
    return sql;
  }

  visitUnary(unary: UnaryExpression): string {
    return compileUnary(this, unary);
  }

  visitLabel(label: Label): string {
    return this.process(label.element);
  }

  visitNull(): string {
    return "NULL";
  }

  visitDDL(element: DDLElement): string {
    return compileDDL(this, element);
  }

  visitSelect(select: Select): string {
    return compileSelect(this, select);
  }

  visitCompoundSelect(compound: CompoundSelect): string {
    return compileCompoundSelect(this, compound);
  }

  visitScalarSelect(scalar: ScalarSelect): string {
    return compileScalarSelect(this, scalar);
  }

  visitExists(exists: Exists): string {
    return compileExists(this, exists);
  }

  visitJoin(join: Join): string {
    return compileJoin(this, join);
  }

  /** An alias, subquery or CTE in a FROM list (`x AS name`); on its own, what it aliases. */
  visitAliasedFrom(from: NamedFromClause): string {
    return compileAliasedFrom(this, from);
  }

  visitAliasedElement(from: NamedFromClause): string {
    return compileAliasedElement(this, from);
  }

  visitColumnProxy(column: ColumnProxy): string {
    return compileColumnProxy(this, column);
  }

  /** A selected label referred to by name (`ORDER BY total`). */
  visitLabelReference(reference: LabelReference): string {
    return this.quote(reference.target.name);
  }

  visitExpressionList(list: ExpressionList): string {
    return compileExpressionList(this, list);
  }

  visitLiteralColumn(column: LiteralColumn): string {
    return compileLiteralColumn(this, column);
  }

  visitCast(cast: Cast): string {
    return compileCast(this, cast);
  }

  visitCase(element: Case): string {
    return compileCase(this, element);
  }

  visitFunction(fn: FunctionElement): string {
    return compileFunction(this, fn);
  }

  visitOver(over: Over): string {
    return compileOver(this, over);
  }

  /** `sequence.nextValue()`: see `renderNextValue`; a CompileError without sequences. */
  visitNextValue(next: NextValue): string {
    return compileNextValue(this, next);
  }

  /**
   * Whether the database has sequences (`capabilities.sequences`): a column's Sequence
   * is then its INSERT value; without, it is ignored, as SQLAlchemy ignores it.
   */
  get supportsSequences(): boolean {
    return dialectSupports(this.dialect, "sequences");
  }

  /** Hook: a sequence's next value, `NEXT VALUE FOR s` (SQL standard, MariaDB); PostgreSQL's is `nextval('s')`. */
  renderNextValue(sequence: SequenceImpl): string {
    return `NEXT VALUE FOR ${this.formatSequence(sequence)}`;
  }

  /** `schema.sequence`, quoted where needed. */
  formatSequence(sequence: SequenceImpl): string {
    return formatSequence(this.dialect, sequence);
  }

  /** Hook: SQL `true`; databases without boolean literals say `1` (SQLite). */
  visitTrue(): string {
    return "true";
  }

  /** Hook: SQL `false`; `0` where there are no boolean literals. */
  visitFalse(): string {
    return "false";
  }

  /** Hook: `a IN (...)`, `(a NOT IN (...))`. */
  visitInBinary(binary: BinaryExpression): string {
    return compileIn(this, binary);
  }

  /** Hook: LIKE, and startsWith/endsWith/contains built on it. */
  visitLikeBinary(binary: BinaryExpression): string {
    return compileLike(this, binary);
  }

  /** Hook: case-insensitive LIKE, `lower(a) LIKE lower(b)`; PostgreSQL overrides with ILIKE. */
  visitIlikeBinary(binary: BinaryExpression): string {
    return compileIlike(this, binary);
  }

  visitBetweenBinary(binary: BinaryExpression): string {
    return compileBetween(this, binary);
  }

  /** Hook: true division (`a / CAST(b AS NUMERIC)` where `/` floors); SQLite's is `a / (b + 0.0)`. */
  visitTruedivBinary(binary: BinaryExpression): string {
    return compileTruediv(this, binary);
  }

  visitFloordivBinary(binary: BinaryExpression): string {
    return compileFloordiv(this, binary);
  }

  visitModBinary(binary: BinaryExpression): string {
    return compileMod(this, binary);
  }

  /** Hook: string concatenation of two expressions; see `renderConcat`. */
  visitConcatBinary(binary: BinaryExpression): string {
    return compileConcat(this, binary);
  }

  /** Hook: ARRAY operators (`@>`, `= ANY (a)`, `a[i]`): PostgreSQL's, a CompileError elsewhere (collections.ts). */
  visitArrayBinary(binary: BinaryExpression): string {
    return compileArrayBinary(this, binary);
  }

  /** Hook: JSON operators (`a -> k`, `a ->> k`, JSONB `@>`): PostgreSQL's, a CompileError elsewhere. */
  visitJsonBinary(binary: BinaryExpression): string {
    return compileJsonBinary(this, binary);
  }

  /** Hook: concatenation of two compiled operands: `a || b`; MySQL's is `concat(a, b)`. */
  renderConcat(left: string, right: string): string {
    return `${left} || ${right}`;
  }

  /** Hook: the database's `/` floors integer division (so true division casts the divisor). */
  get divisionFloors(): boolean {
    return true;
  }

  /**
   * Hook: the content of an expanding IN's parentheses for an empty list; SQLite's
   * is `SELECT 1 FROM (SELECT 1) WHERE 1!=1`.
   */
  emptySetExpression(operator: Operator): string {
    return emptySetExpression(operator);
  }

  /** Hook: a dialect's own rendering of a SQL function (`now()` as CURRENT_TIMESTAMP), or null. */
  renderFunction(_fn: FunctionElement): string | null {
    return null;
  }

  /** Hook: `\n LIMIT :param_1 OFFSET :param_2` (`LIMIT -1` when only OFFSET is given). */
  limitClause(select: SelectBase): string {
    return limitClause(this, select);
  }

  /**
   * For hooks: a value the compiler itself adds to the statement (SQLite's `LIMIT -1`),
   * bound as a parameter (`:param_1`), never written into the SQL.
   */
  bindConstant(value: number | string): string {
    return bindConstant(this, value);
  }

  /** Hook: what a SELECT without FROM items ends with (Oracle's ` FROM DUAL`). */
  defaultFrom(): string {
    return "";
  }

  /** Hook: `WITH` or `WITH RECURSIVE`. */
  ctePreamble(recursive: boolean): string {
    return recursive ? "WITH RECURSIVE" : "WITH";
  }

  /** Hook: what follows a FROM item to name it: ` AS u`. */
  aliasSuffix(name: string): string {
    return ` AS ${name}`;
  }

  /** Hook: a string as a SQL literal, for LIKE's ESCAPE: `'/'`. */
  renderLiteralString(value: string): string {
    return `'${value.replaceAll("'", "''")}'`;
  }

  /** SQL text written into the statement (a literal column, `%`), with `%` doubled for `%s` parameters. */
  escapeLiteralColumn(text: string): string {
    return this.dialect.paramStyle === "format" ? text.replaceAll("%", "%%") : text;
  }

  /** The position of a bound parameter in the statement's `bindParams` (-1 if it has none). */
  bindIndexOf(bind: BindParameter): number {
    return this.bindIndexes?.get(bind) ?? -1;
  }

  /**
   * A name numbered per base within this statement (`name_1`, `count_2`, `anon_1`),
   * the same each time for the same key. Bound parameters, labels and aliases share
   * the counters, as in SQLAlchemy: `concat(:concat_2, :concat_3) AS concat_1`.
   */
  anonymousName(key: object, base: string): string {
    return this.anonymousNames.name(key, base);
  }

  /** Hook: `AS new ON DUPLICATE KEY UPDATE ... new.x` instead of `VALUES(x)` (MySQL 8.0.20+). */
  get upsertRowAlias(): boolean {
    return false;
  }

  /** Hook: what comes between an INSERT's VALUES (or SELECT) and RETURNING: the statement's upsert clause. */
  insertOnConflictClause(insert: Insert): string {
    const clause = insert.onConflictClause;
    return clause === null ? "" : ` ${this.process(clause)}`;
  }

  visitOnConflictDoNothing(clause: OnConflictDoNothing): string {
    return compileOnConflictDoNothing(this, clause);
  }

  visitOnConflictDoUpdate(clause: OnConflictDoUpdate): string {
    return compileOnConflictDoUpdate(this, clause);
  }

  visitOnDuplicateKeyUpdate(clause: OnDuplicateKeyUpdate): string {
    return compileOnDuplicateKeyUpdate(this, clause);
  }

  visitInsertedColumn(column: InsertedColumn): string {
    return compileInsertedColumn(this, column);
  }

  /**
   * Hook: what follows SELECT for `distinct()`: `DISTINCT `, or for `distinct(expr, ...)`
   * PostgreSQL's `DISTINCT ON (expr) ` (a CompileError elsewhere).
   */
  distinctClause(select: Select): string {
    return distinctClause(this, select);
  }

  visitInsert(insert: Insert): string {
    return compileInsert(this, insert);
  }

  visitUpdate(update: Update): string {
    return compileUpdate(this, update);
  }

  visitDelete(del: Delete): string {
    return compileDelete(this, del);
  }

  /** An anonymous bind's name in this statement: `name_1`, `name_2`, ... */
  bindName(bind: BindParameter): string {
    return bind.anonymous ? this.anonymousName(bind, bind.key) : bind.key;
  }

  /**
   * Hook: UPDATEs by primary key with many parameter sets may run a page of sets as
   * one statement (keyed-update.ts), arranged by `keyedUpdateSql`. Off by default.
   */
  readonly keyedUpdates: boolean = false;

  /**
   * Hook: the batched UPDATE of keyed-update.ts from its parts. The default is the
   * `UPDATE t SET a=_v.p0 FROM (VALUES (...), (...)) AS _v (p0, p1) WHERE t.id = _v.p1`
   * form of PostgreSQL (and SQLite 3.33+).
   */
  keyedUpdateSql(parts: KeyedUpdateParts): string {
    const rows = parts.rows.map((row) => `(${row.join(", ")})`).join(", ");
    return `UPDATE ${parts.table} SET ${parts.set} FROM (VALUES ${rows}) AS ${parts.alias} (${parts.columns.join(", ")}) WHERE ${parts.where}`;
  }

  /**
   * Hook: a placeholder in the values of a batched UPDATE, assigned to or (`key`)
   * compared with a column of `type`; a dialect casts it where the database cannot
   * infer the type of a value in a derived table.
   */
  keyedUpdateValue(placeholder: string, _type: TypeEngine<unknown>, _key: boolean): string {
    return placeholder;
  }

  /**
   * Records a placeholder at the next position and returns its text in the dialect's
   * parameter style. `bindIndex` is the bind's position in the statement's
   * `bindParams` (-1 when the value can only come from the caller's parameters).
   */
  bindPlaceholder(name: string, bindIndex: number, bind: BindParameter | null): string {
    if (bind?.expanding) return expandingPlaceholder(this, name, bindIndex, bind, operators.in);
    const processor = bind === null ? null : bind.type.bindProcessor(this.dialect);
    // A bind the compiler made itself (not in the statement's bindParams) carries its own value.
    const constant = bindIndex < 0 && bind !== null && !bind.required;
    const spec: PlaceholderSpec = constant ? { name, bindIndex, processor, constant: { value: bind.value } } : { name, bindIndex, processor };
    this.placeholders.push(spec);
    if (this.markPositions) return positionMarker(this, spec);
    return placeholderText(this.dialect.paramStyle, name, this.placeholders.length);
  }
}
