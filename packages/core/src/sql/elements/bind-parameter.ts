import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import { NullType } from "../types/generic.js";
import type { TypeEngine } from "../types/type-engine.js";
import { ColumnElement } from "./column-element.js";
import { registerElement } from "./registry.js";

const nullType = new NullType();

/** Marks a bound parameter that has no value of its own: the caller must pass one. */
export const REQUIRED: unique symbol = Symbol("alkahest.required");

/**
 * A value bound into a statement, never rendered as SQL text. Anonymous parameters
 * (from `column.eq(5)`) are named by the compiler after their base, `name_1`, `name_2`;
 * named ones (`bindparam("id")`, text's `:id`) keep their key.
 */
export class BindParameter<T = unknown> extends ColumnElement<T> {
  readonly type: TypeEngine<unknown>;

  constructor(
    /** The parameter's name, or its base name when anonymous. */
    readonly key: string,
    /** Its value, or REQUIRED when the caller supplies it at execution. */
    readonly value: T | typeof REQUIRED,
    type: TypeEngine<unknown> | null = null,
    readonly anonymous = false,
    /** IN lists: the value is a list, expanded into one placeholder per item at execution. */
    readonly expanding = false,
  ) {
    super();
    this.type = type ?? nullType;
  }

  override withBinaryElementType(type: TypeEngine<unknown>): ColumnElement<unknown> {
    if (this.type.visitName !== "null" || type.visitName === "null") return this;
    return new BindParameter(this.key, this.value, type, this.anonymous, this.expanding);
  }

  get required(): boolean {
    return this.value === REQUIRED;
  }

  override get bindBaseName(): string {
    return this.key;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    // The value stays out of the key; the type decides how it is converted, so it goes in.
    ctx.key += `bind(${this.anonymous ? "" : this.key}:${this.type.cacheKey}${this.expanding ? ":expanding" : ""})`;
    ctx.binds.push(this as BindParameter);
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitBindParameter(this as BindParameter);
  }
}

/**
 * A named parameter whose value is given at execution, as SQLAlchemy's `bindparam()`.
 *
 * @example
 * const byId = select(users).where(users.c.id.eq(bindparam("id")));
 * await conn.execute(byId, { id: 5 });
 * // a list for IN: one placeholder per value at execution
 * const byIds = select(users).where(users.c.id.in(bindparam("ids", undefined, { expanding: true })));
 * await conn.execute(byIds, { ids: [1, 2, 3] });
 */
export function bindparam<T = unknown>(key: string, type?: TypeEngine<T>, options: { expanding?: boolean } = {}): BindParameter<T> {
  return new BindParameter<T>(key, REQUIRED, type ?? null, false, options.expanding ?? false);
}

registerElement("BindParameter", BindParameter);
