import { ArgumentError, InvalidRequestError } from "../../errors.js";
import type { AnyColumn } from "./column.js";

/**
 * Names for constraints and indexes created without one, per kind, as SQLAlchemy's
 * `naming_convention`. The templates use SQLAlchemy's own `%(token)s` syntax, so a
 * convention can be copied verbatim from a SQLAlchemy or Alembic project:
 *
 * - `%(table_name)s`, `%(referred_table_name)s` (foreign keys), `%(constraint_name)s`
 *   (the name given explicitly; a convention with it renames named constraints too);
 * - `%(column_0_name)s`, `%(column_0_key)s`, `%(column_0_label)s` (`table_column`), any
 *   index for the 0; `%(column_0N_name)s` joins every column's name, `%(column_0_N_name)s`
 *   joins them with `_`; `%(referred_column_0_name)s` and its N forms for foreign keys.
 *
 * @example
 * MetaData({
 *   namingConvention: {
 *     ix: "ix_%(column_0_label)s",
 *     uq: "uq_%(table_name)s_%(column_0_name)s",
 *     ck: "ck_%(table_name)s_%(constraint_name)s",
 *     fk: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
 *     pk: "pk_%(table_name)s",
 *   },
 * });
 */
export type NamingConvention = Readonly<Partial<Record<ConventionKey, string>>>;

/** ix: Index, uq: UniqueConstraint, ck: CheckConstraint, fk: ForeignKeyConstraint, pk: PrimaryKeyConstraint. */
export type ConventionKey = "ix" | "uq" | "ck" | "fk" | "pk";

/** SQLAlchemy's default: only indexes get a generated name. A MetaData's own convention replaces it. */
export const DEFAULT_NAMING_CONVENTION: NamingConvention = Object.freeze({ ix: "ix_%(column_0_label)s" });

/** What a convention reads from a constraint or index. */
export interface ConventionSubject {
  readonly conventionKey: ConventionKey;
  /** The name given explicitly, or null. */
  readonly explicitName: string | null;
  /** The constrained (or indexed) columns, in order. */
  readonly columns: readonly AnyColumn[];
  /** Foreign keys: the referred table's name and column names, as the target strings spell them. */
  readonly referred?: { readonly tableName: string; readonly columnNames: readonly string[] };
}

interface ConventionTable {
  readonly name: string;
  readonly schema: string | null;
}

/**
 * The name a constraint or index gets on `table`: the convention's, when there is one
 * for its kind and it has no explicit name (or the convention uses
 * `%(constraint_name)s`); otherwise its explicit name.
 */
export function conventionName(subject: ConventionSubject, table: ConventionTable, convention: NamingConvention): string | null {
  const template = convention[subject.conventionKey];
  if (template === undefined) return subject.explicitName;
  if (subject.explicitName !== null && !template.includes("%(constraint_name)s")) return subject.explicitName;
  return template.replace(/%\((\w+)\)s/g, (_match, token: string) => tokenValue(token, subject, table, template));
}

const COLUMN_TOKEN = /^(referred_)?column_(\d+)(N|_N)?_(name|key|label)$/;

function tokenValue(token: string, subject: ConventionSubject, table: ConventionTable, template: string): string {
  if (token === "table_name") return table.name;
  if (token === "constraint_name") {
    if (subject.explicitName === null) {
      throw new InvalidRequestError(
        `Naming convention '${template}' includes %(constraint_name)s, which requires the ${describe(subject)} ` +
          `on table '${table.name}' to be named explicitly: pass { name: "..." }.`,
      );
    }
    return subject.explicitName;
  }
  if (token === "referred_table_name") return referred(subject, token).tableName;
  const m = COLUMN_TOKEN.exec(token);
  if (m === null) {
    throw new ArgumentError(
      `Unknown naming convention token %(${token})s in '${template}'. Known tokens: table_name, constraint_name, ` +
        `referred_table_name, column_0_name, column_0_key, column_0_label, column_0N_name, column_0_N_name, referred_column_0_name.`,
    );
  }
  const [, isReferred, index, joined, part] = m;
  const values = isReferred
    ? referred(subject, token).columnNames
    : subject.columns.map((c) => (part === "key" ? c.key : part === "label" ? columnLabel(c, table) : c.name));
  if (joined !== undefined) return values.join(joined === "N" ? "" : "_");
  const value = values[Number(index)];
  if (value === undefined) {
    throw new InvalidRequestError(
      `Naming convention token %(${token})s: the ${describe(subject)} on table '${table.name}' has only ${values.length} column(s).`,
    );
  }
  return value;
}

/** SQLAlchemy's column label: `table_column`, with the schema first when there is one. */
function columnLabel(column: AnyColumn, table: ConventionTable): string {
  const prefix = table.schema === null ? table.name : `${table.schema.replaceAll(".", "_")}_${table.name}`;
  return `${prefix}_${column.name}`;
}

function referred(subject: ConventionSubject, token: string): NonNullable<ConventionSubject["referred"]> {
  if (subject.referred === undefined) {
    throw new ArgumentError(`Naming convention token %(${token})s applies only to foreign keys, not to a ${describe(subject)}.`);
  }
  return subject.referred;
}

function describe(subject: ConventionSubject): string {
  const kinds: Record<ConventionKey, string> = {
    ix: "Index",
    uq: "UniqueConstraint",
    ck: "CheckConstraint",
    fk: "ForeignKeyConstraint",
    pk: "PrimaryKeyConstraint",
  };
  return kinds[subject.conventionKey];
}
