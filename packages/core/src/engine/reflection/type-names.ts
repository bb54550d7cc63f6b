import { LargeBinaryType } from "../../sql/types/binary.js";
import { BooleanType } from "../../sql/types/boolean.js";
import { DateTimeType, DateType, TimeType } from "../../sql/types/datetime.js";
import { BigIntegerType, IntegerType, SmallIntegerType } from "../../sql/types/integer.js";
import { JSONType } from "../../sql/types/json.js";
import { NullTypeImpl } from "../../sql/types/null-type.js";
import { FloatType, NumericType } from "../../sql/types/numeric.js";
import { StringType, TextType } from "../../sql/types/string.js";
import type { TypeEngine } from "../../sql/types/type-engine.js";
import { UuidType } from "../../sql/types/uuid.js";

/** A reflected type name taken apart: `NUMERIC(10, 2) UNSIGNED` → name NUMERIC, args [10, 2], suffix UNSIGNED. */
export interface ParsedTypeName {
  /** Upper case, inner spaces collapsed: `DOUBLE PRECISION`, `CHARACTER VARYING`. */
  readonly name: string;
  /** The parenthesized arguments: numbers where numeric, else the text (an ENUM's quoted values). */
  readonly args: readonly (number | string)[];
  /** What follows the parentheses, upper case (`UNSIGNED`, `WITH TIME ZONE`). */
  readonly suffix: string;
}

/** Splits `name(args) suffix`; the arguments are split on commas outside quotes. */
export function parseTypeName(raw: string): ParsedTypeName {
  const match = /^\s*([^(]*?)\s*(?:\((.*)\)\s*(.*?))?\s*$/s.exec(raw);
  const name = (match?.[1] ?? raw).replace(/\s+/g, " ").toUpperCase();
  const argText = match?.[2];
  const args = argText === undefined ? [] : splitArgs(argText).map((a) => (/^\d+$/.test(a) ? Number(a) : a));
  return { name, args, suffix: (match?.[3] ?? "").replace(/\s+/g, " ").toUpperCase() };
}

function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'") {
      // '' inside quotes is an escaped quote.
      if (quoted && text[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  args.push(current.trim());
  return args;
}

/** Builds a core type from a parsed name (SQLAlchemy's `ischema_names` entries). */
export type TypeNameMapper = (parsed: ParsedTypeName) => TypeEngine<unknown>;

const num = (value: number | string | undefined): number | null => (typeof value === "number" ? value : null);

/** The standard SQL names, which every dialect starts from and overrides where its names differ. */
export const GENERIC_TYPE_NAMES: Readonly<Record<string, TypeNameMapper>> = {
  INTEGER: () => new IntegerType(),
  INT: () => new IntegerType(),
  SMALLINT: () => new SmallIntegerType(),
  BIGINT: () => new BigIntegerType(),
  VARCHAR: (p) => new StringType(num(p.args[0])),
  "CHARACTER VARYING": (p) => new StringType(num(p.args[0])),
  CHAR: (p) => new StringType(num(p.args[0])),
  CHARACTER: (p) => new StringType(num(p.args[0])),
  NVARCHAR: (p) => new StringType(num(p.args[0])),
  NCHAR: (p) => new StringType(num(p.args[0])),
  TEXT: () => new TextType(),
  CLOB: () => new TextType(),
  NUMERIC: (p) => new NumericType({ precision: num(p.args[0]), scale: num(p.args[1]) }),
  DECIMAL: (p) => new NumericType({ precision: num(p.args[0]), scale: num(p.args[1]) }),
  FLOAT: (p) => new FloatType(num(p.args[0])),
  REAL: () => new FloatType(),
  DOUBLE: () => new FloatType(),
  "DOUBLE PRECISION": () => new FloatType(),
  BOOLEAN: () => new BooleanType(),
  BOOL: () => new BooleanType(),
  DATE: () => new DateType(),
  DATETIME: () => new DateTimeType(),
  TIMESTAMP: () => new DateTimeType(),
  TIME: () => new TimeType(),
  JSON: () => new JSONType(),
  UUID: () => new UuidType(),
  BLOB: () => new LargeBinaryType(),
};

/**
 * The core type for a database's type name, looked up in `names` (a dialect's
 * `ischema_names`: GENERIC_TYPE_NAMES spread with its own); NullType for a name it does
 * not know (the raw name stays on the ReflectedColumn).
 *
 * @example
 * typeFromName("VARCHAR(30)", GENERIC_TYPE_NAMES); // String(length=30)
 */
export function typeFromName(raw: string, names: Readonly<Record<string, TypeNameMapper>>): TypeEngine<unknown> {
  const parsed = parseTypeName(raw);
  const mapper = names[parsed.name];
  return mapper === undefined ? new NullTypeImpl() : mapper(parsed);
}
