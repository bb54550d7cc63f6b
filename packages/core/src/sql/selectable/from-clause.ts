import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import { ClauseElement } from "../element.js";
import type { ColumnElement } from "../elements/column-element.js";
import type { AnyColumn } from "../schema/column.js";
import type { ForeignKey } from "../schema/foreign-key.js";
import type { AliasOf } from "./alias.js";
import type { Join, JoinOptions } from "./join.js";
import { selectableClass } from "./registry.js";

/** A foreign key as seen from one FROM item: the column holding it there, and its target. */
export interface ForeignKeyReference {
  /** The referencing column as this FROM item exposes it (a table's column, a subquery's proxy). */
  readonly parent: ColumnElement<unknown>;
  readonly foreignKey: ForeignKey;
}

/** A column that stands for another one in an enclosing FROM item (an alias's or subquery's column). */
export interface ProxyColumn {
  /** The column (or expression) it stands for. */
  readonly proxied: ColumnElement<unknown>;
}

function isProxy(column: object): column is ProxyColumn {
  return "proxied" in column;
}

/** `column` and every column it stands for, outermost first. */
export function proxyChain(column: ColumnElement<unknown>): ColumnElement<unknown>[] {
  const chain = [column];
  let current: object = column;
  while (isProxy(current)) {
    current = current.proxied;
    chain.push(current as ColumnElement<unknown>);
  }
  return chain;
}

/** Something a SELECT can select FROM: a table, a join, a subquery, a CTE. */
export abstract class FromClause extends ClauseElement {
  /** The columns `select(fromClause)` selects, in order. */
  abstract exportedColumns(): readonly ColumnElement<unknown>[];

  /**
   * `this JOIN right ON ...`, the ON clause inferred from foreign keys when not given.
   *
   * @example
   * select(users.c.name, addresses.c.email_address).selectFrom(users.join(addresses))
   */
  join(right: FromClause, onclause?: ColumnElement<boolean> | null, options: JoinOptions = {}): Join {
    return new (selectableClass("Join"))(this, right, onclause ?? null, options);
  }

  /** `this LEFT OUTER JOIN right ON ...` (`{ full: true }`: FULL OUTER JOIN). */
  outerjoin(right: FromClause, onclause?: ColumnElement<boolean> | null, options: { readonly full?: boolean } = {}): Join {
    return new (selectableClass("Join"))(this, right, onclause ?? null, { isouter: true, full: options.full ?? false });
  }

  /**
   * Another name for this table in a statement: `user_account AS u`, numbered when
   * compiled if not given (`user_account_1`). See Alias.
   */
  alias<F extends FromClause>(this: F, name?: string): AliasOf<F> {
    if (typeof (this as { readonly name?: unknown }).name !== "string") {
      throw new ArgumentError(
        `alias() names a table; to name a SELECT use select(...).subquery(name), and a subquery already has a name.`,
      );
    }
    return new (selectableClass("Alias"))(this as unknown as FromClause & { readonly name: string }, name ?? null) as AliasOf<F>;
  }

  /** Renders the item in a FROM list; aliases render `x AS name` there (see NamedFromClause). */
  fromDispatch(compiler: SQLCompiler): string {
    return this.compilerDispatch(compiler);
  }

  /**
   * The FROM items this one makes redundant in a FROM list: a join hides the tables it
   * joins, so `select(a.c.x).join(b)` is `FROM a JOIN b`, not `FROM a, b, a JOIN b`.
   */
  hiddenFroms(): readonly FromClause[] {
    return [];
  }

  /** This item and those inside it (a join's tables), for correlating subqueries. */
  correlationFroms(): readonly FromClause[] {
    return [this];
  }

  /**
   * The column of this FROM item that is, or stands for, `column`: the column itself
   * for its table, the matching column of an alias or subquery; null when none does.
   */
  correspondingColumn(column: ColumnElement<unknown>): ColumnElement<unknown> | null {
    for (const own of this.exportedColumns()) if (proxyChain(own).includes(column)) return own;
    return null;
  }

  /** The foreign keys of this item's columns, for inferring a join's ON clause. */
  foreignKeyReferences(): readonly ForeignKeyReference[] {
    const references: ForeignKeyReference[] = [];
    for (const own of this.exportedColumns()) {
      for (const column of proxyChain(own)) {
        const fks = (column as Partial<AnyColumn>).foreignKeys;
        if (fks === undefined) continue;
        for (const foreignKey of fks) references.push({ parent: own, foreignKey });
        break;
      }
    }
    return references;
  }
}
