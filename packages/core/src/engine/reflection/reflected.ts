import type { DialectTableOptions } from "../../sql/schema/dialect-options.js";
import type { ReferentialAction } from "../../sql/schema/foreign-key.js";
import type { TypeEngine } from "../../sql/types/type-engine.js";

/** One column as the database describes it (SQLAlchemy's `ReflectedColumn`). */
export interface ReflectedColumn {
  readonly name: string;
  /** The database's type mapped back to a core type; `NullType` when it has no counterpart. */
  readonly type: TypeEngine<unknown>;
  /** The type as the database spells it (`character varying(30)`, `tinyint(1)`), always kept. */
  readonly rawType: string;
  readonly nullable: boolean;
  /** The server default as SQL text (`'draft'::character varying`, `CURRENT_TIMESTAMP`), or null. */
  readonly default: string | null;
  /** Whether the database generates the value (SERIAL / IDENTITY, AUTO_INCREMENT, SQLite's rowid alias). */
  readonly autoincrement: boolean;
  readonly comment: string | null;
}

/** The primary key: its columns in key order, and its name where the database keeps one. */
export interface ReflectedPrimaryKey {
  readonly name: string | null;
  readonly constrainedColumns: readonly string[];
}

/** A FOREIGN KEY constraint. `referredSchema` is null for the connection's default schema. */
export interface ReflectedForeignKey {
  readonly name: string | null;
  readonly constrainedColumns: readonly string[];
  readonly referredSchema: string | null;
  readonly referredTable: string;
  readonly referredColumns: readonly string[];
  /** ON DELETE / ON UPDATE, only where they differ from the default (NO ACTION / RESTRICT). */
  readonly options: { readonly onDelete?: ReferentialAction; readonly onUpdate?: ReferentialAction };
}

/** An index (primary-key indexes are never listed). */
export interface ReflectedIndex {
  readonly name: string;
  /** The indexed columns in order; null for an expression. */
  readonly columnNames: readonly (string | null)[];
  readonly unique: boolean;
  /**
   * Set where the index is the UNIQUE constraint of that name (MySQL keeps no difference
   * between the two); building a Table skips such an index, as SQLAlchemy does.
   */
  readonly duplicatesConstraint?: string;
}

/** A UNIQUE constraint. `name` is null where the database keeps none (an unnamed SQLite constraint). */
export interface ReflectedUniqueConstraint {
  readonly name: string | null;
  readonly columnNames: readonly string[];
}

/**
 * A CHECK constraint (SQLAlchemy's `ReflectedCheckConstraint`): its condition as SQL
 * text, without `CHECK (...)` and without parentheses around the whole, in the form the
 * database keeps (each rewrites what was written: `qty >= 0` reads back as `qty >= 0` on
 * PostgreSQL and SQLite, as `` `qty` >= 0 `` on MySQL and MariaDB). `name` is null where
 * the database keeps none (an unnamed SQLite CHECK).
 */
export interface ReflectedCheckConstraint {
  readonly name: string | null;
  readonly sqltext: string;
}

/** A table's comment (SQLAlchemy's `ReflectedTableComment`); `text` is null when it has none. */
export interface ReflectedTableComment {
  readonly text: string | null;
}

/** Everything reflected about one table, what `metadata.reflect` builds a Table from. */
export interface ReflectedTable {
  readonly name: string;
  readonly schema: string | null;
  readonly columns: readonly ReflectedColumn[];
  readonly primaryKey: ReflectedPrimaryKey;
  readonly foreignKeys: readonly ReflectedForeignKey[];
  readonly indexes: readonly ReflectedIndex[];
  readonly uniqueConstraints: readonly ReflectedUniqueConstraint[];
  readonly checkConstraints: readonly ReflectedCheckConstraint[];
  readonly comment: string | null;
  /** The dialect's own table options (`{ mysql: { engine: "InnoDB", ... } }`); `{}` where it has none. */
  readonly options: DialectTableOptions;
}
