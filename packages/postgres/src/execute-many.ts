import type { DriverResult } from "@alkahest/core/dialect";
import pg from "pg";
import pgUtils from "pg/lib/utils.js";

/** The protocol messages this query reads; pg hands them over already decoded. */
interface RowDescriptionMessage {
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number; readonly format: string }[];
}
interface DataRowMessage {
  readonly fields: readonly (string | null)[];
}
interface CommandCompleteMessage {
  readonly text: string;
}

type TextParser = (text: string) => unknown;

/**
 * Every parameter set of one statement in a single round trip: Parse once, then
 * Bind + Execute per set, then one Sync (the extended protocol allows any number of
 * Bind/Execute pairs before a Sync). psycopg's pipeline mode does the same for
 * SQLAlchemy's executemany. The server stops at the first error and skips to the
 * Sync; inside a transaction, which DML always runs in, nothing after it applies.
 *
 * It is a pg "submittable", the hook pg-cursor uses: the client hands it the raw
 * connection when it reaches the head of the client's queue, then routes the replies
 * to the handle* methods until ReadyForQuery.
 */
export class ExecuteManyQuery implements pg.Submittable {
  private readonly paramSets: readonly (string | Buffer | null)[][];
  private columns: string[] | null = null;
  private parsers: TextParser[] = [];
  private readonly rows: unknown[][] = [];
  private rowcount = 0;
  /** A row pg could not parse; reported once the server is ready again, as pg.Query does. */
  private parseError: unknown = null;
  private settled = false;
  private resolve!: (result: DriverResult) => void;
  private reject!: (error: unknown) => void;
  /** Settles at ReadyForQuery with every set's rows and the summed rowcount, or with the first error. */
  readonly result: Promise<DriverResult>;

  constructor(
    private readonly sql: string,
    paramSets: readonly (readonly unknown[])[],
    private readonly types: pg.CustomTypesConfig | undefined,
  ) {
    // Prepared up front, so a value pg cannot send throws before anything is written.
    this.paramSets = paramSets.map((params) => params.map(pgUtils.prepareValue));
    this.result = new Promise<DriverResult>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection): void {
    // Corked, so the messages leave in as few packets as the socket allows.
    connection.stream.cork();
    try {
      connection.parse({ name: "", text: this.sql, types: [] }, true);
      this.paramSets.forEach((values, i) => {
        connection.bind({ values }, true);
        // The rows of every set share one shape: describe the first portal only.
        if (i === 0) connection.describe({ type: "P", name: "" }, true);
        connection.execute(null, true); // all rows
      });
      connection.sync();
    } finally {
      connection.stream.uncork();
    }
  }

  handleRowDescription(message: RowDescriptionMessage): void {
    this.columns = message.fields.map((field) => field.name);
    this.parsers = message.fields.map((field) => this.parserFor(field.dataTypeID, field.format));
  }

  handleDataRow(message: DataRowMessage): void {
    if (this.parseError !== null) return;
    const fields = message.fields;
    const row = new Array<unknown>(fields.length);
    try {
      for (let i = 0; i < fields.length; i++) {
        const text = fields[i];
        row[i] = text === null || text === undefined ? null : (this.parsers[i] as TextParser)(text);
      }
    } catch (error) {
      this.parseError = error;
      return;
    }
    this.rows.push(row);
  }

  handleCommandComplete(message: CommandCompleteMessage): void {
    // "UPDATE 3", "DELETE 0", "INSERT 0 1": the count is the last word.
    const count = Number(message.text.slice(message.text.lastIndexOf(" ") + 1));
    this.rowcount = Number.isInteger(count) && this.rowcount >= 0 ? this.rowcount + count : -1;
  }

  handleEmptyQuery(): void {}

  handlePortalSuspended(): void {}

  handleError(error: unknown): void {
    this.settle(() => this.reject(error));
  }

  handleReadyForQuery(): void {
    if (this.parseError !== null) {
      const error = this.parseError;
      this.settle(() => this.reject(error));
      return;
    }
    const columns = this.columns;
    this.settle(() => this.resolve({ columns, rows: columns === null ? [] : this.rows, rowcount: this.rowcount }));
  }

  handleCopyInResponse(connection: pg.Connection): void {
    // Not in pg's typings, but the call pg.Query makes for a COPY it was given no data for.
    (connection as unknown as { sendCopyFail(message: string): void }).sendCopyFail(
      "COPY FROM STDIN cannot run as an executemany",
    );
  }

  handleCopyData(): void {}

  private settle(action: () => void): void {
    if (this.settled) return;
    this.settled = true;
    action();
  }

  private parserFor(oid: number, format: string): TextParser {
    const kind = format === "binary" ? "binary" : "text";
    return (this.types ?? pg.types).getTypeParser(oid, kind) as TextParser;
  }
}
