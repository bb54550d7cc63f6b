import { ArgumentError } from "../../errors.js";

/**
 * A Table's options for particular databases, one namespace per dialect, as
 * SQLAlchemy's dialect kwargs (`mysql_engine="InnoDB"` there, `{ mysql: { engine:
 * "InnoDB" } }` here). Core declares no namespace: a dialect package adds its own by
 * module augmentation, and registers its keys with `registerDialectOptions` so a typo
 * fails when the Table is built. Other dialects ignore a namespace that is not theirs,
 * so one Table declaration serves every database.
 *
 * @example
 * // in a dialect package
 * declare module "@alkahest/core/dialect" {
 *   interface DialectTableOptions {
 *     readonly mydb?: { readonly storage?: string };
 *   }
 * }
 * registerDialectOptions("mydb", { table: { storage: /^\w+$/ } });
 */
// Empty here: dialect packages merge their namespaces into it.
export interface DialectTableOptions {}

/** The options of one namespace, as a Table keeps them. */
export type DialectOptionValues = Readonly<Record<string, unknown>>;

/** A dialect's options: each key a Table takes, with the pattern its (string) value must match. */
export interface DialectOptionSpec {
  readonly table: Readonly<Record<string, RegExp>>;
}

const specs = new Map<string, DialectOptionSpec>();

/**
 * Declares the Table options of a dialect namespace (SQLAlchemy's `construct_arguments`),
 * done once by the dialect package when it loads. From then on `Table(..., { ns: {...} })`
 * rejects keys and values the spec does not allow.
 *
 * @example
 * registerDialectOptions("mysql", { table: { engine: /^\w+$/, charset: /^\w+$/ } });
 */
export function registerDialectOptions(namespace: string, spec: DialectOptionSpec): void {
  specs.set(namespace, spec);
}

/** Whether a dialect package registered this namespace. */
export function isDialectNamespace(namespace: string): boolean {
  return specs.has(namespace);
}

/**
 * Checks one namespace's Table options against its dialect's spec, and returns a frozen
 * copy for the Table to keep. A namespace no loaded dialect registered cannot be checked
 * and is kept as given (SQLAlchemy warns the same way about `<dialect>_<key>` arguments
 * of a dialect it cannot find); its dialect checks it again when it renders.
 */
export function validateTableDialectOptions(tableName: string, namespace: string, values: unknown): DialectOptionValues {
  if (values === null || typeof values !== "object" || Array.isArray(values)) {
    throw new ArgumentError(
      `Table('${tableName}'): the ${namespace} options must be an object, e.g. { ${namespace}: { key: "value" } }; got ${String(values)}.`,
    );
  }
  const spec = specs.get(namespace);
  if (spec === undefined) return Object.freeze({ ...values });
  const allowed = Object.keys(spec.table);
  for (const [key, value] of Object.entries(values)) {
    const pattern = spec.table[key];
    if (pattern === undefined || !Object.hasOwn(spec.table, key)) {
      throw new ArgumentError(
        `Table('${tableName}'): unknown ${namespace} option '${key}'; the ${namespace} options of a Table are ${allowed.map((k) => `'${k}'`).join(", ")}.`,
      );
    }
    if (value !== undefined && (typeof value !== "string" || !pattern.test(value))) {
      throw new ArgumentError(
        `Table('${tableName}'): the ${namespace} option '${key}' must be a string matching ${String(pattern)}; got ${JSON.stringify(value)}.`,
      );
    }
  }
  return Object.freeze({ ...values });
}
