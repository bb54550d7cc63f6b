import type { DialectTableOptions } from "../../sql/schema/dialect-options.js";
import type { Connection } from "../connection.js";
import { Engine } from "../engine.js";
import type { DialectReflection } from "./dialect-reflection.js";
import { noSuchTable, reflectionOf, sortByName } from "./reflect-table-data.js";
import type {
  ReflectedCheckConstraint,
  ReflectedColumn,
  ReflectedForeignKey,
  ReflectedIndex,
  ReflectedPrimaryKey,
  ReflectedTableComment,
  ReflectedUniqueConstraint,
} from "./reflected.js";

/** The schema a question is about; the connection's default schema when absent. */
export interface InspectOptions {
  readonly schema?: string;
}

/**
 * Asks the database about its schema, as SQLAlchemy's Inspector. Made by
 * `inspect(engine)` (each question checks out a connection of its own and gives it back)
 * or `inspect(conn)` (questions run on that connection, in its transaction, so they see
 * its uncommitted DDL). Questions about a table that does not exist raise NoSuchTableError.
 *
 * @example
 * const insp = await inspect(engine);
 * await insp.getTableNames();            // ['address', 'user_account']
 * await insp.getColumns("user_account"); // [{ name: 'id', type: Integer(), nullable: false, ... }, ...]
 */
export class Inspector {
  private constructor(private readonly bind: Engine | Connection) {}

  /** @internal Use `inspect(engine)`. */
  static async create(bind: Engine | Connection): Promise<Inspector> {
    if (bind instanceof Engine) await bind.ready();
    return new Inspector(bind);
  }

  /** The table names of the schema, sorted (SQLAlchemy's `get_table_names`). */
  async getTableNames(options: InspectOptions = {}): Promise<string[]> {
    return this.run((conn, reflection) => reflection.getTableNames(conn, options.schema ?? null));
  }

  /** The names of the schema's views, sorted (SQLAlchemy's `get_view_names`); materialized views are not among them. */
  async getViewNames(options: InspectOptions = {}): Promise<string[]> {
    return this.run((conn, reflection) => reflection.getViewNames(conn, options.schema ?? null));
  }

  /** The names of the schema's materialized views, sorted (PostgreSQL); none where the database has no such thing. */
  async getMaterializedViewNames(options: InspectOptions = {}): Promise<string[]> {
    return this.run(async (conn, reflection) => (await reflection.getMaterializedViewNames?.(conn, options.schema ?? null)) ?? []);
  }

  /**
   * The definition of a view or materialized view as the database keeps it: the SELECT
   * (PostgreSQL, MySQL, MariaDB) or the whole CREATE VIEW (SQLite). NoSuchTableError when
   * there is no such view.
   *
   * @example
   * await insp.getViewDefinition("active_users"); // " SELECT user_account.id, ... WHERE ..."
   */
  async getViewDefinition(viewName: string, options: InspectOptions = {}): Promise<string> {
    const schema = options.schema ?? null;
    const definition = await this.run((conn, reflection) => reflection.getViewDefinition(conn, viewName, schema));
    if (definition === null) throw noSuchTable(viewName, schema, "View");
    return definition;
  }

  /** Whether the table exists (temporary tables included), as `createAll({ checkfirst })` asks. */
  async hasTable(tableName: string, options: InspectOptions = {}): Promise<boolean> {
    return this.withConnection((conn) => conn.dialect.hasTable(conn, tableName, options.schema ?? null));
  }

  /** The columns in table order: name, core type, raw type, nullable, server default, autoincrement, comment (null without one). */
  async getColumns(tableName: string, options: InspectOptions = {}): Promise<ReflectedColumn[]> {
    const schema = options.schema ?? null;
    const columns = await this.run((conn, reflection) => reflection.getColumns(conn, tableName, schema));
    if (columns.length === 0) throw noSuchTable(tableName, schema);
    return columns;
  }

  /** The primary key's name (null where the database keeps none) and its columns in key order. */
  async getPkConstraint(tableName: string, options: InspectOptions = {}): Promise<ReflectedPrimaryKey> {
    return this.askAboutTable(tableName, options, (conn, r, schema) => r.getPkConstraint(conn, tableName, schema));
  }

  /** The FOREIGN KEY constraints, with their referred table and columns and ON DELETE / ON UPDATE. */
  async getForeignKeys(tableName: string, options: InspectOptions = {}): Promise<ReflectedForeignKey[]> {
    return this.askAboutTable(tableName, options, (conn, r, schema) => r.getForeignKeys(conn, tableName, schema));
  }

  /** The indexes other than the primary key's, sorted by name. */
  async getIndexes(tableName: string, options: InspectOptions = {}): Promise<ReflectedIndex[]> {
    return this.askAboutTable(tableName, options, (conn, r, schema) => r.getIndexes(conn, tableName, schema));
  }

  /** The UNIQUE constraints. */
  async getUniqueConstraints(tableName: string, options: InspectOptions = {}): Promise<ReflectedUniqueConstraint[]> {
    return this.askAboutTable(tableName, options, (conn, r, schema) => r.getUniqueConstraints(conn, tableName, schema));
  }

  /**
   * The CHECK constraints, sorted by name (unnamed ones last), each with its condition as
   * the database keeps it (SQLAlchemy's `get_check_constraints`).
   *
   * @example
   * await insp.getCheckConstraints("item"); // [{ name: "ck_item_qty", sqltext: "qty >= 0" }]
   */
  async getCheckConstraints(tableName: string, options: InspectOptions = {}): Promise<ReflectedCheckConstraint[]> {
    return sortByName(await this.askAboutTable(tableName, options, (conn, r, schema) => r.getCheckConstraints(conn, tableName, schema)));
  }

  /** The table's comment: `{ text: null }` when it has none (and always on SQLite, which keeps none). */
  async getTableComment(tableName: string, options: InspectOptions = {}): Promise<ReflectedTableComment> {
    return this.askAboutTable(tableName, options, (conn, r, schema) => r.getTableComment(conn, tableName, schema));
  }

  /**
   * The dialect's own options of the table, in its namespace, as SQLAlchemy's
   * `get_table_options`; `{}` on a database that has none.
   *
   * @example
   * await insp.getTableOptions("item"); // MariaDB: { mysql: { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_general_ci" } }
   */
  async getTableOptions(tableName: string, options: InspectOptions = {}): Promise<DialectTableOptions> {
    return this.askAboutTable(tableName, options, async (conn, r, schema) => (await r.getTableOptions?.(conn, tableName, schema)) ?? {});
  }

  private async askAboutTable<T>(
    tableName: string,
    options: InspectOptions,
    ask: (conn: Connection, reflection: DialectReflection, schema: string | null) => Promise<T>,
  ): Promise<T> {
    const schema = options.schema ?? null;
    return this.run(async (conn, reflection) => {
      if (!(await conn.dialect.hasTable(conn, tableName, schema))) throw noSuchTable(tableName, schema);
      return ask(conn, reflection, schema);
    });
  }

  private run<T>(ask: (conn: Connection, reflection: DialectReflection) => Promise<T>): Promise<T> {
    return this.withConnection((conn) => ask(conn, reflectionOf(conn)));
  }

  private withConnection<T>(body: (conn: Connection) => Promise<T>): Promise<T> {
    return this.bind instanceof Engine ? this.bind.connect(body) : body(this.bind);
  }
}

/**
 * An Inspector for an Engine or a Connection, as SQLAlchemy's `inspect(engine)`.
 *
 * @example
 * const insp = await inspect(engine);
 * if (await insp.hasTable("user_account")) console.log(await insp.getForeignKeys("address"));
 */
export function inspect(bind: Engine | Connection): Promise<Inspector> {
  return Inspector.create(bind);
}
