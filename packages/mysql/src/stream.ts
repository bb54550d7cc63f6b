import type { DriverRowStream } from "@alkahest/core/dialect";
import type { Connection, FieldPacket, QueryError } from "mysql2";

type Rows = unknown[][];

/**
 * A statement's rows through mysql2's row events, with the socket paused while a
 * batch waits to be read (flow control), so only about one batch is in memory: the
 * server-side equivalent of PyMySQL's SSCursor. MySQL cannot abandon a result midway,
 * so closing early reads the rest of it and discards it, as SSCursor's close does.
 *
 * `onFatal` hears of an error that ended the connection.
 *
 * @example
 * const stream = await openMySQLStream(raw, "SELECT * FROM big", [], 1000, () => {});
 * for (let rows = await stream.nextBatch(); rows !== null; rows = await stream.nextBatch()) count += rows.length;
 */
export function openMySQLStream(
  raw: Connection,
  sql: string,
  params: readonly unknown[],
  batchSize: number,
  onFatal: () => void,
): Promise<DriverRowStream> {
  let buffer: Rows = [];
  let columns: string[] | null = null;
  let ended = false;
  let failure: QueryError | null = null;
  let discarding = false;
  let paused = false;
  /** Who waits for the next event: the opener (columns), nextBatch (rows), close (the end). */
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const waiter = wake;
    wake = null;
    waiter?.();
  };
  const waitForEvent = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  const resume = (): void => {
    if (!paused) return;
    paused = false;
    raw.resume();
  };

  const query = raw.query(sql, params as unknown[]);
  query.on("fields", (fields: FieldPacket[]) => {
    columns = fields.map((field) => field.name);
    notify();
  });
  query.on("result", (row: unknown) => {
    // A statement without rows gives its OK packet here (and no "fields").
    if (columns === null || discarding) return;
    buffer.push(row as unknown[]);
    if (buffer.length >= batchSize && !paused) {
      paused = true;
      raw.pause();
      notify();
    }
  });
  query.on("error", (error: QueryError) => {
    failure = error;
    ended = true;
    if (error.fatal) onFatal();
    notify();
  });
  query.on("end", () => {
    ended = true;
    notify();
  });

  const stream: DriverRowStream = {
    get columns() {
      return columns;
    },
    async nextBatch() {
      while (!ended && buffer.length < batchSize) await waitForEvent();
      if (failure !== null) throw failure;
      if (buffer.length === 0) return null;
      const rows = buffer;
      buffer = [];
      resume();
      return rows;
    },
    async close() {
      buffer = [];
      if (ended) return;
      discarding = true;
      resume();
      while (!ended) await waitForEvent();
    },
  };
  return (async () => {
    while (columns === null && !ended) await waitForEvent();
    if (failure !== null) throw failure;
    return stream;
  })();
}
