import type {
  Connection,
  DialectReflection,
  IdentifierPreparer,
  ReflectedCheckConstraint,
  ReflectedColumn,
  ReflectedForeignKey,
  ReflectedIndex,
  ReflectedPrimaryKey,
  ReflectedTableComment,
  ReflectedUniqueConstraint,
} from "@alkahest/core/dialect";
import { checkConstraints, columnsKey, constraintNames, primaryKeyName } from "./create-table-text.js";
import { sqliteTypeFromName } from "./type-names.js";

type Row = Readonly<Record<string, unknown>>;
type Action = NonNullable<ReflectedForeignKey["options"]["onDelete"]>;

/**
 * Reflection through PRAGMAs, as SQLAlchemy's SQLite dialect: `table_xinfo` for columns
 * and the primary key, `foreign_key_list`, `index_list` / `index_info`, and sqlite_master.
 * SQLite forgets constraint names and CHECK constraints, so they are read back from the
 * table's CREATE TABLE text (`CONSTRAINT name UNIQUE (...)`, `CHECK (...)`), as
 * SQLAlchemy does; a view's definition is its CREATE VIEW text. SQLite keeps no comments.
 * `schema` null looks in `main`, then `temp`.
 */
export class SQLiteReflection implements DialectReflection {
  constructor(private readonly preparer: IdentifierPreparer) {}

  async getTableNames(conn: Connection, schema: string | null): Promise<string[]> {
    return this.masterNames(conn, "table", schema);
  }

  async getViewNames(conn: Connection, schema: string | null): Promise<string[]> {
    return this.masterNames(conn, "view", schema);
  }

  /** The CREATE VIEW statement, as written: SQLite keeps no other form of it. */
  async getViewDefinition(conn: Connection, viewName: string, schema: string | null): Promise<string | null> {
    return this.masterSql(conn, "view", viewName, schema);
  }

  async getColumns(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedColumn[]> {
    const rows = await this.pragma(conn, "table_xinfo", tableName, schema);
    // hidden 1: a virtual table's hidden column; 2 and 3 are generated columns, which are real.
    const visible = rows.filter((row) => Number(row.hidden ?? 0) !== 1);
    const pkCount = visible.filter((row) => Number(row.pk) > 0).length;
    return visible.map((row) => {
      const rawType = String(row.type ?? "");
      // Only a lone INTEGER primary key is the rowid, which SQLite numbers by itself.
      const rowid = pkCount === 1 && Number(row.pk) === 1 && rawType.toUpperCase() === "INTEGER";
      return {
        name: String(row.name),
        type: sqliteTypeFromName(rawType),
        rawType,
        nullable: Number(row.notnull) === 0 && Number(row.pk) === 0,
        default: row.dflt_value == null ? null : String(row.dflt_value),
        autoincrement: rowid,
        comment: null,
      };
    });
  }

  async getPkConstraint(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedPrimaryKey> {
    const rows = await this.pragma(conn, "table_xinfo", tableName, schema);
    const columns = rows
      .filter((row) => Number(row.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((row) => String(row.name));
    return { name: primaryKeyName(await this.tableSql(conn, tableName, schema)), constrainedColumns: columns };
  }

  async getForeignKeys(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedForeignKey[]> {
    const rows = await this.pragma(conn, "foreign_key_list", tableName, schema);
    const byId = new Map<number, Row[]>();
    for (const row of rows) byId.set(Number(row.id), [...(byId.get(Number(row.id)) ?? []), row]);
    const sql = await this.tableSql(conn, tableName, schema);
    const names = constraintNames(sql, String.raw`FOREIGN\s+KEY`);
    const result: ReflectedForeignKey[] = [];
    // SQLite numbers foreign keys last-declared first: reverse to declaration order.
    for (const id of [...byId.keys()].sort((a, b) => b - a)) {
      const parts = (byId.get(id) as Row[]).sort((a, b) => Number(a.seq) - Number(b.seq));
      const first = parts[0] as Row;
      const referredTable = String(first.table);
      const constrained = parts.map((p) => String(p.from));
      let referred = parts.map((p) => (p.to == null ? null : String(p.to)));
      if (referred.some((c) => c === null)) {
        // `REFERENCES parent` without columns means the parent's primary key.
        referred = [...(await this.getPkConstraint(conn, referredTable, schema)).constrainedColumns];
      }
      result.push({
        name: names.get(columnsKey(constrained)) ?? null,
        constrainedColumns: constrained,
        referredSchema: schema,
        referredTable,
        referredColumns: referred as string[],
        options: { ...action("onDelete", first.on_delete), ...action("onUpdate", first.on_update) },
      });
    }
    return result;
  }

  async getIndexes(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedIndex[]> {
    const indexes = (await this.pragma(conn, "index_list", tableName, schema)).filter((row) => row.origin === "c");
    const result: ReflectedIndex[] = [];
    for (const index of indexes) {
      const name = String(index.name);
      result.push({ name, columnNames: await this.indexColumns(conn, name, schema), unique: Number(index.unique) === 1 });
    }
    return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async getUniqueConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedUniqueConstraint[]> {
    const indexes = (await this.pragma(conn, "index_list", tableName, schema)).filter((row) => row.origin === "u");
    const names = constraintNames(await this.tableSql(conn, tableName, schema), "UNIQUE");
    const result: ReflectedUniqueConstraint[] = [];
    // index_list lists the last created first.
    for (const index of [...indexes].reverse()) {
      const columns = (await this.indexColumns(conn, String(index.name), schema)).filter((c): c is string => c !== null);
      result.push({ name: names.get(columnsKey(columns)) ?? null, columnNames: columns });
    }
    return result;
  }

  async getCheckConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedCheckConstraint[]> {
    return checkConstraints(await this.tableSql(conn, tableName, schema));
  }

  async getTableComment(): Promise<ReflectedTableComment> {
    return { text: null };
  }

  private async indexColumns(conn: Connection, indexName: string, schema: string | null): Promise<(string | null)[]> {
    const rows = await this.pragma(conn, "index_info", indexName, schema);
    return rows.sort((a, b) => Number(a.seqno) - Number(b.seqno)).map((row) => (row.name == null ? null : String(row.name)));
  }

  /** A PRAGMA's rows in the named schema, or in `main` then `temp` (where temporary tables live). */
  private async pragma(conn: Connection, pragma: string, name: string, schema: string | null): Promise<Row[]> {
    for (const prefix of schema === null ? ["main", "temp"] : [this.quote(schema)]) {
      const rows = (await conn.execDriverSql(`PRAGMA ${prefix}.${pragma}(${this.quote(name)})`)).all().map((r) => r._mapping);
      if (rows.length > 0) return rows;
    }
    return [];
  }

  private async tableSql(conn: Connection, tableName: string, schema: string | null): Promise<string> {
    return (await this.masterSql(conn, "table", tableName, schema)) ?? "";
  }

  /** The CREATE statement sqlite_master keeps for a table or view; null when there is none. */
  private async masterSql(conn: Connection, type: "table" | "view", name: string, schema: string | null): Promise<string | null> {
    const masters = schema === null ? ["main.sqlite_master", "temp.sqlite_temp_master"] : [`${this.quote(schema)}.sqlite_master`];
    for (const master of masters) {
      const row = (await conn.execDriverSql(`SELECT sql FROM ${master} WHERE type = ? AND name = ?`, [type, name])).first();
      if (row !== null) return String(row._mapping.sql ?? "");
    }
    return null;
  }

  /** The names of the schema's tables or views, SQLite's own tables left out, sorted. */
  private async masterNames(conn: Connection, type: "table" | "view", schema: string | null): Promise<string[]> {
    const master = schema === null ? "main.sqlite_master" : `${this.quote(schema)}.sqlite_master`;
    const rows = await conn.execDriverSql(
      `SELECT name FROM ${master} WHERE type = ? AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name`,
      [type],
    );
    return rows.all().map((row) => String(row._mapping.name));
  }

  private quote(name: string): string {
    return this.preparer.quoteAlways(name);
  }
}

function action(option: "onDelete" | "onUpdate", value: unknown): Partial<Record<"onDelete" | "onUpdate", Action>> {
  const text = String(value ?? "NO ACTION").toUpperCase();
  return text === "NO ACTION" ? {} : { [option]: text as Action };
}
