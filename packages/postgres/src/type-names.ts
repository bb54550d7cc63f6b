import {
  ArrayType,
  DateTimeType,
  GENERIC_TYPE_NAMES,
  LargeBinaryType,
  TimeType,
  typeFromName,
  type ParsedTypeName,
  type TypeEngine,
  type TypeNameMapper,
} from "@alkahest/core/dialect";
import { JSONBType } from "./jsonb.js";

const timestamp = (timezone: boolean): TypeNameMapper => () => new DateTimeType({ timezone });
/** `timestamp(3) with time zone`: the precision splits the name from its suffix. */
const timestampWithPrecision: TypeNameMapper = (p: ParsedTypeName) =>
  new DateTimeType({ timezone: p.suffix === "WITH TIME ZONE" });

/**
 * PostgreSQL's `ischema_names`: the names `format_type()` gives (`character varying(30)`,
 * `timestamp with time zone`, `jsonb`), mapped back to core types. Enums are recognised
 * from pg_type, not by name (see reflection.ts).
 */
export const POSTGRES_TYPE_NAMES: Readonly<Record<string, TypeNameMapper>> = {
  ...GENERIC_TYPE_NAMES,
  TIMESTAMP: timestampWithPrecision,
  "TIMESTAMP WITHOUT TIME ZONE": timestamp(false),
  "TIMESTAMP WITH TIME ZONE": timestamp(true),
  TIMESTAMPTZ: timestamp(true),
  "TIME WITHOUT TIME ZONE": () => new TimeType(),
  "TIME WITH TIME ZONE": () => new TimeType(),
  JSONB: () => new JSONBType(),
  BYTEA: () => new LargeBinaryType(),
  INT4: GENERIC_TYPE_NAMES.INTEGER as TypeNameMapper,
  INT8: GENERIC_TYPE_NAMES.BIGINT as TypeNameMapper,
  INT2: GENERIC_TYPE_NAMES.SMALLINT as TypeNameMapper,
};

/** `integer[]`, `character varying(30)[]`: the element type's name and the brackets. */
const ARRAY_NAME = /^(.*?)((?:\[\d*\])+)\s*$/s;

/**
 * The core type of a `format_type()` name; NullType for one without a core counterpart
 * (`interval`, `inet`, ...). An array (`integer[]`) is an ARRAY of its element's type;
 * format_type writes one pair of brackets whatever the dimensions, as PostgreSQL does
 * not record them, so only a name with more pairs gets `dimensions`.
 *
 * @example
 * postgresTypeFromName("numeric(10,2)");          // Numeric(precision=10, scale=2)
 * postgresTypeFromName("character varying(30)[]"); // ARRAY(String(length=30))
 */
export function postgresTypeFromName(formatted: string): TypeEngine<unknown> {
  const array = ARRAY_NAME.exec(formatted);
  if (array !== null) {
    const dimensions = (array[2] as string).split("[").length - 1;
    return new ArrayType(postgresTypeFromName(array[1] as string), dimensions > 1 ? { dimensions } : {});
  }
  return typeFromName(formatted, POSTGRES_TYPE_NAMES);
}
