import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

/**
 * Variable-length text with an optional maximum length: VARCHAR(n), value `string`.
 * Binds strings only. The length is DDL; the database enforces it (SQLite does not).
 */
export class StringType extends TypeEngine<string> {
  readonly visitName: "string" | "text" | "enum" = "string";

  constructor(readonly length: number | null = null) {
    super();
  }

  protected override bindCheck(): Processor {
    return (value) => {
      if (typeof value === "string") return value;
      throw new TypeMismatchError(this, value, "a string");
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitString(this);
  }

  override get cacheKey(): string {
    return this.length === null ? this.visitName : `${this.visitName}(${this.length})`;
  }

  override toString(): string {
    return this.length === null ? "String()" : `String(length=${this.length})`;
  }
}

/** Unbounded text: TEXT, value `string`. */
export class TextType extends StringType {
  override readonly visitName = "text";

  override typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitText(this);
  }

  override toString(): string {
    return this.length === null ? "Text()" : `Text(length=${this.length})`;
  }
}
