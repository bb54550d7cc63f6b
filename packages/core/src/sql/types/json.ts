import { InvalidRequestError } from "../../errors.js";
import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

/** A value JSON can hold. */
export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

/**
 * JSON, value `T` (any JSON value unless narrowed: `JSON<{ tags: string[] }>()`).
 * By default values travel as JSON text (`JSON.stringify` / `JSON.parse`), which every
 * database takes; a dialect whose driver parses JSON itself turns off the result side
 * (`json: { result: null }`). A JavaScript `null` is SQL NULL, not the JSON `null`.
 * Values JSON cannot hold (bigint, functions, cycles) are a TypeMismatchError.
 */
export class JSONType<T = JSONValue> extends TypeEngine<T> {
  readonly visitName = "json";

  protected override genericBind(): Processor {
    return (value) => {
      let text: string | undefined;
      try {
        text = JSON.stringify(value);
      } catch (error) {
        throw new TypeMismatchError(this, value, "a JSON-serializable value", `JSON() cannot serialize the value: ${(error as Error).message}.`);
      }
      if (text === undefined) throw new TypeMismatchError(this, value, "a JSON-serializable value");
      return text;
    };
  }

  protected override genericResult(): Processor {
    return (value) => {
      // Not text: the driver parsed it already, or SQLite's NUMERIC affinity kept a number.
      if (typeof value !== "string") return value;
      try {
        return JSON.parse(value) as unknown;
      } catch (error) {
        throw new InvalidRequestError(`Couldn't parse JSON from the database: ${(error as Error).message}.`, { cause: error });
      }
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitJson(this);
  }

  override toString(): string {
    return "JSON()";
  }
}
