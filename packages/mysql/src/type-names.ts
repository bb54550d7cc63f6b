import {
  BooleanType,
  EnumType,
  GENERIC_TYPE_NAMES,
  IntegerType,
  LargeBinaryType,
  TextType,
  typeFromName,
  type TypeEngine,
  type TypeNameMapper,
} from "@alkahest/core/dialect";

const text: TypeNameMapper = () => new TextType();
const binary: TypeNameMapper = () => new LargeBinaryType();
const integer: TypeNameMapper = () => new IntegerType();

/** An ENUM's values as information_schema quotes them: `'a','it''s'`. */
function unquoteValue(value: string | number): string {
  const s = String(value);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replaceAll("''", "'").replaceAll("\\\\", "\\") : s;
}

/**
 * MySQL's and MariaDB's `ischema_names`: information_schema's COLUMN_TYPE
 * (`int(11)`, `tinyint(1)`, `varchar(30)`, `enum('a','b')`, `datetime(6)`) mapped back
 * to core types. `tinyint(1)` is Boolean, as core's DDL writes BOOL. MariaDB keeps JSON
 * as `longtext`, which comes back as Text.
 */
export const MYSQL_TYPE_NAMES: Readonly<Record<string, TypeNameMapper>> = {
  ...GENERIC_TYPE_NAMES,
  TINYINT: (p) => (p.args[0] === 1 ? new BooleanType() : new IntegerType()),
  MEDIUMINT: integer,
  TINYTEXT: text,
  MEDIUMTEXT: text,
  LONGTEXT: text,
  TINYBLOB: binary,
  MEDIUMBLOB: binary,
  LONGBLOB: binary,
  VARBINARY: binary,
  BINARY: binary,
  ENUM: (p) => new EnumType(p.args.map(unquoteValue)),
};

/**
 * The core type of a COLUMN_TYPE; NullType for one without a core counterpart (SET, BIT,
 * spatial types).
 *
 * @example
 * mysqlTypeFromName("decimal(10,2)"); // Numeric(precision=10, scale=2)
 */
export function mysqlTypeFromName(columnType: string): TypeEngine<unknown> {
  return typeFromName(columnType, MYSQL_TYPE_NAMES);
}
