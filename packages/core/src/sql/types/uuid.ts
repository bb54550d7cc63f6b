import { isUint8Array } from "node:util/types";
import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

const UUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lower case, from any common spelling; null if not a UUID. */
export function canonicalUuid(text: string): string | null {
  const m = UUID.exec(text);
  return m === null ? null : m.slice(1).join("-").toLowerCase();
}

/**
 * A UUID, value a string in canonical form (`"0b7e1f2c-..."`, lower case). Binds any
 * common spelling (upper case, no dashes, braces). Databases without a UUID type store
 * SQLAlchemy's form, 32 hex digits in CHAR(32), which this type's generic conversion
 * produces and reads back (also from 16 raw bytes); a dialect with a native UUID type
 * turns the conversion off (`uuid: { bind: null, result: null }`).
 */
export class UuidType extends TypeEngine<string> {
  readonly visitName = "uuid";

  protected override bindCheck(): Processor {
    return (value) => {
      const uuid = typeof value === "string" ? canonicalUuid(value) : null;
      if (uuid !== null) return uuid;
      throw new TypeMismatchError(this, value, "a UUID string such as '0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01'");
    };
  }

  protected override genericBind(): Processor {
    return (value) => (value as string).replaceAll("-", "");
  }

  protected override genericResult(): Processor {
    return (value) => {
      if (isUint8Array(value) && value.length === 16) return canonicalUuid(Buffer.from(value).toString("hex"));
      return typeof value === "string" ? (canonicalUuid(value) ?? value) : value;
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitUuid(this);
  }
}
