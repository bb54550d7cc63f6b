// pg-cursor ships no types (and @types/pg-cursor is not a dependency): the part stream.ts uses.
declare module "pg-cursor" {
  import type { Connection, CustomTypesConfig, FieldDef, Submittable } from "pg";

  interface CursorConfig {
    readonly rowMode?: "array";
    readonly types?: CustomTypesConfig;
  }

  interface CursorResult {
    readonly fields: FieldDef[];
  }

  export default class Cursor implements Submittable {
    constructor(text: string, values?: unknown[], config?: CursorConfig);
    submit(connection: Connection): void;
    read(rows: number, callback: (error: Error | undefined, rows: unknown[][], result: CursorResult) => void): void;
    close(callback: (error?: Error) => void): void;
  }
}
