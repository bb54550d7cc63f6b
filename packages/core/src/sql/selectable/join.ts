import type { SQLCompiler } from "../compiler/sql-compiler.js";
import type { CacheKeyContext } from "../element.js";
import type { ColumnElement } from "../elements/column-element.js";
import { FromClause } from "./from-clause.js";
import { joinCondition } from "./join-condition.js";
import { registerSelectable } from "./registry.js";

export interface JoinOptions {
  /** LEFT OUTER JOIN. */
  readonly isouter?: boolean;
  /** FULL OUTER JOIN. */
  readonly full?: boolean;
}

/**
 * `left JOIN right ON onclause`, as SQLAlchemy's Join. Without an ON clause it is
 * inferred from the foreign keys between the two (`user_account JOIN address ON
 * user_account.id = address.user_id`).
 *
 * @example
 * select(users.c.name, addresses.c.email_address).selectFrom(join(users, addresses))
 */
export class Join extends FromClause {
  readonly onclause: ColumnElement<boolean>;
  readonly isouter: boolean;
  readonly full: boolean;

  constructor(
    readonly left: FromClause,
    readonly right: FromClause,
    onclause: ColumnElement<boolean> | null = null,
    options: JoinOptions = {},
  ) {
    super();
    this.onclause = onclause ?? joinCondition(left, right);
    this.isouter = options.isouter ?? false;
    this.full = options.full ?? false;
  }

  exportedColumns(): readonly ColumnElement<unknown>[] {
    return [...this.left.exportedColumns(), ...this.right.exportedColumns()];
  }

  override hiddenFroms(): readonly FromClause[] {
    return [...this.left.correlationFroms(), ...this.right.correlationFroms()];
  }

  override correlationFroms(): readonly FromClause[] {
    return [this, ...this.left.correlationFroms(), ...this.right.correlationFroms()];
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += `join${this.full ? "F" : this.isouter ? "L" : ""}(`;
    this.left.genCacheKey(ctx);
    ctx.key += ",";
    this.right.genCacheKey(ctx);
    ctx.key += " on ";
    this.onclause.genCacheKey(ctx);
    ctx.key += ")";
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitJoin(this);
  }
}

/**
 * `left JOIN right ON ...`, the ON clause inferred from foreign keys when not given.
 *
 * @example
 * join(users, addresses)                                     // ON user_account.id = address.user_id
 * join(users, addresses, users.c.id.eq(addresses.c.user_id)) // explicit
 */
export function join(left: FromClause, right: FromClause, onclause?: ColumnElement<boolean> | null, options: JoinOptions = {}): Join {
  return new Join(left, right, onclause ?? null, options);
}

/** `left LEFT OUTER JOIN right ON ...` (`{ full: true }`: FULL OUTER JOIN). */
export function outerjoin(
  left: FromClause,
  right: FromClause,
  onclause?: ColumnElement<boolean> | null,
  options: { readonly full?: boolean } = {},
): Join {
  return new Join(left, right, onclause ?? null, { isouter: true, full: options.full ?? false });
}

registerSelectable("Join", Join);
