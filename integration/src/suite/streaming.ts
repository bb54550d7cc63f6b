import * as sa from "@alkahest/core";
import { InvalidRequestError, select, text, type Engine } from "@alkahest/core";
import { Session } from "@alkahest/core/orm";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";

const ROWS = 100_000;
/** Each row carries this much text, so holding every row at once would take ~100 MB. */
const LABEL = "x".repeat(1000);

const metadata = sa.MetaData();
const digits = sa.Table("stream_digits", metadata, sa.Column("d", sa.Integer, { primaryKey: true, autoincrement: false }));
const streamRows = sa.Table(
  "stream_rows",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true, autoincrement: false }),
  sa.Column("twice", sa.Integer, { nullable: false }),
  sa.Column("label", sa.String(1000), { nullable: false }),
);
const typed = sa.Table(
  "stream_typed",
  metadata,
  sa.Column("id", sa.Integer, { primaryKey: true, autoincrement: false }),
  sa.Column("flag", sa.Boolean, { nullable: false }),
  sa.Column("amount", sa.Numeric(10, 2), { nullable: false }),
);

/** 100,000 rows made on the server: five copies of ten digits, cross-joined. */
async function fill(engine: Engine): Promise<void> {
  await metadata.dropAll(engine, { checkfirst: true });
  await metadata.createAll(engine);
  await engine.begin(async (conn) => {
    await conn.execute(sa.insert(digits), [...Array(10).keys()].map((d) => ({ d })));
    const n = "a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d";
    await conn.execute(
      text(
        `INSERT INTO stream_rows (id, twice, label) SELECT ${n}, 2 * (${n}), :label ` +
          "FROM stream_digits a, stream_digits b, stream_digits c, stream_digits e, stream_digits f",
      ),
      { label: LABEL },
    );
    await conn.execute(sa.insert(typed), [
      { id: 1, flag: true, amount: "12.50" },
      { id: 2, flag: false, amount: "0.10" },
    ]);
  });
}

/** Heap in use, after a full collection where the process allows one (node --expose-gc). */
function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** Connection.stream(): rows read through a server-side cursor in batches, in constant memory. */
export function streamingTests(config: ConformanceConfig): void {
  describe("streaming", () => {
    const db = useEngine(config);
    beforeAll(() => fill(db.engine), 120_000);
    db.beforeDispose(() => metadata.dropAll(db.engine, { checkfirst: true }));
    const byId = select(streamRows.c.id, streamRows.c.twice, streamRows.c.label).orderBy(streamRows.c.id);

    it(`streams ${ROWS} rows with for await without holding them`, async () => {
      await db.engine.connect(async (conn) => {
        const before = heapUsed();
        let peak = before;
        let count = 0;
        let sum = 0;
        const result = await conn.stream(byId, undefined, { batchSize: 1000 });
        for await (const row of result) {
          if (row.id !== count || row.twice !== 2 * count || row.label.length !== 1000) {
            throw new Error(`row ${count} is wrong: (${row.id}, ${row.twice})`);
          }
          count++;
          sum += row.id;
          // After a collection, so that only what the stream still holds is counted.
          if (count % 10000 === 0) peak = Math.max(peak, heapUsed());
        }
        expect(count).toBe(ROWS);
        expect(sum).toBe((ROWS * (ROWS - 1)) / 2);
        // Held at once the rows would take ~100 MB of strings; streamed, about one batch
        // (1 MB) is alive at a time. Without --expose-gc (npm test passes it) garbage
        // counts too, hence the slack.
        const bound = (globalThis as { gc?: unknown }).gc === undefined ? 48 : 24;
        expect((peak - before) / 2 ** 20).toBeLessThan(bound);
        expect((heapUsed() - before) / 2 ** 20).toBeLessThan(bound);
        // The cursor is released: the connection runs statements again.
        expect(Number((await conn.execute(text("SELECT COUNT(*) FROM stream_rows"))).scalar())).toBe(ROWS);
      });
    }, 120_000);

    it("logs the statement as execute does", async () => {
      db.log.clear();
      await db.engine.connect(async (conn) => {
        const result = await conn.stream(select(streamRows.c.id).where(streamRows.c.id.lt(3)).orderBy(streamRows.c.id));
        expect(await result.scalars().all()).toEqual([0, 1, 2]);
      });
      const sql = db.log.lines.find((line) => line.startsWith("SELECT stream_rows.id"));
      expect(sql).toBeDefined();
      const params = db.log.lines[db.log.lines.indexOf(sql as string) + 1];
      expect(params).toMatch(/^\[(generated in|cached since) .*\] \(3,\)$/);
    });

    it("breaking out of the loop releases the cursor; the connection is usable after", async () => {
      await db.engine.connect(async (conn) => {
        const result = await conn.stream(byId, undefined, { batchSize: 100 });
        let seen = 0;
        for await (const row of result) {
          seen = row.id + 1;
          if (seen === 250) break;
        }
        expect(seen).toBe(250);
        expect(result.closed).toBe(true);
        const count = (await conn.execute(text("SELECT COUNT(*) FROM stream_rows"))).scalar();
        expect(Number(count)).toBe(ROWS);
        await conn.commit();
      });
    });

    it("partitions(), fetchMany(), scalars() and mappings() stream too", async () => {
      await db.engine.connect(async (conn) => {
        const small = select(streamRows.c.id, streamRows.c.twice).where(streamRows.c.id.lt(2500)).orderBy(streamRows.c.id);
        const sizes: number[] = [];
        for await (const part of (await conn.stream(small, undefined, { batchSize: 1000 })).partitions(600)) {
          sizes.push(part.length);
        }
        expect(sizes).toEqual([600, 600, 600, 600, 100]);

        const result = await conn.stream(small, undefined, { batchSize: 7 });
        expect((await result.fetchMany(3)).map((row) => row.id)).toEqual([0, 1, 2]);
        expect((await result.fetchOne())?.twice).toBe(6);
        let total = 0;
        for await (const id of result.scalars()) total += id;
        expect(total).toBe((2500 * 2499) / 2 - (0 + 1 + 2 + 3));

        const maps = (await conn.stream(small.limit(2))).mappings();
        expect(await maps.all()).toEqual([
          { id: 0, twice: 0 },
          { id: 1, twice: 2 },
        ]);
        expect(await (await conn.stream(small, undefined, { batchSize: 10 })).scalars("twice").first()).toBe(0);
      });
    });

    it("rows are built as execute builds them (result processors apply)", async () => {
      await db.engine.connect(async (conn) => {
        const stmt = select(typed.c.id, typed.c.flag, typed.c.amount).orderBy(typed.c.id);
        const executed = (await conn.execute(stmt)).all().map((row) => row._tuple());
        const streamed = (await (await conn.stream(stmt)).all()).map((row) => row._tuple());
        expect(streamed).toEqual([
          [1, true, "12.50"],
          [2, false, "0.10"],
        ]);
        expect(streamed).toEqual(executed);
      });
    });

    it("another statement while a stream is open is a clear error; commit closes the stream", async () => {
      await db.engine.connect(async (conn) => {
        const result = await conn.stream(byId, undefined, { batchSize: 10 });
        expect((await result.fetchOne())?.id).toBe(0);
        await expect(conn.execute(text("SELECT 1"))).rejects.toThrow(InvalidRequestError);
        await expect(conn.execute(text("SELECT 1"))).rejects.toThrow(/stream\(\).*close\(\)/s);
        await conn.commit();
        expect(result.closed).toBe(true);
        expect((await conn.execute(text("SELECT 2 AS two"))).scalar()).toEqual(2);
      });
    });

    it("Session.stream() reads in the session's transaction", async () => {
      await new Session(db.engine).run(async (session) => {
        await session.execute(sa.update(typed).where(typed.c.id.eq(2)).values({ flag: true }));
        const flags = await (await session.stream(select(typed.c.flag).orderBy(typed.c.id))).scalars().all();
        expect(flags).toEqual([true, true]); // sees its own uncommitted update
      });
    });
  });
}
