import { ArgumentError } from "../../errors.js";
import { DateTimeType, DateType, FloatType, IntegerType, NullType, StringType } from "../types/index.js";
import type { TypeEngine } from "../types/type-engine.js";
import { BindParameter } from "./bind-parameter.js";
import { ColumnElement } from "./column-element.js";
import { FunctionElement } from "./function.js";
import { LiteralColumn, typeForValue, type Widen } from "./literal.js";

/** What a SQL function takes: expressions, or plain values (bound as parameters). */
export type FunctionArgument = ColumnElement<unknown> | string | number | bigint | boolean | Date | null;

/** The value type of a function argument. */
export type ArgumentValue<A> = A extends ColumnElement<infer T> ? T : Widen<A>;

/** Any function by name: `func.json_extract<string>(doc, "$.a")`; untyped unless told. */
export type GenericFunction = <T = unknown>(...args: FunctionArgument[]) => FunctionElement<T>;

/** The functions `func` knows the result type of. */
export interface KnownFunctions {
  /** `count(*)`, or `count(expr)`; `count(x.distinct())` is `count(DISTINCT x)`; a value is bound (`count(:count_2)`). */
  count(expression?: FunctionArgument): FunctionElement<number>;
  /** `max(x)`: NULL over no rows, hence `| null`. */
  max<A extends FunctionArgument>(expression: A): FunctionElement<ArgumentValue<A> | null>;
  min<A extends FunctionArgument>(expression: A): FunctionElement<ArgumentValue<A> | null>;
  sum<A extends FunctionArgument>(expression: A): FunctionElement<ArgumentValue<A> | null>;
  /** `coalesce(a, b, ...)`: typed like its first argument. */
  coalesce<A extends FunctionArgument>(first: A, ...rest: FunctionArgument[]): FunctionElement<ArgumentValue<A>>;
  lower<A extends FunctionArgument>(expression: A): FunctionElement<ArgumentValue<A>>;
  upper<A extends FunctionArgument>(expression: A): FunctionElement<ArgumentValue<A>>;
  length(expression: FunctionArgument): FunctionElement<number | null>;
  char_length(expression: FunctionArgument): FunctionElement<number | null>;
  abs<A extends FunctionArgument>(expression: A): FunctionElement<ArgumentValue<A>>;
  concat(...args: FunctionArgument[]): FunctionElement<string>;
  random(): FunctionElement<number>;
  row_number(): FunctionElement<number>;
  rank(): FunctionElement<number>;
  dense_rank(): FunctionElement<number>;
  now(): FunctionElement<Date>;
  current_timestamp(): FunctionElement<Date>;
  current_date(): FunctionElement<Date>;
}

/**
 * `func`'s type: the known functions, typed; any other name builds a function of
 * unknown type (give it as a type argument: `func.json_extract<string>(doc, "$.a")`).
 * Other names come from an index signature, so under `noUncheckedIndexedAccess` they
 * read as possibly undefined: write `func.json_extract!(...)` there.
 */
export type FunctionNamespace = KnownFunctions & { readonly [name: string]: GenericFunction };

type ResultType = TypeEngine<unknown> | "fromArgs";

interface KnownFunction {
  readonly type: ResultType;
  /** Rendered without parentheses when called without arguments (ANSI CURRENT_TIMESTAMP). */
  readonly ansi?: string;
}

const INTEGER = new IntegerType();
const STRING = new StringType();
const DATETIME = new DateTimeType();
const NULLTYPE = new NullType();

// SQLAlchemy's GenericFunction classes (sql/functions.py): their result types.
const KNOWN: Readonly<Record<string, KnownFunction>> = {
  count: { type: INTEGER },
  max: { type: "fromArgs" },
  min: { type: "fromArgs" },
  sum: { type: "fromArgs" },
  coalesce: { type: "fromArgs" },
  lower: { type: "fromArgs" },
  upper: { type: "fromArgs" },
  abs: { type: "fromArgs" },
  length: { type: INTEGER },
  char_length: { type: INTEGER },
  concat: { type: STRING },
  random: { type: new FloatType() },
  row_number: { type: INTEGER },
  rank: { type: INTEGER },
  dense_rank: { type: INTEGER },
  now: { type: DATETIME },
  current_timestamp: { type: DATETIME, ansi: "CURRENT_TIMESTAMP" },
  current_date: { type: new DateType(), ansi: "CURRENT_DATE" },
  current_time: { type: NULLTYPE, ansi: "CURRENT_TIME" },
  localtime: { type: DATETIME, ansi: "LOCALTIME" },
  localtimestamp: { type: DATETIME, ansi: "LOCALTIMESTAMP" },
  current_user: { type: STRING, ansi: "CURRENT_USER" },
  session_user: { type: STRING, ansi: "SESSION_USER" },
  user: { type: STRING, ansi: "USER" },
};

/** Builds `name(args)`: plain values become parameters named after the function (`lower(:lower_1)`). */
export function buildFunction<T>(name: string, args: readonly unknown[]): FunctionElement<T> {
  const known = Object.hasOwn(KNOWN, name) ? KNOWN[name] : undefined;
  if (name === "count" && args.length === 0) args = [new LiteralColumn("*")];
  if (name === "count" && args.length > 1) {
    throw new ArgumentError("func.count() takes one expression, or none for count(*).");
  }
  const elements = args.map((arg) => (arg instanceof ColumnElement ? arg : new BindParameter(name, arg, typeForValue(arg), true)));
  let type: TypeEngine<unknown> = NULLTYPE;
  if (known?.type === "fromArgs") type = elements.find((e) => !(e.type instanceof NullType))?.type ?? NULLTYPE;
  else if (known !== undefined) type = known.type;
  return new FunctionElement<T>(name, elements, type, known?.ansi ?? null);
}

const NOT_FUNCTIONS = new Set(["then", "toJSON", "constructor", "asymmetricMatch", "$$typeof", "nodeType"]);

/**
 * SQL functions by name, as SQLAlchemy's `func`: `func.count()` is `count(*)`,
 * `func.max(users.c.id)` is `max(user_account.id)`, and any other name works too.
 *
 * @example
 * select(func.count(addresses.c.id)).where(addresses.c.user_id.eq(5)) // typed number
 * select(func.lower(users.c.name).label("lower_name"))
 */
export const func: FunctionNamespace = new Proxy({} as FunctionNamespace, {
  get(_target, name) {
    // JavaScript's own protocols are not SQL functions (`await func`, JSON.stringify, test matchers).
    if (typeof name !== "string" || NOT_FUNCTIONS.has(name)) return undefined;
    return (...args: unknown[]) => buildFunction(name, args);
  },
});
