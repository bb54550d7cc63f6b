import type { CacheKeyContext } from "../element.js";
import type { TableImpl } from "../schema/table.js";
import { ColumnProxy } from "./column-proxy.js";
import type { FromClause } from "./from-clause.js";
import { NamedFromClause } from "./named-from-clause.js";
import { registerSelectable } from "./registry.js";
import type { Mapping, SelectTuple } from "./select-typing.js";

/** The alias of a table, its columns typed as the table's. */
export type AliasOf<F> = F extends TableImpl ? Alias<Mapping<[F]>, SelectTuple<[F]>> : Alias;

/**
 * Another name for a table in one statement, as SQLAlchemy's `table.alias()`:
 * `user_account AS u`, with columns `u.id`, `u.name`. Without a name it is numbered
 * when compiled (`user_account_1`). Self-joins need one.
 *
 * @example
 * const manager = alias(employees, "manager");
 * select(employees.c.name, manager.c.name.label("manager_name"))
 *   .join(manager, employees.c.manager_id.eq(manager.c.id))
 */
export class Alias<
  M extends Record<string, unknown> = Record<string, unknown>,
  T extends unknown[] = unknown[],
> extends NamedFromClause<M, T> {
  constructor(
    readonly element: FromClause & { readonly name: string },
    name: string | null,
  ) {
    super(name);
  }

  get anonymousBase(): string {
    return this.element.name;
  }

  protected buildColumns(): readonly ColumnProxy[] {
    return this.element.exportedColumns().map((column) => {
      const named = column as { readonly key?: string; readonly name?: string };
      const key = named.key ?? column.resultName ?? "anon";
      return new ColumnProxy(this, key, { fixed: named.name ?? key }, column);
    });
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += "alias(";
    this.genReferenceKey(ctx);
    ctx.key += ",";
    this.element.genCacheKey(ctx);
    ctx.key += ")";
  }
}

/**
 * Another name for a table in one statement (`user_account AS u`), as SQLAlchemy's
 * `alias()`; the same as `table.alias(name)`.
 *
 * @example
 * const u2 = alias(users, "u2");
 * select(users.c.name, u2.c.name).join(u2, users.c.manager_id.eq(u2.c.id))
 */
export function alias<F extends FromClause & { readonly name: string }>(table: F, name?: string): AliasOf<F> {
  return table.alias(name);
}

registerSelectable("Alias", Alias);
