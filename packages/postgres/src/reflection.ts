import {
  ArrayType,
  checkCondition,
  EnumType,
  type Connection,
  type DialectReflection,
  type ReflectedCheckConstraint,
  type ReflectedColumn,
  type ReflectedForeignKey,
  type ReflectedIndex,
  type ReflectedPrimaryKey,
  type ReflectedTableComment,
  type ReflectedUniqueConstraint,
  type TypeEngine,
} from "@alkahest/core/dialect";
import { postgresTypeFromName } from "./type-names.js";

/** Relation kinds a table name may stand for: table, partitioned table, foreign table, view, materialized view. */
const TABLE_KINDS = "ARRAY['r', 'p', 'f', 'v', 'm']";

const HAS_TABLE =
  "SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class JOIN pg_catalog.pg_namespace " +
  "ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace " +
  `WHERE pg_catalog.pg_class.relname = $1 AND pg_catalog.pg_class.relkind = ANY (${TABLE_KINDS}) AND `;

/**
 * SQLAlchemy's postgresql `has_table`, through pg_catalog: without a schema, a relation
 * the search path makes visible (`pg_table_is_visible`, which also finds the session's
 * temporary tables), outside pg_catalog; with one, a relation in that schema.
 *
 * @example
 * await hasTable(conn, "user_account", null); // true once createAll ran
 */
export async function hasTable(conn: Connection, tableName: string, schema: string | null): Promise<boolean> {
  const rows =
    schema === null
      ? await conn.execDriverSql(
          `${HAS_TABLE}pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid) AND pg_catalog.pg_namespace.nspname != 'pg_catalog'`,
          [tableName],
        )
      : await conn.execDriverSql(`${HAS_TABLE}pg_catalog.pg_namespace.nspname = $2`, [tableName, schema]);
  return rows.first() !== null;
}

type Row = Readonly<Record<string, unknown>>;
type Action = NonNullable<ReflectedForeignKey["options"]["onDelete"]>;

/** pg_constraint's confupdtype / confdeltype codes; `a` (NO ACTION, the default) is left out. */
const ACTIONS: Readonly<Record<string, Action>> = { r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** The table's oid: `$1` is its name, `$2` its schema when one is given; `kinds` the relkinds it may be. */
function tableOid(schema: string | null, kinds = TABLE_KINDS): string {
  return schema === null
    ? `(SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relname = $1 AND c.relkind = ANY (${kinds}) ` +
        `AND pg_catalog.pg_table_is_visible(c.oid) LIMIT 1)`
    : `(SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace ` +
        `WHERE c.relname = $1 AND n.nspname = $2 AND c.relkind = ANY (${kinds}))`;
}

/** The names of the attributes `keys` (an int2 array expression) of relation `rel`, in order, as a JSON array. */
function attributeNames(keys: string, rel: string, count?: string): string {
  return (
    `(SELECT json_agg(CASE WHEN k.n = 0 THEN NULL ELSE a.attname END ORDER BY k.o) ` +
    `FROM unnest(${keys}) WITH ORDINALITY AS k(n, o) LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.n` +
    `${count === undefined ? "" : ` WHERE k.o <= ${count}`})`
  );
}

/**
 * A getColumns row's type. Enums, and arrays of them, come from pg_type: format_type()
 * names them (`mood[]`, `"Odd Name"[]`) but a name has no labels.
 */
function columnType(row: Row, formatted: string): TypeEngine<unknown> {
  if (row.typtype === "e") return new EnumType(row.labels as string[], { name: String(row.typname) });
  // One ARRAY whatever the dimensions: PostgreSQL does not record them.
  if (row.elemtyptype === "e") return new ArrayType(new EnumType(row.labels as string[], { name: String(row.elemtypname) }));
  return postgresTypeFromName(formatted);
}

/**
 * Reflection through pg_catalog, as SQLAlchemy's PostgreSQL dialect. `schema` null
 * means what the search path makes visible; a foreign key's `referredSchema` is null
 * when its table is visible that way too.
 */
export class PostgresReflection implements DialectReflection {
  async getTableNames(conn: Connection, schema: string | null): Promise<string[]> {
    return this.relationNames(conn, "'r', 'p'", schema);
  }

  async getViewNames(conn: Connection, schema: string | null): Promise<string[]> {
    return this.relationNames(conn, "'v'", schema);
  }

  async getMaterializedViewNames(conn: Connection, schema: string | null): Promise<string[]> {
    return this.relationNames(conn, "'m'", schema);
  }

  /** The SELECT of a view or materialized view, as pg_get_viewdef prints it. */
  async getViewDefinition(conn: Connection, viewName: string, schema: string | null): Promise<string | null> {
    const [row] = await this.query(
      conn,
      `SELECT pg_catalog.pg_get_viewdef(${tableOid(schema, "ARRAY['v', 'm']")}, true) AS definition`,
      viewName,
      schema,
    );
    return row?.definition == null ? null : String(row.definition);
  }

  async getColumns(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedColumn[]> {
    const rows = await this.query(
      conn,
      "SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull, " +
        "pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, " +
        "pg_catalog.col_description(a.attrelid, a.attnum) AS comment, t.typtype, t.typname, " +
        "et.typtype AS elemtyptype, et.typname AS elemtypname, " +
        // The labels of the column's enum type, or of its element type when it is an array.
        "(SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e " +
        "WHERE e.enumtypid = COALESCE(et.oid, a.atttypid)) AS labels " +
        "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid " +
        // typelem is also set on some non-array types (name, point): only arrays (category A) have elements here.
        "LEFT JOIN pg_catalog.pg_type et ON t.typcategory = 'A' AND et.oid = t.typelem " +
        "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum " +
        `WHERE a.attrelid = ${tableOid(schema)} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      tableName,
      schema,
    );
    return rows.map((row) => {
      const rawType = String(row.type);
      const defaultText = row.default == null ? null : String(row.default);
      return {
        name: String(row.name),
        type: columnType(row, rawType),
        rawType,
        nullable: row.notnull !== true,
        default: defaultText,
        // SERIAL's nextval() default, or an IDENTITY column (attidentity 'a' or 'd').
        autoincrement: (defaultText?.startsWith("nextval(") ?? false) || (row.identity !== "" && row.identity != null),
        comment: row.comment == null ? null : String(row.comment),
      };
    });
  }

  async getPkConstraint(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedPrimaryKey> {
    const [row] = await this.query(
      conn,
      `SELECT con.conname, ${attributeNames("con.conkey", "con.conrelid")} AS columns FROM pg_catalog.pg_constraint con ` +
        `WHERE con.conrelid = ${tableOid(schema)} AND con.contype = 'p'`,
      tableName,
      schema,
    );
    return row === undefined
      ? { name: null, constrainedColumns: [] }
      : { name: String(row.conname), constrainedColumns: row.columns as string[] };
  }

  async getForeignKeys(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedForeignKey[]> {
    const rows = await this.query(
      conn,
      "SELECT con.conname, con.confupdtype, con.confdeltype, rn.nspname, rc.relname, " +
        "pg_catalog.pg_table_is_visible(rc.oid) AS visible, " +
        `${attributeNames("con.conkey", "con.conrelid")} AS constrained, ${attributeNames("con.confkey", "con.confrelid")} AS referred ` +
        "FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid " +
        "JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace " +
        `WHERE con.conrelid = ${tableOid(schema)} AND con.contype = 'f' ORDER BY con.conname`,
      tableName,
      schema,
    );
    return rows.map((row) => {
      const onDelete = ACTIONS[String(row.confdeltype)];
      const onUpdate = ACTIONS[String(row.confupdtype)];
      return {
        name: String(row.conname),
        constrainedColumns: row.constrained as string[],
        referredSchema: schema === null && row.visible === true ? null : String(row.nspname),
        referredTable: String(row.relname),
        referredColumns: row.referred as string[],
        options: { ...(onDelete === undefined ? {} : { onDelete }), ...(onUpdate === undefined ? {} : { onUpdate }) },
      };
    });
  }

  /** Indexes that are neither the primary key nor a UNIQUE constraint's own index. */
  async getIndexes(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedIndex[]> {
    const rows = await this.query(
      conn,
      "SELECT ic.relname AS name, i.indisunique AS unique, " +
        // INCLUDE columns follow the key columns in indkey: keep the first indnkeyatts.
        `${attributeNames("i.indkey::int2[]", "i.indrelid", "i.indnkeyatts")} AS columns ` +
        "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid " +
        `WHERE i.indrelid = ${tableOid(schema)} AND NOT i.indisprimary AND NOT EXISTS ` +
        "(SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')) " +
        "ORDER BY ic.relname",
      tableName,
      schema,
    );
    return rows.map((row) => ({ name: String(row.name), columnNames: row.columns as (string | null)[], unique: row.unique === true }));
  }

  async getUniqueConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedUniqueConstraint[]> {
    const rows = await this.query(
      conn,
      `SELECT con.conname, ${attributeNames("con.conkey", "con.conrelid")} AS columns FROM pg_catalog.pg_constraint con ` +
        `WHERE con.conrelid = ${tableOid(schema)} AND con.contype = 'u' ORDER BY con.conname`,
      tableName,
      schema,
    );
    return rows.map((row) => ({ name: String(row.conname), columnNames: row.columns as string[] }));
  }

  /** From pg_get_constraintdef's `CHECK ((qty >= 0)) [NOT VALID]`: the condition, `qty >= 0`. */
  async getCheckConstraints(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedCheckConstraint[]> {
    const rows = await this.query(
      conn,
      "SELECT con.conname, pg_catalog.pg_get_constraintdef(con.oid, true) AS definition FROM pg_catalog.pg_constraint con " +
        `WHERE con.conrelid = ${tableOid(schema)} AND con.contype = 'c' ORDER BY con.conname`,
      tableName,
      schema,
    );
    return rows.map((row) => ({ name: String(row.conname), sqltext: checkCondition(String(row.definition)) ?? String(row.definition) }));
  }

  async getTableComment(conn: Connection, tableName: string, schema: string | null): Promise<ReflectedTableComment> {
    const [row] = await this.query(conn, `SELECT pg_catalog.obj_description(${tableOid(schema)}, 'pg_class') AS comment`, tableName, schema);
    return { text: row?.comment == null ? null : String(row.comment) };
  }

  /** Relations of the given kinds in the schema (the search path's first when null), sorted. */
  private async relationNames(conn: Connection, kinds: string, schema: string | null): Promise<string[]> {
    const rows = await conn.execDriverSql(
      "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
        `WHERE c.relkind IN (${kinds}) AND n.nspname = COALESCE($1, current_schema()) ORDER BY c.relname`,
      [schema],
    );
    return rows.all().map((row) => String(row._mapping.relname));
  }

  private async query(conn: Connection, sql: string, tableName: string, schema: string | null): Promise<Row[]> {
    const params = schema === null ? [tableName] : [tableName, schema];
    return (await conn.execDriverSql(sql, params)).all().map((row) => row._mapping);
  }
}
