import { it, expect } from "@jest/globals";
import * as sa from "@alkahest/core";
import "@alkahest/postgres";
it("bytea ordered", async () => {
  const engine = sa.createEngine(process.env.ALKAHEST_PG_URL!, {echo: true});
  const md = sa.MetaData();
  const t = sa.Table("scratch_b", md, sa.Column("id", sa.Integer, { primaryKey: true }), sa.Column("payload", sa.LargeBinary), sa.Column("ok", sa.Boolean), sa.Column("u", sa.Uuid));
  await md.dropAll(engine); await md.createAll(engine);
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  const rows = await engine.begin(async (c) => (await c.execute(sa.insert(t).returning(t.c.id, t.c.payload, t.c.ok, {sortByParameterOrder: true}), [{payload: bytes, ok: true, u: "0b7e1f2c-4a55-4bd8-9d1e-3f6a2b8c9d01"}, {payload: Buffer.from("hi"), ok: false, u: null}])).all());
  console.log(rows.map(r => r._tuple()));
  expect(rows[0]!.payload).toEqual(Buffer.from(bytes));
  await md.dropAll(engine); await engine.dispose();
});
