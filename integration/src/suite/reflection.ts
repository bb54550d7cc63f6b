import {
  BooleanType,
  Column,
  DateTimeType,
  ForeignKey,
  Index,
  inspect,
  insert,
  Integer,
  IntegerType,
  MetaData,
  NoSuchTableError,
  Numeric,
  NumericType,
  PrimaryKeyConstraint,
  select,
  String,
  StringType,
  Table,
  Text,
  TextType,
  UniqueConstraint,
  Boolean,
  DateTime,
  EnumType,
} from "@alkahest/core";
import { afterEach, describe, expect, it } from "@jest/globals";
import { useEngine, type ConformanceConfig } from "../config.js";
import { reflectionObjectTests } from "./reflection-objects.js";

/** Three tables with every constraint kind reflection reads back. */
function reflectionSchema() {
  const metadata = MetaData();
  const user = Table(
    "refl_user",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("name", String(30), { nullable: false }),
    Column("email", String(100)),
    Column("score", Numeric(10, 2)),
    Column("active", Boolean),
    Column("created", DateTime),
    Column("note", Text),
    UniqueConstraint("email", { name: "uq_refl_user_email" }),
  );
  const address = Table(
    "refl_address",
    metadata,
    Column("id", Integer, { primaryKey: true }),
    Column("user_id", ForeignKey("refl_user.id", { name: "fk_refl_address_user", onDelete: "CASCADE" }), { nullable: false }),
    Column("email", String(50), { nullable: false, index: true }),
    Column("status", String(10), { nullable: false, serverDefault: "draft" }),
  );
  const membership = Table(
    "refl_membership",
    metadata,
    Column("a", Integer),
    Column("b", Integer),
    Column("label", String(20)),
    PrimaryKeyConstraint("a", "b"),
    Index("ix_refl_membership_label", "label"),
  );
  return { metadata, user, address, membership };
}

/**
 * inspect(engine) and metadata.reflect / Table.reflect against tables createAll made
 * (test_reflection); views, CHECK constraints, comments and table options in
 * reflection-objects.ts.
 */
export function reflectionTests(config: ConformanceConfig): void {
  reflectionObjectTests(config);
  describe("reflection", () => {
    const db = useEngine(config);
    const created: MetaData[] = [];

    afterEach(async () => {
      for (const metadata of created.splice(0)) await metadata.dropAll(db.engine);
    });

    async function createSchema() {
      const schema = reflectionSchema();
      created.push(schema.metadata);
      await schema.metadata.createAll(db.engine);
      return schema;
    }

    it("getTableNames and hasTable see the created tables, and nothing else by those names", async () => {
      await createSchema();
      const insp = await inspect(db.engine);
      const names = await insp.getTableNames();
      expect(names.filter((n) => n.startsWith("refl_"))).toEqual(["refl_address", "refl_membership", "refl_user"]);
      expect(await insp.hasTable("refl_user")).toBe(true);
      expect(await insp.hasTable("refl_nothing")).toBe(false);
    });

    it("getColumns maps each column's type back to a core type, with nullability and autoincrement", async () => {
      await createSchema();
      const columns = await (await inspect(db.engine)).getColumns("refl_user");
      expect(columns.map((c) => c.name)).toEqual(["id", "name", "email", "score", "active", "created", "note"]);
      const [id, name, email, score, active, created, note] = columns;
      expect(id?.type).toBeInstanceOf(IntegerType);
      expect(id?.autoincrement).toBe(true);
      expect(id?.nullable).toBe(false);
      expect(name?.type).toBeInstanceOf(StringType);
      expect(name?.type).not.toBeInstanceOf(TextType);
      expect(name?.type).not.toBeInstanceOf(EnumType);
      expect((name?.type as StringType).length).toBe(30);
      expect(name?.nullable).toBe(false);
      expect((email?.type as StringType).length).toBe(100);
      expect(email?.nullable).toBe(true);
      expect(score?.type).toBeInstanceOf(NumericType);
      expect([(score?.type as NumericType).precision, (score?.type as NumericType).scale]).toEqual([10, 2]);
      expect(active?.type).toBeInstanceOf(BooleanType);
      expect(created?.type).toBeInstanceOf(DateTimeType);
      expect(note?.type).toBeInstanceOf(TextType);
      expect(typeof note?.rawType).toBe("string");
    });

    it("getColumns reports the server default as SQL text, and no autoincrement on a composite key", async () => {
      await createSchema();
      const insp = await inspect(db.engine);
      const status = (await insp.getColumns("refl_address")).find((c) => c.name === "status");
      expect(status?.default).toMatch(/draft/);
      const membership = await insp.getColumns("refl_membership");
      expect(membership.map((c) => [c.name, c.autoincrement, c.nullable])).toEqual([
        ["a", false, false],
        ["b", false, false],
        ["label", false, true],
      ]);
    });

    it("getPkConstraint, getForeignKeys, getIndexes and getUniqueConstraints read back each constraint", async () => {
      await createSchema();
      const insp = await inspect(db.engine);
      expect((await insp.getPkConstraint("refl_membership")).constrainedColumns).toEqual(["a", "b"]);
      expect((await insp.getPkConstraint("refl_user")).constrainedColumns).toEqual(["id"]);
      expect(await insp.getForeignKeys("refl_address")).toEqual([
        {
          name: "fk_refl_address_user",
          constrainedColumns: ["user_id"],
          referredSchema: null,
          referredTable: "refl_user",
          referredColumns: ["id"],
          options: { onDelete: "CASCADE" },
        },
      ]);
      expect(await insp.getForeignKeys("refl_user")).toEqual([]);
      // MySQL adds an index of its own for a foreign key: look for the ones created here.
      const indexes = await insp.getIndexes("refl_address");
      expect(indexes.filter((i) => i.name === "ix_refl_address_email")).toEqual([
        { name: "ix_refl_address_email", columnNames: ["email"], unique: false },
      ]);
      expect((await insp.getIndexes("refl_membership")).map((i) => [i.name, i.columnNames, i.unique])).toEqual([
        ["ix_refl_membership_label", ["label"], false],
      ]);
      expect(await insp.getUniqueConstraints("refl_user")).toEqual([{ name: "uq_refl_user_email", columnNames: ["email"] }]);
    });

    it("questions about a missing table raise NoSuchTableError naming it", async () => {
      const insp = await inspect(db.engine);
      await expect(insp.getColumns("refl_nothing")).rejects.toThrow(NoSuchTableError);
      await expect(insp.getForeignKeys("refl_nothing")).rejects.toThrow(/'refl_nothing' does not exist/);
    });

    it("metadata.reflect builds Tables (with the tables their foreign keys refer to) that select and insert work on", async () => {
      await createSchema();
      const metadata = MetaData();
      await metadata.reflect(db.engine, { only: ["refl_address"] });
      expect([...metadata.tables.keys()].sort()).toEqual(["refl_address", "refl_user"]);
      const user = metadata.tables.get("refl_user")!;
      const address = metadata.tables.get("refl_address")!;
      expect(user.c.keys()).toEqual(["id", "name", "email", "score", "active", "created", "note"]);
      expect(user.primaryKey.columns.map((c) => c.name)).toEqual(["id"]);
      const [fk] = [...address.foreignKeyConstraints];
      expect(fk?.referredTable).toBe(user);
      expect(fk?.onDelete).toBe("CASCADE");
      expect([...address.indexes].map((i) => i.name)).toContain("ix_refl_address_email");
      await db.engine.begin(async (conn) => {
        const result = await conn.execute(insert(user).values({ name: "sandy", email: "sandy@x", score: "12.50", active: true }));
        const userId = result.insertedPrimaryKey?.[0];
        expect(typeof userId === "number" || typeof userId === "bigint").toBe(true);
        await conn.execute(insert(address).values({ user_id: userId, email: "s@x" }));
        const rows = (
          // The join's ON clause comes from the reflected foreign key.
          await conn.execute(select(user.column("name"), user.column("score"), user.column("active"), address.column("status")).join(address))
        ).all();
        expect(rows.map((r) => [...r])).toEqual([["sandy", "12.50", true, "draft"]]);
      });
    });

    it("Table.reflect builds one table, composite primary key included, and returns the MetaData's table when it is there", async () => {
      await createSchema();
      const metadata = MetaData();
      const membership = await Table.reflect("refl_membership", metadata, db.engine);
      expect(membership.primaryKey.columns.map((c) => c.name)).toEqual(["a", "b"]);
      expect(await Table.reflect("refl_membership", metadata, db.engine)).toBe(membership);
      await db.engine.begin(async (conn) => {
        await conn.execute(insert(membership), [
          { a: 1, b: 2, label: "x" },
          { a: 1, b: 3, label: "y" },
        ]);
        const rows = (await conn.execute(select(membership).orderBy(membership.column("b")))).all();
        expect(rows.map((r) => [...r])).toEqual([
          [1, 2, "x"],
          [1, 3, "y"],
        ]);
      });
      await expect(Table.reflect("refl_nothing", MetaData(), db.engine)).rejects.toThrow(/refl_nothing/);
    });

    it("inspect(conn) runs in the connection's transaction", async () => {
      await db.engine.connect(async (conn) => {
        const metadata = reflectionSchema().metadata;
        await metadata.createAll(conn);
        const insp = await inspect(conn);
        expect(await insp.hasTable("refl_user")).toBe(true);
        expect((await insp.getColumns("refl_membership")).map((c) => c.name)).toEqual(["a", "b", "label"]);
        await metadata.dropAll(conn);
        await conn.commit();
      });
    });
  });
}
