import { StatementError } from "../errors.js";
import type { ClauseElement } from "./element.js";
import type { ColumnTypes } from "./text.js";
import type { Processor, TypeDialect } from "./types/index.js";

/** A bound parameter was missing, unexpected or undefined. Nothing reached the database. */
export class BindParameterError extends StatementError {}

/** One statement compiled for one dialect: its SQL text and how to bind its parameters. */
export class Compiled {
  /** Each bound parameter name once, for validating the caller's parameters. */
  readonly uniqueBindNames: readonly string[];
  /** Result column types by column name, when the statement declares them. */
  readonly resultTypes: ColumnTypes | null;

  constructor(
    readonly statement: ClauseElement,
    readonly sql: string,
    /** The parameter name bound at each placeholder, in order. */
    readonly bindNames: readonly string[],
    private readonly dialect: TypeDialect,
  ) {
    this.uniqueBindNames = [...new Set(bindNames)];
    this.resultTypes = "columnTypes" in statement ? (statement.columnTypes as ColumnTypes | null) : null;
  }

  /**
   * The caller's named parameters as the positional list the driver takes, with
   * the dialect's conversion applied to each value.
   */
  positional(params: Readonly<Record<string, unknown>> | undefined, convert: Processor): unknown[] {
    const names = this.bindNames;
    const out = new Array<unknown>(names.length);
    if (params === undefined) {
      if (names.length > 0) this.missing(names[0] as string, {});
      return out;
    }
    this.checkNoExtras(params);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = params[name];
      if (value === undefined) this.missing(name, params);
      out[i] = convert(value);
    }
    return out;
  }

  /** Result-value processors for the given result columns, or null when none apply. */
  resultProcessors(columns: readonly string[]): (Processor | null)[] | null {
    const types = this.resultTypes;
    if (types === null) return null;
    const processors = columns.map((name) => types[name]?.resultProcessor(this.dialect) ?? null);
    return processors.some((p) => p !== null) ? processors : null;
  }

  private checkNoExtras(params: Readonly<Record<string, unknown>>): void {
    let count = 0;
    for (const _ in params) count++;
    if (count <= this.uniqueBindNames.length) return;
    const extra = Object.keys(params).filter((k) => !this.uniqueBindNames.includes(k));
    throw new BindParameterError(
      `Unexpected bind parameter${extra.length > 1 ? "s" : ""} ${extra.map((k) => `'${k}'`).join(", ")}: ` +
        `the statement takes ${this.describeNames()}. Remove ${extra.length > 1 ? "them" : "it"}, or fix the name in the SQL.`,
      { sql: this.sql, params },
    );
  }

  private missing(name: string, params: Readonly<Record<string, unknown>>): never {
    const given = name in params;
    throw new BindParameterError(
      given
        ? `Bind parameter '${name}' is undefined; pass null for SQL NULL.`
        : `A value is required for bind parameter '${name}': the statement takes ${this.describeNames()}. ` +
            `Pass it in the parameters, e.g. execute(stmt, { ${name}: ... }).`,
      { sql: this.sql, params },
    );
  }

  private describeNames(): string {
    return this.uniqueBindNames.length === 0 ? "no parameters" : this.uniqueBindNames.map((n) => `'${n}'`).join(", ");
  }
}
