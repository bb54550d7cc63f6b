import { isUint8Array } from "node:util/types";
import type { TypeCompiler } from "../compiler/type-compiler.js";
import { TypeEngine, type Processor } from "./type-engine.js";
import { TypeMismatchError } from "./type-mismatch.js";

/**
 * Binary data: BLOB / BYTEA, value a Uint8Array. Binds any Uint8Array (a Buffer is
 * one), handed to the driver as a Buffer without copying; the drivers return Buffers.
 */
export class LargeBinaryType extends TypeEngine<Uint8Array> {
  readonly visitName = "large_binary";

  constructor(readonly length: number | null = null) {
    super();
  }

  protected override bindCheck(): Processor {
    return (value) => {
      if (Buffer.isBuffer(value)) return value;
      if (isUint8Array(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      throw new TypeMismatchError(this, value, "a Uint8Array or Buffer");
    };
  }

  typeCompilerDispatch(compiler: TypeCompiler): string {
    return compiler.visitLargeBinary(this);
  }

  override toString(): string {
    return this.length === null ? "LargeBinary()" : `LargeBinary(length=${this.length})`;
  }
}
