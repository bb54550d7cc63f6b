import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

/**
 * BOOLEAN, value `boolean`. Binds booleans, and 0/1 as false/true (as SQLAlchemy
 * does); databases without a boolean (SQLite, MySQL) store 0/1 through their colspecs.
 */
export class BooleanType extends TypeEngine<boolean> {
  readonly visitName = "boolean";

  protected override bindCheck(): Processor {
    return (value) => {
      if (typeof value === "boolean") return value;
      if (value === 0 || value === 1) return value === 1;
      throw new TypeMismatchError(this, value, "a boolean (or 0/1)");
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitBoolean(this);
  }
}
