import {
  Column,
  CompileError,
  DBAPIError,
  insert,
  inspect,
  Integer,
  MetaData,
  select,
  Sequence,
  String,
  Table,
  text,
  type Engine,
} from "@alkahest/core";
import { afterEach, describe, expect, it } from "@jest/globals";
import { capabilitiesOf, useEngine, type ConformanceConfig } from "../config.js";

/** A table numbered by a sequence (100, 105, ...), and a standalone sequence of the same MetaData. */
function numberedSchema() {
  const metadata = MetaData();
  const seq = Sequence("seq_item_id", { start: 100, increment: 5 });
  const orderNo = Sequence("seq_order_no", { metadata, start: 1000 });
  const item = Table("seq_item", metadata, Column("id", Integer, seq, { primaryKey: true }), Column("name", String(20)));
  return { metadata, seq, orderNo, item };
}

/** A table with comments that need quoting: an apostrophe, a backslash, non-ASCII text. */
function commentedSchema() {
  const metadata = MetaData();
  const note = Table(
    "seq_note",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("body", String(50), { comment: "the note's text, e.g. C:\\notes — ünïcode" }),
    { comment: "notes' table" },
  );
  return { metadata, note };
}

async function hasSequence(engine: Engine, name: string): Promise<boolean> {
  return engine.connect((conn) => conn.dialect.hasSequence(conn, name, null));
}

/** The DDL statements of the echo log, each by its first line. */
function ddlStatements(lines: readonly string[]): string[] {
  return lines
    .filter((line, i) => lines[i + 1]?.startsWith("[no key") === true)
    .map((line) => line.trim().split(/\s*\n\s*/)[0] as string);
}

/**
 * Sequences (SQLAlchemy's test_sequence: capabilities.sequences) and comment DDL:
 * createAll/dropAll order and checkfirst, next values, INSERT numbered by a sequence.
 */
export function sequenceTests(config: ConformanceConfig): void {
  const capabilities = capabilitiesOf(config);
  const withSequences = capabilities.sequences === true ? it : it.skip;
  const withoutSequences = capabilities.sequences === true ? it.skip : it;

  describe("sequences", () => {
    const db = useEngine(config);
    const cleanup: MetaData[] = [];

    afterEach(async () => {
      for (const metadata of cleanup.splice(0)) await metadata.dropAll(db.engine);
    });

    withSequences("createAll creates the standalone sequence, then the column's, before CREATE TABLE; hasSequence sees them", async () => {
      const { metadata } = numberedSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      expect(ddlStatements(db.log.lines)).toEqual([
        "CREATE SEQUENCE seq_order_no START WITH 1000",
        "CREATE SEQUENCE seq_item_id INCREMENT BY 5 START WITH 100",
        "CREATE TABLE seq_item (",
      ]);
      expect(await hasSequence(db.engine, "seq_item_id")).toBe(true);
      expect(await hasSequence(db.engine, "seq_order_no")).toBe(true);
      expect(await hasSequence(db.engine, "seq_nothing")).toBe(false);
    });

    withSequences("nextValue() in a SELECT counts from start by increment", async () => {
      const { metadata, seq, orderNo } = numberedSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const values = await db.engine.connect(async (conn) => [
        (await conn.execute(select(seq.nextValue()))).scalar(),
        (await conn.execute(select(seq.nextValue()))).scalar(),
        (await conn.execute(select(orderNo.nextValue()))).scalar(),
      ]);
      expect(values).toEqual([100, 105, 1000]);
    });

    withSequences("an INSERT without the key takes the sequence's next value; insertedPrimaryKey tells it (RETURNING)", async () => {
      const { metadata, item } = numberedSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const keys = await db.engine.begin(async (conn) => {
        const first = await conn.execute(insert(item).values({ name: "a" }));
        const second = await conn.execute(insert(item), { name: "b" });
        await conn.execute(insert(item), [{ name: "c" }, { name: "d" }]);
        return [first.insertedPrimaryKey?._tuple(), second.insertedPrimaryKey?._tuple()];
      });
      // Without RETURNING (MySQL-style MariaDB) the key is known only to the server.
      if (capabilities.insertReturning) expect(keys).toEqual([[100], [105]]);
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(item.c.id, item.c.name).orderBy(item.c.id))).all());
      expect(rows.map((r) => r._tuple())).toEqual([
        [100, "a"],
        [105, "b"],
        [110, "c"],
        [115, "d"],
      ]);
    });

    (capabilities.sequences === true && capabilities.multiRowInsertReturning === true ? it : it.skip)(
      "executemany with returning() gives each row's key from the sequence, in parameter order when asked",
      async () => {
        const { metadata, item } = numberedSchema();
        cleanup.push(metadata);
        await metadata.createAll(db.engine);
        const rows = await db.engine.begin(async (conn) => {
          const plain = await conn.execute(insert(item).returning(item.c.id, item.c.name), [{ name: "a" }, { name: "b" }]);
          const ordered = await conn.execute(insert(item).returning(item.c.name, item.c.id, { sortByParameterOrder: true }), [
            { name: "c" },
            { name: "d" },
            { name: "e" },
          ]);
          return [plain.all().map((r) => r._tuple()), ordered.all().map((r) => r._tuple())];
        });
        expect(rows).toEqual([
          expect.arrayContaining([
            [100, "a"],
            [105, "b"],
          ]),
          [
            ["c", 110],
            ["d", 115],
            ["e", 120],
          ],
        ]);
      },
    );

    withSequences("nextValue() as a value in insert().values() and as a column's server default", async () => {
      const { metadata, orderNo } = numberedSchema();
      const invoice = Table(
        "seq_invoice",
        metadata,
        Column("id", Integer, { primaryKey: true, autoincrement: false }),
        Column("no", Integer, { serverDefault: orderNo.nextValue() }),
      );
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      await db.engine.begin(async (conn) => {
        await conn.execute(insert(invoice).values({ id: 1, no: orderNo.nextValue() }));
        await conn.execute(text("INSERT INTO seq_invoice (id) VALUES (2)"));
      });
      const rows = await db.engine.connect(async (conn) => (await conn.execute(select(invoice).orderBy(invoice.c.id))).all());
      expect(rows.map((r) => r._tuple())).toEqual([
        [1, 1000],
        [2, 1001],
      ]);
    });

    withSequences("checkfirst: a second createAll creates no sequence; dropAll drops them after the tables, then nothing", async () => {
      const { metadata } = numberedSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      db.log.clear();
      await metadata.createAll(db.engine);
      expect(ddlStatements(db.log.lines)).toEqual([]);
      await expect(metadata.createAll(db.engine, { checkfirst: false })).rejects.toThrow(DBAPIError);
      db.log.clear();
      await metadata.dropAll(db.engine);
      expect(ddlStatements(db.log.lines)).toEqual(["DROP TABLE seq_item", "DROP SEQUENCE seq_item_id", "DROP SEQUENCE seq_order_no"]);
      expect(await hasSequence(db.engine, "seq_item_id")).toBe(false);
      expect(await hasSequence(db.engine, "seq_order_no")).toBe(false);
      db.log.clear();
      await metadata.dropAll(db.engine);
      expect(ddlStatements(db.log.lines)).toEqual([]);
    });

    withoutSequences("without sequences a Column's Sequence is ignored: autoincrement keys, no CREATE SEQUENCE; nextValue() is a CompileError", async () => {
      const { metadata, item, orderNo } = numberedSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      expect(ddlStatements(db.log.lines).filter((sql) => sql.includes("SEQUENCE"))).toEqual([]);
      const keys = await db.engine.begin(async (conn) => [
        (await conn.execute(insert(item).values({ name: "a" }))).insertedPrimaryKey?._tuple(),
        (await conn.execute(insert(item).values({ name: "b" }))).insertedPrimaryKey?._tuple(),
      ]);
      expect(keys).toEqual([[1], [2]]);
      await expect(db.engine.connect((conn) => conn.execute(select(orderNo.nextValue())))).rejects.toThrow(CompileError);
    });
  });

  describe("comments", () => {
    const db = useEngine(config);
    const cleanup: MetaData[] = [];

    afterEach(async () => {
      for (const metadata of cleanup.splice(0)) await metadata.dropAll(db.engine);
    });

    it("comments that need quoting are created with the table (inline, COMMENT ON, or not at all), and the table works", async () => {
      const { metadata, note } = commentedSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const statements = ddlStatements(db.log.lines);
      const commentOn = statements.filter((sql) => sql.startsWith("COMMENT ON"));
      if (capabilities.comments === true && capabilities.inlineComments !== true) {
        expect(commentOn).toEqual([
          "COMMENT ON TABLE seq_note IS 'notes'' table'",
          "COMMENT ON COLUMN seq_note.body IS 'the note''s text, e.g. C:\\notes — ünïcode'",
        ]);
      } else {
        expect(commentOn).toEqual([]);
      }
      const create = db.log.lines.find((line) => line.includes("CREATE TABLE seq_note")) ?? "";
      expect(create.includes("COMMENT")).toBe(capabilities.comments === true && capabilities.inlineComments === true);
      await db.engine.begin((conn) => conn.execute(insert(note).values({ id: 1, body: "x" })));
      expect(await db.engine.connect(async (conn) => (await conn.execute(select(note.c.body))).scalar())).toBe("x");
    });

    (capabilities.comments === true ? it : it.skip)("the database keeps the comments exactly as written (read back by inspect())", async () => {
      const { metadata } = commentedSchema();
      cleanup.push(metadata);
      await metadata.createAll(db.engine);
      const insp = await inspect(db.engine);
      expect(await insp.getTableComment("seq_note")).toEqual({ text: "notes' table" });
      expect((await insp.getColumns("seq_note")).map((c) => [c.name, c.comment])).toEqual([
        ["id", null],
        ["body", "the note's text, e.g. C:\\notes — ünïcode"],
      ]);
    });
  });
}
