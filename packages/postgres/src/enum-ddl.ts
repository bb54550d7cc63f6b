import {
  ArrayType,
  CompileError,
  DDLElement,
  EnumType,
  TypeDecorator,
  type Connection,
  type DDLCompiler,
  type Table,
  type TypeEngine,
} from "@alkahest/core/dialect";
import type { PostgresDDLCompiler } from "./ddl-compiler.js";
import { enumTypeName } from "./type-compiler.js";

/** Only PostgreSQL's DDL compiler renders CREATE/DROP TYPE. */
function postgresCompiler(compiler: DDLCompiler, statement: string): PostgresDDLCompiler {
  if (!("visitCreateEnumType" in compiler)) {
    throw new CompileError(`${statement} is PostgreSQL DDL; compile it with the postgresql dialect.`);
  }
  return compiler as PostgresDDLCompiler;
}

/**
 * `CREATE TYPE name AS ENUM (...)` for a native Enum, as SQLAlchemy's postgresql
 * CreateEnumType. createAll runs it before the tables that use the type.
 *
 * @example
 * await conn.execute(new CreateEnumType(Enum("happy", "sad", { name: "mood" })));
 */
export class CreateEnumType extends DDLElement {
  constructor(readonly type: EnumType<string>) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return postgresCompiler(compiler, "CREATE TYPE").visitCreateEnumType(this);
  }
}

/** `DROP TYPE name`, as SQLAlchemy's postgresql DropEnumType; dropAll runs it after the tables. */
export class DropEnumType extends DDLElement {
  constructor(readonly type: EnumType<string>) {
    super();
  }

  ddlDispatch(compiler: DDLCompiler): string {
    return postgresCompiler(compiler, "DROP TYPE").visitDropEnumType(this);
  }
}

/** The native enum types the tables' columns use (as ARRAY items too), each name once, in column order. */
export function nativeEnumsOf(tables: readonly Table[]): EnumType<string>[] {
  const byName = new Map<string, EnumType<string>>();
  for (const table of tables) {
    for (const column of table.columns) {
      const type = implOf(column.type);
      if (type instanceof EnumType && type.nativeEnum && !byName.has(enumTypeName(type))) byName.set(enumTypeName(type), type);
    }
  }
  return [...byName.values()];
}

/**
 * The type a column stores, through TypeDecorators and ARRAY items: an
 * `ARRAY(Enum([...], { name: "mood" }))` column (`mood[]`) needs `mood` created too.
 */
function implOf(type: TypeEngine<unknown>): TypeEngine<unknown> {
  if (type instanceof TypeDecorator) return implOf(type.implType);
  if (type instanceof ArrayType) return implOf(type.itemType);
  return type;
}

/**
 * As SQLAlchemy's `has_type`: whether a type of this name is visible on the search
 * path (or exists in `schema`).
 */
export async function hasType(conn: Connection, name: string, schema: string | null): Promise<boolean> {
  const sql =
    "SELECT EXISTS (SELECT * FROM pg_catalog.pg_type JOIN pg_catalog.pg_namespace " +
    "ON pg_catalog.pg_namespace.oid = pg_catalog.pg_type.typnamespace " +
    "WHERE pg_catalog.pg_type.typname = $1 AND " +
    (schema === null ? "pg_catalog.pg_type_is_visible(pg_catalog.pg_type.oid))" : "pg_catalog.pg_namespace.nspname = $2)");
  return (await conn.execDriverSql(sql, schema === null ? [name] : [name, schema])).scalar() === true;
}

/** createAll: CREATE TYPE for each native enum of the tables, with `checkfirst` only those not there yet. */
export async function createEnumTypes(conn: Connection, tables: readonly Table[], checkfirst: boolean): Promise<void> {
  for (const type of nativeEnumsOf(tables)) {
    if (checkfirst && (await hasType(conn, enumTypeName(type), null))) continue;
    await conn.execute(new CreateEnumType(type));
  }
}

/** dropAll: DROP TYPE for each native enum of the dropped tables, with `checkfirst` only those there. */
export async function dropEnumTypes(conn: Connection, tables: readonly Table[], checkfirst: boolean): Promise<void> {
  for (const type of nativeEnumsOf(tables)) {
    if (checkfirst && !(await hasType(conn, enumTypeName(type), null))) continue;
    await conn.execute(new DropEnumType(type));
  }
}
