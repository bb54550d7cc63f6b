import { ArgumentError, InvalidRequestError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import { identityToken, type CacheKeyContext, type ClauseElement } from "../element.js";
import { ColumnElement } from "../elements/column-element.js";
import type { FromClause } from "../selectable/from-clause.js";
import { NullType } from "../types/generic.js";
import { resolveType, type TypeArg, type TypeEngine, type ValueOf } from "../types/type-engine.js";
import { callable } from "./callable.js";
import type { ForeignKey } from "./foreign-key.js";
import type { SequenceImpl } from "./sequence.js";

/** Things a Column takes besides its type and options: ForeignKey, Sequence (later Computed). */
export abstract class ColumnArgument {
  /** Called once the column is built, so the argument can attach to it. */
  abstract attachToColumn(column: ColumnImpl<string, unknown, boolean>): void;
}

export interface ColumnOptions {
  /** Part of the table's primary key; implies NOT NULL. */
  readonly primaryKey?: boolean;
  /** Default true, false for primary key columns. */
  readonly nullable?: boolean;
  /** A client-side default for INSERT: a value, or a function called per row. */
  readonly default?: unknown;
  /**
   * A server-side default, DEFAULT ... in CREATE TABLE. A string is a literal value, quoted
   * as SQLAlchemy quotes it (`serverDefault: "draft"` → `DEFAULT 'draft'`); SQL goes in
   * `text()` (`serverDefault: text("CURRENT_TIMESTAMP")`) or an expression.
   */
  readonly serverDefault?: string | ClauseElement;
  /** A client-side value for UPDATE: a value, or a function called per row. */
  readonly onUpdate?: unknown;
  readonly unique?: boolean;
  /** Create an index on this column. */
  readonly index?: boolean;
  /** "auto" (default): an integer primary key alone is autoincrementing. */
  readonly autoincrement?: boolean | "auto";
  readonly comment?: string;
  /** The name of the column in `table.c` and in parameters, when it differs from the SQL name. */
  readonly key?: string;
}

/** Whether a column's value can be null, from its options. */
export type NullableOf<O> = O extends { readonly primaryKey: true }
  ? false
  : O extends { readonly nullable: false }
    ? false
    : true;

/** A column's key: the `key` option if given, else its name. */
export type KeyOf<N extends string, O> = O extends { readonly key: infer K extends string } ? K : N;

export type ColumnValue<T, Nullable extends boolean> = Nullable extends true ? T | null : T;

const nullType = new NullType();

/**
 * A table column, as SQLAlchemy's Column. It is a column expression
 * (`users.c.name.eq("sandy")`) and schema (type, nullability, defaults, keys).
 */
export class ColumnImpl<K extends string, T, Nullable extends boolean> extends ColumnElement<ColumnValue<T, Nullable>> {
  readonly key: K;
  /** This column in cache keys. */
  private readonly identity = identityToken("c");
  readonly primaryKey: boolean;
  readonly nullable: boolean;
  readonly options: ColumnOptions;
  /** Set when the column is added to a Table. */
  table: FromClause & { readonly name: string; readonly fullname: string } | null = null;
  readonly arguments: readonly ColumnArgument[];
  /** The column's references to other columns: its ForeignKey arguments and table-level ForeignKeyConstraints. */
  readonly foreignKeys = new Set<ForeignKey>();
  /**
   * The Sequence given as an argument: on databases with sequences the column's INSERT
   * value when none is given (`nextval('s')`), as SQLAlchemy's `Column.default`; null when none.
   */
  readonly sequence: SequenceImpl | null;
  private readonly typeArg: TypeArg | null;
  private resolvedType: TypeEngine<unknown> | null = null;

  constructor(
    readonly name: string,
    typeArg: TypeArg | null,
    args: readonly ColumnArgument[],
    options: ColumnOptions,
  ) {
    super();
    if (typeof name !== "string" || name === "") {
      throw new ArgumentError(`Column() needs a name as its first argument, e.g. Column("id", Integer).`);
    }
    this.typeArg = typeArg;
    this.options = options;
    this.key = (options.key ?? name) as K;
    this.primaryKey = options.primaryKey ?? false;
    this.nullable = options.nullable ?? !this.primaryKey;
    this.arguments = args;
    this.sequence = sequenceOf(name, args, options);
    for (const arg of args) arg.attachToColumn(this);
  }

  /**
   * The column's type. A column typed only by a ForeignKey takes the referenced
   * column's type once that table exists (cell In [13] of the tutorial).
   */
  get type(): TypeEngine<unknown> {
    if (this.resolvedType !== null) return this.resolvedType;
    if (this.typeArg !== null) return (this.resolvedType = resolveType(this.typeArg));
    return this.inferType() ?? nullType;
  }

  /** Hook for ForeignKey: the referenced column's type, once resolvable. */
  protected inferType(): TypeEngine<unknown> | null {
    for (const arg of this.arguments) {
      const type = (arg as { referencedType?: () => TypeEngine<unknown> | null }).referencedType?.();
      if (type) return (this.resolvedType = type);
    }
    return null;
  }

  override get bindBaseName(): string {
    return this.key;
  }

  override get resultName(): string {
    return this.key;
  }

  override fromObjects(): readonly FromClause[] {
    return this.table === null ? [] : [this.table];
  }

  /** The table this column belongs to; an error if it belongs to none yet. */
  get owner(): FromClause & { readonly name: string; readonly fullname: string } {
    if (this.table === null) {
      throw new InvalidRequestError(`Column '${this.name}' is not attached to a Table yet.`);
    }
    return this.table;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += this.identity;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitColumn(this);
  }

  /**
   * Called by an explicit PrimaryKeyConstraint: the column becomes part of the primary key
   * and, unless `nullable` was given, NOT NULL (as SQLAlchemy does). Schema setup only.
   */
  markPrimaryKey(): void {
    const self = this as { primaryKey: boolean; nullable: boolean };
    self.primaryKey = true;
    if (this.options.nullable === undefined) self.nullable = false;
  }

  /** SQLAlchemy's repr: `Column('name', String(length=30), table=<user_account>)`. */
  repr(): string {
    const parts = [`'${this.name}'`, String(this.type), ...[...this.foreignKeys].map((fk) => fk.repr())];
    if (this.sequence !== null) parts.push(this.sequence.repr());
    if (this.table !== null) parts.push(`table=<${this.table.name}>`);
    if (this.primaryKey) parts.push("primary_key=True");
    if (!this.nullable) parts.push("nullable=False");
    return `Column(${parts.join(", ")})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.repr();
  }
}

/** The one Sequence among a column's arguments; it is the column's default, so it excludes `default`. */
function sequenceOf(name: string, args: readonly ColumnArgument[], options: ColumnOptions): SequenceImpl | null {
  // Duck-typed: sequence.ts extends ColumnArgument, so importing it here would be a cycle.
  const sequences = args.filter((arg): arg is SequenceImpl => (arg as { isSequence?: boolean }).isSequence === true);
  if (sequences.length > 1) {
    throw new ArgumentError(`Column('${name}', ...) has ${sequences.length} Sequences; a column takes one.`);
  }
  const [sequence = null] = sequences;
  if (sequence !== null && options.default !== undefined) {
    throw new ArgumentError(
      `Column('${name}', ...) has both a Sequence and a default; the Sequence is its default. Give one of them.`,
    );
  }
  return sequence;
}

/** Any table column, whatever its name and type. */
export type AnyColumn = ColumnImpl<string, unknown, boolean>;

type ColumnArg = ColumnArgument | ColumnOptions;
/** The options object among a Column's arguments, `{}` when there is none. */
type OptionsOf<Args extends readonly unknown[]> = [Exclude<Args[number], ColumnArgument>] extends [never]
  ? {}
  : Exclude<Args[number], ColumnArgument>;

interface ColumnFactory {
  /** `Column("id", Integer, { primaryKey: true })`, `Column("name", String(30))`. */
  <N extends string, A extends TypeArg, const Args extends readonly ColumnArg[] = []>(
    name: N,
    type: A,
    ...args: Args
  ): ColumnImpl<KeyOf<N, OptionsOf<Args>>, ValueOf<A>, NullableOf<OptionsOf<Args>>>;
  /** `Column("user_id", ForeignKey("user_account.id"))`: typed by the referenced column. */
  <N extends string, const Args extends readonly ColumnArg[] = []>(
    name: N,
    ...args: Args
  ): ColumnImpl<KeyOf<N, OptionsOf<Args>>, unknown, NullableOf<OptionsOf<Args>>>;
  new <N extends string, A extends TypeArg, const Args extends readonly ColumnArg[] = []>(
    name: N,
    type: A,
    ...args: Args
  ): ColumnImpl<KeyOf<N, OptionsOf<Args>>, ValueOf<A>, NullableOf<OptionsOf<Args>>>;
  prototype: AnyColumn;
}

function isTypeArg(arg: unknown): arg is TypeArg {
  return typeof arg === "function" || (typeof arg === "object" && arg !== null && "visitName" in arg);
}

function buildColumn(name: string, ...rest: unknown[]): AnyColumn {
  const typeArg = isTypeArg(rest[0]) ? (rest.shift() as TypeArg) : null;
  const args: ColumnArgument[] = [];
  let options: ColumnOptions = {};
  for (const arg of rest) {
    if (arg instanceof ColumnArgument) args.push(arg);
    else if (typeof arg === "object" && arg !== null && !Array.isArray(arg)) options = { ...options, ...arg };
    else {
      throw new ArgumentError(
        `Column('${name}', ...): unexpected argument ${String(arg)}. ` +
          `Expected a type (Integer, String(30)), ForeignKey(...), Sequence(...), or an options object ({ primaryKey: true }).`,
      );
    }
  }
  return new ColumnImpl(name, typeArg, args, options);
}

/**
 * A table column, as SQLAlchemy's `Column(name, type, *args, **options)`.
 *
 * @example
 * Column("id", Integer, { primaryKey: true })
 * Column("user_id", ForeignKey("user_account.id"), { nullable: false })
 */
export const Column = callable(ColumnImpl, buildColumn) as unknown as ColumnFactory;
