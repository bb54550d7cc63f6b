import { GENERIC_TYPE_NAMES, NullTypeImpl, typeFromName, type TypeEngine, type TypeNameMapper } from "@alkahest/core/dialect";

/**
 * SQLite's `ischema_names`: the declared type names core's DDL writes (and the common
 * others), mapped back to core types. A column declared without a type is NullType.
 */
export const SQLITE_TYPE_NAMES: Readonly<Record<string, TypeNameMapper>> = {
  ...GENERIC_TYPE_NAMES,
  "UNSIGNED BIG INT": GENERIC_TYPE_NAMES.BIGINT as TypeNameMapper,
  NUMBER: GENERIC_TYPE_NAMES.NUMERIC as TypeNameMapper,
};

/**
 * The core type of a column's declared type.
 *
 * @example
 * sqliteTypeFromName("VARCHAR(30)"); // String(length=30)
 */
export function sqliteTypeFromName(declared: string): TypeEngine<unknown> {
  return declared.trim() === "" ? new NullTypeImpl() : typeFromName(declared, SQLITE_TYPE_NAMES);
}
