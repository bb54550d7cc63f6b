import { ArgumentError } from "../../errors.js";
import type { SQLCompiler } from "../compiler/sql-compiler.js";
import { identityToken, type CacheKeyContext } from "../element.js";
import type { ColumnElement } from "../elements/column-element.js";
import { FromClause } from "../selectable/from-clause.js";
import { callable } from "./callable.js";
import { ColumnImpl, type AnyColumn } from "./column.js";
import type { DDLBind } from "../ddl/schema-ddl-request.js";
import type { MetaData } from "./metadata.js";
import { attachColumnSchemaItems } from "./column-schema-items.js";
import { isDialectNamespace, validateTableDialectOptions, type DialectOptionValues, type DialectTableOptions } from "./dialect-options.js";
import type { Constraint } from "./constraint.js";
import type { ForeignKey } from "./foreign-key.js";
import type { ForeignKeyConstraint } from "./foreign-key-constraint.js";
import { PrimaryKeyConstraintImpl, type PrimaryKeyConstraint } from "./primary-key.js";
import type { ReflectBind } from "./reflect-request.js";
import { reflectTable } from "./reflect-table.js";
import { TableArgument } from "./table-argument.js";
import type { Index } from "./table-index.js";

/**
 * A Table's options: its schema and comment, and options for particular databases in
 * their dialect's namespace (`{ mysql: { engine: "InnoDB" } }`, see DialectTableOptions).
 */
export interface TableOptions extends DialectTableOptions {
  /** The database schema the table lives in: `schema.table`. */
  readonly schema?: string;
  readonly comment?: string;
}

/** The keys of TableOptions that are core's own; any other key is a dialect namespace. */
const CORE_TABLE_OPTIONS: ReadonlySet<string> = new Set(["schema", "comment"]);

/**
 * A table's columns by key, with SQLAlchemy's `keys()`. Columns named at run time
 * (`Column(\`c${i}\`, Integer)`) are reached through a string index. The `Table` type
 * that any table is assignable to (columns `AnyColumn`) has no entries: a string index
 * of AnyColumn would clash with `keys` and make no specific table assignable to it.
 * Reach its columns with `table.columns` or `table.column(key)`.
 */
export type ColumnCollection<Cols extends readonly AnyColumn[]> = {
  readonly [C in Cols[number] as string extends C["key"] ? (AnyColumn extends C ? never : C["key"]) : C["key"]]: C;
} & {
  /** The column keys in table order: `['id', 'name', 'fullname']`. */
  keys(): string[];
};

/**
 * A database table, as SQLAlchemy's Table: columns (typed on `table.c`), constraints,
 * and its MetaData. It is a FROM clause: `select(table)` selects its columns.
 */
export class TableImpl<Cols extends readonly AnyColumn[] = readonly AnyColumn[]> extends FromClause {
  readonly columns: Cols;
  /** This table in cache keys. */
  private readonly identity = identityToken("t");
  readonly c: ColumnCollection<Cols>;
  readonly schema: string | null;
  readonly fullname: string;
  readonly comment: string | null;
  /**
   * The options for particular databases, by dialect namespace, as SQLAlchemy's
   * `Table.dialect_options`: `table.dialectOptions.mysql?.engine`.
   */
  readonly dialectOptions: DialectTableOptions;
  readonly arguments: readonly TableArgument[];
  private pk: PrimaryKeyConstraint = PrimaryKeyConstraintImpl.fromColumnFlags([]);
  private readonly otherConstraints = new Set<Constraint>();
  private readonly tableIndexes = new Set<Index>();

  constructor(
    readonly name: string,
    readonly metadata: MetaData,
    columns: Cols,
    args: readonly TableArgument[],
    options: TableOptions,
  ) {
    super();
    this.columns = columns;
    this.schema = options.schema ?? metadata.options.schema ?? null;
    this.fullname = this.schema === null ? name : `${this.schema}.${name}`;
    this.comment = options.comment ?? null;
    this.dialectOptions = dialectOptionsOf(name, options);
    this.arguments = args;
    this.c = collectionOf(columns);
    for (const column of columns) {
      if (column.table !== null) {
        throw new ArgumentError(`Column '${column.name}' already belongs to table '${column.table.name}'; create a new Column.`);
      }
      column.table = this;
    }
    PrimaryKeyConstraintImpl.fromColumnFlags(columns).attachToTable(this);
    for (const column of columns) attachColumnSchemaItems(column, this);
    for (const arg of args) arg.attachToTable(this);
    metadata.addTable(this);
  }

  /** The primary key constraint (empty when the table has none). */
  get primaryKey(): PrimaryKeyConstraint {
    return this.pk;
  }

  /** Called by an explicit PrimaryKeyConstraint; it replaces the one from column flags. */
  setPrimaryKey(pk: PrimaryKeyConstraint): void {
    this.pk = pk;
  }

  /** Every constraint: the primary key, then the others in the order they were created. */
  get constraints(): ReadonlySet<Constraint> {
    return new Set([this.pk, ...[...this.otherConstraints].sort((a, b) => a.creationOrder - b.creationOrder)]);
  }

  /** The FOREIGN KEY constraints, in the order they were created. */
  get foreignKeyConstraints(): ReadonlySet<ForeignKeyConstraint> {
    const fkcs = [...this.constraints].filter((c): c is ForeignKeyConstraint => c.conventionKey === "fk");
    return new Set(fkcs);
  }

  /** Every column's ForeignKeys, in constraint order. */
  get foreignKeys(): ReadonlySet<ForeignKey> {
    return new Set([...this.foreignKeyConstraints].flatMap((fkc) => fkc.elements));
  }

  /** The table's indexes, in the order they were attached. */
  get indexes(): ReadonlySet<Index> {
    return this.tableIndexes;
  }

  /**
   * Adds a constraint or index after the table is built, as SQLAlchemy's
   * `append_constraint` (for a CHECK written with the table's own columns, say).
   */
  appendConstraint(item: Constraint | Index): void {
    item.attachToTable(this);
  }

  /**
   * CREATE TABLE and its indexes on an Engine or Connection, as SQLAlchemy's
   * `Table.create`; with `checkfirst` (false by default, as there) an existing table is skipped.
   *
   * @example
   * await userTable.create(engine, { checkfirst: true });
   */
  async create(bind: DDLBind, options: { readonly checkfirst?: boolean } = {}): Promise<void> {
    await this.metadata.createAll(bind, { tables: [this], checkfirst: options.checkfirst ?? false });
  }

  /** DROP TABLE on an Engine or Connection, as SQLAlchemy's `Table.drop`. */
  async drop(bind: DDLBind, options: { readonly checkfirst?: boolean } = {}): Promise<void> {
    await this.metadata.dropAll(bind, { tables: [this], checkfirst: options.checkfirst ?? false });
  }

  /** Called by a constraint when it attaches to this table. */
  addConstraint(constraint: Constraint): void {
    this.otherConstraints.add(constraint);
  }

  /** Called by an index when it attaches to this table. */
  addIndex(index: Index): void {
    this.tableIndexes.add(index);
  }

  /** The column with this key; an error naming the table's columns otherwise. */
  column(key: string): AnyColumn {
    const found = this.columns.find((c) => c.key === key);
    if (found === undefined) {
      throw new ArgumentError(
        `Table '${this.fullname}' has no column '${key}'; its columns are ${this.columns.map((c) => `'${c.key}'`).join(", ")}.`,
      );
    }
    return found;
  }

  exportedColumns(): readonly ColumnElement<unknown>[] {
    return this.columns;
  }

  genCacheKey(ctx: CacheKeyContext): void {
    ctx.key += this.identity;
  }

  compilerDispatch(compiler: SQLCompiler): string {
    return compiler.visitTable(this);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Table('${this.name}', MetaData(), ${this.columns.map((c) => c.repr()).join(", ")}, schema=${this.schema === null ? "None" : `'${this.schema}'`})`;
  }
}

/** The dialect namespaces of a Table's options, each checked against its dialect's spec. */
function dialectOptionsOf(tableName: string, options: TableOptions): DialectTableOptions {
  const namespaces: Record<string, DialectOptionValues> = {};
  for (const [key, value] of Object.entries(options)) {
    if (CORE_TABLE_OPTIONS.has(key) || value === undefined) continue;
    // A registered namespace is checked (and named) as such; any other key must look like one.
    if (!isDialectNamespace(key) && (value === null || typeof value !== "object")) {
      throw new ArgumentError(
        `Table('${tableName}'): unknown option '${key}'; Table options are ${[...CORE_TABLE_OPTIONS].map((k) => `'${k}'`).join(", ")}, ` +
          `and a dialect's options in its namespace, e.g. { mysql: { engine: "InnoDB" } }.`,
      );
    }
    namespaces[key] = validateTableDialectOptions(tableName, key, value);
  }
  return Object.freeze(namespaces);
}

function collectionOf<Cols extends readonly AnyColumn[]>(columns: Cols): ColumnCollection<Cols> {
  const keys = columns.map((c) => c.key);
  const collection: Record<string, unknown> = Object.create({ keys: () => [...keys] });
  for (const column of columns) {
    if (column.key in collection && Object.hasOwn(collection, column.key)) {
      throw new ArgumentError(`Duplicate column key '${column.key}'; give one of them another name or key.`);
    }
    collection[column.key] = column;
  }
  return Object.freeze(collection) as ColumnCollection<Cols>;
}

/** Any table, whatever its columns. */
export type Table<Cols extends readonly AnyColumn[] = readonly AnyColumn[]> = TableImpl<Cols>;

type TableItem = AnyColumn | TableArgument | TableOptions;
type ColumnsOf<Items extends readonly unknown[]> = Items extends readonly [infer H, ...infer R]
  ? H extends AnyColumn
    ? [H, ...ColumnsOf<R>]
    : ColumnsOf<R>
  : [];

interface TableFactory {
  <const Items extends readonly TableItem[]>(name: string, metadata: MetaData, ...items: Items): TableImpl<ColumnsOf<Items>>;
  new <const Items extends readonly TableItem[]>(name: string, metadata: MetaData, ...items: Items): TableImpl<ColumnsOf<Items>>;
  prototype: TableImpl;
  /** The table as the database defines it, built into `metadata` (see reflectTable). */
  reflect(name: string, metadata: MetaData, bind: ReflectBind, options?: { readonly schema?: string }): Promise<TableImpl>;
}

function buildTable(name: string, metadata: MetaData, ...items: TableItem[]): TableImpl {
  if (typeof name !== "string" || name === "") {
    throw new ArgumentError(`Table() needs a name as its first argument: Table("user_account", metadata, ...columns).`);
  }
  if (metadata === null || typeof metadata !== "object" || !("addTable" in metadata)) {
    throw new ArgumentError(`Table('${name}', ...) needs a MetaData as its second argument: Table("${name}", MetaData(), ...).`);
  }
  const columns: AnyColumn[] = [];
  const args: TableArgument[] = [];
  let options: TableOptions = {};
  for (const item of items) {
    if (item instanceof ColumnImpl) columns.push(item);
    else if (item instanceof TableArgument) args.push(item);
    else if (typeof item === "object" && item !== null) options = { ...options, ...item };
    else throw new ArgumentError(`Table('${name}', ...): unexpected argument ${String(item)}; pass Column(...), constraints, or options.`);
  }
  return new TableImpl(name, metadata, columns, args, options);
}

/**
 * A database table, as SQLAlchemy's `Table(name, metadata, *columns, *constraints)`.
 *
 * @example
 * const userTable = Table(
 *   "user_account",
 *   metadata,
 *   Column("id", Integer, { primaryKey: true }),
 *   Column("name", String(30)),
 *   Column("fullname", String),
 * );
 * userTable.c.name; // a typed column
 */
export const Table = Object.assign(callable(TableImpl as unknown as abstract new () => TableImpl, buildTable), {
  reflect: reflectTable,
}) as unknown as TableFactory;
