import { CompileError, JSONType, typeName, type JSONValue, type TypeCompiler } from "@alkahest/core/dialect";
import type { PostgresTypeCompiler } from "./type-compiler.js";

/**
 * PostgreSQL's JSONB, as SQLAlchemy's `postgresql.JSONB`: JSON stored decomposed, with
 * indexes and containment. Values travel as JSON does (bound as JSON text, parsed by
 * pg), so a column can move between JSON and JSONB without code changes. On top of
 * JSON's `get()` / `getText()` (`->`, `->>`), `contains()` is `@>` and `containedBy()`
 * is `<@`. PostgreSQL only: other databases have JSON.
 *
 * @example
 * Column("doc", JSONB<{ tags: string[] }>())                // doc JSONB
 * select(t.c.id).where(t.c.doc.contains({ tags: ["a"] }))   // WHERE t.doc @> $1
 */
export class JSONBType<T = JSONValue> extends JSONType<T> {
  override get containment(): "json" {
    return "json";
  }

  override typeCompilerDispatch(compiler: TypeCompiler): string {
    if (!("visitJsonb" in compiler)) {
      throw new CompileError("JSONB is PostgreSQL's type, and this database has none; use JSON for a column that other databases read.");
    }
    return (compiler as PostgresTypeCompiler).visitJsonb(this);
  }

  override get cacheKey(): string {
    return "jsonb";
  }

  override toString(): string {
    return "JSONB()";
  }
}

const jsonb = new JSONBType();

interface JSONBName {
  <T = JSONValue>(): JSONBType<T>;
  /** Bare `JSONB` (what ValueOf reads): any JSON value. */
  (): JSONBType<JSONValue>;
  readonly prototype: JSONBType<unknown>;
}

/**
 * JSONB; value any JSON value, or the shape you give: `JSONB<{ tags: string[] }>()`.
 *
 * @example
 * Column("settings", JSONB)
 */
export const JSONB = typeName(JSONBType, (): JSONBType<unknown> => jsonb) as unknown as JSONBName;
