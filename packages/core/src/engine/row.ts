/**
 * Result rows, SQLAlchemy's `Row`: tuple-like (index access, `length`, iteration and
 * destructuring) with named access to each column and a `_mapping` view.
 *
 * Rows are the hot path of every large result, so a row is one small object holding
 * the driver's own row, its values array or, where the driver builds objects more
 * cheaply (see DriverResult.objectRows), its row object; everything else lives on a
 * prototype built once per result shape by {@link rowClass}.
 */
import { InvalidRequestError } from "../errors.js";
import { reprRow } from "../util/repr.js";

// Symbols rather than string fields, so no column name can shadow the storage.
const VALUES: unique symbol = Symbol("alkahest.row.values");
const MAPPING: unique symbol = Symbol("alkahest.row.mapping");
const FIELDS: unique symbol = Symbol("alkahest.row.fields");
/** The values in column order: the stored array itself on array rows (never handed out), a new one on object rows. */
const VALUE_ARRAY: unique symbol = Symbol("alkahest.row.valueArray");
const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as typeof INSPECT;

/** Names a column may have that Row's own members (or Object's) keep for themselves. */
type ReservedRowKey =
  | "length"
  | "_mapping"
  | "_fields"
  | "_asdict"
  | "_tuple"
  | "toJSON"
  | "toString"
  | "then"
  | "__proto__"
  | "__defineGetter__"
  | "__defineSetter__"
  | "__lookupGetter__"
  | "__lookupSetter__"
  | keyof Object
  | `${number}`;

/** What every row has, whatever its columns. */
export type RowMembers<T extends readonly unknown[], M extends Record<string, unknown>> = {
  /** The number of columns. */
  readonly length: T["length"] & number;
  /** The row as a frozen plain object, column name to value; a repeated name keeps its first column. */
  readonly _mapping: Readonly<M>;
  /** The column names, in order. */
  readonly _fields: readonly string[];
  /** A new, mutable plain object of the row, column name to value. */
  _asdict(): M;
  /** A new array of the row's values. */
  _tuple(): T;
  /** Rows serialise as JSON arrays, like the tuples they stand for. */
  toJSON(): T;
  /** Python tuple text: `(1, 'spongebob', None)`, `('hello world',)`. */
  toString(): string;
  [Symbol.iterator](): IterableIterator<T[number]>;
};

/** Index access: `row[0]` is `T[0]`; a non-literal index gives the union of the element types. */
export type RowIndexes<T extends readonly unknown[]> = {
  readonly [K in keyof T as K extends `${number}` ? K : never]: T[K];
} & { readonly [index: number]: T[number] };

/** Named access for every column whose name does not clash with a member of Row. */
export type RowNames<M extends Record<string, unknown>> = {
  readonly [K in keyof M as K extends ReservedRowKey ? never : K]: M[K];
};

/**
 * One result row: a tuple of `T` with named access typed from `M`. Untyped SQL
 * (`text()`) gives `Row` with its defaults, `unknown` for every value.
 *
 * A row has no array methods; use `row._tuple()` for an array. Rows are
 * immutable: they have only getters, so assigning a column, an index or a member
 * throws a TypeError in strict-mode code (every ES module and class) and is
 * silently ignored in sloppy-mode scripts. The values array is never handed out.
 *
 * A column whose name clashes with a Row member (`length`, `_mapping`, `toString`,
 * `then`, anything on `Object.prototype`, an array index like `"0"`) has no named
 * getter; reach it by index or through `_mapping`. When two columns share a name
 * (`SELECT x, x`), the named getter throws; `_mapping` keeps the first.
 *
 * @example
 * const row: Row<[number, string], { id: number; name: string }> = result.one();
 * row[0];                   // 1
 * row.name;                 // "spongebob"
 * const [id, name] = row;   // number, string
 * row._mapping;             // { id: 1, name: "spongebob" }
 * String(row);              // "(1, 'spongebob')"
 */
export type Row<
  T extends readonly unknown[] = unknown[],
  M extends Record<string, unknown> = Record<string, unknown>,
> = RowMembers<T, M> & RowIndexes<T> & RowNames<M>;

/** A driver's row object: column `i` is its property `rowKeys[i]` (see {@link rowClass}). */
export type RowObject = Readonly<Record<string, unknown>>;

/**
 * A generated row class: `new Cls(values)` wraps the values array (or, for a class
 * with `rowKeys`, the row object) without copying it.
 */
export interface RowConstructor<R extends Row = Row> {
  new (values: readonly unknown[] | RowObject): R;
  /** The column names rows of this class are built for, in order. */
  readonly fields: readonly string[];
  /** Set on classes whose rows wrap a driver's row objects: the property of each column. */
  readonly rowKeys: readonly string[] | null;
}

/** Members shared by every row class; the per-shape subclass adds the column getters. */
class BaseRow {
  // `declare`: assigned in the constructor only, no separate field definition per row.
  declare readonly [VALUES]: readonly unknown[] | RowObject;
  // Not set in the constructor: one field less on every row. Only rows whose _mapping
  // is read get it (and a second hidden class, which their getters handle as well).
  declare [MAPPING]?: Readonly<Record<string, unknown>>;
  declare readonly [FIELDS]: readonly string[];

  constructor(values: readonly unknown[] | RowObject) {
    this[VALUES] = values;
  }

  [VALUE_ARRAY](): readonly unknown[] {
    return this[VALUES] as readonly unknown[];
  }

  get length(): number {
    return this[VALUE_ARRAY]().length;
  }

  get _fields(): readonly string[] {
    return this[FIELDS];
  }

  get _mapping(): Readonly<Record<string, unknown>> {
    return (this[MAPPING] ??= Object.freeze(buildMapping(this[FIELDS], this[VALUE_ARRAY]())));
  }

  _asdict(): Record<string, unknown> {
    return buildMapping(this[FIELDS], this[VALUE_ARRAY]());
  }

  _tuple(): unknown[] {
    return this[VALUE_ARRAY]().slice();
  }

  toJSON(): unknown[] {
    return this[VALUE_ARRAY]().slice();
  }

  toString(): string {
    return reprRow(this[VALUE_ARRAY]());
  }

  [Symbol.iterator](): IterableIterator<unknown> {
    return this[VALUE_ARRAY]()[Symbol.iterator]();
  }

  [INSPECT](): string {
    return reprRow(this[VALUE_ARRAY]());
  }
}

function buildMapping(fields: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const name = fields[i] as string;
    if (Object.prototype.hasOwnProperty.call(out, name)) continue;
    // Plain assignment of "__proto__" would set the prototype instead of a key.
    if (name === "__proto__") {
      Object.defineProperty(out, name, { value: values[i], enumerable: true, writable: true, configurable: true });
    } else {
      out[name] = values[i];
    }
  }
  return out;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/** True when a column of this name gets no named getter (see {@link Row}). */
export function isReservedColumnName(name: string): boolean {
  // `in` walks to Object.prototype, so this also covers constructor, valueOf, __proto__...
  // A "then" getter would make rows thenable and `await row` would misbehave.
  return name in BaseRow.prototype || name === "then" || ARRAY_INDEX.test(name);
}

/** Bounded so that ad-hoc SQL with endless distinct shapes cannot grow it forever. */
const CACHE_LIMIT = 500;
const cache = new Map<string, RowConstructor>();

/**
 * The row class for results with these column names, built once per shape and
 * cached (the most recent 500 shapes). Call it per compiled statement and hand the
 * class to `Result`; building rows is then one small object per row.
 *
 * Rows wrap values arrays; given `rowKeys` (one property name per column, all
 * distinct), they wrap a driver's row objects instead, column `i` being the
 * object's property `rowKeys[i]`. Either way they behave the same.
 *
 * @example
 * const Cls = rowClass(["id", "name"]);
 * const row = new Cls([1, "spongebob"]);
 * row.name; // "spongebob"
 */
export function rowClass<R extends Row = Row>(keys: readonly string[], rowKeys?: readonly string[]): RowConstructor<R> {
  const objects = rowKeys ?? null;
  const key = `${keys.length}\u0000${keys.join("\u0000")}${objects === null ? "" : `\u0001${objects.join("\u0000")}`}`;
  const hit = cache.get(key);
  // The joined key can collide only for names holding NUL; confirm before reusing.
  if (hit !== undefined && sameKeys(hit.fields, keys) && sameRowKeys(hit.rowKeys, objects)) {
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    cache.delete(key);
    cache.set(key, hit);
    return hit as unknown as RowConstructor<R>;
  }
  const cls = buildRowClass(keys, objects);
  if (hit === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, cls);
  }
  return cls as unknown as RowConstructor<R>;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRowKeys(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === null || b === null ? a === b : sameKeys(a, b);
}

function buildRowClass(keys: readonly string[], objectKeys: readonly string[] | null): RowConstructor {
  const fields = Object.freeze(keys.slice());
  const rowKeys = objectKeys === null ? null : Object.freeze(objectKeys.slice());
  if (rowKeys !== null && (rowKeys.length !== fields.length || new Set(rowKeys).size !== rowKeys.length)) {
    throw new InvalidRequestError(
      `rowClass() needs one distinct row key per column, got [${rowKeys.join(", ")}] for ${fields.length} columns`,
    );
  }
  const cls = class Row extends BaseRow {};
  const proto = cls.prototype;
  Object.defineProperty(proto, FIELDS, { value: fields });
  if (rowKeys !== null) defineObjectStorage(proto, rowKeys);
  const getters = fields.map((_, i) => columnGetter(rowKeys === null ? i : (rowKeys[i] as string)));
  for (let i = 0; i < fields.length; i++) Object.defineProperty(proto, i, { get: getters[i] });
  const seen = new Map<string, number>();
  for (const name of fields) seen.set(name, (seen.get(name) ?? 0) + 1);
  for (let i = 0; i < fields.length; i++) {
    const name = fields[i] as string;
    if (isReservedColumnName(name) || Object.prototype.hasOwnProperty.call(proto, name)) continue;
    const get =
      (seen.get(name) ?? 0) > 1
        ? () => {
            throw new InvalidRequestError(
              `Ambiguous column name '${name}' in result set; use row[index] or label the columns`,
            );
          }
        : getters[i];
    Object.defineProperty(proto, name, { get });
  }
  Object.defineProperty(cls, "fields", { value: fields });
  Object.defineProperty(cls, "rowKeys", { value: rowKeys });
  return cls as unknown as RowConstructor;
}

/**
 * The getter of one column: by index into a values array, or by property on a row
 * object. Two function literals, so that array rows' getters share feedback only with
 * each other and stay fast element loads.
 */
function columnGetter(at: number | string): (this: BaseRow) => unknown {
  return typeof at === "number"
    ? function (this: BaseRow) {
        return (this[VALUES] as readonly unknown[])[at];
      }
    : function (this: BaseRow) {
        return (this[VALUES] as RowObject)[at];
      };
}

/** What rows over row objects do differently: their values array is built on demand. */
function defineObjectStorage(proto: BaseRow, rowKeys: readonly string[]): void {
  const width = rowKeys.length;
  Object.defineProperty(proto, VALUE_ARRAY, {
    value(this: BaseRow): unknown[] {
      const object = this[VALUES] as RowObject;
      const values = new Array<unknown>(width);
      for (let i = 0; i < width; i++) values[i] = object[rowKeys[i] as string];
      return values;
    },
  });
  Object.defineProperty(proto, "length", { get: () => width });
}

/**
 * True for rows built by any {@link rowClass}.
 *
 * @example
 * isRow(result.first()); // true
 */
export function isRow(value: unknown): value is Row {
  return value instanceof BaseRow;
}
