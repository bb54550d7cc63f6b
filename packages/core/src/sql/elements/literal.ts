import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { BooleanType, DateTimeType, FloatType, IntegerType, NullType, StringType } from "../types/index.js";
import type { TypeArg, TypeEngine } from "../types/type-engine.js";
import { resolveType } from "../types/type-engine.js";
import { BindParameter } from "./bind-parameter.js";
import { ColumnElement } from "./column-element.js";

const INTEGER = new IntegerType();
const FLOAT = new FloatType();
const STRING = new StringType();
const BOOLEAN = new BooleanType();
const DATETIME = new DateTimeType();
const NULLTYPE = new NullType();

/** The SQL type a plain JavaScript value suggests, as SQLAlchemy's `_resolve_value_to_type`. */
export function typeForValue(value: unknown): TypeEngine<unknown> {
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? INTEGER : FLOAT;
    case "bigint":
      return INTEGER;
    case "string":
      return STRING;
    case "boolean":
      return BOOLEAN;
    default:
      return value instanceof globalThis.Date ? DATETIME : NULLTYPE;
  }
}

/** The TypeScript type of a literal: numbers stay numbers, string literals widen to string. */
export type Widen<V> = V extends string ? string : V extends number ? number : V extends boolean ? boolean : V;

/**
 * A value bound as a parameter where SQL needs an expression, as SQLAlchemy's
 * `literal()`: `select(literal(1))` is `SELECT :param_1 AS anon_1`. The value is never
 * rendered into the SQL text.
 *
 * @example
 * select(literal("x").label("tag"), users.c.name)
 */
export function literal<V>(value: V, type?: TypeArg<Widen<V>>): BindParameter<Widen<V>> {
  const resolved = type === undefined ? typeForValue(value) : resolveType(type);
  return new BindParameter<Widen<V>>("param", value as unknown as Widen<V>, resolved, true);
}

/**
 * SQL text used as a column expression, as SQLAlchemy's `literal_column()`: rendered
 * as written, never quoted. Only for trusted text, such as `'*'` or a computed name.
 *
 * @example
 * select(literalColumn("'%'"), literalColumn<number>("1", Integer))
 */
export class LiteralColumn<T = unknown> extends ColumnElement<T> {
  readonly type: TypeEngine<unknown>;

  constructor(
    readonly text: string,
    type: TypeEngine<unknown> | null = null,
  ) {
    super();
    this.type = type ?? NULLTYPE;
  }

  override get resultName(): string {
    return this.text;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `literalcol(${JSON.stringify(this.text)}:${this.type.cacheKey})`;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitLiteralColumn(this as LiteralColumn);
  }
}

/** SQL text used as a column expression; see LiteralColumn. */
export function literalColumn<T = unknown>(text: string, type?: TypeArg<T>): LiteralColumn<T> {
  return new LiteralColumn<T>(text, type === undefined ? null : resolveType(type));
}

/** SQL `true` (`1` on databases without a boolean literal), as SQLAlchemy's `true()`. */
export class True_ extends ColumnElement<boolean> {
  readonly type: TypeEngine<unknown> = BOOLEAN;

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "TRUE";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitTrue();
  }
}

/** SQL `false` (`0` on databases without a boolean literal), as SQLAlchemy's `false()`. */
export class False_ extends ColumnElement<boolean> {
  readonly type: TypeEngine<unknown> = BOOLEAN;

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "FALSE";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitFalse();
  }
}

const TRUE = new True_();
const FALSE = new False_();

/**
 * The SQL boolean constant `true`, as SQLAlchemy's `true()`.
 *
 * @example
 * select(users).where(onlyActive ? users.c.active : true_())
 */
export function true_(): True_ {
  return TRUE;
}

/** The SQL boolean constant `false`, as SQLAlchemy's `false()`. */
export function false_(): False_ {
  return FALSE;
}
