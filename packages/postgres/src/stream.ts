import type { DriverRowStream } from "@alkahest/core/dialect";
import type pg from "pg";
import Cursor from "pg-cursor";

type Rows = unknown[][];

/**
 * A statement's rows through a pg-cursor: a named portal read `batchSize` rows per
 * round trip (Execute with a row limit), so only one batch is in memory. The first
 * batch is read at once, which also tells the columns. The client queues every other
 * query behind an open cursor, which is why core lets a streaming connection run
 * nothing else until the stream is closed.
 *
 * @example
 * const stream = await openPgStream(client, types, "SELECT g FROM generate_series(1, $1) g", [1e6], 1000);
 * for (let rows = await stream.nextBatch(); rows !== null; rows = await stream.nextBatch()) count += rows.length;
 */
export async function openPgStream(
  client: pg.Client,
  types: pg.CustomTypesConfig | undefined,
  sql: string,
  params: readonly unknown[],
  batchSize: number,
): Promise<DriverRowStream> {
  const cursor = client.query(new Cursor(sql, params as unknown[], { rowMode: "array", types }));
  // "open": the portal may hold more rows; "done": it ran to completion; "failed": it errored
  // (pg already sent Sync, and closing would wait for a ReadyForQuery that never comes).
  let state: "open" | "done" | "failed" = "open";
  const read = (): Promise<{ rows: Rows; fields: readonly pg.FieldDef[] }> =>
    new Promise((resolve, reject) => {
      cursor.read(batchSize, (error, rows, result) => {
        if (error) {
          state = "failed";
          reject(error);
          return;
        }
        // Fewer rows than asked: the portal is complete (pg-cursor closed it itself).
        if (rows.length < batchSize) state = "done";
        resolve({ rows, fields: result.fields });
      });
    });
  const first = await read();
  const columns = first.fields.length === 0 ? null : first.fields.map((field) => field.name);
  let pending: Rows | null = first.rows.length === 0 ? null : first.rows;
  return {
    columns,
    async nextBatch() {
      if (pending !== null) {
        const rows = pending;
        pending = null;
        return rows;
      }
      if (state !== "open") return null;
      const { rows } = await read();
      return rows.length === 0 ? null : rows;
    },
    close() {
      pending = null;
      if (state !== "open") return Promise.resolve();
      state = "done";
      return new Promise<void>((resolve, reject) => cursor.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
