import { Compiled, type PlaceholderSpec, type ResultColumn } from "../compiled.js";
import type { ClauseElement } from "../element.js";
import type { BinaryExpression } from "../elements/binary.js";
import type { BindParameter } from "../elements/bind-parameter.js";
import type { BooleanClauseList } from "../elements/boolean-clause-list.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { Label } from "../elements/label.js";
import { needsGrouping, type Operator } from "../elements/operators.js";
import type { UnaryExpression } from "../elements/unary.js";
import type { ColumnImpl } from "../schema/column.js";
import type { TableImpl } from "../schema/table.js";
import type { Select } from "../selectable/select.js";
import type { TextClause } from "../text.js";
import type { TypeDialect } from "../types/type-engine.js";
import { IdentifierPreparer } from "./identifier-preparer.js";
import { compileSelect } from "./select.js";
import { compileTextClause } from "./text.js";

/** How a driver spells positional parameters: `?`, `$1`, `%s` or `:name`. */
export type ParamStyle = "qmark" | "numeric_dollar" | "format" | "named";

/** What the compiler needs to know of a dialect. */
export interface CompilerDialect extends TypeDialect {
  readonly paramStyle: ParamStyle;
  /** Quoting rules for identifiers; ANSI double quotes by default. */
  readonly identifierPreparer: IdentifierPreparer;
}

/** What else decides a statement's SQL besides the statement itself. */
export interface CompileOptions {
  /** INSERT/UPDATE without explicit values: the parameter names the caller passes. */
  readonly columnKeys?: readonly string[];
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
  private readonly anonymousNames = new Map<BindParameter, string>();
  private readonly anonymousCounters = new Map<string, number>();
  /** Depth of nested SELECTs; result columns come from depth 1 only. */
  selectDepth = 0;

  constructor(
    readonly dialect: CompilerDialect,
    readonly options: CompileOptions = {},
  ) {}

  compile(element: ClauseElement): Compiled {
    const binds = element.bindParams;
    this.bindIndexes = new Map(binds.map((bind, index) => [bind, index]));
    const sql = this.process(element);
    return new Compiled(element, sql, this.placeholders, this.resultColumns, this.dialect);
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
    const { left, operator, right } = binary;
    return `${this.processAgainst(left, operator)} ${operator.sql} ${this.processAgainst(right, operator)}`;
  }

  visitBooleanClauseList(list: BooleanClauseList): string {
    return list.clauses.map((c) => this.processAgainst(c, list.operator)).join(` ${list.operator.sql} `);
  }

  visitUnary(unary: UnaryExpression): string {
    const operand = this.processAgainst(unary.element, unary.operator ?? (unary.modifier as Operator));
    if (unary.operator !== null) return `${unary.operator.sql} ${operand}`;
    return `${operand} ${unary.modifier?.sql ?? ""}`;
  }

  visitLabel(label: Label): string {
    return this.process(label.element);
  }

  visitNull(): string {
    return "NULL";
  }

  visitSelect(select: Select): string {
    return compileSelect(this, select);
  }

  /** An anonymous bind's name in this statement: `name_1`, `name_2`, ... */
  bindName(bind: BindParameter): string {
    if (!bind.anonymous) return bind.key;
    let name = this.anonymousNames.get(bind);
    if (name === undefined) {
      const n = (this.anonymousCounters.get(bind.key) ?? 0) + 1;
      this.anonymousCounters.set(bind.key, n);
      this.anonymousNames.set(bind, (name = `${bind.key}_${n}`));
    }
    return name;
  }

  /**
   * Records a placeholder at the next position and returns its text in the dialect's
   * parameter style. `bindIndex` is the bind's position in the statement's
   * `bindParams` (-1 when the value can only come from the caller's parameters).
   */
  bindPlaceholder(name: string, bindIndex: number, bind: BindParameter | null): string {
    const processor = bind === null ? null : bind.type.bindProcessor(this.dialect);
    this.placeholders.push({ name, bindIndex, processor });
    switch (this.dialect.paramStyle) {
      case "qmark":
        return "?";
      case "numeric_dollar":
        return `$${this.placeholders.length}`;
      case "format":
        return "%s";
      case "named":
        return `:${name}`;
    }
  }
}
