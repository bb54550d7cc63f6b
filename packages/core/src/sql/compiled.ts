import { StatementError } from "../errors.js";
import type { Expansion } from "./compiler/placeholders.js";
import type { CompiledDML } from "./dml/compiled-dml.js";
import type { ClauseElement } from "./element.js";
import type { BindParameter } from "./elements/bind-parameter.js";
import type { Processor, TypeDialect, TypeEngine } from "./types/type-engine.js";
import { TypeMismatchError } from "./types/type-mismatch.js";
import { BindTypeError } from "./bind-type-error.js";

/** A bound parameter was missing, unexpected or undefined. Nothing reached the database. */
export class BindParameterError extends StatementError {}

/** One placeholder of the compiled SQL, in order. */
export interface PlaceholderSpec {
  /** The parameter name the caller can pass (`name_1` for anonymous binds). */
  readonly name: string;
  /** Position in the statement's `bindParams`, or -1 when only the caller supplies it. */
  readonly bindIndex: number;
  /** The type's bind conversion for this dialect, or null for the dialect's default. */
  readonly processor: Processor | null;
  /**
   * An expanding parameter (`IN` with a list): its value is a list, one placeholder per
   * item at execution; `emptySet` replaces them for an empty list.
   */
  readonly expanding?: { readonly emptySet: string };
  /** A value the compiler itself bound (SQLite's `LIMIT -1`), not one of the statement's. */
  readonly constant?: { readonly value: unknown };
}

/** A result column as the statement defines it: row key and type. */
export interface ResultColumn {
  readonly key: string;
  readonly type: TypeEngine<unknown>;
}

type Params = Readonly<Record<string, unknown>>;

/** One statement compiled for one dialect: its SQL text and how to bind its parameters. */
export class Compiled {
  /** Each parameter name once, for validating the caller's parameters. */
  readonly parameterNames: readonly string[];
  /** INSERT/UPDATE/DELETE: what the engine needs to execute it (set by the compiler); null otherwise. */
  dml: CompiledDML | null = null;

  constructor(
    readonly statement: ClauseElement,
    readonly sql: string,
    readonly placeholders: readonly PlaceholderSpec[],
    /** The statement's own result columns (SELECT, RETURNING), or null (text, DML). */
    readonly resultColumns: readonly ResultColumn[] | null,
    private readonly dialect: TypeDialect,
    /** Set when the statement has expanding parameters: its SQL depends on their list lengths. */
    readonly expansion: Expansion | null = null,
  ) {
    this.parameterNames = [...new Set(placeholders.map((p) => p.name))];
  }

  /** The bound values by parameter name, as SQLAlchemy's `compiled.params`. */
  get params(): Record<string, unknown> {
    const binds = this.statement.bindParams;
    const params: Record<string, unknown> = {};
    for (const p of this.placeholders) {
      const bind = binds[p.bindIndex];
      params[p.name] = p.constant !== undefined ? p.constant.value : bind === undefined || bind.required ? null : bind.value;
    }
    return params;
  }

  /**
   * For a statement with expanding parameters: the SQL and flat values for one
   * execution, given `positional()`'s values (each expanding one a list).
   */
  expand(values: readonly unknown[]): { sql: string; values: unknown[] } {
    return this.expansion === null ? { sql: this.sql, values: values as unknown[] } : this.expansion.expand(values);
  }

  /** `expand` for executemany: every parameter set must expand to the same SQL. */
  expandMany(sets: readonly (readonly unknown[])[]): { sql: string; sets: unknown[][] } {
    const expanded = sets.map((set) => this.expand(set));
    const sql = expanded[0]?.sql ?? this.sql;
    if (expanded.some((e) => e.sql !== sql)) {
      throw new BindParameterError(
        "An executemany of a statement with IN lists needs lists of the same length in every parameter set; " +
          "run the parameter sets with different lengths separately.",
        { sql: this.sql },
      );
    }
    return { sql, sets: expanded.map((e) => e.values) };
  }

  /**
   * The values for the driver, in placeholder order: the caller's parameter by name,
   * else the statement's bound value, converted by the type (or `convert` when untyped).
   * `binds` are the bindParams of the statement being executed, which may be another
   * statement of the same shape than the one compiled.
   */
  positional(params: Params | undefined, binds: readonly BindParameter[], convert: Processor): unknown[] {
    const placeholders = this.placeholders;
    const out = new Array<unknown>(placeholders.length);
    if (params !== undefined) this.checkNoExtras(params);
    for (let i = 0; i < placeholders.length; i++) {
      const p = placeholders[i] as PlaceholderSpec;
      let value: unknown;
      if (params !== undefined && p.name in params) {
        value = params[p.name];
        if (value === undefined) this.missing(p.name, params, true);
      } else if (p.constant !== undefined) {
        value = p.constant.value;
      } else {
        const bind = binds[p.bindIndex];
        if (bind === undefined || bind.required) this.missing(p.name, params ?? {}, false);
        value = bind.value;
      }
      if (p.expanding !== undefined) out[i] = this.expandingValues(p, value, convert, params);
      else if (p.processor === null) out[i] = convert(value);
      else {
        try {
          out[i] = p.processor(value);
        } catch (error) {
          throw this.bindTypeError(p.name, error, params);
        }
      }
    }
    return out;
  }

  /** The type of each result column: the statement's own, or those `text().columns()` declared. */
  resultTypes(columns: readonly string[]): readonly (TypeEngine<unknown> | undefined)[] {
    const own = this.resultColumns;
    if (own !== null && own.length === columns.length) return own.map((c) => c.type);
    const declared = (this.statement as { columnTypes?: Readonly<Record<string, TypeEngine<unknown>>> | null }).columnTypes;
    return declared == null ? [] : columns.map((name) => declared[name]);
  }

  /**
   * True when a result column is a BigInteger: the driver must read integers exactly
   * (SQLite turns on better-sqlite3's safeIntegers for this statement only).
   */
  get exactIntegers(): boolean {
    if (this.exactIntegersCache === undefined) {
      const declared = (this.statement as { columnTypes?: Readonly<Record<string, TypeEngine<unknown>>> | null }).columnTypes;
      const types = [...(this.resultColumns ?? []).map((c) => c.type), ...Object.values(declared ?? {})];
      this.exactIntegersCache = types.some((type) => type.visitName === "big_integer");
    }
    return this.exactIntegersCache;
  }

  private exactIntegersCache: boolean | undefined;

  /** An expanding parameter's list, each item converted. */
  private expandingValues(p: PlaceholderSpec, value: unknown, convert: Processor, params: Params | undefined): unknown[] {
    if (!Array.isArray(value)) {
      throw new BindParameterError(
        `Bind parameter '${p.name}' is an IN list and takes an array of values; got ${String(value)}. Pass [value] for one.`,
        { sql: this.sql, params },
      );
    }
    const processor = p.processor;
    if (processor === null) return value.map(convert);
    try {
      return value.map(processor);
    } catch (error) {
      throw this.bindTypeError(p.name, error, params);
    }
  }

  /** A type's check rejected a value: reported with the parameter's name and the SQL. */
  private bindTypeError(name: string, error: unknown, params: Params | undefined): unknown {
    if (!(error instanceof TypeMismatchError)) return error;
    return new BindTypeError(name, error, { sql: this.sql, params });
  }

  /** Result-value processors for the result columns, or null when none apply. */
  resultProcessors(types: readonly (TypeEngine<unknown> | undefined)[]): (Processor | null)[] | null {
    const processors = types.map((type) => type?.resultProcessor(this.dialect) ?? null);
    return processors.some((p) => p !== null) ? processors : null;
  }

  private checkNoExtras(params: Params): void {
    let count = 0;
    for (const _ in params) count++;
    if (count <= this.parameterNames.length) return;
    const extra = Object.keys(params).filter((k) => !this.parameterNames.includes(k));
    if (extra.length === 0) return;
    throw new BindParameterError(
      `Unexpected bind parameter${extra.length > 1 ? "s" : ""} ${extra.map((k) => `'${k}'`).join(", ")}: ` +
        `the statement takes ${this.describeNames()}. Remove ${extra.length > 1 ? "them" : "it"}, or fix the name in the SQL.`,
      { sql: this.sql, params },
    );
  }

  private missing(name: string, params: Params, given: boolean): never {
    throw new BindParameterError(
      given
        ? `Bind parameter '${name}' is undefined; pass null for SQL NULL.`
        : `A value is required for bind parameter '${name}': the statement takes ${this.describeNames()}. ` +
            `Pass it in the parameters, e.g. execute(stmt, { ${name}: ... }).`,
      { sql: this.sql, params },
    );
  }

  private describeNames(): string {
    return this.parameterNames.length === 0 ? "no parameters" : this.parameterNames.map((n) => `'${n}'`).join(", ");
  }
}
