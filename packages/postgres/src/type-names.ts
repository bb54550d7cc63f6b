import {
  DateTimeType,
  GENERIC_TYPE_NAMES,
  JSONType,
  LargeBinaryType,
  TimeType,
  typeFromName,
  type ParsedTypeName,
  type TypeEngine,
  type TypeNameMapper,
} from "@alkahest/core/dialect";

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
  JSONB: () => new JSONType(),
  BYTEA: () => new LargeBinaryType(),
  INT4: GENERIC_TYPE_NAMES.INTEGER as TypeNameMapper,
  INT8: GENERIC_TYPE_NAMES.BIGINT as TypeNameMapper,
  INT2: GENERIC_TYPE_NAMES.SMALLINT as TypeNameMapper,
};

/**
 * The core type of a `format_type()` name; NullType for one without a core counterpart
 * (arrays, `interval`, `inet`, ...).
 *
 * @example
 * postgresTypeFromName("numeric(10,2)"); // Numeric(precision=10, scale=2)
 */
export function postgresTypeFromName(formatted: string): TypeEngine<unknown> {
  return typeFromName(formatted, POSTGRES_TYPE_NAMES);
}
