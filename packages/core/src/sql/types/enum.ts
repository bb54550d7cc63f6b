import { ArgumentError, InvalidRequestError } from "../../errors.js";
import type { TypeCompiler } from "../compiler/type-compiler.js";
import { StringType } from "./string.js";
import type { Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

export interface EnumOptions {
  /** The enum's name: the type name of a native enum (PostgreSQL's CREATE TYPE). */
  readonly name?: string;
  /**
   * true (default): a native enum type where the database has one (PostgreSQL, MySQL);
   * false, or where there is none: VARCHAR long enough for the longest value.
   */
  readonly nativeEnum?: boolean;
  /** The VARCHAR length when not native; default the longest value's length. */
  readonly length?: number;
}

/**
 * A string column restricted to fixed values, value the union of those values.
 * Built from strings (`Enum("happy", "sad")`), an array, or a `const` object or TS
 * string enum, whose *values* are stored (SQLAlchemy stores a Python enum's names;
 * TypeScript code compares values). Binding any other value is a TypeMismatchError
 * naming the allowed ones (SQLAlchemy's `validate_strings=True`); reading one from
 * the database is an InvalidRequestError, as SQLAlchemy's LookupError.
 */
export class EnumType<V extends string = string> extends StringType {
  declare readonly __value?: V;
  override readonly visitName = "enum";
  readonly values: readonly V[];
  readonly name: string | null;
  readonly nativeEnum: boolean;
  private readonly members: ReadonlySet<string>;

  constructor(values: readonly V[], options: EnumOptions = {}) {
    const unique = [...new Set(values)];
    for (const value of unique) {
      if (typeof value !== "string") {
        throw new ArgumentError(`Enum() takes string values, got ${typeof value} ${String(value)}; numeric TS enums are not supported.`);
      }
    }
    super(options.length ?? unique.reduce((longest, v) => Math.max(longest, v.length), 0));
    this.values = unique;
    this.members = new Set(unique);
    this.name = options.name ?? null;
    this.nativeEnum = options.nativeEnum ?? true;
  }

  protected override bindCheck(): Processor {
    return (value) => {
      if (typeof value === "string" && this.members.has(value)) return value;
      throw new TypeMismatchError(this, value, `one of ${this.describeValues()}`, `${this.notAMember(value)}.`);
    };
  }

  protected override resultAdapter(): Processor {
    return (value) => {
      if (typeof value === "string" && this.members.has(value)) return value;
      throw new InvalidRequestError(`${this.notAMember(value)} (read from the database).`);
    };
  }

  override typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitEnum(this);
  }

  override get cacheKey(): string {
    return `enum(${this.name ?? ""}:${JSON.stringify(this.values)})`;
  }

  /** `Enum('happy', 'sad', name='mood')`, as SQLAlchemy prints it. */
  override toString(): string {
    const args = this.values.map((v) => `'${v}'`);
    if (this.name !== null) args.push(`name='${this.name}'`);
    return `Enum(${args.join(", ")})`;
  }

  private notAMember(value: unknown): string {
    const shown = typeof value === "string" ? `'${value}'` : String(value);
    const name = this.name === null ? "" : ` Enum name: ${this.name}.`;
    return `${shown} is not among the defined enum values.${name} Possible values: ${this.describeValues()}`;
  }

  private describeValues(): string {
    return this.values.length === 0 ? "(none)" : this.values.map((v) => `'${v}'`).join(", ");
  }
}
