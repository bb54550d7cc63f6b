import { Compiled, type PlaceholderSpec } from "../compiled.js";
import type { ClauseElement } from "../element.js";
import type { BindParameter } from "../elements/bind-parameter.js";
import type { Operator } from "../elements/operators.js";
import type { ParamStyle, SQLCompiler } from "./sql-compiler.js";

/**
 * Placeholders whose text is decided after the whole statement is compiled:
 *
 * - expanding parameters (`x IN (...)` with a list) become one placeholder per value
 *   at execution, so the SQL depends on the list lengths;
 * - with numbered placeholders (`$1`, PostgreSQL) the numbers follow the final text
 *   order, which differs from compile order when a CTE's body is hoisted into `WITH`.
 *
 * The compiler then writes a marker per placeholder, and `buildCompiled` turns the
 * markers into the SQL (`__[POSTCOMPILE_x_1]` for expanding ones, as SQLAlchemy shows
 * them) and keeps the pieces so each execution can expand cheaply.
 */

const MARKER = "\u0000";
const DIGITS = /^\d+$/;

/** Whether a statement needs markers: it has an expanding parameter, or placeholders are numbered. */
export function needsPositionMarkers(paramStyle: ParamStyle, binds: readonly BindParameter[]): boolean {
  return paramStyle === "numeric_dollar" || binds.some((b) => b.expanding);
}

/** Records a placeholder and returns its marker. */
export function positionMarker(compiler: SQLCompiler, spec: PlaceholderSpec): string {
  const specs = (compiler.markedPlaceholders ??= []);
  specs.push(spec);
  return `${MARKER}${specs.length - 1}${MARKER}`;
}

/**
 * An expanding parameter: `(__[POSTCOMPILE_name])`, expanded at execution into
 * `(?, ?, ?)`, or for an empty list into the dialect's empty-set expression.
 */
export function expandingPlaceholder(
  compiler: SQLCompiler,
  name: string,
  bindIndex: number,
  bind: BindParameter,
  operator: Operator,
): string {
  const spec: PlaceholderSpec = {
    name,
    bindIndex,
    processor: bind.type.bindProcessor(compiler.dialect),
    expanding: { emptySet: compiler.emptySetExpression(operator) },
  };
  compiler.placeholders.push(spec);
  return `(${positionMarker(compiler, spec)})`;
}

/** One placeholder's text in a parameter style; `position` counts from 1. */
export function placeholderText(paramStyle: ParamStyle, name: string, position: number): string {
  switch (paramStyle) {
    case "qmark":
      return "?";
    case "numeric_dollar":
      return `$${position}`;
    case "format":
      return "%s";
    case "named":
      return `:${name}`;
  }
}

/** The compiled statement; with markers, the final SQL and the pieces for expansion. */
export function buildCompiled(compiler: SQLCompiler, element: ClauseElement, sql: string): Compiled {
  const specs = compiler.markedPlaceholders;
  const dialect = compiler.dialect;
  if (specs === null) return new Compiled(element, sql, compiler.placeholders, compiler.resultColumns, dialect);
  // Only an expanding statement keeps the text between its placeholders.
  const segments: string[] | null = specs.some((p) => p.expanding) ? [] : null;
  const ordered: PlaceholderSpec[] = [];
  let text = "";
  // A scan for `\0<n>\0` rather than a split on a pattern: this runs at every compile for
  // numbered placeholders. Text between two marker characters that is not a number stays.
  let segmentStart = 0;
  let open = sql.indexOf(MARKER);
  while (open >= 0) {
    const close = sql.indexOf(MARKER, open + 1);
    if (close < 0) break;
    const index = sql.slice(open + 1, close);
    if (!DIGITS.test(index)) {
      open = close;
      continue;
    }
    const segment = sql.slice(segmentStart, open);
    segments?.push(segment);
    text += segment;
    const spec = specs[Number(index)] as PlaceholderSpec;
    ordered.push(spec);
    text += spec.expanding ? `__[POSTCOMPILE_${spec.name}]` : placeholderText(dialect.paramStyle, spec.name, ordered.length);
    segmentStart = close + 1;
    open = sql.indexOf(MARKER, segmentStart);
  }
  const rest = sql.slice(segmentStart);
  segments?.push(rest);
  text += rest;
  const expansion = segments !== null && ordered.some((p) => p.expanding) ? new Expansion(segments, ordered, dialect.paramStyle) : null;
  return new Compiled(element, text, ordered, compiler.resultColumns, dialect, expansion);
}

/** The SQL of an expanding statement for the list lengths of one execution. */
export class Expansion {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly segments: readonly string[],
    private readonly placeholders: readonly PlaceholderSpec[],
    private readonly paramStyle: ParamStyle,
  ) {}

  /**
   * The SQL and flat parameter list for `values` (in placeholder order, each expanding
   * parameter's value a list). Statements of equal list lengths share their SQL.
   */
  expand(values: readonly unknown[]): { sql: string; values: unknown[] } {
    const flat: unknown[] = [];
    let signature = "";
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if ((this.placeholders[i] as PlaceholderSpec).expanding) {
        const list = value as readonly unknown[];
        signature += `${list.length},`;
        for (const item of list) flat.push(item);
      } else flat.push(value);
    }
    let sql = this.cache.get(signature);
    if (sql === undefined) {
      sql = this.render(values);
      if (this.cache.size >= 64) this.cache.clear();
      this.cache.set(signature, sql);
    }
    return { sql, values: flat };
  }

  private render(values: readonly unknown[]): string {
    let sql = this.segments[0] as string;
    let position = 0;
    for (let i = 0; i < this.placeholders.length; i++) {
      const spec = this.placeholders[i] as PlaceholderSpec;
      if (spec.expanding) {
        const list = values[i] as readonly unknown[];
        if (list.length === 0) sql += spec.expanding.emptySet;
        else sql += list.map((_, j) => placeholderText(this.paramStyle, `${spec.name}_${j + 1}`, ++position)).join(", ");
      } else sql += placeholderText(this.paramStyle, spec.name, ++position);
      sql += this.segments[i + 1] as string;
    }
    return sql;
  }
}
