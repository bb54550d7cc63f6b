import type {
  Connection,
  DialectReflection,
  ReflectedColumn,
  ReflectedForeignKey,
  ReflectedIndex,
  ReflectedPrimaryKey,
  ReflectedUniqueConstraint,
} from "@alkahest/core/dialect";
import { mysqlTypeFromName } from "./type-names.js";

type Row = Readonly<Record<string, unknown>>;
type Action = NonNullable<ReflectedForeignKey["options"]["onDelete"]>;

/** The schema filter: the named database, or the connection's current one. */
const IN_TABLE = "TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";

/**
 * Reflection through information_schema, as SQLAlchemy's MySQL dialect reads it (it
 * parses SHOW CREATE TABLE; the catalog gives the same facts in rows). MySQL makes no
 * difference between a UNIQUE constraint and a unique index: each unique index is
 * listed by both getIndexes (with `duplicatesConstraint`) and getUniqueConstraints.
 */
export class MySQLReflection implements DialectReflection {
  async getTableNames(conn: Connection, schema: string | null): Promise<string[]> {
    const rows = await query(
      conn,
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) " +
        "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
      [schema],
    );
    return rows.map((row) => String(row.name));
  }

  async getColumns(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedColumn[]> {
    const rows = await query(
      conn,
      "SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, " +
        `EXTRA AS extra, COLUMN_COMMENT AS comment FROM information_schema.COLUMNS WHERE ${IN_TABLE} ORDER BY ORDINAL_POSITION`,
      [schema, tableName],
    );
    return rows.map((row) => {
      const rawType = String(row.type);
      // MariaDB writes a NULL default as the text NULL.
      const dflt = row.dflt == null || row.dflt === "NULL" ? null : String(row.dflt);
      return {
        name: String(row.name),
        type: mysqlTypeFromName(rawType),
        rawType,
        nullable: row.nullable === "YES",
        default: dflt,
        autoincrement: /auto_increment/i.test(String(row.extra ?? "")),
        comment: row.comment == null || row.comment === "" ? null : String(row.comment),
      };
    });
  }

  /** MySQL names every primary key PRIMARY, so the name is null, as in SQLAlchemy. */
  async getPkConstraint(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedPrimaryKey> {
    const rows = await query(
      conn,
      `SELECT COLUMN_NAME AS name FROM information_schema.KEY_COLUMN_USAGE WHERE ${IN_TABLE} ` +
        "AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION",
      [schema, tableName],
    );
    return { name: null, constrainedColumns: rows.map((row) => String(row.name)) };
  }

  async getForeignKeys(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedForeignKey[]> {
    const rows = await query(
      conn,
      "SELECT k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS col, k.TABLE_SCHEMA AS own_schema, " +
        "k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_col, " +
        "r.UPDATE_RULE AS on_update, r.DELETE_RULE AS on_delete FROM information_schema.KEY_COLUMN_USAGE k " +
        "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA " +
        "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME " +
        "WHERE k.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL " +
        "ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
      [schema, tableName],
    );
    const byName = new Map<string, Row[]>();
    for (const row of rows) byName.set(String(row.name), [...(byName.get(String(row.name)) ?? []), row]);
    return [...byName].map(([name, parts]) => {
      const first = parts[0] as Row;
      return {
        name,
        constrainedColumns: parts.map((p) => String(p.col)),
        // A table in the same database is referred to without a schema.
        referredSchema: first.ref_schema === first.own_schema && schema === null ? null : String(first.ref_schema),
        referredTable: String(first.ref_table),
        referredColumns: parts.map((p) => String(p.ref_col)),
        options: { ...action("onDelete", first.on_delete), ...action("onUpdate", first.on_update) },
      };
    });
  }

  async getIndexes(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedIndex[]> {
    return (await this.statistics(conn, tableName, schema)).map(({ name, columns, unique }) => ({
      name,
      columnNames: columns,
      unique,
      ...(unique ? { duplicatesConstraint: name } : {}),
    }));
  }

  async getUniqueConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedUniqueConstraint[]> {
    return (await this.statistics(conn, tableName, schema))
      .filter((index) => index.unique)
      .map(({ name, columns }) => ({ name, columnNames: columns.filter((c): c is string => c !== null) }));
  }

  /** Every index but PRIMARY, sorted by name; an expression part (MySQL 8 functional index) has no column. */
  private async statistics(
    conn: Connection,
    tableName: string,
    schema: string | null,
  ): Promise<{ name: string; columns: (string | null)[]; unique: boolean }[]> {
    const rows = await query(
      conn,
      "SELECT INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS col FROM information_schema.STATISTICS " +
        `WHERE ${IN_TABLE} AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
      [schema, tableName],
    );
    const indexes = new Map<string, { name: string; columns: (string | null)[]; unique: boolean }>();
    for (const row of rows) {
      const name = String(row.name);
      const index = indexes.get(name) ?? { name, columns: [], unique: Number(row.non_unique) === 0 };
      index.columns.push(row.col == null ? null : String(row.col));
      indexes.set(name, index);
    }
    return [...indexes.values()];
  }
}

async function query(conn: Connection, sql: string, params: unknown[]): Promise<Row[]> {
  return (await conn.execDriverSql(sql, params)).all().map((row) => row._mapping);
}

/** A rule other than the default (RESTRICT / NO ACTION, which MySQL treats alike). */
function action(option: "onDelete" | "onUpdate", value: unknown): Partial<Record<"onDelete" | "onUpdate", Action>> {
  const rule = String(value ?? "RESTRICT").toUpperCase();
  return rule === "RESTRICT" || rule === "NO ACTION" ? {} : { [option]: rule as Action };
}
