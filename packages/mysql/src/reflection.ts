import {
  stripOuterParentheses,
  type Connection,
  type DialectReflection,
  type DialectTableOptions,
  type ReflectedCheckConstraint,
  type ReflectedColumn,
  type ReflectedForeignKey,
  type ReflectedIndex,
  type ReflectedPrimaryKey,
  type ReflectedTableComment,
  type ReflectedUniqueConstraint,
} from "@alkahest/core/dialect";
import type { ServerFeatures } from "./server-version.js";
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
 *
 * CHECK constraints come from information_schema.CHECK_CONSTRAINTS (MySQL 8.0.16+,
 * MariaDB 10.2+). MariaDB's JSON is LONGTEXT with a CHECK (json_valid(`col`)) of its own,
 * named after the column: that one belongs to the type, and is left out, as SQLAlchemy
 * (which reads SHOW CREATE TABLE's named constraints) leaves it out.
 */
export class MySQLReflection implements DialectReflection {
  async getTableNames(conn: Connection, schema: string | null): Promise<string[]> {
    return namesOfType(conn, "'BASE TABLE'", schema);
  }

  async getViewNames(conn: Connection, schema: string | null): Promise<string[]> {
    return namesOfType(conn, "'VIEW', 'SYSTEM VIEW'", schema);
  }

  /** The view's SELECT, as the server rewrote it (names quoted and qualified). */
  async getViewDefinition(conn: Connection, viewName: string, schema: string | null): Promise<string | null> {
    const [row] = await query(conn, `SELECT VIEW_DEFINITION AS definition FROM information_schema.VIEWS WHERE ${IN_TABLE}`, [
      schema,
      viewName,
    ]);
    return row === undefined ? null : String(row.definition);
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

  async getCheckConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedCheckConstraint[]> {
    const features = featuresOf(conn);
    if (!features.checkConstraints) return [];
    // MariaDB names CHECKs per table, and says which table; MySQL names them per schema,
    // and only TABLE_CONSTRAINTS says which table.
    const rows =
      features.flavour === "mariadb"
        ? await query(
            conn,
            "SELECT CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause, LEVEL AS level FROM information_schema.CHECK_CONSTRAINTS " +
              "WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
            [schema, tableName],
          )
        : await query(
            conn,
            "SELECT cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause FROM information_schema.TABLE_CONSTRAINTS tc " +
              "JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA " +
              "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = COALESCE(?, DATABASE()) " +
              "AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK'",
            [schema, tableName],
          );
    return rows
      .filter((row) => !(row.level === "Column" && row.clause === `json_valid(\`${String(row.name).replaceAll("`", "``")}\`)`))
      .map((row) => ({
        name: String(row.name),
        sqltext: stripOuterParentheses(String(row.clause), { backslashEscapes: features.backslashEscapes }),
      }));
  }

  async getTableComment(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedTableComment> {
    const [row] = await query(
      conn,
      `SELECT TABLE_COMMENT AS comment FROM information_schema.TABLES WHERE ${IN_TABLE} AND TABLE_TYPE = 'BASE TABLE'`,
      [schema, tableName],
    );
    return { text: row?.comment == null || row.comment === "" ? null : String(row.comment) };
  }

  /**
   * ENGINE, the default character set and collation, always all three (SHOW CREATE TABLE
   * leaves out a charset's default collation; a Table built from them creates the same).
   */
  async getTableOptions(conn: Connection, tableName: string, schema: string | null): Promise<DialectTableOptions> {
    const [row] = await query(
      conn,
      "SELECT t.ENGINE AS engine, t.TABLE_COLLATION AS collation, c.CHARACTER_SET_NAME AS charset FROM information_schema.TABLES t " +
        "LEFT JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = t.TABLE_COLLATION " +
        "WHERE t.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND t.TABLE_NAME = ? AND t.TABLE_TYPE = 'BASE TABLE'",
      [schema, tableName],
    );
    if (row === undefined) return {};
    const collate = row.collation == null ? undefined : String(row.collation);
    // A collation's name starts with its character set's (MariaDB 11's uca1400 ones are not in COLLATIONS by that name).
    const charset = row.charset == null ? collate?.split("_")[0] : String(row.charset);
    return {
      mysql: {
        ...(row.engine == null ? {} : { engine: String(row.engine) }),
        ...(charset === undefined ? {} : { charset }),
        ...(collate === undefined ? {} : { collate }),
      },
    };
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

/** The dialect, as reflection sees it: MySQL's and MariaDB's differences. */
interface FeaturesHost {
  readonly features: ServerFeatures;
}

function featuresOf(conn: Connection): ServerFeatures {
  return (conn.dialect as unknown as FeaturesHost).features;
}

/** The names in information_schema.TABLES of the given TABLE_TYPEs, sorted. */
async function namesOfType(conn: Connection, types: string, schema: string | null): Promise<string[]> {
  const rows = await query(
    conn,
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE IN (${types}) ORDER BY TABLE_NAME`,
    [schema],
  );
  return rows.map((row) => String(row.name));
}

async function query(conn: Connection, sql: string, params: unknown[]): Promise<Row[]> {
  return (await conn.execDriverSql(sql, params)).all().map((row) => row._mapping);
}

/** A rule other than the default (RESTRICT / NO ACTION, which MySQL treats alike). */
function action(option: "onDelete" | "onUpdate", value: unknown): Partial<Record<"onDelete" | "onUpdate", Action>> {
  const rule = String(value ?? "RESTRICT").toUpperCase();
  return rule === "RESTRICT" || rule === "NO ACTION" ? {} : { [option]: rule as Action };
}
