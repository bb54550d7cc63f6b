import { ArgumentError } from "../errors.js";
import type { SQLCompiler } from "./compiler/sql-compiler.js";
import { Executable, type CacheKeyContext } from "./element.js";
import { BindParameter, REQUIRED } from "./elements/bind-parameter.js";
import { resolveType, type TypeArg, type TypeEngine, type ValueOf } from "./types/index.js";

/** `:name` not preceded by a word character, a colon or a backslash, and not a `::` cast. */
const BIND_PATTERN = /(?<![:\w\\]):(\w+)(?!:)/g;
const ESCAPED_COLON = /\\:/g;

export type ColumnTypes = Readonly<Record<string, TypeEngine<unknown>>>;
/** Result column types as given to `.columns()`: instances or bare type names. */
export type ColumnTypeArgs = Readonly<Record<string, TypeArg>>;

/**
 * Literal SQL with `:name` bound parameters, as SQLAlchemy's `text()`.
 * Write `\\:` for a literal colon followed by a word.
 *
 * @example
 * const stmt = text("SELECT x, y FROM some_table WHERE y > :y");
 * await conn.execute(stmt, { y: 6 });
 */
export class TextClause<
  R extends Record<string, unknown> = Record<string, unknown>,
> extends Executable<R> {
  /** The bound parameter names, each once, in order of first appearance. */
  readonly bindNames: readonly string[];
  private readonly key: string;
  private readonly binds: readonly BindParameter[];

  constructor(
    readonly text: string,
    /** Result column types declared with `.columns()`, or null. */
    readonly columnTypes: ColumnTypes | null = null,
  ) {
    super();
    if (typeof text !== "string") {
      throw new ArgumentError(`text() takes a SQL string, got ${typeof text}: text("SELECT ...")`);
    }
    this.bindNames = [...new Set(Array.from(text.matchAll(BIND_PATTERN), (m) => m[1] as string))];
    this.binds = this.bindNames.map((name) => new BindParameter(name, REQUIRED));
    this.key = columnTypes === null ? `text\u0000${text}` : `text\u0000${text}\u0000${typesKey(columnTypes)}`;
  }

  /**
   * Declares the types of result columns by name, so their values are converted
   * (booleans and dates on SQLite, for instance) and rows are typed.
   *
   * @example
   * text("SELECT ok, at FROM t").columns({ ok: Boolean, at: DateTime })
   */
  columns<C extends ColumnTypeArgs>(types: C): TextClause<{ [K in keyof C]: ValueOf<C[K]> | null }> {
    const resolved: Record<string, TypeEngine<unknown>> = { ...this.columnTypes };
    for (const [name, type] of Object.entries(types)) resolved[name] = resolveType(type);
    return new TextClause(this.text, resolved);
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += this.key;
    ctx.binds.push(...this.binds);
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitTextClause(this);
  }

}

function typesKey(types: ColumnTypes): string {
  return Object.entries(types)
    .map(([name, type]) => `${name}:${type.cacheKey}`)
    .join(",");
}

/** Replaces each `:name` with what `placeholder(name)` returns and unescapes `\:`. */
export function renderTextBinds(sql: string, placeholder: (name: string) => string): string {
  return sql.replace(BIND_PATTERN, (_match, name: string) => placeholder(name)).replace(ESCAPED_COLON, ":");
}

/**
 * Literal SQL with `:name` bound parameters. Give the row shape as a type argument
 * to type the rows: `text<{ x: number; y: number }>("SELECT x, y FROM t")`.
 */
export function text<R extends Record<string, unknown> = Record<string, unknown>>(sql: string): TextClause<R> {
  return new TextClause<R>(sql);
}
